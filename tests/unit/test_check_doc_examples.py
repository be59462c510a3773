"""tools/check_doc_examples.py: reading stated results, finding examples, exit status."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "tools" / "check_doc_examples.py"
_spec = importlib.util.spec_from_file_location("check_doc_examples_tool", _PATH)
tool = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = tool  # dataclasses look their module up while being built
_spec.loader.exec_module(tool)

FENCE = "`" * 3

SAMPLE = f"""# Made-up reference

| Name | Example | Result |
|------|---------|--------|
| `strlen` | `"kiwi"\\|strlen` | `4` |
| `join` | `["x","y"]\\|join:"+"` | `x+y` |
| `slice` | `[5,6,7,8]\\|slice:2:1` | `[7]` -- one element |
| `shuffle` | `[4,5]\\|shuffle` | Some order |

| Name | Example |
|------|---------|
| `trim` | `$s\\|trim` |

{FENCE}xs
[3,4]|last                      // 4
{{p:1}}|set:"q":2                 // {{p: 1, q: 2}}
"pq"|to_upper                   // The upper case
[7,8]|count
// 2
$list|first                     // 99
7|lambda_map:"return 1"         // 1
text.length("abc")              // 3
{FENCE}

Wrong:

{FENCE}xs
[1]|count                       // 5
{FENCE}

Also `6|subtract:2` → `4` in prose.
"""


def _found() -> tool.Found:
    found = tool.Found()
    tool.extract("ref.md", SAMPLE, found)
    return found


@pytest.mark.parametrize("text,value,approx,digits,note", [
    ("12", 12, False, None, ""),
    ("-0.5", -0.5, False, None, ""),
    ('"a\\"b"', 'a"b', False, None, ""),
    ("'it\\'s'", "it's", False, None, ""),
    ("[1, [2], {k: null}]", [1, [2], {"k": None}], False, None, ""),
    ('{"x": true, y: false}', {"x": True, "y": False}, False, None, ""),
    ("~2 (about)", 2, True, None, "(about)"),
    ("0.333...", 0.333, False, 3, ""),
    ('Output: "z"', "z", False, None, ""),
    ("[1] -- a note", [1], False, None, "-- a note"),
])
def test_parse_expected_reads_values(text, value, approx, digits, note):
    got = tool.parse_expected(text)
    assert (got.value, got.approx, got.digits, got.note) == (value, approx, digits, note)


@pytest.mark.parametrize("text", ["Boolean match", "5MB", "1-10 items", "[1, 2", "{a 1}",
                                  "0-based: third"])
def test_parse_expected_refuses_prose(text):
    with pytest.raises(tool.NotLiteral):
        tool.parse_expected(text)


@pytest.mark.parametrize("stated,got,want", [
    ("3", 3.0, True),
    ("3", 3.1, False),
    ("~1", 0.9999, True),
    ("~1", 0.99, False),
    ("0.6666...", 0.66667, True),
    ("0.6666...", 0.6667, False),
    ("[1,2]", [1, 2], True),
    ("[1,2]", [2, 1], False),
    ('"1"', 1, False),
])
def test_matches(stated, got, want):
    assert tool.matches(tool.parse_expected(stated), got) is want


def test_split_comment_minds_quotes():
    assert tool.split_comment('"a//b"|strlen  // 4') == ('"a//b"|strlen', "4")
    assert tool.split_comment("'x'|trim") == ("'x'|trim", None)


def test_extract_finds_tables_code_lines_and_prose():
    found = _found()
    rows = [(ex.kind, ex.expr, ex.result) for ex in found.examples]
    assert rows == [
        ("table", '"kiwi"|strlen', "4"),
        ("table", '["x","y"]|join:"+"', "x+y"),
        ("table", "[5,6,7,8]|slice:2:1", "[7] -- one element"),
        ("code", "[3,4]|last", "4"),
        ("code", '{p:1}|set:"q":2', "{p: 1, q: 2}"),
        ("code", "[7,8]|count", "2"),
        ("code", "$list|first", "99"),
        ("code", '7|lambda_map:"return 1"', "1"),
        ("code", 'text.length("abc")', "3"),
        ("prose", "6|subtract:2", "4"),
    ]
    assert [ex.expr for ex in found.unstated] == ["[4,5]|shuffle"]
    assert [ex.expr for ex in found.wrong_blocks] == ["[1]|count"]
    assert [ex.expr for ex in found.described] == ['"pq"|to_upper']


@pytest.mark.parametrize("expr,reason", [
    ('[1]|lambda_filter:"return true"', "lambda"),
    ("5|lambda:\"return 1\"", "lambda"),
    ("math.add(1, 2)", "call syntax"),
    ("[1]|count", None),
])
def test_skip_reason(expr, reason):
    got = tool.skip_reason(expr)
    assert (got is None) if reason is None else (reason in got)


def test_check_reports_and_exit_status(tmp_path, capsys, monkeypatch):
    (tmp_path / "ref.md").write_text(SAMPLE, encoding="utf-8")
    assert tool.check(tmp_path) == 1  # `$list|first` cannot give 99
    out = capsys.readouterr().out
    assert "examples: 10  match: 7  explained: 0  mismatch: 1  skipped: 2" in out
    assert "ref.md:" in out and "$list|first" in out
    monkeypatch.setitem(tool.KNOWN_DOC_ERRORS, ("ref.md", "first"), "needs a variable")
    assert tool.check(tmp_path) == 0
    assert "explained: 1  mismatch: 0" in capsys.readouterr().out
