"""The XanoScript value model on plain Python values.

null -> None, bool -> bool, int -> int, decimal -> float, text -> str, array -> list,
object -> dict (insertion ordered); timestamps are int epoch milliseconds. This module owns
type names, truthiness, emptiness, equality, ordering, text conversion, JSON, deep copies
and the conversions the filters share (PHP ``intval``/``floatval`` for ``to_int`` /
``to_decimal``). Coercing attributes and inputs to declared types is ``coercion``'s job.
Binary data (a decoded base64 payload, a raw HMAC) is a ``BinaryText``: still text to the
language, but it remembers that each character stands for one byte.
docs/semantics.md records each rule and why.
"""

from __future__ import annotations

import json
import math
import re
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


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def to_json(value: Any) -> str:
    """Compact JSON, key order kept, non-ASCII kept; non-finite numbers become null; a
    lone surrogate is written as its escape (``\\ud800``), so the JSON is valid UTF-8."""
    try:  # the C encoder handles every value made of finite numbers in one call
        text = _ENCODER.encode(value)
    except (ValueError, TypeError):
        text = json.dumps(_jsonable(value), ensure_ascii=False, separators=(",", ":"),
                          allow_nan=False)
    return text if text.isascii() else printable(text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """TEXT with each lone surrogate (which no UTF-8 output can carry) written as its
    JSON escape, ``\\ud800``; any other text is returned as it is."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
    if a is None:
        return 0
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


_CONTAINERS = frozenset((list, dict))


def copy_value(value: Any) -> Any:
    """A private deep copy of an array or object (XanoScript values have value semantics);
    other values as they are. Flat arrays and objects, the common case, copy at C speed."""
    kind = type(value)
    if kind is list:
        if _CONTAINERS.isdisjoint(map(type, value)):
            return value[:]
        return [copy_value(v) for v in value]
    if kind is dict:
        if _CONTAINERS.isdisjoint(map(type, value.values())):
            return value.copy()
        return {k: copy_value(v) for k, v in value.items()}
    return value


def copy_replacing(value: Any, previous: Any) -> Any:
    """``copy_value`` for a store that overwrites PREVIOUS, the private value the variable
    held: the first place PREVIOUS appears inside VALUE takes it as it is instead of a copy.
    Nothing else can reach PREVIOUS once the store replaces it, so ``$x = [$x]`` costs the
    new outer level only, not a copy of the whole nest (quadratic in a loop)."""
    if type(previous) is not list and type(previous) is not dict:
        return copy_value(value)
    taken = [False]

    def walk(item: Any) -> Any:
        if item is previous and not taken[0]:
            taken[0] = True
            return item
        kind = type(item)
        if kind is list:
            return [walk(v) if type(v) in _CONTAINERS else v for v in item]
        if kind is dict:
            return {k: walk(v) if type(v) in _CONTAINERS else v for k, v in item.items()}
        return item
    return walk(value)


def preview(value: Any, limit: int = 60) -> str:
    """A one-line preview: text quoted, everything else as JSON, cut at LIMIT characters."""
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else to_json(value)
    if value is None:
        text = "null"
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- numbers read the way PHP reads them ------------------------------------------------

INT_MIN, INT_MAX = -(2**63), 2**63 - 1
_NUMERIC_PREFIX = re.compile(r"[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def numeric_prefix(text: str) -> int | float | None:
    """The number at the start of TEXT (``"133.45 kg"`` -> 133.45), or None.

    Leading whitespace is skipped, as PHP does; hex (``0x1A``) is not a number."""
    m = _NUMERIC_PREFIX.match(text)
    if not m:
        return None
    digits = m.group().strip()
    if not any(c in digits for c in ".eE"):
        return int(digits)
    return float(digits)


def fit_int(n: int) -> int | float:
    """N if it fits a 64-bit integer, else N as a decimal (PHP's overflow rule)."""
    return n if INT_MIN <= n <= INT_MAX else float(n)


def to_int(value: Any) -> int:
    """PHP ``intval``: ``"133.45 kg"`` -> 133, ``"abc"`` -> 0, ``true`` -> 1, ``[]`` -> 0."""
    if value is None or value is False:
        return 0
    if value is True:
        return 1
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return 0
        return max(INT_MIN, min(INT_MAX, int(value)))
    if isinstance(value, str):
        n = numeric_prefix(value)
        if n is None:
            return 0
        if isinstance(n, float):
            if not math.isfinite(n):
                return INT_MAX if n > 0 else INT_MIN
            n = int(n)
        return max(INT_MIN, min(INT_MAX, n))
    return 1 if len(value) else 0


def to_decimal(value: Any) -> float:
    """PHP ``floatval``: ``"133.45 kg"`` -> 133.45, ``"abc"`` -> 0.0; non-finite -> 0.0."""
    if isinstance(value, str):
        n = numeric_prefix(value)
        f = float(n) if n is not None else 0.0
    elif isinstance(value, (list, dict)):
        f = 1.0 if len(value) else 0.0
    elif value is None:
        f = 0.0
    else:
        f = float(value)
    return f if math.isfinite(f) else 0.0


def to_number(value: Any) -> int | float | None:
    """VALUE as a number when it is one or spells one exactly (``"42"``, ``" 1.5 "``,
    ``true`` -> 1, null -> 0); None for anything else (``"12 kg"``, arrays)."""
    if value is None:
        return 0
    if value is True or value is False:
        return int(value)
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        return parse_number(value)
    return None


TRUE_WORDS = frozenset({"true", "1", "yes", "on", "y"})
FALSE_WORDS = frozenset({"false", "0", "no", "off", "n", ""})


def bool_word(text: str) -> bool | None:
    """True/False for the engine's boolean words (``yes``, ``off``, ``"1"`` ...), else None."""
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def to_bool(value: Any) -> bool:
    """``to_bool``: boolean words for text (``"false"``, ``"off"`` -> false), numeric text
    by value, other text by truthiness; numbers by zero; structures by emptiness."""
    if isinstance(value, str):
        word = bool_word(value)
        if word is not None:
            return word
        n = parse_number(value)
        return n != 0 if n is not None else True
    return truthy(value)


# -- identity for sets, unique and grouping ---------------------------------------------

def equality_key(value: Any) -> str:
    """A hashable stand-in: two values have the same key exactly when ``equals`` holds."""
    return json.dumps(_normal(value), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))


def _normal(value: Any) -> Any:
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        return int(value)
    if isinstance(value, float):
        return repr(value) if not math.isfinite(value) else value
    if isinstance(value, list):
        return [_normal(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _normal(v) for k, v in value.items()}
    return value


# -- binary data -------------------------------------------------------------------------

class BinaryText(str):
    """Text that holds raw bytes, one character (U+0000..U+00FF) per byte.

    Filters that produce bytes which are not valid UTF-8 (``hex2bin``, ``base64_decode``,
    a raw ``hmac_sha256``) return one, so that ``|base64_encode`` or ``|bin2hex`` after them
    sees the original bytes again instead of their UTF-8 encoding."""

    __slots__ = ()


def bytes_to_text(raw: bytes) -> str:
    """BYTES as text: plain text when they are UTF-8, else a ``BinaryText``."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return BinaryText(raw.decode("latin-1"))


def text_to_bytes(text: str) -> bytes:
    """The bytes TEXT stands for: a ``BinaryText``'s own bytes, other text as UTF-8."""
    if isinstance(text, BinaryText):
        return text.encode("latin-1")
    return text.encode("utf-8")
