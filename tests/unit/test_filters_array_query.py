"""Sorting, grouping, the filter_* family and aggregates (xs_kernel/filters/array_query.py).

Rows are (filter, receiver, arguments, expected); "docs" rows restate documented results.
"""

from __future__ import annotations

import pytest

from filter_cases import call, check_error, check_refuses, check_result
from xs_kernel.registry import DEFAULT


AZ = [{"v": "a", "e": 20}, {"v": "z", "e": 10}]
TIES = [{"k": 1, "i": 0}, {"k": 0, "i": 1}, {"k": 1, "i": 2}]
GROUPS = [{"g": "a", "v": 1}, {"g": "b", "v": 2}, {"g": "a", "v": 3}]
PAIRS = [{"a": 1, "b": None}, {"a": 0, "b": 4}]

ROWS = [
    ("sort", AZ, ("v", "text", True), [AZ[1], AZ[0]]),  # docs
    ("sort", [{"n": "z"}, {"n": "a"}], ("n", "text", False), [{"n": "a"}, {"n": "z"}]),  # docs
    ("sort", [{"name": "b"}, {"name": "a"}], ("name", "asc"), [{"name": "a"}, {"name": "b"}]),
    ("sort", [{"name": "a"}, {"name": "b"}], ("name", "desc"), [{"name": "b"}, {"name": "a"}]),
    ("fsort", AZ, ("e",), [AZ[1], AZ[0]]),
    ("sort", [3, 1, 2], (), [1, 2, 3]),
    ("sort", [3, 1, 2], ("", "desc"), [3, 2, 1]),
    ("sort", [3, 1, 2], (None, None, "true"), [3, 2, 1]),
    ("sort", [1, 2], ("", True), [2, 1]),
    ("sort", ["10", "9", "100"], ("", "number"), ["9", "10", "100"]),
    ("sort", ["10", "9", "100"], ("", "text"), ["10", "100", "9"]),
    ("sort", ["img12", "img10", "IMG2"], ("", "natural"), ["IMG2", "img10", "img12"]),
    ("sort", ["img12", "img10", "IMG2"], ("", "inatural"), ["IMG2", "img10", "img12"]),
    ("sort", ["b", "A", "a", "B"], ("", "itext"), ["A", "a", "b", "B"]),
    ("sort", [None, "b", 2, True], (), [None, True, 2, "b"]),
    ("sort", TIES, ("k",), [TIES[1], TIES[0], TIES[2]]),
    ("sort", TIES, ("k", None, True), [TIES[0], TIES[2], TIES[1]]),
    ("sort", [{"u": {"age": 30}}, {"u": {"age": 20}}], ("u.age", "number"),
     [{"u": {"age": 20}}, {"u": {"age": 30}}]),
    ("index_by", GROUPS, ("g",), {"a": [GROUPS[0], GROUPS[2]], "b": [GROUPS[1]]}),  # docs
    ("index_by", [{"id": 1}, {"x": 2}], ("id",), {"1": [{"id": 1}], "": [{"x": 2}]}),
    ("index_by", ["a", "b", "a"], ("",), {"a": ["a", "a"], "b": ["b"]}),
    ("filter_empty", [1, None, "", 0, "text", False], (), [1, "text"]),  # docs
    ("filter_empty", PAIRS, ("a",), [PAIRS[0]]),  # docs
    ("filter_empty", [[], {}, "0", [0]], (), [[0]]),
    ("filter_empty_text", ["a", "", "b", ""], (), ["a", "b"]),  # docs
    ("filter_empty_text", [{"a": "x", "b": None}, {"a": "", "b": 4}], ("a",),
     [{"a": "x", "b": None}]),  # docs
    ("filter_empty_text", [None, 0, ""], (), [None, 0]),
    ("filter_empty_array", [{"a": [1, 2], "b": None}, {"a": [], "b": 4}], ("a",),
     [{"a": [1, 2], "b": None}]),  # docs
    ("filter_empty_array", [[], {}, [0]], (), [{}, [0]]),
    ("filter_empty_object", [{"a": {"x": 1}, "b": None}, {"a": {}, "b": 4}], ("a",),
     [{"a": {"x": 1}, "b": None}]),  # docs
    ("filter_empty_object", [{}, [], {"a": 1}], (), [[], {"a": 1}]),
    ("filter_null", [{"a": 1, "b": None}, {"a": None, "b": 4}], ("a",),
     [{"a": 1, "b": None}]),  # docs
    ("filter_null", [1, None, 2, False], (), [1, 2, False]),
    ("filter_zero", PAIRS, ("a",), [PAIRS[0]]),  # docs
    ("filter_zero", [0, 1, 0.0, "0", False], (), [1, "0", False]),
    ("filter_false", [{"a": True, "b": None}, {"a": False, "b": 4}], ("a",),
     [{"a": True, "b": None}]),  # docs
    ("filter_false", [True, False, 0, None], (), [True, 0, None]),
    ("sum", [1, 2, 3, 4], (), 10),  # docs
    ("sum", [], (), 0),
    ("sum", [1.5, "2", None], (), 3.5),
    ("sum", [2**63 - 1, 1], (), float(2**63)),
    ("avg", [1, 2, 3, 4], (), 2.5),  # docs
    ("avg", [2, 4], (), 3),
    ("avg", [1.0, 2.0], (), 1.5),
    ("avg", [], (), None),
    ("product", [1, 2, 3, 4], (), 24),  # docs
    ("product", [], (), 1),
    ("product", [0.5, 4], (), 2.0),
    ("array_min", [5, 2, 8, 1], (), 1),  # docs
    ("array_min", [1, 2, 3], (), 1),  # docs
    ("array_min", [], (), None),
    ("array_min", ["b", "a"], (), "a"),
    ("array_max", [5, 2, 8, 1], (), 8),  # docs
    ("array_max", [1, 2, 3], (), 3),  # docs
    ("array_max", [1, 2.5, 2], (), 2.5),
]

ERRORS = [
    ("sort", [1], ("", "bogus"), "unknown sort type"),
    ("sort", [1], ("", "text", "up"), "direction must be"),
    ("sort", [1], ({"a": 1},), "path must be text"),
    ("sum", [1, "x"], (), "element 1 must be a number"),
    ("avg", [[1]], (), "element 0 must be a number"),
    ("product", [{}], (), "element 0 must be a number"),
    ("index_by", [{"a": 1}], ([1],), "path must be text"),
]

REJECTS = [("sort", "object"), ("index_by", "object"), ("filter_empty", "text"),
           ("filter_empty_text", "text"), ("filter_empty_array", "int"),
           ("filter_empty_object", "bool"), ("filter_null", "null"),
           ("filter_zero", "int"), ("filter_false", "bool"), ("sum", "object"),
           ("avg", "int"), ("product", "text"), ("array_min", "int"), ("array_max", "text")]

NAMES = {row[0] for row in ROWS} | {row[0] for row in ERRORS} | {row[0] for row in REJECTS}


@pytest.mark.parametrize("name,value,args,expected", ROWS)
def test_array_query_filter(name, value, args, expected):
    check_result(name, value, args, expected)


@pytest.mark.parametrize("name,value,args,fragment", ERRORS)
def test_array_query_filter_rejects_bad_arguments(name, value, args, fragment):
    check_error(name, value, args, fragment)


@pytest.mark.parametrize("name,type_name", REJECTS)
def test_array_query_filter_refuses_other_receivers(name, type_name):
    check_refuses(name, type_name)


def test_sort_keeps_key_order_of_each_element_and_the_input():
    items = [{"b": 2, "a": 1}, {"b": 1, "a": 2}]
    ordered = call("sort", items, "b")
    assert list(ordered[0]) == ["b", "a"]
    assert items[0]["b"] == 2


@pytest.mark.parametrize("name,value,expected", [
    ("filter_null", {"a": None, "b": 1, "c": ""}, {"b": 1, "c": ""}),
    ("filter_empty_text", {"a": "", "b": "x", "c": None}, {"b": "x", "c": None}),
    ("filter_empty", {"a": 0, "b": "x", "c": []}, {"b": "x"}),
])
def test_filter_family_keeps_object_entries(name, value, expected):
    assert DEFAULT.filter(name).impl(value) == expected
