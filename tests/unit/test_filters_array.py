"""Array filters (xs_kernel/filters/array.py): access, building, combining, set operations.

Rows are (filter, receiver, arguments, expected); "docs" rows restate documented results.
"""

from __future__ import annotations

from collections import Counter

import pytest

from filter_cases import call, check_error, check_refuses, check_result
from xs_kernel.registry import DEFAULT


ROWS = [
    ("count", [1, 2, 3], (), 3),  # docs
    ("count", {"a": 1, "b": 2}, (), 2),
    ("count", [], (), 0),
    ("first", [1, 2, 3], (), 1),  # docs
    ("first", ["five", "six", "seven"], (), "five"),  # docs
    ("first", [], (), None),
    ("last", [1, 2, 3], (), 3),  # docs
    ("last", [], (), None),
    ("slice", [1, 2, 3, 4], (1, 2), [2, 3]),  # docs
    ("slice", [10, 20, 30, 40], (1, 2), [20, 30]),  # docs
    ("slice", [1, 2, 3, 4, 5], (2, 2), [3, 4]),  # docs
    ("array_slice", [1, 2, 3, 4], (0, 3), [1, 2, 3]),  # docs
    ("slice", [1, 2, 3], (-2,), [2, 3]),
    ("slice", [1, 2, 3, 4], (1, -1), [2, 3]),
    ("slice", [1, 2], (5,), []),
    ("slice", [1, 2, 3], (0, 0), []),
    ("reverse", [1, 2, 3], (), [3, 2, 1]),  # docs
    ("reverse", [], (), []),
    ("unique", [1, 1, 2], (), [1, 2]),  # docs
    ("unique", [12, 13, 13, 12, 11], (), [12, 13, 11]),  # docs
    ("unique", [1, 1.0, "1", {"a": 1}, {"a": 1}, None, None], (), [1, "1", {"a": 1}, None]),
    ("flatten", [[1, 2], [3]], (), [1, 2, 3]),  # docs
    ("flatten", [1, [2, 3], [[4, 5]]], (), [1, 2, 3, 4, 5]),  # docs
    ("flatten", [{"a": [1]}, [], [[[]]]], (), [{"a": [1]}]),
    ("shuffle", [], (), []),
    ("array_shuffle", [7], (), [7]),
    ("push", [1, 2], (3,), [1, 2, 3]),  # docs
    ("array_push", [1, 2, 3], ("a",), [1, 2, 3, "a"]),  # docs
    ("push", [], ([1],), [[1]]),
    ("pop", [1, 2, 3], (), 3),  # docs
    ("array_pop", [], (), None),
    ("shift", [1, 2, 3], (), 1),  # docs
    ("array_shift", [], (), None),
    ("unshift", [1, 2], (0,), [0, 1, 2]),  # docs
    ("array_unshift", [1, 2, 3], (0,), [0, 1, 2, 3]),  # docs
    ("append", [1, 2, 3], (4,), [1, 2, 3, 4]),  # docs
    ("append", {"t": [1]}, (2, "t"), {"t": [1, 2]}),
    ("append", {}, (1, "a.b"), {"a": {"b": [1]}}),
    ("prepend", [1, 2, 3], (0,), [0, 1, 2, 3]),  # docs
    ("prepend", {"t": [1], "u": 1}, (0, "t"), {"t": [0, 1], "u": 1}),
    ("merge", [1, 2], ([3, 4],), [1, 2, 3, 4]),  # docs
    ("array_merge", [1, 2, 3], (["a", "b", "c"],), [1, 2, 3, "a", "b", "c"]),  # docs
    ("merge", {"a": 1, "b": 1}, ({"b": 2, "c": 3},), {"a": 1, "b": 2, "c": 3}),
    ("merge", [1], (None,), [1]),
    ("merge_recursive", {"a": {"b": 1}}, ({"a": {"c": 2}},), {"a": {"b": 1, "c": 2}}),  # docs
    ("array_merge_recursive", {"color": {"favorite": ["red"]}},
     ({"color": {"favorite": ["green", "blue"]}},),
     {"color": {"favorite": ["red", "green", "blue"]}}),  # docs
    ("merge_recursive", {"a": 1, "k": [1]}, ({"a": 2, "k": 2},), {"a": [1, 2], "k": [1, 2]}),
    ("merge_recursive", [1], ([2],), [1, 2]),
    ("diff", [1, 2, 3], ([2],), [1, 3]),  # docs
    ("array_diff", [1, 2, 3, 4], ([3, 2],), [1, 4]),  # docs
    ("diff", [1, {"a": 1}], ([{"a": 1.0}],), [1]),
    ("intersect", [1, 2, 3], ([2, 3, 4],), [2, 3]),  # docs
    ("array_intersect", [1, 2, 3, 4], ([3, 2],), [2, 3]),  # docs
    ("diff_assoc", [1, 2, 3], ([2],), [1, 2, 3]),  # docs (positions differ)
    ("diff_assoc", [1, 2, 3], ([1, 5],), [2, 3]),
    ("array_diff_assoc", {"a": 1, "b": 2}, ({"a": 1, "b": 3},), {"b": 2}),
    ("intersect_assoc", [1, 2, 3], ([2, 3, 4],), []),  # docs (no position matches)
    ("intersect_assoc", [1, 2, 3], ([1, 5, 3],), [1, 3]),
    ("array_intersect_assoc", {"a": 1, "b": 2}, ({"a": 1, "b": 9},), {"a": 1}),
    ("join", ["a", "b"], (",",), "a,b"),  # docs
    ("join", ["Epic", "Battle"], (" ",), "Epic Battle"),  # docs
    ("join", [1, None, True, [1]], ("-",), "1--true-[1]"),
    ("join", ["a", "b"], (), "ab"),
    ("join", [], (",",), ""),
    ("in", [1, 2, 3], (3,), True),  # docs
    ("in", [1, 2], ("1",), False),
    ("in", [{"a": 1}], ({"a": 1},), True),
    ("remove", [{"v": 1}, {"v": 2}, {"v": 3}], ({"v": 2},), [{"v": 1}, {"v": 3}]),  # docs
    ("array_remove", [1, 2, 1], (1,), [2]),
    ("safe_array", 12, (), [12]),  # docs
    ("safe_array", [1], (), [1]),
    ("safe_array", None, (), []),
    ("safe_array", {"a": 1}, (), [{"a": 1}]),
    ("range", None, (1, 5), [1, 2, 3, 4, 5]),  # docs
    ("range", None, (10, 15), [10, 11, 12, 13, 14, 15]),  # docs
    ("range", None, (5, 1), [5, 4, 3, 2, 1]),
    ("range", None, (0, 10, 5), [0, 5, 10]),
    ("range", None, (0, 1, 0.5), [0.0, 0.5, 1.0]),
    ("range", None, (3, 3), [3]),
    ("fill", None, (5, "x"), ["x", "x", "x", "x", "x"]),  # docs
    ("fill", "v", (0, 6), ["v"] * 6),  # docs
    ("array_fill", "v", (0, 0), []),
]

ERRORS = [
    ("range", None, (1, 5, 0), "step must not be 0"),
    ("range", None, (1, 10**7), "the limit is"),
    ("range", None, ("a", 5), "start must be a number"),
    ("fill", "v", (0, -1), "must not be negative"),
    ("fill", "v", (0,), "give the start index and the count"),
    ("merge", [1], ({"a": 1},), "cannot merge"),
    ("merge_recursive", {"a": 1}, ([1],), "cannot merge"),
    ("slice", [1], ("x",), "offset must be a number"),
    ("append", {"a": 1}, (2,), "needs the path"),
    ("prepend", {"a": 1}, (2, "a"), "is not an array"),
    ("diff", [1], (5,), "must be an array"),
    ("intersect", [1], ("x",), "must be an array"),
    ("diff_assoc", {"a": 1}, ([1],), "must be an object"),
    ("intersect_assoc", {"a": 1}, (5,), "must be an object"),
    ("join", [1], ([","],), "separator must be text"),
]

REJECTS = [("count", "text"), ("first", "text"), ("last", "object"), ("reverse", "text"),
           ("slice", "text"), ("join", "text"), ("push", "object"), ("unique", "text"),
           ("flatten", "object"), ("pop", "null"), ("shift", "text"), ("unshift", "text"),
           ("in", "text"), ("remove", "object"), ("shuffle", "text"), ("merge", "text"),
           ("append", "text"), ("prepend", "int")]

NAMES = {row[0] for row in ROWS} | {row[0] for row in ERRORS} | {row[0] for row in REJECTS}


@pytest.mark.parametrize("name,value,args,expected", ROWS)
def test_array_filter(name, value, args, expected):
    check_result(name, value, args, expected)


@pytest.mark.parametrize("name,value,args,fragment", ERRORS)
def test_array_filter_rejects_bad_arguments(name, value, args, fragment):
    check_error(name, value, args, fragment)


@pytest.mark.parametrize("name,type_name", REJECTS)
def test_array_filter_refuses_other_receivers(name, type_name):
    check_refuses(name, type_name)


def test_shuffle_keeps_every_element():
    items = list(range(50))
    shuffled = call("shuffle", items)
    assert Counter(shuffled) == Counter(items)
    assert items == list(range(50))


def test_standalone_filters_need_no_receiver():
    for name in ("range", "fill"):
        assert DEFAULT.filter(name).needs_receiver is False


def test_push_returns_a_new_array():
    items = [1]
    pushed = call("push", items, 2)
    assert items == [1] and pushed == [1, 2] and pushed is not items
