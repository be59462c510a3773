"""render: the text/plain and text/html of every kind of value, caps, escaping, stability."""

from __future__ import annotations

import json
import re
from html import escape as html_escape

import pytest

from xs_kernel.render import RenderOptions, bundle, html, plain

SCALARS = [
    ("abc", '"abc"'),
    ("null", '"null"'),
    ("", '""'),
    ("line\nbreak", '"line\\nbreak"'),
    ("héllo ✓", '"héllo ✓"'),
    (42, "42"),
    (-3, "-3"),
    (2.5, "2.5"),
    (2.0, "2.0"),
    (float("nan"), "null"),
    (True, "true"),
    (False, "false"),
    (None, "null"),
    ([], "[]"),
    ({}, "{}"),
]


@pytest.mark.parametrize("value, text", SCALARS)
def test_scalars_and_empty_containers_are_plain_json_like(value, text) -> None:
    assert bundle(value) == {"text/plain": text}


PLAIN = [
    (["a", 1, None, True], '0) "a"\n1) 1\n2) null\n3) true'),
    ([[1, 2], {"k": "v"}], '0) [1,2]\n1) {"k":"v"}'),
    (list(range(11)), "\n".join(f"{i:>2}) {i}" for i in range(11))),
    ({"name": "Ann", "age": 7}, 'name: "Ann"\nage:  7'),
    ({"a b": None, "": 1}, '"a b": null\n"":    1'),
    ({"nested": {"x": [1]}}, 'nested: {"x":[1]}'),
    ([{"id": 1, "n": "a"}, {"id": 2, "z": None}],
     '#  id  n  z\n0  1   a\n1  2      null'),
]


@pytest.mark.parametrize("value, text", PLAIN)
def test_plain_text_of_arrays_and_objects(value, text) -> None:
    assert plain(value) == text


def _cells(markup: str) -> list[str]:
    return re.findall(r"<t[dh](?: [^>]*)?>(.*?)</t[dh]>", markup)


def test_array_of_scalars_is_an_index_value_table() -> None:
    out = html(["a", None, 3])
    assert out.startswith('<div class="xs-result"><table class="xs-table">')
    assert _cells(out) == ["#", "value", "0", "a", "1",
                           '<span class="xs-null">null</span>', "2", "3"]


@pytest.mark.parametrize("text", ["", "null", "true", "42", "-1.5", " padded", "[1]", '"q"'])
def test_table_cells_quote_text_that_could_pass_for_another_value(text) -> None:
    assert _cells(html([text]))[3] == html_escape(json.dumps(text))


def test_table_cells_show_plain_text_bare() -> None:
    assert _cells(html(["Ada Lovelace", "a:b"]))[3::2] == ["Ada Lovelace", "a:b"]


def test_object_is_a_key_value_table() -> None:
    assert _cells(html({"k": "null", "n": None})) == [
        "key", "value", "k", "&quot;null&quot;", "n", '<span class="xs-null">null</span>']


def test_array_of_objects_uses_the_union_of_keys_in_first_seen_order() -> None:
    out = html([{"b": 1, "a": 2}, {"c": 3, "a": 4}])
    assert _cells(out)[:4] == ["#", "b", "a", "c"]
    assert _cells(out)[4:] == ["0", "1", "2", "", "1", "", "4", "3"]
    assert out.count('class="xs-missing"') == 2


def test_nested_values_are_compact_json_in_a_cell() -> None:
    out = html({"tags": ["x", "<y>"]})
    assert '<code class="xs-nested">[&quot;x&quot;,&quot;&lt;y&gt;&quot;]</code>' in out


def test_long_nested_values_are_cut() -> None:
    out = plain({"k": list(range(100))}, RenderOptions(max_cell=20))
    assert out == "k: [0,1,2,3,4,5,6,7,8,…"


@pytest.mark.parametrize("value", [
    ["<script>alert(1)</script>"],
    {"<img src=x onerror=alert(1)>": '" onclick="x'},
    [{"<b>": "&amp;", "k": "</td><script>"}],
])
def test_hostile_keys_and_values_are_inert(value) -> None:
    out = html(value)
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "onclick=\"" not in out
    assert "&amp;amp;" in out or "&lt;" in out


@pytest.mark.parametrize("value, shown", [
    (list(range(1234)), 50),
    ({f"k{i}": i for i in range(60)}, 50),
    ([{"i": i} for i in range(51)], 50),
])
def test_large_results_are_capped_with_a_visible_line(value, shown) -> None:
    b = bundle(value)
    total = f"{len(value):,}"
    assert b["text/plain"].endswith(f"(showing {shown} of {total} rows)")
    assert f'<p class="xs-footer">showing {shown} of {total} rows</p>' in b["text/html"]
    assert b["text/html"].count("<tr>") == shown + 1  # plus the header row


def test_the_cap_is_configurable() -> None:
    b = bundle(list(range(10)), RenderOptions(max_rows=3))
    assert b["text/plain"].splitlines() == ["0) 0", "1) 1", "2) 2", "(showing 3 of 10 rows)"]
    assert bundle(list(range(10)), RenderOptions(max_rows=10))["text/plain"].count("\n") == 9


def test_no_footer_when_everything_fits() -> None:
    assert "showing" not in str(bundle(list(range(50))))


def test_output_is_deterministic_across_processes() -> None:
    # Another interpreter, another hash seed: no set order, id() or address may leak in.
    import json
    import subprocess
    import sys

    value = [{"id": i, "name": f"n{i}", "meta": {"x": [i]}, "tags": ["b", "a"]} for i in range(5)]
    code = ("import json, sys; from xs_kernel.render import bundle; "
            "print(json.dumps(bundle(json.loads(sys.argv[1]))))")
    seen = [subprocess.run([sys.executable, "-c", code, json.dumps(value)], check=True,
                           capture_output=True, text=True, env={"PYTHONHASHSEED": seed},
                           timeout=120).stdout for seed in ("1", "2")]
    assert seen[0] == seen[1] == json.dumps(bundle(value)) + "\n"
    assert not re.search(r"\bid=|0x[0-9a-f]{6,}", bundle(value)["text/html"])


# -- timestamps: readable ISO in HTML tables, the raw number in text/plain

from xs_kernel.render import timestamp_iso  # noqa: E402


@pytest.mark.parametrize("name", ["created_at", "updated_at", "expires_at", "at", "Created_At",
                                  "timestamp", "last_login_time", "start_date", "createdAt",
                                  "loginTime", "created", "expires"])
def test_time_names_with_epoch_millis_read_as_iso(name: str) -> None:
    assert timestamp_iso(name, 1733435406123) == "2024-12-05T21:50:06.123Z"
    assert timestamp_iso(name, 1733435406000) == "2024-12-05T21:50:06Z"


@pytest.mark.parametrize("name, value", [
    ("format", 1733435406123), ("flat", 1733435406123), ("count", 1733435406123),
    ("id", 1733435406123), ("created_at", 17334354), ("created_at", 5_000_000_000_000),
    ("created_at", True), ("created_at", 1733435406.5), ("created_at", "1733435406123"),
    ("created_at", None), (3, 1733435406123),
])
def test_other_numbers_are_not_timestamps(name, value) -> None:
    assert timestamp_iso(name, value) is None


def test_a_timestamp_column_is_iso_in_html_and_the_number_in_text() -> None:
    rows = [{"id": 1, "created_at": 1733435406123, "note": "a"}, {"id": 2, "created_at": None}]
    data = bundle(rows)
    assert ('<td class="xs-timestamp" title="1733435406123">2024-12-05T21:50:06.123Z</td>'
            in data["text/html"])
    assert "1733435406123" in data["text/plain"] and "2024-12-05" not in data["text/plain"]
    assert '<td>1</td>' in data["text/html"]  # an id stays a number


def test_an_objects_timestamp_value_is_iso_in_html() -> None:
    html_table = bundle({"user": "ann", "updated_at": 946684800000})["text/html"]
    assert ">2000-01-01T00:00:00Z</td>" in html_table
