"""The value rules in xs_kernel/values.py: truthiness, text, JSON, equality, ordering,
PHP-style number reading, coercion and binary text."""

from __future__ import annotations

import math
from functools import cmp_to_key

import pytest

from xs_kernel import values as v

# -- type names and truthiness -------------------------------------------------------------

TYPE_ROWS = [
    (None, "null"), (True, "bool"), (False, "bool"), (0, "int"), (-3, "int"),
    (1.5, "decimal"), (2.0, "decimal"), ("", "text"), ("x", "text"),
    (v.BinaryText("\xff"), "text"), ([], "array"), ({}, "object"),
]


@pytest.mark.parametrize("value,expected", TYPE_ROWS)
def test_type_name(value, expected):
    assert v.type_name(value) == expected


TRUTHY_ROWS = [
    (None, False), (False, False), (True, True), (0, False), (0.0, False), (-1, True),
    (0.5, True), ("", False), ("0", False), ("0.0", True), (" ", True), ("false", True),
    ("a", True), ([], False), ([0], True), ({}, False), ({"a": None}, True),
]


@pytest.mark.parametrize("value,expected", TRUTHY_ROWS)
def test_truthy_table(value, expected):
    assert v.truthy(value) is expected
    assert v.is_empty(value) is (not expected)


def test_is_number_excludes_bool():
    assert v.is_number(1) and v.is_number(1.5)
    assert not v.is_number(True) and not v.is_number("1")


# -- text and JSON --------------------------------------------------------------------------

TEXT_ROWS = [
    (None, ""), (True, "true"), (False, "false"), (0, "0"), (-12, "-12"), (2.0, "2"),
    (2.5, "2.5"), (0.1, "0.1"), (1.344, "1.344"), (1e20, "1e+20"), (float("nan"), "null"),
    ("héllo", "héllo"), ([1, "a", None], '[1,"a",null]'), ({"k": [True]}, '{"k":[true]}'),
    ({"é": "ü"}, '{"é":"ü"}'),
]


@pytest.mark.parametrize("value,expected", TEXT_ROWS)
def test_to_text_table(value, expected):
    assert v.to_text(value) == expected


def test_number_text_keeps_bools_as_words():
    assert v.number_text(True) == "true"
    assert v.number_text(3) == "3"
    assert v.number_text(-0.25) == "-0.25"


JSON_ROWS = [
    (None, "null"), ([1, 2.5, "x"], '[1,2.5,"x"]'), ({"b": 1, "a": 2}, '{"b":1,"a":2}'),
    (float("inf"), "null"), ([float("nan")], "[null]"), (2.0, "2.0"),
]


@pytest.mark.parametrize("value,expected", JSON_ROWS)
def test_to_json_table(value, expected):
    assert v.to_json(value) == expected


def test_from_json_keeps_key_order_and_types():
    decoded = v.from_json('{"z":1,"a":[1.5,true,null]}')
    assert list(decoded) == ["z", "a"]
    assert decoded["a"] == [1.5, True, None]


# -- equality -------------------------------------------------------------------------------

EQUALS_ROWS = [
    (1, 1.0, True, False), (1, 1, True, True), ("1", 1, False, False),
    (None, None, True, True), (None, False, False, False), (0, False, False, False),
    ("a", "a", True, True), ("a", "A", False, False), ([1, 2], [1, 2.0], True, False),
    ([1, 2], [2, 1], False, False), ({"a": 1, "b": 2}, {"b": 2, "a": 1}, True, True),
    ({"a": 1}, {"a": 1, "b": None}, False, False), ([], {}, False, False),
    (True, 1, False, False),
]


@pytest.mark.parametrize("a,b,loose,strict", EQUALS_ROWS)
def test_equals_and_strict_equals(a, b, loose, strict):
    assert v.equals(a, b) is loose
    assert v.equals(b, a) is loose
    assert v.strict_equals(a, b) is strict


SAMPLES = [None, True, False, 0, 1, 1.0, 1.5, "", "1", "a", [], [1], [1.0], {"a": 1},
           {"a": 1.0}, {"a": [1, {"b": 2}]}, {"a": [1.0, {"b": 2.0}]}, v.BinaryText("x")]


@pytest.mark.parametrize("a", SAMPLES, ids=repr)
def test_equality_key_agrees_with_equals(a):
    for b in SAMPLES:
        assert (v.equality_key(a) == v.equality_key(b)) is v.equals(a, b), (a, b)


# -- ordering -------------------------------------------------------------------------------

COMPARE_ROWS = [
    (1, 2, -1), (2, 1, 1), (2, 2.0, 0), ("a", "b", -1), ("b", "a", 1), ("B", "a", -1),
    (None, False, -1), (False, True, -1), (True, 0, -1), (5, "a", -1), ("10", 9, 1),
    (9, "10", -1), ("x", [], -1), ([], {}, -1), ([1, 2], [1, 3], -1), ([1], [1, 0], -1),
    ({"a": 1}, {"a": 1, "b": 2}, -1), (None, None, 0),
]


@pytest.mark.parametrize("a,b,expected", COMPARE_ROWS)
def test_compare_table(a, b, expected):
    assert v.compare(a, b) == expected
    assert v.compare(b, a) == -expected


def test_compare_sorts_mixed_types_by_rank():
    mixed = [{"k": 1}, "b", [1], 3, None, True, 1.5, "a"]
    ordered = sorted(mixed, key=cmp_to_key(v.compare))
    assert ordered == [None, True, 1.5, 3, "a", "b", [1], {"k": 1}]


# -- reading numbers ------------------------------------------------------------------------

PARSE_ROWS = [("42", 42), (" -1.5 ", -1.5), ("1e3", 1000.0), ("", None), ("12kg", None),
              ("inf", None), ("0x10", None)]


@pytest.mark.parametrize("text,expected", PARSE_ROWS)
def test_parse_number(text, expected):
    got = v.parse_number(text)
    assert got == expected and type(got) is type(expected)


PREFIX_ROWS = [("133.45 kg", 133.45), ("  7 days", 7), ("-3x", -3), (".5", 0.5),
               ("abc", None), ("0x1A", 0), ("1e3 m", 1000.0), ("+4", 4)]


@pytest.mark.parametrize("text,expected", PREFIX_ROWS)
def test_numeric_prefix(text, expected):
    got = v.numeric_prefix(text)
    assert got == expected and type(got) is type(expected)


TO_INT_ROWS = [
    ("133.45 kg", 133), ("123", 123), ("abc", 0), ("", 0), (" 42", 42), ("-3.9", -3),
    ("1e3", 1000), ("0x1A", 0), (3.99, 3), (-3.99, -3), (True, 1), (False, 0), (None, 0),
    ([], 0), ([0], 1), ({}, 0), (float("inf"), 0), ("99999999999999999999", v.INT_MAX),
    ("-1e999", v.INT_MIN), (1e30, v.INT_MAX),
]


@pytest.mark.parametrize("value,expected", TO_INT_ROWS)
def test_to_int_follows_intval(value, expected):
    got = v.to_int(value)
    assert got == expected and type(got) is int


TO_DECIMAL_ROWS = [("133.45 kg", 133.45), ("1.5", 1.5), ("x", 0.0), (3, 3.0), (True, 1.0),
                   (None, 0.0), ([1], 1.0), ("1e999", 0.0)]


@pytest.mark.parametrize("value,expected", TO_DECIMAL_ROWS)
def test_to_decimal_follows_floatval(value, expected):
    got = v.to_decimal(value)
    assert got == expected and type(got) is float


TO_NUMBER_ROWS = [(None, 0), (True, 1), (2.5, 2.5), ("7", 7), (" 7.5 ", 7.5), ("7 kg", None),
                  ([1], None), ({}, None)]


@pytest.mark.parametrize("value,expected", TO_NUMBER_ROWS)
def test_to_number(value, expected):
    assert v.to_number(value) == expected


TO_BOOL_ROWS = [("true", True), ("TRUE", True), ("yes", True), ("on", True), ("1", True),
                ("false", False), ("no", False), ("off", False), ("0", False), ("", False),
                ("0.0", False), ("2", True), ("maybe", True), (0, False), (3, True),
                (None, False), ([], False), ([0], True)]


@pytest.mark.parametrize("value,expected", TO_BOOL_ROWS)
def test_to_bool(value, expected):
    assert v.to_bool(value) is expected


def test_bool_word_only_knows_the_words():
    assert v.bool_word(" Yes ") is True and v.bool_word("off") is False
    assert v.bool_word("maybe") is None


def test_fit_int_overflows_to_decimal():
    assert v.fit_int(2**63 - 1) == 2**63 - 1
    assert isinstance(v.fit_int(2**63), float)
    assert isinstance(v.fit_int(-(2**63) - 1), float)


# -- copies and previews ----------------------------------------------------------------------

def test_copy_value_is_deep():
    original = {"a": [1, {"b": 2}]}
    copy = v.copy_value(original)
    copy["a"][1]["b"] = 3
    copy["a"].append(4)
    assert original == {"a": [1, {"b": 2}]}


def test_copy_value_copies_nested_containers_and_keeps_scalars():
    original = {"a": [1, {"b": [2]}], "c": "text"}
    copy = v.copy_value(original)
    assert copy == original and copy is not original
    assert copy["a"] is not original["a"] and copy["a"][1]["b"] is not original["a"][1]["b"]
    flat = [1, "x", None]
    assert v.copy_value(flat) == flat and v.copy_value(flat) is not flat
    assert v.copy_value("s") == "s" and v.copy_value(None) is None


PREVIEW_ROWS = [(None, "null"), ("hi", '"hi"'), ([1, 2], "[1,2]"), (True, "true"),
                ("x" * 100, '"' + "x" * 58 + "…")]


@pytest.mark.parametrize("value,expected", PREVIEW_ROWS)
def test_preview(value, expected):
    assert v.preview(value) == expected


# -- binary text -------------------------------------------------------------------------------

def test_bytes_to_text_keeps_utf8_as_plain_text():
    text = v.bytes_to_text("é".encode())
    assert text == "é" and not isinstance(text, v.BinaryText)


def test_bytes_that_are_not_utf8_round_trip_through_binary_text():
    raw = bytes(range(256))
    text = v.bytes_to_text(raw)
    assert isinstance(text, v.BinaryText)
    assert v.text_to_bytes(text) == raw
    assert v.type_name(text) == "text"


def test_plain_text_is_utf8_bytes():
    assert v.text_to_bytes("é") == b"\xc3\xa9"


def test_nan_is_not_truthy_safe_for_json():
    assert v.to_json([math.nan]) == "[null]"


def test_copy_replacing_takes_the_overwritten_value_once_and_copies_the_rest():
    previous = [{"a": 1}]
    other = {"b": [2]}
    value = [previous, previous, other]
    copy = v.copy_replacing(value, previous)
    assert copy == value and copy is not value
    assert copy[0] is previous  # taken, not copied: nothing else can reach it
    assert copy[1] is not previous and copy[1][0] is not previous[0]
    assert copy[2] is not other and copy[2]["b"] is not other["b"]
    assert v.copy_replacing(value, 5) == value


def test_nesting_a_variable_in_itself_does_not_copy_the_nest():
    from xs_kernel.session import Session

    session = Session()
    session.run("var $x { value = [] }")
    before = session.variables["x"]
    outcome = session.run("var.update $x { value = [$x] }\nvar.update $x { value = [$x, $x] }")
    assert outcome.error is None
    assert session.variables["x"][0][0] is before  # the nest was shared, not deep-copied
    session.run("var.update $x[1][0] { value = 9 }")
    assert session.variables["x"] == [[[]], [9]]  # the copy stays private: value semantics


def test_nesting_twenty_thousand_levels_runs():
    from xs_kernel.session import Session

    outcome = Session().run("var $x { value = [] }\nfor (20000) {\n  each as $i {\n"
                            "    var.update $x { value = [$x] }\n  }\n}\n$x|count")
    assert outcome.error is None and outcome.value == 1
