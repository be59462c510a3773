"""The JavaScript filters (xs_kernel/filters/lambda_.py) on the embedded V8.

Rows are (filter, receiver, arguments, expected); "docs" rows restate the results of
syntax/array-filters.md.
"""

from __future__ import annotations

import pytest

import xs_kernel.filters  # noqa: F401  (registers every filter)
from xs_kernel.errors import XsError
from xs_kernel.registry import DEFAULT


def call(name, value, *args):
    return DEFAULT.filter(name).impl(value, *args)


ROWS = [
    ("lambda_map", [1, 2, 3], ("return $this * 2",), [2, 4, 6]),  # docs
    ("lambda_filter", [1, 2, 3, 4], ("return $this % 2",), [1, 3]),  # docs
    ("lambda_some", [1, 2, 3], ("return $this > 2",), True),  # docs
    ("lambda_every", [2, 4, 6], ("return $this % 2 === 0",), True),  # docs
    ("lambda_every", [2, 5], ("return $this % 2 === 0",), False),
    ("lambda_find", [1, 2, 3, 8, 9], ("return $this === 8",), 8),  # docs
    ("lambda_find", [1, 2], ("return $this === 8",), None),
    ("lambda_findIndex", [1, 2, 3, 8, 9], ("return $this === 8",), 3),  # docs
    ("lambda_findIndex", [1], ("return false",), -1),
    ("lambda_reduce", [1, 2, 3, 4, 5], ([], "return [...$result, $this + 1];"),
     [2, 3, 4, 5, 6]),  # docs
    ("lambda_reduce", [1, 2, 3], (0, "return $result + $this"), 6),
    ("lambda", "abc", ("return $this.toUpperCase()",), "ABC"),  # docs
    ("lambda_map", [{"a": 1}], ("return {i: $index, n: $parent.length, a: $this.a}",),
     [{"i": 0, "n": 1, "a": 1}]),
    ("lambda_map", [1], ("await null; return $this + 1",), [2]),
    ("lambda_map", [1, 2], ("return $this * 2", 5), [2, 4]),
]
NAMES = {row[0] for row in ROWS}


@pytest.mark.parametrize("name, value, args, expected", ROWS)
def test_lambda_filter(name, value, args, expected):
    assert call(name, value, *args) == expected


def test_filter_keeps_the_original_elements_not_their_json_copies():
    items = [{"id": 1, "x": 1.5}, {"id": 2, "x": 2}]
    assert call("lambda_filter", items, "return $this.id > 1") == [items[1]]


def test_a_throwing_script_is_an_error_naming_its_line():
    with pytest.raises(XsError) as info:
        call("lambda_map", [1], "const a = 1;\nthrow new TypeError('nope ' + a)")
    assert info.value.type == "standard"
    assert "TypeError: nope 1" in info.value.message
    assert "script line 2" in info.value.message


def test_an_endless_loop_stops_at_the_timeout():
    with pytest.raises(XsError) as info:
        call("lambda_map", [1], "while (true) {}", 0.2)
    assert "timeout of 0.2 s" in info.value.message
    assert call("lambda_map", [1], "return 5") == [5]  # the engine still works


@pytest.mark.parametrize("code", [None, 5, ["return 1"]])
def test_code_must_be_text(code):
    with pytest.raises(XsError) as info:
        call("lambda_map", [1], code)
    assert info.value.type == "inputerror"


@pytest.mark.parametrize("timeout", [0, -1, "soon", True])
def test_timeout_must_be_a_positive_number(timeout):
    with pytest.raises(XsError) as info:
        call("lambda_map", [1], "return 1", timeout)
    assert "timeout" in info.value.message
