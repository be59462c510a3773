"""The hint table: every rule has an example that the parser really produces, and fires on it."""

from __future__ import annotations

import pytest

from xs_kernel.errors import XsSyntaxError
from xs_kernel.parsing import hints, parse

# rule name -> a program that trips it, and a piece of what the error then says
EXAMPLES = {
    "else_if": ("conditional {\n  if (true) { }\n  else if (false) { }\n}", "`else if`"),
    "mismatched_closer": ("var $a { value = [1, 2) }", "closed by `)`"),
    "never_closed": ("var $a {\n  value = 1\n", "is never closed"),
    "operator_after_filter_chain": ("var $a { value = $b|count > 1 }", "cannot follow a filter"),
    "filter_inside_ternary": ("var $a { value = $c ? $x|trim : $y }", "between `?` and `:`"),
    "semicolon": ("var $a { value = 1 };\n", "`;`"),
    "function_call": ("var $a { value = math.add(5, 3) }", "no function calls"),
    "assignment_to_a_variable": ("$a = 1\n", "var.update $name"),
    "equals_in_an_object": ("var $a { value = {b = 1} }", "key: value"),
    "colon_in_a_block": ("redis.set { key: \"k\" }", "`key:` is object-literal syntax"),
}


def _error(code: str) -> XsSyntaxError:
    with pytest.raises(XsSyntaxError) as info:
        parse(code)
    return info.value


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_each_rule_fires_on_its_example(name: str) -> None:
    code, said = EXAMPLES[name]
    err = _error(code)
    assert said in f"{err.message}\n{err.hint}", (err.message, err.hint)


def test_every_rule_in_the_table_has_an_example() -> None:
    assert [rule.__name__ for rule in hints.RULES] == list(EXAMPLES)


def test_a_token_no_rule_knows_keeps_the_plain_message() -> None:
    err = _error("var $a { value = 1 2 }")
    assert err.message.startswith("expected ") and err.hint is None
