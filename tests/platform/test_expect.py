"""expect.* assertions: each passes on a fitting target and fails with ExpectationFailed."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Callable

import pytest

from xs_kernel.errors import XsError, XsInterrupt
from xs_kernel.namespaces import expect as ex
from xs_kernel.registry import Call, load_builtins
from xs_kernel.session import Session

NOW = 1_700_000_000_000  # a moment safely in the past
FUTURE = 4_000_000_000_000


def run(fn: Callable[..., Any], target: Any, **attrs: Any) -> None:
    fn(Call(services=SimpleNamespace(), emit=lambda k, v: None, target=target), **attrs)


CASES = [
    # assertion, target, attrs, passes
    (ex.expect_to_be_true, True, {}, True),
    (ex.expect_to_be_true, 1, {}, False),
    (ex.expect_to_be_false, False, {}, True),
    (ex.expect_to_be_false, None, {}, False),
    (ex.expect_to_be_null, None, {}, True),
    (ex.expect_to_be_null, 0, {}, False),
    (ex.expect_to_not_be_null, "", {}, True),
    (ex.expect_to_not_be_null, None, {}, False),
    (ex.expect_to_be_defined, 0, {}, True),
    (ex.expect_to_be_defined, None, {}, False),
    (ex.expect_to_not_be_defined, None, {}, True),
    (ex.expect_to_not_be_defined, [], {}, False),
    (ex.expect_to_be_empty, [], {}, True),
    (ex.expect_to_be_empty, "0", {}, True),
    (ex.expect_to_be_empty, [0], {}, False),
    (ex.expect_to_equal, {"a": [1, 2.0]}, {"value": {"a": [1, 2]}}, True),
    (ex.expect_to_equal, "1", {"value": 1}, False),
    (ex.expect_to_not_equal, "1", {"value": 1}, True),
    (ex.expect_to_not_equal, 3, {"value": 3.0}, False),
    (ex.expect_to_be_greater_than, 10, {"value": 3}, True),
    (ex.expect_to_be_greater_than, 3, {"value": 3}, False),
    (ex.expect_to_be_greater_than, "10", {"value": 3}, False),
    (ex.expect_to_be_less_than, 2.5, {"value": 3}, True),
    (ex.expect_to_be_less_than, "a", {"value": "b"}, True),
    (ex.expect_to_be_less_than, 4, {"value": 3}, False),
    (ex.expect_to_be_within, 20, {"min": 20, "max": 30}, True),
    (ex.expect_to_be_within, 31, {"min": 20, "max": 30}, False),
    (ex.expect_to_be_within, "25", {"min": 20, "max": 30}, False),
    (ex.expect_to_contain, ["x", {"k": 1}], {"value": {"k": 1}}, True),
    (ex.expect_to_contain, "featured item", {"value": "item"}, True),
    (ex.expect_to_contain, {"id": 1}, {"value": "id"}, True),
    (ex.expect_to_contain, ["x"], {"value": "y"}, False),
    (ex.expect_to_contain, 12, {"value": 1}, False),
    (ex.expect_to_start_with, "John Smith", {"value": "John"}, True),
    (ex.expect_to_start_with, "Ann", {"value": "John"}, False),
    (ex.expect_to_end_with, "report.pdf", {"value": ".pdf"}, True),
    (ex.expect_to_end_with, 5, {"value": "5"}, False),
    (ex.expect_to_match, "+15551234567", {"value": r"^\+1\d{10}$"}, True),
    (ex.expect_to_match, "555", {"value": r"^\+1"}, False),
    (ex.expect_to_be_in_the_past, NOW, {}, True),
    (ex.expect_to_be_in_the_past, "2001-02-03", {}, True),
    (ex.expect_to_be_in_the_past, FUTURE, {}, False),
    (ex.expect_to_be_in_the_future, FUTURE, {}, True),
    (ex.expect_to_be_in_the_future, NOW, {}, False),
    (ex.expect_to_be_in_the_future, "soon", {}, False),
]


@pytest.mark.parametrize("fn, target, attrs, passes", CASES,
                         ids=[f"{c[0].__name__}-{i}" for i, c in enumerate(CASES)])
def test_assertion(fn: Callable[..., Any], target: Any, attrs: dict, passes: bool) -> None:
    if passes:
        run(fn, target, **attrs)
        return
    with pytest.raises(XsError) as info:
        run(fn, target, **attrs)
    assert info.value.name == ex.FAILED and info.value.message


def test_bad_regex_is_an_input_error() -> None:
    with pytest.raises(XsError) as info:
        run(ex.expect_to_match, "x", value="(")
    assert info.value.type == "inputerror"


def _raiser(err: XsError) -> Callable[[], None]:
    def stack() -> None:
        raise err
    return stack


@pytest.mark.parametrize("stack, expected, passes", [
    (_raiser(XsError("inputerror", "Age cannot be negative")), "cannot be negative", True),
    (_raiser(XsError("inputerror", "bad")), "inputerror", True),
    (_raiser(XsError("standard", "x", name="InvalidInputError")), "InvalidInputError", True),
    (_raiser(XsError("standard", "x")), None, True),
    (_raiser(XsError("standard", "x")), "", True),
    (_raiser(XsError("standard", "x")), "other", False),
    (lambda: None, None, False),
    ({}, None, False),
])
def test_to_throw(stack: Any, expected: Any, passes: bool) -> None:
    attrs = {"stack": stack, "exception": expected, "value": None}
    if passes:
        run(ex.expect_to_throw, None, **attrs)
    else:
        with pytest.raises(XsError) as info:
            run(ex.expect_to_throw, None, **attrs)
        assert info.value.name == ex.FAILED


def test_to_throw_lets_an_interrupt_through() -> None:
    with pytest.raises(XsInterrupt):
        run(ex.expect_to_throw, None, stack=_raiser(XsInterrupt()), exception=None, value=None)


def test_to_throw_without_a_stack_outside_a_test_is_an_input_error() -> None:
    with pytest.raises(XsError) as info:
        run(ex.expect_to_throw, None, stack=None, exception="x", value=None)
    assert info.value.type == "inputerror"


def test_every_documented_assertion_is_registered() -> None:
    names = {n for n in load_builtins().functions if n.startswith("expect.")}
    assert names == {
        "expect.to_equal", "expect.to_not_equal", "expect.to_be_true", "expect.to_be_false",
        "expect.to_be_null", "expect.to_not_be_null", "expect.to_be_defined",
        "expect.to_not_be_defined", "expect.to_be_empty", "expect.to_be_greater_than",
        "expect.to_be_less_than", "expect.to_be_within", "expect.to_contain",
        "expect.to_start_with", "expect.to_end_with", "expect.to_match",
        "expect.to_be_in_the_past", "expect.to_be_in_the_future", "expect.to_throw"}


def test_assertions_from_source() -> None:
    session = Session()
    good = session.run('''var $order { value = { total: 120, tags: ["gift"] } }
expect.to_be_greater_than ($order.total) { value = 100 }
expect.to_contain ($order.tags) { value = "gift" }
expect.to_throw {
  stack {
    throw { name = "Oops" value = "went wrong" }
  }
  exception = "Oops"
}
expect.to_be_within ($order.total) {
  min = 100
  max = 200
}
1''')
    assert good.error is None, good.error and good.error.message
    bad = session.run('expect.to_equal ($order.total) { value = 99 }')
    assert bad.error is not None and bad.error.name == ex.FAILED
    assert bad.error.message == "expected 99, got 120" and bad.error.span.line == 1
