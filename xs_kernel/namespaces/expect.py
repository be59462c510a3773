"""``expect.*``: the assertions of ``test`` blocks and ``workflow_test`` stacks.

Each assertion checks its target (``expect.to_equal ($response.total) { value = 3 }``) and
raises an error named ``ExpectationFailed`` when the check fails, so ``%test`` can report
it and a plain cell shows it as a failed cell. ``expect.to_throw { stack { ... } exception
= "..." }`` runs its nested stack and passes only if that raises a matching error; inside a
unit ``test`` block (no stack) ``%test`` checks the tested function's own error instead.
"""

from __future__ import annotations

import time
from typing import Any

from .. import patterns
from ..errors import XsError, XsInterrupt
from ..coercion import Invalid, to_timestamp
from ..registry import Call, Param, builtin
from ..values import compare, equals, is_empty, is_number, number_text, preview, type_name

FAILED = "ExpectationFailed"
_TARGET = "value"


def _fail(message: str) -> XsError:
    return XsError("standard", message, name=FAILED)


def _show(value: Any) -> str:
    if is_number(value):
        return number_text(value)
    return "null" if value is None else preview(value)


def _check(ok: bool, message: str) -> None:
    if not ok:
        raise _fail(message)


def _value(attrs: dict) -> Any:
    return attrs.get("value")


# ---------------------------------------------------------------- no-property assertions


@builtin("expect.to_be_true", returns=False, target=_TARGET)
def expect_to_be_true(call: Call, **_: Any) -> None:
    """Pass when the target is true.

    Mirrors unit-testing.md / workflow-tests.md (Assertions)."""
    _check(call.target is True, f"expected true, got {_show(call.target)}")


@builtin("expect.to_be_false", returns=False, target=_TARGET)
def expect_to_be_false(call: Call, **_: Any) -> None:
    """Pass when the target is false.

    Mirrors unit-testing.md / workflow-tests.md (Assertions)."""
    _check(call.target is False, f"expected false, got {_show(call.target)}")


@builtin("expect.to_be_null", returns=False, target=_TARGET)
def expect_to_be_null(call: Call, **_: Any) -> None:
    """Pass when the target is null.

    Mirrors unit-testing.md / workflow-tests.md (Assertions)."""
    _check(call.target is None, f"expected null, got {_show(call.target)}")


@builtin("expect.to_not_be_null", returns=False, target=_TARGET)
def expect_to_not_be_null(call: Call, **_: Any) -> None:
    """Pass when the target is not null.

    Mirrors unit-testing.md / workflow-tests.md (Assertions)."""
    _check(call.target is not None, "expected a value, got null")


@builtin("expect.to_be_defined", returns=False, target=_TARGET)
def expect_to_be_defined(call: Call, **_: Any) -> None:
    """Pass when the target has a value (missing paths read as null in the kernel).

    Mirrors workflow-tests.md (Assertions)."""
    _check(call.target is not None, "expected a defined value, got nothing")


@builtin("expect.to_not_be_defined", returns=False, target=_TARGET)
def expect_to_not_be_defined(call: Call, **_: Any) -> None:
    """Pass when the target has no value.

    Mirrors workflow-tests.md (Assertions)."""
    _check(call.target is None, f"expected nothing, got {_show(call.target)}")


@builtin("expect.to_be_empty", returns=False, target=_TARGET)
def expect_to_be_empty(call: Call, **_: Any) -> None:
    """Pass when the target is empty: null, "", 0, false, [] or {}.

    Mirrors unit-testing.md / workflow-tests.md (Assertions)."""
    _check(is_empty(call.target), f"expected an empty value, got {_show(call.target)}")


def _moment(value: Any) -> float:
    if is_number(value):
        return float(value)
    if isinstance(value, str):
        try:
            return float(to_timestamp(value))
        except Invalid:
            pass
    raise _fail(f"expected a timestamp, got {_show(value)}")


@builtin("expect.to_be_in_the_past", returns=False, target=_TARGET)
def expect_to_be_in_the_past(call: Call, **_: Any) -> None:
    """Pass when the target timestamp (epoch ms or date text) lies before now.

    Mirrors unit-testing.md (Time Assertions)."""
    _check(_moment(call.target) < time.time() * 1000,
           f"expected a time in the past, got {_show(call.target)}")


@builtin("expect.to_be_in_the_future", returns=False, target=_TARGET)
def expect_to_be_in_the_future(call: Call, **_: Any) -> None:
    """Pass when the target timestamp (epoch ms or date text) lies after now.

    Mirrors unit-testing.md (Time Assertions)."""
    _check(_moment(call.target) > time.time() * 1000,
           f"expected a time in the future, got {_show(call.target)}")


# ---------------------------------------------------------------- value assertions

_VALUE = Param("value", required=True, doc="the expected value")


@builtin("expect.to_equal", _VALUE, returns=False, target=_TARGET)
def expect_to_equal(call: Call, **attrs: Any) -> None:
    """Pass when the target equals value (numbers by value, structures deeply).

    Mirrors unit-testing.md (Value Assertions)."""
    expected = _value(attrs)
    _check(equals(call.target, expected),
           f"expected {_show(expected)}, got {_show(call.target)}")


@builtin("expect.to_not_equal", _VALUE, returns=False, target=_TARGET)
def expect_to_not_equal(call: Call, **attrs: Any) -> None:
    """Pass when the target differs from value.

    Mirrors unit-testing.md (Value Assertions)."""
    _check(not equals(call.target, _value(attrs)),
           f"expected anything but {_show(_value(attrs))}")


def _ordered(target: Any, expected: Any, want: int, word: str) -> None:
    if type_name(target) != type_name(expected) and not (is_number(target) and
                                                          is_number(expected)):
        raise _fail(f"cannot compare {type_name(target)} with {type_name(expected)}")
    _check(compare(target, expected) == want,
           f"expected a value {word} {_show(expected)}, got {_show(target)}")


@builtin("expect.to_be_greater_than", _VALUE, returns=False, target=_TARGET)
def expect_to_be_greater_than(call: Call, **attrs: Any) -> None:
    """Pass when the target is greater than value.

    Mirrors unit-testing.md (Comparison Assertions)."""
    _ordered(call.target, _value(attrs), 1, "greater than")


@builtin("expect.to_be_less_than", _VALUE, returns=False, target=_TARGET)
def expect_to_be_less_than(call: Call, **attrs: Any) -> None:
    """Pass when the target is less than value.

    Mirrors unit-testing.md (Comparison Assertions)."""
    _ordered(call.target, _value(attrs), -1, "less than")


@builtin("expect.to_be_within", Param("min", required=True), Param("max", required=True),
         returns=False, target=_TARGET)
def expect_to_be_within(call: Call, min: Any = None, max: Any = None, **_: Any) -> None:
    """Pass when min <= target <= max.

    Mirrors unit-testing.md (Range)."""
    t = call.target
    inside = is_number(t) and compare(t, min) >= 0 and compare(t, max) <= 0
    _check(inside, f"expected a value within {_show(min)}..{_show(max)}, got {_show(t)}")


@builtin("expect.to_contain", _VALUE, returns=False, target=_TARGET)
def expect_to_contain(call: Call, **attrs: Any) -> None:
    """Pass when the target array holds value, the target text contains it, or the target
    object has it as a key.

    Mirrors unit-testing.md (String Assertions)."""
    t, v = call.target, _value(attrs)
    if isinstance(t, list):
        ok = any(equals(item, v) for item in t)
    elif isinstance(t, str):
        ok = isinstance(v, str) and v in t
    elif isinstance(t, dict):
        ok = isinstance(v, str) and v in t
    else:
        raise _fail(f"expected an array, text or object to search, got {_show(t)}")
    _check(ok, f"expected {_show(t)} to contain {_show(v)}")


def _text(target: Any) -> str:
    if not isinstance(target, str):
        raise _fail(f"expected text, got {_show(target)}")
    return target


@builtin("expect.to_start_with", _VALUE, returns=False, target=_TARGET)
def expect_to_start_with(call: Call, **attrs: Any) -> None:
    """Pass when the target text starts with value.

    Mirrors unit-testing.md (String Assertions)."""
    prefix = str(_value(attrs))
    _check(_text(call.target).startswith(prefix),
           f"expected {_show(call.target)} to start with {_show(prefix)}")


@builtin("expect.to_end_with", _VALUE, returns=False, target=_TARGET)
def expect_to_end_with(call: Call, **attrs: Any) -> None:
    """Pass when the target text ends with value.

    Mirrors unit-testing.md (String Assertions)."""
    suffix = str(_value(attrs))
    _check(_text(call.target).endswith(suffix),
           f"expected {_show(call.target)} to end with {_show(suffix)}")


@builtin("expect.to_match", _VALUE, returns=False, target=_TARGET)
def expect_to_match(call: Call, **attrs: Any) -> None:
    """Pass when the regular expression value matches somewhere in the target text.

    Mirrors unit-testing.md (Regex match)."""
    pattern = str(_value(attrs))
    try:
        found = patterns.search(pattern, _text(call.target)) is not None
    except patterns.PatternError as exc:
        raise XsError("inputerror", f"expect.to_match: bad pattern {pattern!r}: {exc}") from None
    except patterns.RunawayPattern as exc:
        raise XsError("standard", f"expect.to_match: {exc}") from None
    _check(found, f"expected {_show(call.target)} to match /{pattern}/")


# ---------------------------------------------------------------- errors


def error_matches(err: XsError, expected: Any) -> bool:
    """Whether ERR is the error a to_throw expects: any error when EXPECTED is empty,
    else its name, type or message equals EXPECTED or the message contains it."""
    if expected is None or expected == "":
        return True
    text = str(expected)
    return text in (err.name, err.type, err.message) or text in err.message


def _nothing() -> None:
    return None


@builtin("expect.to_throw", Param("stack", lazy=True, doc="the statements that must fail"),
         Param("exception", "text", doc="expected error name, type or message"),
         Param("value", "text", doc="same as exception"), returns=False)
def expect_to_throw(call: Call, stack: Any = None, **attrs: Any) -> None:
    """Pass when the nested stack raises an error matching exception (any error when
    exception is empty). In a function's test block, %test checks the function's error.

    Mirrors workflow-tests.md (Error Assertion)."""
    expected = attrs.get("exception") if attrs.get("exception") is not None \
        else attrs.get("value")
    if isinstance(stack, dict) and not stack:
        stack = _nothing  # an empty stack { }
    if not callable(stack):
        raise XsError("inputerror", "expect.to_throw needs a stack { ... } to run here",
                      hint="in a function's test block, run it with %test NAME")
    try:
        stack()
    except XsInterrupt:
        raise
    except XsError as err:
        if getattr(err, "name", None) == FAILED and not error_matches(err, expected):
            raise
        _check(error_matches(err, expected),
               f"expected an error matching {_show(expected)}, got {err.name}: {err.message}")
        return
    raise _fail("expected an error, but the stack finished normally"
                + (f" (wanted {_show(expected)})" if expected else ""))
