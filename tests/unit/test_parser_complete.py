"""is_complete (the notebook's "is this cell finished?") and parser robustness."""

from __future__ import annotations

import pytest

from xs_kernel.errors import XsSyntaxError
from xs_kernel.parsing import is_complete, parse

COMPLETENESS = [
    ("", ("complete", "")),
    ("var $x { value = 1 }", ("complete", "")),
    ("$total", ("complete", "")),
    ("var $x {", ("incomplete", "  ")),
    ("var $x {\n  value = [", ("incomplete", "    ")),
    ("var $x {\n  value = [\n    1,", ("incomplete", "    ")),
    ("foreach ($l) {\n  each as $x {\n", ("incomplete", "    ")),
    ("var $x { value = ($a + ", ("incomplete", "")),
    ('var $s { value = "abc', ("incomplete", "")),
    ('var $s {\n  value = """\n    text', ("incomplete", "    ")),
    ("var $e { value = ```\n$a", ("incomplete", "")),
    ("var $e { value = `$a", ("incomplete", "")),
    ("}", ("invalid", "")),
    ("var $x { value = 1 }\n}", ("invalid", "")),
    ("var $x { value = (1 + 2] }", ("invalid", "")),
    ('var $s { value = "abc\n" }', ("invalid", "")),
    ("// an open brace in a comment {", ("complete", "")),
    ("# hash comment (", ("complete", "")),
    ('var $s { value = "{[(" }', ("complete", "")),
    ("var $s { value = '}' }", ("complete", "")),
    ('var $s { value = "\\"{" }', ("complete", "")),
    ('var $s { value = """\n  }\n""" }', ("complete", "")),
]


@pytest.mark.parametrize("code,want", COMPLETENESS)
def test_is_complete(code, want):
    assert is_complete(code) == want


def test_complete_cells_parse_and_incomplete_ones_do_not():
    for code, (state, _) in COMPLETENESS:
        if state == "incomplete":
            with pytest.raises(XsSyntaxError):
                parse(code)


GARBAGE = [
    "\x00", "\ufeffvar $x { value = 1 }", "😀", "var $😀 { value = 1 }", "\t\t\n\r\n",
    "$" * 50, "|" * 20, "{" * 300, "(" * 2000 + "1" + ")" * 2000, "-" * 100 + "1",
    "!" * 500 + "$x", '"' * 7, "'" * 7, "`" * 7, "var $x { value = 1 }" * 3,
    "conditional { if", "a" * 10000, "1" * 5000,
]


@pytest.mark.parametrize("code", GARBAGE, ids=range(len(GARBAGE)))
def test_parser_never_raises_anything_but_syntax_errors(code):
    try:
        parse(code)
    except XsSyntaxError as err:
        assert err.message and err.type == "syntaxerror"


def test_non_text_input_is_a_syntax_error():
    with pytest.raises(XsSyntaxError):
        parse(None)  # type: ignore[arg-type]


def test_crlf_line_endings():
    prog = parse("var $x {\r\n  value = 1\r\n}\r\n$x\r\n")
    assert len(prog.items) == 2


def test_byte_order_mark_is_ignored():
    assert parse("\ufeffvar $x { value = 1 }").items[0].name == "x"
