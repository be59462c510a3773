"""Object filters (xs_kernel/filters/object.py): paths, keys, picking and building.

Rows are (filter, receiver, arguments, expected); "docs" rows restate documented results.
"""

from __future__ import annotations

import pytest

from filter_cases import call, check_error, check_refuses, check_result
from xs_kernel.registry import DEFAULT


def yes(this, **_):
    return True


def no(this, **_):
    return False


ABC = {"a": 1, "b": 2, "c": 3}

ROWS = [
    ("get", {"a": 1}, ("a",), 1),  # docs
    ("get", {"fizz": "buzz"}, ("fizz",), "buzz"),  # docs
    ("get", [10, 20, 30], (0,), 10),  # docs
    ("get", [10, 20, 30], (2,), 30),  # docs
    ("get", [10, 20, 30], (-1,), 30),
    ("get", [10, 20, 30], ("1",), 20),
    ("get", {"a": {"b": 1}}, ("a.b",), 1),
    ("get", {"items": [{"id": 5}]}, ("items.0.id",), 5),
    ("get", {"a.b": 1}, ("a.b",), 1),
    ("get", {}, ("missing",), None),
    ("get", {}, ("x", 0), 0),  # docs (a default)
    ("get", {"a": None}, ("a", "d"), None),
    ("get", None, ("a", "d"), "d"),
    ("get", {"a": 1}, ("a.b.c", "d"), "d"),
    ("has", {"a": 1}, ("a",), True),  # docs
    ("has", {"fizz": "buzz"}, ("fizz",), True),  # docs
    ("has", {"a": None}, ("a",), True),
    ("has", {}, ("a",), False),
    ("has", None, ("a",), False),
    ("has", [1], (0,), True),
    ("has", [1], (3,), False),
    ("has", {"a": {"b": [1, 2]}}, ("a.b.1",), True),
    ("set", {"a": 1}, ("b", 2), {"a": 1, "b": 2}),  # docs
    ("set", {"fizz": "buzz"}, ("foo", "bar"), {"fizz": "buzz", "foo": "bar"}),  # docs
    ("set", {}, ("a.b", 1), {"a": {"b": 1}}),
    ("set", {"a": {"x": 0}}, ("a.b", 1), {"a": {"x": 0, "b": 1}}),
    ("set", {"a": 1}, ("a", 0), {"a": 0}),
    ("set", [1, 2], (0, 9), [9, 2]),
    ("set", [1, 2], (2, 3), [1, 2, 3]),
    ("set", {"l": [{"v": 1}]}, ("l.0.v", 2), {"l": [{"v": 2}]}),
    ("set", None, ("k", 1), {"k": 1}),
    ("set_conditional", {"a": 1}, ("b", 2, yes), {"a": 1, "b": 2}),  # docs
    ("set_conditional", {"fizz": "buzz"}, ("foo", "bar", lambda t, **_: 2 == 1 + 1),
     {"fizz": "buzz", "foo": "bar"}),  # docs
    ("set_conditional", {"a": 1}, ("b", 2, no), {"a": 1}),
    ("set_conditional", {"a": 1}, ("b", 2, lambda t, **_: t["a"] == 1), {"a": 1, "b": 2}),
    ("set_ifnotnull", {"a": 1}, ("b", "v"), {"a": 1, "b": "v"}),  # docs
    ("set_ifnotnull", {"fizz": "buzz"}, ("foo", "bar"), {"fizz": "buzz", "foo": "bar"}),
    ("set_ifnotnull", {"a": 1}, ("b", None), {"a": 1}),
    ("set_ifnotnull", {"a": 1}, ("b", 0), {"a": 1, "b": 0}),
    ("set_ifnotempty", {"a": 1}, ("b", "val"), {"a": 1, "b": "val"}),  # docs
    ("set_ifnotempty", {"fizz": "buzz"}, ("foo", "bar"), {"fizz": "buzz", "foo": "bar"}),
    ("set_ifnotempty", {"a": 1}, ("b", ""), {"a": 1}),
    ("set_ifnotempty", {"a": 1}, ("b", 0), {"a": 1}),
    ("set_ifnotempty", {"a": 1}, ("b", []), {"a": 1}),
    ("unset", {"a": 1, "b": 2}, ("b",), {"a": 1}),  # docs
    ("unset", {"fizz": "buzz", "foo": "bar"}, ("foo",), {"fizz": "buzz"}),  # docs
    ("unset", {"a": {"b": 1, "c": 2}}, ("a.b",), {"a": {"c": 2}}),
    ("unset", {"a": 1}, ("zz",), {"a": 1}),
    ("unset", [1, 2, 3], (1,), [1, 3]),
    ("unset", None, ("a",), None),
    ("keys", {"a": 1, "b": 2}, (), ["a", "b"]),  # docs
    ("array_keys", ABC, (), ["a", "b", "c"]),  # docs
    ("keys", [5, 6], (), [0, 1]),
    ("values", {"a": 1, "b": 2}, (), [1, 2]),  # docs
    ("array_values", ABC, (), [1, 2, 3]),  # docs
    ("values", [5, 6], (), [5, 6]),
    ("entries", {"a": 1}, (), [{"key": "a", "value": 1}]),  # docs
    ("array_entries", {"a": 1, "b": 2}, (),
     [{"key": "a", "value": 1}, {"key": "b", "value": 2}]),  # docs
    ("entries", ["x"], (), [{"key": 0, "value": "x"}]),
    ("pick", ABC, (["a", "c"],), {"a": 1, "c": 3}),  # docs
    ("pick", ABC, ("b",), {"b": 2}),
    ("pick", ABC, (["zz"],), {}),
    ("unpick", ABC, (["b"],), {"a": 1, "c": 3}),  # docs
    ("unpick", ABC, (["a", "c"],), {"b": 2}),  # docs
    ("create_object", ["a", "b", "c"], ([1, 2, 3],), ABC),  # docs
    ("create_object", [], ([],), {}),
    ("create_object_from_entries",
     [{"key": "a", "value": 1}, {"key": "b", "value": 2}, {"key": "c", "value": 3}], (),
     ABC),  # docs
    ("create_object_from_entries", [["a", 1], {"key": 2}], (), {"a": 1, "2": None}),
    ("fill_keys", "key", (["a", "b", "c"],), {"a": "key", "b": "key", "c": "key"}),  # docs
    ("array_fill_keys", 0, (["x"],), {"x": 0}),
    ("fill_keys", ["a", "b"], ({"a": 1, "b": 2},), {"a": 1, "b": 2}),  # docs
    ("fill_keys", ["a", "z"], ({"a": 1},), {"a": 1, "z": None}),
]

ERRORS = [
    ("get", {"a": 1}, (None,), "path must not be null"),
    ("has", {"a": 1}, ({"a": 1},), "path must be text"),
    ("set", [1], (5, 1), "outside the array"),
    ("set", {"a": 1}, (True, 1), "path must be text"),
    ("unset", {"a": 1}, ([1],), "path must be text"),
    ("create_object", ["a"], ([1, 2],), "1 keys but 2 values"),
    ("create_object", ["a"], ("x",), "values must be an array"),
    ("create_object", [[1]], ([1],), "a key must be text"),
    ("create_object_from_entries", [5], (), "each entry must be"),
    ("pick", {"a": 1}, ([[1]],), "a key must be text"),
    ("unpick", {"a": 1}, ({},), "a key must be text"),
    ("fill_keys", 1, ([[1]],), "a key must be text"),
    ("set_ifnotnull", {}, (None, 1), "path must not be null"),
    ("set_ifnotempty", {}, ([], 1), "path must be text"),
    ("set_conditional", {}, ({}, 1, yes), "path must be text"),
]

REJECTS = [("get", "text"), ("set", "int"), ("has", "bool"), ("unset", "text"),
           ("keys", "text"), ("values", "null"), ("entries", "int"), ("pick", "array"),
           ("unpick", "array"), ("create_object", "object"),
           ("create_object_from_entries", "object"), ("set_conditional", "text"),
           ("set_ifnotnull", "text"), ("set_ifnotempty", "int")]

NAMES = {row[0] for row in ROWS} | {row[0] for row in ERRORS} | {row[0] for row in REJECTS}


@pytest.mark.parametrize("name,value,args,expected", ROWS)
def test_object_filter(name, value, args, expected):
    check_result(name, value, args, expected)


@pytest.mark.parametrize("name,value,args,fragment", ERRORS)
def test_object_filter_rejects_bad_arguments(name, value, args, fragment):
    check_error(name, value, args, fragment)


@pytest.mark.parametrize("name,type_name", REJECTS)
def test_object_filter_refuses_other_receivers(name, type_name):
    check_refuses(name, type_name)


def test_set_copies_along_the_path_and_leaves_the_receiver_alone():
    original = {"a": {"b": 1}, "other": {"x": 1}}
    changed = call("set", original, "a.b", 2)
    assert original == {"a": {"b": 1}, "other": {"x": 1}}
    assert changed["a"] is not original["a"]


def test_set_conditional_condition_is_lazy_and_sees_the_receiver():
    spec = DEFAULT.filter("set_conditional")
    assert spec.lazy == (2,)
    seen = []
    call("set_conditional", {"a": 1}, "b", 2, lambda t, **_: seen.append(t) or True)
    assert seen == [{"a": 1}]
