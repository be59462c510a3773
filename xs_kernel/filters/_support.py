"""Shared helpers for the filter modules: argument checks, error builders and paths.

Every helper raises ``XsError("inputerror", ...)`` naming the filter, never a raw Python
exception. Registers no filter (it is not in ``MODULES``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from .. import memory
from ..errors import XsError
from ..values import is_number, parse_number, preview, to_text, type_name

# ``accepts`` tuples shared by several families.
TEXT = ("text", "null")  # null reads as "" (PHP's trim(null) and friends)
NUMERIC = ("int", "decimal", "text", "null")  # text must spell a number
ARRAY = ("array",)
OBJECT = ("object",)
CONTAINER = ("array", "object")
SCALAR = ("text", "int", "decimal", "bool", "null")

MAX_ITEMS = 1_000_000  # a cap on arrays and texts a filter builds from numbers


def bad(name: str, message: str) -> XsError:
    """An ``inputerror`` about filter NAME."""
    return XsError("inputerror", f"filter `{name}`: {message}")


def described(value: Any) -> str:
    """``text "abc"`` / ``array [1,2]``: a value with its type, for messages."""
    return f"{type_name(value)} {preview(value, 40)}"


def number(name: str, value: Any, what: str = "argument") -> int | float:
    """VALUE as a number (numeric text and null allowed), else an inputerror."""
    if value is None:
        return 0
    if value is True or value is False:
        return int(value)
    if is_number(value):
        return value
    if isinstance(value, str):
        n = parse_number(value)
        if n is not None:
            return n
    raise bad(name, f"{what} must be a number, got {described(value)}")


def integer(name: str, value: Any, what: str = "argument") -> int:
    """VALUE as an int (decimals are truncated toward zero)."""
    n = number(name, value, what)
    if isinstance(n, float):
        if not math.isfinite(n):
            raise bad(name, f"{what} must be a finite number")
        return int(n)
    return n


def text(name: str, value: Any, what: str = "argument") -> str:
    """VALUE as text: scalars through ``to_text``; arrays and objects are an error."""
    if isinstance(value, (list, dict)):
        raise bad(name, f"{what} must be text, got {described(value)}")
    return to_text(value)


def receiver_text(value: Any) -> str:
    """A text filter's receiver: null reads as the empty text."""
    return "" if value is None else to_text(value)


def array(name: str, value: Any, what: str = "argument") -> list:
    """VALUE as a list; null is the empty list."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise bad(name, f"{what} must be an array, got {described(value)}")
    return value


def text_list(name: str, value: Any, what: str = "argument") -> list[str]:
    """A list of names given as an array, or as one text."""
    if isinstance(value, list):
        return [text(name, v, what) for v in value]
    return [text(name, value, what)]


def guard_size(name: str, n: int | float, item_bytes: int = 1) -> None:
    """Refuse a result of more than MAX_ITEMS items, or one the memory ceiling has no room
    for (N items of at least ITEM_BYTES bytes each), before it is made."""
    if n > MAX_ITEMS:
        raise bad(name, f"the result would have {int(n)} items; the limit is {MAX_ITEMS}")
    if n * item_bytes >= memory.LARGE:
        memory.grow(int(n * item_bytes))


def math_call(name: str, fn: Callable[..., float], *args: float) -> float:
    """FN(*ARGS), turning domain and overflow errors into an inputerror."""
    try:
        result = fn(*args)
    except (ValueError, OverflowError, ZeroDivisionError):
        shown = ", ".join(to_text(a) for a in args)
        raise bad(name, f"undefined for {shown}") from None
    if isinstance(result, float) and not math.isfinite(result):
        raise bad(name, "the result is not a finite number")
    return result


# -- paths: "a.b.0.c" into objects and arrays --------------------------------------------

MISSING: Any = object()


def path_parts(name: str, path: Any) -> list[Any]:
    """Split a path argument: ``"a.b.0"`` -> ["a", "b", "0"]; an int is one index."""
    if is_number(path):
        return [int(path)]
    if path is None:
        raise bad(name, "the path must not be null")
    if isinstance(path, (dict, list, bool)):
        raise bad(name, f"the path must be text, got {described(path)}")
    return str(path).split(".") if path != "" else []


def _index(container: list, part: Any) -> int | None:
    """PART as a position in CONTAINER (negative counts from the end), or None."""
    if isinstance(part, bool):
        return None
    if isinstance(part, int):
        i = part
    else:
        try:
            i = int(str(part))
        except ValueError:
            return None
    if i < 0:
        i += len(container)
    return i if 0 <= i < len(container) else None


def _step(container: Any, part: Any) -> Any:
    if isinstance(container, dict):
        return container.get(str(part), MISSING)
    if isinstance(container, list):
        i = _index(container, part)
        return MISSING if i is None else container[i]
    return MISSING


def lookup(container: Any, name: str, path: Any) -> Any:
    """The value at PATH inside CONTAINER, or ``MISSING``.

    An object key that contains dots wins over splitting the path."""
    if isinstance(container, dict) and isinstance(path, str) and path in container:
        return container[path]
    current = container
    for part in path_parts(name, path):
        current = _step(current, part)
        if current is MISSING:
            return MISSING
    return current


def assign(container: Any, name: str, path: Any, value: Any) -> Any:
    """A copy of CONTAINER with VALUE at PATH, creating objects on the way."""
    if isinstance(container, dict) and isinstance(path, str) and path in container:
        parts: list[Any] = [path]
    else:
        parts = path_parts(name, path)
    if not parts:
        return value
    return _assign(container, name, parts, value)


def _assign(container: Any, name: str, parts: list[Any], value: Any) -> Any:
    head, rest = parts[0], parts[1:]
    if isinstance(container, list):
        out_list = list(container)
        i = _index(out_list + [None], head)  # one past the end appends
        if i is None:
            raise bad(name, f"index {head} is outside the array (length {len(container)})")
        child = out_list[i] if i < len(out_list) else None
        new = _assign(child, name, rest, value) if rest else value
        if i == len(out_list):
            out_list.append(new)
        else:
            out_list[i] = new
        return out_list
    out = dict(container) if isinstance(container, dict) else {}
    key = str(head)
    new = _assign(out.get(key), name, rest, value) if rest else value
    out[key] = new
    return out


def remove(container: Any, name: str, path: Any) -> Any:
    """A copy of CONTAINER without the entry at PATH (unchanged when it is absent)."""
    if isinstance(container, dict) and isinstance(path, str) and path in container:
        parts: list[Any] = [path]
    else:
        parts = path_parts(name, path)
    if not parts:
        return container
    return _remove(container, parts)


def _remove(container: Any, parts: list[Any]) -> Any:
    head, rest = parts[0], parts[1:]
    if isinstance(container, dict):
        key = str(head)
        if key not in container:
            return container
        out = dict(container)
        if rest:
            out[key] = _remove(out[key], rest)
        else:
            del out[key]
        return out
    if isinstance(container, list):
        i = _index(container, head)
        if i is None:
            return container
        out_list = list(container)
        if rest:
            out_list[i] = _remove(out_list[i], rest)
        else:
            del out_list[i]
        return out_list
    return container


def field(name: str, element: Any, path: Any) -> Any:
    """ELEMENT itself when PATH is empty, else the value at PATH (null when absent)."""
    if path is None or path == "":
        return element
    found = lookup(element, name, path)
    return None if found is MISSING else found
