"""Coercion of builtin attributes to their ``Param.type``, with the engine's rules.

``coerce(type, value)`` turns VALUE into TYPE (``any``, ``text``, ``int``, ``decimal``,
``number``, ``bool``, ``array``, ``object``, and the declared types ``timestamp``,
``email``, ``json``...) or raises ``Invalid`` with a reason that the caller wraps into an
``inputerror`` naming the attribute. Input declarations (``input { int age? }``) are
checked by ``fieldtypes``, which uses these coercions and the ``INPUT_FILTERS``
(``filters=trim|min:3``) defined here.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import time
import uuid as _uuid
from typing import Any, Callable

from . import patterns
from .values import parse_number, preview, to_text, type_name


class Invalid(Exception):
    """VALUE does not fit; ``str(exc)`` completes "input `x` ..." (e.g. "must be an int")."""


class Stated(Invalid):
    """VALUE does not fit, and the declaration gave the whole message (`pattern:re:"msg"`)."""


def _got(value: Any) -> str:
    return f"got {type_name(value)} {preview(value, 40)}" if value is not None else "got null"


def to_int(value: Any) -> int:
    if type(value) is int:
        return value
    if type(value) is float and value == int(value):
        return int(value)
    if type(value) is str:
        if value.strip() == "":
            return 0
        number = parse_number(value)
        if type(number) is int:
            return number
        if type(number) is float and number == int(number):
            return int(number)
    raise Invalid(f"must be an int, {_got(value)}")


def to_decimal(value: Any) -> float:
    if type(value) in (int, float):
        return float(value)
    if type(value) is str:
        if value.strip() == "":
            return 0.0
        number = parse_number(value)
        if number is not None:
            return float(number)
    raise Invalid(f"must be a decimal, {_got(value)}")


def to_number(value: Any) -> int | float:
    if type(value) in (int, float):
        return value
    if type(value) is str:
        number = parse_number(value)
        if number is not None:
            return number
    raise Invalid(f"must be a number, {_got(value)}")


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}


def to_bool(value: Any) -> bool:
    if type(value) is bool:
        return value
    if type(value) in (int, float) and value in (0, 1):
        return bool(value)
    if type(value) is str:
        lowered = value.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
    raise Invalid(f"must be a bool, {_got(value)}")


def to_text_input(value: Any) -> str:
    if type(value) is str:
        return value
    if type(value) in (int, float, bool):
        return to_text(value)
    raise Invalid(f"must be text, {_got(value)}")


def to_array(value: Any) -> list[Any]:
    if type(value) is list:
        return value
    raise Invalid(f"must be an array, {_got(value)}")


def to_object(value: Any) -> dict[str, Any]:
    if type(value) is dict:
        return value
    if type(value) is str:
        try:
            decoded = json.loads(value)
        except ValueError:
            decoded = None
        if type(decoded) is dict:
            return decoded
    raise Invalid(f"must be an object, {_got(value)}")


def to_json_value(value: Any) -> Any:
    """``json``: anything; text that spells a JSON object or array is decoded."""
    if type(value) is str and value.strip()[:1] in ("{", "["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def to_email(value: Any) -> str:
    text = to_text_input(value)
    if text and not _EMAIL.match(text):
        raise Invalid(f"must be an email address, {_got(value)}")
    return text


def to_uuid(value: Any) -> str:
    text = to_text_input(value)
    try:
        _uuid.UUID(text)
    except ValueError:
        raise Invalid(f"must be a UUID, {_got(value)}") from None
    return text


def to_date(value: Any) -> str:
    text = to_text_input(value)
    if text.strip().lower() == "now":
        return time.strftime("%Y-%m-%d", time.gmtime())
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        raise Invalid(f"must be a date (YYYY-MM-DD), {_got(value)}") from None
    return text


def to_timestamp(value: Any) -> int:
    """Epoch milliseconds from a number, ``"now"``, digits or a date/time text."""
    if type(value) is int:
        return value
    if type(value) is float:
        return int(value)
    if type(value) is str:
        text = value.strip()
        if text.lower() == "now":
            return time.time_ns() // 1_000_000
        if text.lstrip("-").isdigit():
            return int(text)
        moment = _parse_moment(text)
        if moment is not None:
            return int(moment.timestamp() * 1000)
    raise Invalid(f"must be a timestamp, {_got(value)}")


def _parse_moment(text: str) -> _dt.datetime | None:
    candidates = [text, text.replace(" ", "T", 1)]
    for candidate in candidates:
        try:
            moment = _dt.datetime.fromisoformat(candidate)
        except ValueError:
            continue
        return moment if moment.tzinfo else moment.replace(tzinfo=_dt.timezone.utc)
    return None


def _anything(value: Any) -> Any:
    return value


COERCERS: dict[str, Callable[[Any], Any]] = {
    "any": _anything,
    "int": to_int,
    "decimal": to_decimal,
    "number": to_number,
    "bool": to_bool,
    "text": to_text_input,
    "password": to_text_input,
    "email": to_email,
    "uuid": to_uuid,
    "date": to_date,
    "timestamp": to_timestamp,
    "json": to_json_value,
    "object": to_object,
    "array": to_array,
    "vector": to_array,
    "enum": to_text_input,
}
# Types a notebook passes through unchanged (files, geography, table links).
for _name in ("file", "image", "video", "audio", "attachment", "geo_point", "geo_polygon",
              "geo_linestring", "geo_multipoint", "geo_multilinestring", "geo_multipolygon",
              "dblink"):
    COERCERS[_name] = _anything


def coerce(type_: str, value: Any) -> Any:
    """VALUE as TYPE; null stays null (the caller decides whether null is allowed)."""
    if value is None:
        return None
    return COERCERS.get(type_, _anything)(value)


TEXT_TYPES = frozenset({"text", "password", "email", "uuid", "date", "enum"})


# ---------------------------------------------------------------- input filters


def _measure(value: Any) -> tuple[float, str]:
    if type(value) is str:
        return len(value), "characters long"
    if type(value) in (list, dict):
        return len(value), "items"
    if type(value) in (int, float):
        return value, ""
    return 0, ""


def _min(value: Any, bound: Any) -> Any:
    size, unit = _measure(value)
    limit = to_number(bound)
    if size < limit:
        raise Invalid(f"must be at least {to_text(limit)}" + (f" {unit}" if unit else ""))
    return value


def _max(value: Any, bound: Any) -> Any:
    size, unit = _measure(value)
    limit = to_number(bound)
    if size > limit:
        raise Invalid(f"must be at most {to_text(limit)}" + (f" {unit}" if unit else ""))
    return value


def _text_filter(fn: Callable[[str], str]) -> Callable[..., Any]:
    def apply(value: Any) -> Any:
        return fn(value) if type(value) is str else value
    return apply


def _allowed(chars_of: Callable[[Any], str], what: str) -> Callable[..., Any]:
    def check(value: Any, *args: Any) -> Any:
        allowed = chars_of(args)
        bad = [ch for ch in to_text(value) if ch not in allowed]
        if bad:
            raise Invalid(f"may only contain {what} (found {bad[0]!r})")
        return value
    return check


def _count_at_least(test: Callable[[str], bool], what: str) -> Callable[..., Any]:
    def check(value: Any, bound: Any) -> Any:
        wanted = to_number(bound)
        if sum(1 for ch in to_text(value) if test(ch)) < wanted:
            noun = what[:-1] if wanted == 1 else what  # "1 digit", "2 digits"
            raise Invalid(f"must contain at least {to_text(wanted)} {noun}")
        return value
    return check


def _starts_with(value: Any, prefix: Any) -> Any:
    if not to_text(value).startswith(to_text(prefix)):
        raise Invalid(f"must start with {to_text(prefix)!r}")
    return value


def _prevent(value: Any, *words: Any) -> Any:
    for word in words:
        if to_text(word) and to_text(word) in to_text(value):
            raise Invalid(f"may not contain {to_text(word)!r}")
    return value


_PATTERN_FLAGS = {"i": patterns.IGNORECASE, "m": patterns.MULTILINE, "s": patterns.DOTALL,
                  "x": patterns.VERBOSE}


def _pattern(value: Any, pattern: Any, message: Any = None) -> Any:
    """`pattern:"/^[a-z]+$/i"`, optionally with the message Xano shows when it fails
    (`pattern:"/re/":"Invalid name"`); the delimiters' flags i, m, s, x apply (u, D... are
    how the regex package works anyway)."""
    source, flags = to_text(pattern), 0
    end = source.rfind("/")
    if len(source) > 1 and source[0] == "/" and end > 0 and (source[end + 1:] or "x").isalpha():
        for flag in source[end + 1:]:
            flags |= _PATTERN_FLAGS.get(flag, 0)
        source = source[1:end]
    try:
        matched = patterns.search(source, to_text(value), flags)
    except patterns.PatternError:
        raise Invalid(f"has an invalid pattern {to_text(pattern)!r}") from None
    except patterns.RunawayPattern as exc:
        raise Invalid(f"could not be checked: {exc}") from None
    if not matched:
        if message is not None and to_text(message):
            raise Stated(to_text(message))
        raise Invalid(f"does not match the pattern {to_text(pattern)!r}")
    return value


_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = "0123456789"

# name -> (fn(value, *args), min args, max args); LENGTH_FILTERS apply to a whole array.
INPUT_FILTERS: dict[str, tuple[Callable[..., Any], int, int]] = {
    "trim": (_text_filter(str.strip), 0, 0),
    "ltrim": (_text_filter(str.lstrip), 0, 0),
    "rtrim": (_text_filter(str.rstrip), 0, 0),
    "lower": (_text_filter(str.lower), 0, 0),
    "upper": (_text_filter(str.upper), 0, 0),
    "min": (_min, 1, 1),
    "max": (_max, 1, 1),
    "startsWith": (_starts_with, 1, 1),
    "prevent": (_prevent, 1, 99),
    "alphaOk": (_allowed(lambda args: _LETTERS + "".join(map(to_text, args)), "letters"), 0, 1),
    "digitOk": (_allowed(lambda args: _DIGITS + "".join(map(to_text, args)), "digits"), 0, 1),
    "ok": (_allowed(lambda args: "".join(map(to_text, args)), "the allowed characters"), 1, 99),
    "pattern": (_pattern, 1, 2),
    "minAlpha": (_count_at_least(str.isalpha, "letters"), 1, 1),
    "minLowerAlpha": (_count_at_least(str.islower, "lower-case letters"), 1, 1),
    "minUpperAlpha": (_count_at_least(str.isupper, "upper-case letters"), 1, 1),
    "minDigit": (_count_at_least(str.isdigit, "digits"), 1, 1),
    "minSymbol": (_count_at_least(lambda ch: not ch.isalnum() and not ch.isspace(),
                                  "symbols"), 1, 1),
}
LENGTH_FILTERS = frozenset({"min", "max"})
