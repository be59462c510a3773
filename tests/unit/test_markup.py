"""markup: every text is escaped unless it is Markup; tags and attributes are checked."""

from __future__ import annotations

import pytest

from xs_kernel import markup as m

HOSTILE = [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ('" onmouseover="x', "&quot; onmouseover=&quot;x"),
    ("it's", "it&#x27;s"),
    ("&amp;", "&amp;amp;"),  # already-escaped text is escaped again: we never unescape
    ("plain", "plain"),
]


@pytest.mark.parametrize("text, expected", HOSTILE)
def test_escape_makes_text_inert(text: str, expected: str) -> None:
    assert m.escape(text) == expected
    assert isinstance(m.escape(text), m.Markup)


@pytest.mark.parametrize("text, expected", HOSTILE)
def test_element_escapes_children(text: str, expected: str) -> None:
    assert m.element(m.TD, text) == f"<td>{expected}</td>"


@pytest.mark.parametrize("text, expected", HOSTILE)
def test_element_escapes_attribute_values(text: str, expected: str) -> None:
    assert m.element(m.SPAN, "x", cls=text) == f'<span class="{expected}">x</span>'


def test_markup_children_pass_through_and_nest() -> None:
    inner = m.element(m.SPAN, "<b>", cls=m.CLASS_NULL)
    assert m.element(m.TD, inner, None, ["a", m.escape("&")]) == \
        '<td><span class="xs-null">&lt;b&gt;</span>a&amp;</td>'


def test_escape_leaves_markup_alone() -> None:
    once = m.escape("<")
    assert m.escape(once) == "&lt;"


@pytest.mark.parametrize("tag", ["script", "img", "a", "style", "td onclick"])
def test_unknown_tags_are_refused(tag: str) -> None:
    with pytest.raises(ValueError):
        m.element(tag, "x")


@pytest.mark.parametrize("name", ["on click", "x\"y", "1a", "onload=x"])
def test_bad_attribute_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError):
        m.element(m.TD, "x", **{name: "v"})


def test_data_attribute_spelling() -> None:
    assert m.element(m.TD, "x", data_kind="k") == '<td data-kind="k">x</td>'
