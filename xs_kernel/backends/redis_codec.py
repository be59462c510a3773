"""How XanoScript values are stored in Redis: the codec every deployment shares.

Text is stored as its own bytes so other clients read it naturally, unless those bytes
would decode as JSON (``"42"``, ``"true"``), in which case it is stored JSON-quoted so it
still comes back as text; every other value is compact JSON, so numbers are stored as
digits that INCRBY accepts and objects/arrays/bools keep their type. A read decodes JSON
and falls back to the raw text, which also covers values written by others.

A lone surrogate (``"\\ud800"``, which JSON escapes can make) is written with
``surrogatepass`` and read back the same way, so it survives a round trip exactly; bytes
that are not UTF-8 at all (written by another client) read as text with U+FFFD.
"""

from __future__ import annotations

import json
import math
from typing import Any

from ..values import to_json


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a XanoScript value")


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError("number out of range")
    return number


_DECODER = json.JSONDecoder(parse_constant=_reject_constant, parse_float=_finite_float)
_SCAN = _DECODER.scan_once
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _loads(text: str) -> Any:
    """Strict JSON (no NaN/Infinity, no out-of-range floats); ValueError otherwise."""
    return _DECODER.decode(text)


# A JSON text starts with one of these (after optional whitespace); anything else is
# plain text, which skips a failing parse on the common path.
_JSON_START = frozenset('{["-0123456789tfn \t\n\r')


def _is_json(text: str) -> bool:
    if not text or text[0] not in _JSON_START:
        return False
    try:
        _loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def encode(value: Any) -> bytes:
    """The bytes stored for VALUE (see the module docstring)."""
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False) if _is_json(value) else value
    else:
        try:  # the C encoder; same output as values.to_json for every finite value
            text = _ENCODER.encode(value)
        except (ValueError, TypeError):
            text = to_json(value)  # NaN/Infinity become null, odd types become text
    return text.encode("utf-8", errors="surrogatepass")


def decode(raw: bytes | None) -> Any:
    """The value stored as RAW; None (a missing key) is null."""
    if raw is None:
        return None
    text = as_text(raw) if isinstance(raw, bytes) else str(raw)
    if not text or text[0] not in _JSON_START:
        return text
    try:
        # The C scanner alone (what json.loads wraps) halves the cost for what we wrote:
        # one value filling the whole text. Anything else takes the full strict path.
        value, end = _SCAN(text, 0)
        if end == len(text):
            return value
    except StopIteration:
        pass
    except (ValueError, RecursionError):
        return text
    try:
        return _loads(text)
    except (ValueError, RecursionError):
        return text


def glob_escape(text: str) -> str:
    """TEXT as a literal inside a Redis MATCH pattern."""
    return "".join("\\" + c if c in "*?[]\\" else c for c in text)


def as_text(raw: bytes) -> str:
    """RAW bytes from Redis as text (lone surrogates kept, foreign bytes as U+FFFD)."""
    try:
        return raw.decode("utf-8", errors="surrogatepass")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace")
