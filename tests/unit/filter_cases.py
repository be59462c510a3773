"""The harness every filter test module shares: a row of (filter, receiver, arguments,
expected) must give exactly that value, an error row an ``inputerror`` naming the filter,
and a receiver type a filter refuses must be missing from its ``accepts``. Each module
keeps its own tables and test names; only the checks live here.
"""

from __future__ import annotations

from typing import Any

import pytest

import xs_kernel.filters  # noqa: F401  (registers every filter)
from xs_kernel.errors import XsError
from xs_kernel.registry import DEFAULT
from xs_kernel.values import strict_equals


def call(name: str, value: Any, *args: Any) -> Any:
    """The filter NAME applied to VALUE, as the compiled `value|name:args` would."""
    return DEFAULT.filter(name).impl(value, *args)


def check_result(name: str, value: Any, args: tuple, expected: Any) -> Any:
    got = call(name, value, *args)
    assert strict_equals(got, expected), f"{name}: {got!r} != {expected!r}"
    return got


def check_error(name: str, value: Any, args: tuple, fragment: str) -> None:
    with pytest.raises(XsError) as info:
        call(name, value, *args)
    assert info.value.type == "inputerror"
    assert f"`{name}`" in info.value.message and fragment in info.value.message


def check_refuses(name: str, type_name: str) -> None:
    assert type_name not in DEFAULT.filter(name).accepts
