"""The ``object.*`` statements: ``object.keys``, ``object.values``, ``object.entries``
(``object.keys { value = $o } as $k``).
"""

from __future__ import annotations

from typing import Any

from ..errors import XsError
from ..registry import Call, Param, builtin
from ..values import type_name

VALUE = Param("value", required=True, doc="the object")


def _object(statement: str, value: Any) -> dict[str, Any]:
    if type(value) is dict:
        return value
    if value is None:
        return {}
    if type(value) is list:  # an array is an object keyed by position
        return {str(i): v for i, v in enumerate(value)}
    raise XsError("inputerror", f"`{statement}` works on an object, got {type_name(value)}")


@builtin("object.keys", VALUE)
def object_keys(call: Call, value: Any) -> list[str]:
    """The keys of the object, in order.

    object.keys { value = $settings } as $names
    """
    return list(_object("object.keys", value))


@builtin("object.values", VALUE)
def object_values(call: Call, value: Any) -> list[Any]:
    """The values of the object, in order.

    object.values { value = $settings } as $values
    """
    return list(_object("object.values", value).values())


@builtin("object.entries", VALUE)
def object_entries(call: Call, value: Any) -> list[dict[str, Any]]:
    """The object as an array of {key, value} objects, in order.

    object.entries { value = $settings } as $pairs
    """
    return [{"key": k, "value": v} for k, v in _object("object.entries", value).items()]
