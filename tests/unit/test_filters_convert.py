"""Conversion, check, fallback and comparison filters (xs_kernel/filters/convert.py).

Rows are (filter, receiver, arguments, expected); "docs" rows restate documented results.
"""

from __future__ import annotations

import pytest

from filter_cases import call, check_error, check_refuses, check_result
from xs_kernel.values import strict_equals


UUID = "550e8400-e29b-41d4-a716-446655440000"

ROWS = [
    ("to_int", "123", (), 123),  # docs
    ("to_int", "133.45 kg", (), 133),  # docs
    ("to_int", "abc", (), 0),
    ("to_int", 3.9, (), 3),
    ("to_int", -3.9, (), -3),
    ("to_int", True, (), 1),
    ("to_int", None, (), 0),
    ("to_int", [1], (), 1),
    ("to_int", "1e3", (), 1000),
    ("to_decimal", "1.5", (), 1.5),  # docs
    ("to_decimal", "133.45 kg", (), 133.45),  # docs
    ("to_decimal", 3, (), 3.0),
    ("to_decimal", "abc", (), 0.0),
    ("to_text", 123, (), "123"),  # docs
    ("to_text", 1.344, (), "1.344"),  # docs
    ("to_text", True, (), "true"),
    ("to_text", None, (), ""),
    ("to_text", 2.0, (), "2"),
    ("to_text", [1, {"a": "b"}], (), '[1,{"a":"b"}]'),
    ("to_bool", "true", (), True),  # docs
    ("to_bool", "false", (), False),
    ("to_bool", "off", (), False),
    ("to_bool", "yes", (), True),
    ("to_bool", "0", (), False),
    ("to_bool", "", (), False),
    ("to_bool", "abc", (), True),
    ("to_bool", 0, (), False),
    ("to_bool", 2.5, (), True),
    ("to_bool", [], (), False),
    ("json_encode", {"a": 1}, (), '{"a":1}'),  # docs
    ("json_encode", {"a": 1, "b": 2, "c": 3}, (), '{"a":1,"b":2,"c":3}'),  # docs
    ("json_encode", "é/x", (), '"é/x"'),
    ("json_encode", None, (), "null"),
    ("json_encode", [True, None, 1.5], (), "[true,null,1.5]"),
    ("json_decode", '{"a":1}', (), {"a": 1}),  # docs
    ("json_decode", '{"a":1,"b":2,"c":3}', (), {"a": 1, "b": 2, "c": 3}),  # docs
    ("json_decode", "[1, 2.5]", (), [1, 2.5]),
    ("json_decode", '"x"', (), "x"),
    ("json_decode", None, (), None),
    ("is_null", None, (), True),  # docs
    ("is_null", 8, (), False),  # docs
    ("null", "", (), False),
    ("is_empty", [], (), True),  # docs
    ("is_empty", 0, (), True),
    ("is_empty", "0", (), True),
    ("is_empty", {}, (), True),
    ("is_empty", False, (), True),
    ("is_empty", " ", (), False),
    ("empty", None, (), True),
    ("is_array", [1], (), True),  # docs
    ("is_array", {}, (), False),
    ("is_object", {}, (), True),  # docs
    ("is_object", {"id": 2, "value": 3}, (), True),  # docs
    ("is_object", [], (), False),
    ("is_int", 1, (), True),  # docs
    ("is_int", 123, (), True),  # docs
    ("is_int", 1.0, (), False),
    ("is_int", "1", (), False),
    ("is_int", True, (), False),
    ("is_decimal", 123.45, (), True),  # docs
    ("is_decimal", 1, (), False),
    ("is_bool", False, (), True),  # docs
    ("is_bool", 0, (), False),
    ("is_text", "a", (), True),  # docs
    ("is_text", "213", (), True),  # docs
    ("is_text", 1, (), False),
    ("is_uuid", UUID, (), True),  # docs
    ("is_uuid", UUID.upper(), (), True),
    ("is_uuid", "not-a-uuid", (), False),
    ("is_uuid", 5, (), False),
    ("first_notnull", None, (0,), 0),  # docs
    ("first_notnull", "x", ("y",), "x"),
    ("first_notnull", False, ("y",), False),
    ("first_notempty", "", ("default",), "default"),  # docs
    ("first_notempty", "", (1,), 1),  # docs
    ("first_notempty", 0, ("z",), "z"),
    ("first_notempty", "a", ("z",), "a"),
    ("not", True, (), False),  # docs
    ("not", False, (), True),  # docs
    ("not", "0", (), True),
    ("not", "a", (), False),
    ("equals", 4, (4,), True),  # docs
    ("eq", 4, (4,), True),  # docs
    ("equals", 1, (1.0,), True),
    ("equals", "1", (1,), False),
    ("equals", [1, {"a": 2}], ([1, {"a": 2}],), True),
    ("not_equals", 4, (4,), False),  # docs
    ("ne", 4, (4,), False),  # docs
    ("not_equals", "a", ("b",), True),
    ("greater_than", 4, (2,), True),  # docs
    ("gt", 4, (2,), True),  # docs
    ("greater_than", "a", ("b",), False),
    ("greater_than_or_equal", 4, (2,), True),  # docs
    ("gte", 4, (4,), True),
    ("greater_than_or_equal", 1, (2,), False),
    ("less_than", 4, (2,), False),  # docs
    ("lt", 1, (2,), True),
    ("less_than_or_equal", 4, (2,), False),  # docs
    ("lte", 2, (2,), True),
]

ERRORS = [
    ("json_decode", "{bad", (), "not valid JSON"),
    ("json_decode", "", (), "not valid JSON"),
    ("json_decode", "[" * 100000, (), "nested too deeply"),
]

REJECTS = [("json_decode", "array"), ("json_decode", "object")]

NAMES = {row[0] for row in ROWS} | {row[0] for row in ERRORS} | {row[0] for row in REJECTS}


@pytest.mark.parametrize("name,value,args,expected", ROWS)
def test_convert_filter(name, value, args, expected):
    check_result(name, value, args, expected)


@pytest.mark.parametrize("name,value,args,fragment", ERRORS)
def test_convert_filter_rejects_bad_input(name, value, args, fragment):
    check_error(name, value, args, fragment)


@pytest.mark.parametrize("name,type_name", REJECTS)
def test_convert_filter_refuses_other_receivers(name, type_name):
    check_refuses(name, type_name)


def test_json_round_trip_keeps_order_and_types():
    value = {"z": [1, 2.5, "x", None, True], "a": {}}
    assert strict_equals(call("json_decode", call("json_encode", value)), value)
    assert list(call("json_decode", call("json_encode", value))) == ["z", "a"]
