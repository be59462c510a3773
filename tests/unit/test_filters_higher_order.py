"""Expression filters (xs_kernel/filters/higher_order.py) driven by plain Python callables
standing in for the interpreter's Lazy: fn(this, index=..., parent=..., result=...).

Rows are (filter, receiver, arguments, expected); "docs" rows restate documented results.
"""

from __future__ import annotations

import pytest

from filter_cases import call, check_result
from xs_kernel.registry import DEFAULT


def double_v(this, **_):
    return this["v"] * 2


def even(this, **_):
    return this % 2 == 0


def id_is_2(this, **_):
    return this["id"] == 2


def add_result(this, *, result=None, **_):
    return this + result


IDS = [{"id": 1}, {"id": 2}, {"id": 3}]

ROWS = [
    ("map", [{"v": 1}, {"v": 2}], (double_v,), [2, 4]),  # docs
    ("map", [{"value": 2}, {"value": 5}], (lambda t, **_: t["value"] * 2,), [4, 10]),  # docs
    ("map", ["a", "b"], (lambda t, *, index=None, **_: index,), [0, 1]),
    ("map", [1, 2], (lambda t, *, parent=None, **_: len(parent),), [2, 2]),
    ("map", [], (double_v,), []),
    ("filter", [1, 2, 3, 4], (even,), [2, 4]),  # docs
    ("filter", [{"value": 2}, {"value": 5}], (lambda t, **_: t["value"] % 2 == 0,),
     [{"value": 2}]),  # docs
    ("filter", ["0", "", "a", 0, [1]], (lambda t, **_: t,), ["a", [1]]),
    ("filter", [5, 6, 7], (lambda t, *, index=None, **_: index != 1,), [5, 7]),
    ("find", [{"id": 1}, {"id": 2}], (id_is_2,), {"id": 2}),  # docs
    ("find", IDS, (id_is_2,), {"id": 2}),  # docs
    ("find", IDS, (lambda t, **_: False,), None),
    ("findIndex", [{"id": 1}, {"id": 2}], (id_is_2,), 1),  # docs
    ("findIndex", IDS, (id_is_2,), 1),  # docs
    ("findIndex", IDS, (lambda t, **_: t["id"] > 5,), -1),
    ("some", [1, 2, 3], (lambda t, **_: t > 2,), True),  # docs
    ("some", [{"value": 2}, {"value": 5}], (lambda t, **_: t["value"] % 2 == 0,), True),  # docs
    ("some", [1, 2], (lambda t, **_: t > 2,), False),
    ("some", [], (lambda t, **_: True,), False),
    ("every", [2, 4, 6], (even,), True),  # docs
    ("every", [{"value": 2}, {"value": 6}], (lambda t, **_: t["value"] % 2 == 0,), True),  # docs
    ("every", [2, 3], (even,), False),
    ("every", [], (lambda t, **_: False,), True),
    ("reduce", [1, 2, 3, 4], (add_result, 0), 10),  # docs
    ("reduce", [1, 2, 3, 4, 5], (add_result, 10), 25),  # docs
    ("reduce", [1, 2], (lambda t, *, result=None, **_: [*(result or []), t * 10],), [10, 20]),
    ("reduce", [], (add_result, 7), 7),
    ("reduce", ["a", "b"], (lambda t, *, index=None, result=None, **_: result + index, 0), 1),
    ("transform", 2, (lambda t, **_: t + 3,), 5),  # docs
    ("transform", {"a": 1}, (lambda t, **_: t["a"],), 1),
    ("transform", None, (lambda t, **_: t is None,), True),
]

NAMES = {row[0] for row in ROWS}


@pytest.mark.parametrize("name,value,args,expected", ROWS)
def test_expression_filter(name, value, args, expected):
    check_result(name, value, args, expected)


@pytest.mark.parametrize("name", ["map", "filter", "find", "findIndex", "some", "every",
                                  "reduce", "transform"])
def test_expression_argument_is_lazy(name):
    assert DEFAULT.filter(name).lazy == (0,)


@pytest.mark.parametrize("name,stops_after", [("find", 2), ("findIndex", 2), ("some", 2),
                                              ("every", 1)])
def test_searches_stop_at_the_first_decisive_element(name, stops_after):
    seen = []

    def probe(this, **_):
        seen.append(this)
        return this == 2 if name != "every" else False

    call(name, [1, 2, 3, 4], probe)
    assert len(seen) == stops_after


def test_reduce_passes_index_result_and_parent():
    calls = []

    def record(this, **bound):
        calls.append((this, bound))
        return (bound["result"] or 0) + this

    call("reduce", [5, 6], record, None)
    assert calls == [(5, {"index": 0, "result": None, "parent": [5, 6]}),
                     (6, {"index": 1, "result": 5, "parent": [5, 6]})]


def test_map_binds_the_whole_array_as_parent():
    items = [1, 2]
    parents = call("map", items, lambda t, *, parent=None, **_: parent)
    assert parents == [items, items]


def test_higher_order_filters_only_accept_arrays():
    for name in ("map", "filter", "find", "findIndex", "some", "every", "reduce"):
        assert DEFAULT.filter(name).accepts == ("array",)
    assert DEFAULT.filter("transform").accepts is None
