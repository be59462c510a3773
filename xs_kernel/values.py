"""The XanoScript value model on plain Python values.

null -> None, bool -> bool, int -> int, decimal -> float, text -> str, array -> list,
object -> dict (insertion ordered); timestamps are int epoch milliseconds. This module owns
type names, truthiness, emptiness, equality, ordering, text conversion and JSON. It imports
nothing from the interpreter, parser, registry or any back-end. docs/semantics.md records
each rule and why.
"""

from __future__ import annotations

import json
import math
from typing import Any

TYPE_NAMES = ("null", "bool", "int", "decimal", "text", "array", "object")


def type_name(value: Any) -> str:
    """The XanoScript name of VALUE's type."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "decimal"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "text"


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def truthy(value: Any) -> bool:
    """``null false 0 0.0 "" "0" [] {}`` are false; everything else is true."""
    if value is None or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, (int, float)):
        return value != 0
    if isinstance(value, str):
        return value != "" and value != "0"
    if isinstance(value, (list, dict)):
        return len(value) > 0
    return True


def is_empty(value: Any) -> bool:
    """PHP's empty(): the falsy values."""
    return not truthy(value)


def number_text(value: int | float) -> str:
    """Shortest text for a number: ``3``, ``2.5``, ``0.1``; integral decimals keep no ``.0``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if math.isnan(value) or math.isinf(value):
        return "null"
    if value == int(value) and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def to_text(value: Any) -> str:
    """Text form used by ``~`` and ``to_text``: null -> "", bools -> "true"/"false",
    numbers -> shortest text, arrays/objects -> compact JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return number_text(value)
    return to_json(value)


def to_json(value: Any) -> str:
    """Compact JSON, key order kept, non-ASCII kept; non-finite numbers become null."""
    return json.dumps(_jsonable(value), ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)


def _jsonable(value: Any) -> Any:
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        if value == int(value) and abs(value) < 1e16:
            return value  # json keeps 2.0 as 2.0 so the type survives a round trip
        return value
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return str(value)


def from_json(text: str) -> Any:
    """Decode JSON text into XanoScript values (objects keep their key order)."""
    return json.loads(text)


def equals(a: Any, b: Any) -> bool:
    """Loose ``==``: numbers by value (1 == 1.0), structures deeply, no text/number juggling."""
    if is_number(a) and is_number(b):
        return a == b
    if type_name(a) != type_name(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(equals(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(equals(a[k], b[k]) for k in a)
    return a == b


def strict_equals(a: Any, b: Any) -> bool:
    """``===``: same type name and equal."""
    if type_name(a) != type_name(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(strict_equals(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(strict_equals(a[k], b[k]) for k in a)
    return a == b


_ORDER = {"null": 0, "bool": 1, "int": 2, "decimal": 2, "text": 3, "array": 4, "object": 5}


def compare(a: Any, b: Any) -> int:
    """Order for ``< <= > >=`` and sorting: numbers numerically, text by code point,
    mixed types by type rank (null < bool < number < text < array < object)."""
    ta, tb = _ORDER[type_name(a)], _ORDER[type_name(b)]
    if ta != tb:
        if ta == 2 and isinstance(b, str):  # numeric text compares as a number
            nb = parse_number(b)
            if nb is not None:
                return (a > nb) - (a < nb)
        if tb == 2 and isinstance(a, str):
            na = parse_number(a)
            if na is not None:
                return (na > b) - (na < b)
        return (ta > tb) - (ta < tb)
    if isinstance(a, list):
        for x, y in zip(a, b):
            c = compare(x, y)
            if c:
                return c
        return (len(a) > len(b)) - (len(a) < len(b))
    if isinstance(a, dict):
        return (len(a) > len(b)) - (len(a) < len(b))
    return (a > b) - (a < b)


def parse_number(text: str) -> int | float | None:
    """The number TEXT spells (``"42"``, ``"-1.5"``), or None."""
    s = text.strip()
    if not s:
        return None
    try:
        return int(s)
    except ValueError:
        pass
    try:
        f = float(s)
    except ValueError:
        return None
    return f if math.isfinite(f) else None


def copy_value(value: Any) -> Any:
    """A deep copy of arrays and objects (XanoScript values have value semantics)."""
    if isinstance(value, list):
        return [copy_value(v) for v in value]
    if isinstance(value, dict):
        return {k: copy_value(v) for k, v in value.items()}
    return value


def preview(value: Any, limit: int = 60) -> str:
    """A one-line preview: text quoted, everything else as JSON, cut at LIMIT characters."""
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else to_json(value)
    if value is None:
        text = "null"
    return text if len(text) <= limit else text[: limit - 1] + "…"
