"""Syntax errors name what was expected in plain words, point at the right place, and
carry a hint for every known trap."""

from __future__ import annotations

import re

import pytest

from xs_kernel.errors import XsSyntaxError, format_error
from xs_kernel.parsing import parse


def error(code: str) -> XsSyntaxError:
    with pytest.raises(XsSyntaxError) as info:
        parse(code, "cell.xs")
    return info.value


# (code, words in the message, words in the hint, (line, column) of the span)
TRAPS = [
    ("conditional {\n  if ($a) {\n  }\n  else if ($b) {\n  }\n}",
     "else if", "elseif", (4, 8)),
    ("var $n { value = $arr|count > 0 }",
     "operator cannot follow a filter chain", "($arr|count) >", (1, 29)),
    ('var $m { value = $status|to_text ~ ": " }',
     "operator cannot follow a filter chain", "($status|to_text) ~", (1, 34)),
    ('var $m { value = "a" ~ $x|trim ~ "b" }',
     "operator cannot follow a filter chain", "($x|trim) ~", (1, 32)),
    ("precondition (($attempts|to_int ?? 0) < 5)",
     "operator cannot follow a filter chain", "($attempts|to_int) ??", (1, 33)),
    ("input {\n  string name\n}", "`string` is not a XanoScript type", "`text`", (2, 3)),
    ("input {\n  integer n\n}", "`integer`", "`int`", (2, 3)),
    ("input {\n  boolean ok\n}", "`boolean`", "`bool`", (2, 3)),
    ("input {\n  float price\n}", "`float`", "`decimal`", (2, 3)),
    ('table "t" {\n  schema {\n    string s\n  }\n}', "`string`", "`text`", (3, 5)),
    ("var $o { value = { customer = $id } }", "expected `:`", "key: value", (1, 29)),
    ("debug.log { value: 1 }", "`value:` is object-literal syntax", "name = value", (1, 18)),
    ("var $x {\n  value = 1\n", "`{` opened on line 1, column 8 is never closed", "`}`", (1, 8)),
    ("foreach ($xs) {\n  each as $x {\n  }\n", "`{` opened on line 1, column 15", "`}`", (1, 15)),
    ("var $x { value = [1, 2 }", "`[` opened on line 1, column 18 is closed by `}`", "`]`", (1, 18)),
    ('var $s { value = "abc }', 'string starting with " on line 1, column 18 is never closed',
     "closing", (1, 18)),
    ("var $s { value = 'abc }", "string starting with ' on line 1", "closing", (1, 18)),
    ('var $s {\n  value = """\n  abc\n}', 'string starting with """ on line 2, column 11', '"""', (2, 11)),
    ("var $x { value = 1 };", "`;` is not used", "own line", (1, 21)),
    ("}", "`}` has no matching `{`", "remove", (1, 1)),
    ("var $x { value = math.add(1, 2) }", "no function calls", "|add:", (1, 22)),
    ("math.add(5, 3)", "no function calls", "|add:", (1, 11)),
    ("$x = 5", "found `=`", "var $name", (1, 4)),
    ('$c ? $x|trim : "b"', "between `?` and `:`", "($x|trim)", (1, 8)),
]


@pytest.mark.parametrize("code,message,hint,where", TRAPS)
def test_traps_have_hints(code, message, hint, where):
    err = error(code)
    assert message in err.message
    assert err.hint is not None and hint in err.hint
    assert (err.span.line, err.span.column) == where


PLAIN_WORDS = [
    ("var $x { value = }", "expected an expression, but found `}`"),
    ("var x { value = 1 }", "expected a variable such as $name, but found `x`"),
    ("var $x { value = (1 + 2 }", "closed by `}`"),
    ("var $x { value = 1 +  }", "expected an expression"),
    ('db.get "u" as u', "expected a variable such as $name"),
    ("var $x { value = @ }", "found `@`"),
    ("conditional {\n  else {\n  }\n}", "expected `if`"),
    ("for (3) {\n  var $a { value = 1 }\n}", "expected `each`"),
]


@pytest.mark.parametrize("code,message", PLAIN_WORDS)
def test_messages_use_plain_words(code, message):
    assert message in error(code).message


BAD_INPUTS = [
    "var $x { value = 1 }\n}", "{{{{", "))", "var $x { value = $a|count > }", "foreach",
    "var $a { value = `$x +` }", "input {\n  var $x { value = 1 }\n}", "'", '"""', "```",
    "var $x { value = 1 } as $y", "switch ($a) { case (1) { } break break }", "text?", "$",
    "a.b.c.", "!break", "x ? y", "@", "\\", "var $x { value = 1 ~ }", "[1 2]",
]


@pytest.mark.parametrize("code", BAD_INPUTS)
def test_no_lark_internals_leak(code):
    err = error(code)
    text = "\n".join(format_error(err))
    assert not re.search(r"__ANON|RBRACE|LBRACE|_NL\b|\$END|VARIABLE|DOTTED|Token\(", text), text
    assert err.span is not None and err.span.line >= 1
    assert err.type == "syntaxerror"


def test_error_is_located_for_format_error():
    err = error("var $x {\n  value = $a|count > 0\n}")
    lines = format_error(err)
    assert lines[0].startswith("syntaxerror: an operator cannot follow a filter chain")
    assert "at cell.xs, line 2, column 20" in lines[1]
    assert lines[2].endswith("value = $a|count > 0")
    assert lines[3].strip() == "^"
    assert lines[-1].startswith("hint: wrap the filtered value in parentheses")


def test_errors_inside_backticks_point_into_the_literal():
    err = error("var $a {\n  value = `$x +`\n}")
    assert err.span.line == 2


def test_deep_nesting_runs_or_is_a_clear_error_never_a_crash():
    from xs_kernel.session import Session

    def nested(depth: int) -> str:
        return "var $x { value = " + "[" * depth + "]" * depth + " }"

    session = Session()
    assert session.run(nested(5000)).error is None
    value, depth = session.variables["x"], 1
    while value:
        value, depth = value[0], depth + 1
    assert depth == 5000
    err = Session().run(nested(50000)).error
    assert (err.type, err.message) == ("standard", "program too deeply nested")


@pytest.mark.parametrize("literal, column, written", [
    ("1e3", 19, "1000"), ("1.5e-3", 21, "0.0015"), ("2E+10", 19, "20000000000")])
def test_an_exponent_is_a_clear_error_at_the_exponent(literal, column, written):
    # XanoScript numbers have no exponent; `1e3` once read as 1, dropping `e3`.
    err = error(f"var $x {{ value = {literal} }}")
    assert err.message == "XanoScript numbers have no exponent"
    assert (err.span.line, err.span.column) == (1, column)
    assert err.hint == f"write the number out: {written}"


def test_a_number_too_long_to_read_is_a_plain_error():
    err = error("var $x { value = " + "7" * 5000 + " }")
    assert err.message == "this number has 5,000 digits; a number literal may have at most 4,000"


@pytest.mark.parametrize("code, name, where", [
    ("var $x { value = 1 typo }", "typo", (1, 20)),
    ("var $x {\n  value = 1\n  typo\n}", "typo", (3, 3)),
    ("var.update $x { value = 2 debug.log { value = 1 } }", "debug.log", (1, 27)),
])
def test_nothing_after_the_value_of_var_is_dropped(code, name, where):
    err = error(code)
    assert err.message.startswith(f"unexpected `{name}` in the `var")
    assert (err.span.line, err.span.column) == where
