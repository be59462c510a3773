"""Coercion to declared types and the input filters of `filters=...` (coercion.py)."""

from __future__ import annotations

import pytest

from xs_kernel import coercion, patterns
from xs_kernel.coercion import INPUT_FILTERS, Invalid, coerce

VALID = [
    ("int", 5, 5), ("int", 5.0, 5), ("int", "42", 42), ("int", " 7 ", 7), ("int", "", 0),
    ("int", "3.0", 3),
    ("decimal", 2, 2.0), ("decimal", "2.5", 2.5), ("decimal", "", 0.0),
    ("number", "4", 4), ("number", 1.5, 1.5),
    ("bool", True, True), ("bool", 1, True), ("bool", 0, False), ("bool", "yes", True),
    ("bool", " Off ", False), ("bool", "", False),
    ("text", "a", "a"), ("text", 3, "3"), ("text", False, "false"), ("text", 2.5, "2.5"),
    ("email", "ann@example.com", "ann@example.com"), ("email", "", ""),
    ("uuid", "123e4567-e89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a456-426614174000"),
    ("date", "2024-02-29", "2024-02-29"),
    ("timestamp", 1700000000000, 1700000000000), ("timestamp", "1700000000000", 1700000000000),
    ("timestamp", "2024-01-01 00:00:00", 1704067200000),
    ("timestamp", "2024-01-01T01:00:00+01:00", 1704067200000),
    ("json", '{"a": 1}', {"a": 1}), ("json", "[1]", [1]), ("json", "{oops", "{oops"),
    ("json", 5, 5),
    ("object", {"a": 1}, {"a": 1}), ("object", '{"a": 1}', {"a": 1}),
    ("array", [1], [1]), ("vector", [0.5], [0.5]),
    ("geo_point", {"lat": 1}, {"lat": 1}), ("unknown_type", "x", "x"),
]


@pytest.mark.parametrize("type_, value, expected", VALID)
def test_values_that_fit_are_converted(type_, value, expected) -> None:
    result = coerce(type_, value)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize("type_, value, reason", [
    ("int", "12 kg", "must be an int"), ("int", 2.5, "must be an int"), ("int", [], "must be an int"),
    ("decimal", "abc", "must be a decimal"), ("number", True, "must be a number"),
    ("bool", "maybe", "must be a bool"), ("bool", 2, "must be a bool"),
    ("text", [1], "must be text"), ("email", "not-an-email", "must be an email address"),
    ("uuid", "123", "must be a UUID"), ("date", "2024-02-30", "must be a date"),
    ("timestamp", "someday", "must be a timestamp"), ("object", "[1]", "must be an object"),
    ("array", {"a": 1}, "must be an array"),
])
def test_values_that_do_not_fit_say_why(type_, value, reason) -> None:
    with pytest.raises(Invalid) as caught:
        coerce(type_, value)
    assert str(caught.value).startswith(reason)


def test_null_stays_null_for_every_type() -> None:
    assert all(coerce(t, None) is None for t in coercion.COERCERS)


def apply(name: str, value, *args):
    return INPUT_FILTERS[name][0](value, *args)


@pytest.mark.parametrize("name, value, args, expected", [
    ("trim", "  a ", (), "a"), ("ltrim", "  a ", (), "a "), ("rtrim", " a  ", (), " a"),
    ("lower", "AbC", (), "abc"), ("upper", "abc", (), "ABC"), ("trim", 5, (), 5),
    ("min", "abc", (3,), "abc"), ("max", [1, 2], (2,), [1, 2]), ("min", 10, ("5",), 10),
    ("startsWith", "sk_live", ("sk_",), "sk_live"), ("prevent", "hello", ("x", "y"), "hello"),
    ("alphaOk", "abc", (), "abc"), ("alphaOk", "a b", (" ",), "a b"),
    ("digitOk", "2024", (), "2024"), ("ok", "a-b", ("ab-",), "a-b"),
    ("pattern", "AB12", ("/^[A-Z]+\\d+$/",), "AB12"), ("pattern", "x1", ("\\d",), "x1"),
    ("minAlpha", "ab1", (2,), "ab1"), ("minLowerAlpha", "aB", (1,), "aB"),
    ("minUpperAlpha", "aB", (1,), "aB"), ("minDigit", "a12", (2,), "a12"),
    ("minSymbol", "a!b?", (2,), "a!b?"),
])
def test_input_filters_pass_good_values(name, value, args, expected) -> None:
    assert apply(name, value, *args) == expected


@pytest.mark.parametrize("name, value, args, reason", [
    ("min", "ab", (3,), "must be at least 3 characters long"),
    ("max", [1, 2, 3], (2,), "must be at most 2 items"), ("min", 4, (5,), "must be at least 5"),
    ("startsWith", "pk_1", ("sk_",), "must start with 'sk_'"),
    ("prevent", "say admin", ("admin",), "may not contain 'admin'"),
    ("alphaOk", "ab1", (), "may only contain letters"), ("digitOk", "1a", (), "may only contain digits"),
    ("ok", "abc", ("ab",), "may only contain the allowed characters"),
    ("pattern", "ab", ("^\\d+$",), "does not match the pattern"),
    ("pattern", "ab", ("(",), "has an invalid pattern"),
    ("minDigit", "a1", (2,), "must contain at least 2 digits"),
    ("minSymbol", "abc", (1,), "must contain at least 1 symbol"),
])
def test_input_filters_reject_bad_values_with_a_reason(name, value, args, reason) -> None:
    with pytest.raises(Invalid) as caught:
        apply(name, value, *args)
    assert str(caught.value).startswith(reason)


def test_a_runaway_pattern_filter_is_stopped(monkeypatch) -> None:
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.2)
    with pytest.raises(Invalid) as caught:
        apply("pattern", "a" * 40 + "!", "^(a|aa)+$")
    assert "ran for more than 0.2 s" in str(caught.value)
