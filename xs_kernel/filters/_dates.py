"""Date and time rules behind the timestamp filters (no filter is registered here).

A timestamp is an int of epoch milliseconds. This module reads date text (ISO 8601,
``Y-m-d H:i:s+hhmm``, "Jan 1 2000", "now", "+1 day", "next monday", "first day of next
month" ...) the way PHP's ``strtotime`` does for the common forms, formats with PHP
``date()`` letters, and parses with an explicit PHP format. Every function that depends on
the clock takes ``now`` (epoch ms) as an argument so it can be tested. Errors are
``inputerror``s naming the filter.
"""

from __future__ import annotations

import calendar
import re
import warnings
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as date_parser

from . import _support as s
from ._php_date import parse_with_format, php_date

UTC = timezone.utc
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MS = timedelta(milliseconds=1)
_OFFSET = re.compile(r"([+-])(\d{1,2}):?(\d{2})?")


def zone(name: str, tz: Any) -> tzinfo:
    """The time zone an argument names: null/"" is UTC, "+02:00" a fixed offset."""
    if tz is None or tz == "":
        return UTC
    label = s.text(name, tz, "the timezone").strip()
    if label.upper() in ("UTC", "Z", "GMT"):
        return UTC
    m = _OFFSET.fullmatch(label)
    if m:
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        if minutes > 18 * 60:
            raise s.bad(name, f"timezone offset {label!r} is out of range")
        return timezone(timedelta(minutes=-minutes if m.group(1) == "-" else minutes))
    try:
        return ZoneInfo(label)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise s.bad(name, f"unknown timezone {label!r}") from None


def from_ms(name: str, ms: int, tz: tzinfo) -> datetime:
    try:
        return (EPOCH + ms * MS).astimezone(tz)
    except (OverflowError, ValueError):
        raise s.bad(name, f"timestamp {ms} is out of range") from None


def to_ms(dt: datetime) -> int:
    return (dt - EPOCH) // MS


def localize(name: str, wall: datetime, tz: tzinfo) -> int:
    """Epoch ms of the naive wall-clock time WALL in zone TZ."""
    try:
        return to_ms(wall.replace(tzinfo=tz))
    except (OverflowError, ValueError):
        raise s.bad(name, "the date is out of range") from None


def instant(name: str, value: Any, tz: Any, now: int) -> int | None:
    """A timestamp receiver as epoch ms: a number is already one; text is read as a date."""
    if value is None:
        return None
    if value is True or value is False or isinstance(value, (list, dict)):
        raise s.bad(name, f"expected a timestamp, got {s.described(value)}")
    if isinstance(value, (int, float)):
        return int(value)
    return parse_text(name, value, zone(name, tz), now)


# -- reading date text -------------------------------------------------------------------

_DIGITS = re.compile(r"[+-]?\d+(\.\d+)?")


def parse_text(name: str, text: str, tz: tzinfo, now: int) -> int:
    """Epoch ms for a date TEXT: digits are ms, else absolute or relative date text."""
    t = text.strip()
    if not t:
        raise s.bad(name, "an empty text is not a date")
    if _DIGITS.fullmatch(t):
        return int(float(t))
    for attempt in (_iso, _relative_from_now, _loose):
        found = attempt(name, t, tz, now)
        if found is not None:
            return found
    words = t.split()
    for cut in range(len(words) - 1, 0, -1):
        base = _iso(name, " ".join(words[:cut]), tz, now)
        if base is None:
            base = _loose(name, " ".join(words[:cut]), tz, now)
        if base is not None:
            moved = relative(name, base, " ".join(words[cut:]), tz)
            if moved is not None:
                return moved
    raise s.bad(name, f"cannot read {t!r} as a date")


def _iso(name: str, text: str, tz: tzinfo, now: int) -> int | None:
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        return None
    return to_ms(dt) if dt.tzinfo else localize(name, dt, tz)


def _loose(name: str, text: str, tz: tzinfo, now: int) -> int | None:
    """Free-form dates ("Jan 1 2000", "15/08/2023 1:45 PM") through dateutil."""
    if not re.search(r"\d", text):
        return None
    default = from_ms(name, now, tz).replace(hour=0, minute=0, second=0, microsecond=0,
                                              tzinfo=None)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            dt = date_parser.parse(text, default=default)
    except (ValueError, OverflowError, TypeError):
        return None
    return to_ms(dt) if dt.tzinfo else localize(name, dt, tz)


def _relative_from_now(name: str, text: str, tz: tzinfo, now: int) -> int | None:
    return relative(name, now, text, tz)


# -- relative phrases (PHP strtotime's common forms) -----------------------------------

_UNITS = {
    "ms": "ms", "msec": "ms", "msecs": "ms", "millisecond": "ms", "milliseconds": "ms",
    "sec": "s", "secs": "s", "second": "s", "seconds": "s",
    "min": "i", "mins": "i", "minute": "i", "minutes": "i",
    "hour": "h", "hours": "h", "day": "d", "days": "d",
    "week": "w", "weeks": "w", "fortnight": "f", "fortnights": "f",
    "month": "m", "months": "m", "year": "y", "years": "y",
}
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}


def _alternation(words: dict[str, Any]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_UNIT = _alternation(_UNITS)
_DAY = _alternation(_WEEKDAYS)
_TOKEN = re.compile(
    rf"(?P<num>[+-]?\s*\d+)\s*(?P<unit>{_UNIT})\b(?P<ago>\s+ago\b)?"
    rf"|(?P<edge>first|last)\s+day\s+of\b(?:\s+(?P<which>next|last|previous|this)\s+month\b)?"
    rf"|(?P<rel>next|last|previous|this)\s+(?P<target>{_UNIT}|{_DAY})\b"
    rf"|(?P<weekday>{_DAY})\b"
    r"|(?P<word>now|today|midnight|noon|tomorrow|yesterday)\b"
    r"|(?P<clock>\d{1,2}:\d{2}(?::\d{2})?(?:\.\d{1,6})?)\s*(?P<ampm>[ap]\.?m\.?)?"
    r"|(?P<hour>\d{1,2})\s*(?P<ampm2>[ap]\.?m\.?)"
    r"|@(?P<epoch>-?\d+)"
)


class _Plan:
    """What a relative phrase asks for, applied in PHP's order by ``relative``."""

    def __init__(self) -> None:
        self.offsets = dict.fromkeys("ymdhisw", 0) | {"ms": 0, "f": 0}
        self.day_shift = 0
        self.midnight = False
        self.clock: tuple[int, int, int, int] | None = None
        self.weekday: tuple[int, int] | None = None  # (0=Monday .. 6, -1/0/+1)
        self.edge: str | None = None
        self.epoch: int | None = None


def _clock(text: str, ampm: str | None) -> tuple[int, int, int, int] | None:
    parts = text.split(":")
    hour, minute = int(parts[0]), int(parts[1])
    sec_text = parts[2] if len(parts) > 2 else "0"
    sec, _, frac = sec_text.partition(".")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm[0] == "p" else 0)
    if hour > 23 or minute > 59 or int(sec) > 59:
        return None
    return hour, minute, int(sec), int((frac + "000000")[:6])


def _read_token(plan: _Plan, m: re.Match) -> bool:
    g = m.groupdict()
    if g["num"] is not None:
        n = int(g["num"].replace(" ", ""))
        plan.offsets[_UNITS[g["unit"]]] += -n if g["ago"] else n
    elif g["edge"]:
        plan.edge = g["edge"]
        plan.offsets["m"] += {"next": 1, "last": -1, "previous": -1}.get(g["which"] or "", 0)
    elif g["rel"]:
        step = {"next": 1, "last": -1, "previous": -1, "this": 0}[g["rel"]]
        if g["target"] in _WEEKDAYS:
            plan.weekday = (_WEEKDAYS[g["target"]], step)
        else:
            plan.offsets[_UNITS[g["target"]]] += step
    elif g["weekday"]:
        plan.weekday = (_WEEKDAYS[g["weekday"]], 0)
    elif g["word"]:
        word = g["word"]
        plan.midnight = plan.midnight or word in ("today", "midnight", "tomorrow", "yesterday")
        plan.day_shift += {"tomorrow": 1, "yesterday": -1}.get(word, 0)
        if word == "noon":
            plan.clock = (12, 0, 0, 0)
    elif g["clock"]:
        plan.clock = _clock(g["clock"], g["ampm"])
        return plan.clock is not None
    elif g["hour"]:
        plan.clock = _clock(g["hour"] + ":00", g["ampm2"])
        return plan.clock is not None
    elif g["epoch"]:
        plan.epoch = int(g["epoch"]) * 1000
    return True


def _plan(text: str) -> _Plan | None:
    plan, pos, low = _Plan(), 0, text.lower()
    while pos < len(low):
        if low[pos] in " \t,":
            pos += 1
            continue
        m = _TOKEN.match(low, pos)
        if m is None or not _read_token(plan, m):
            return None
        pos = m.end()
    return plan


def _add_months(wall: datetime, months: int, edge: str | None) -> datetime:
    """Move by calendar months; a day past the month's end rolls over, as PHP does."""
    total = wall.year * 12 + wall.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    if edge == "first":
        return wall.replace(year=year, month=month, day=1)
    if edge == "last":
        return wall.replace(year=year, month=month, day=calendar.monthrange(year, month)[1])
    first = wall.replace(year=year, month=month, day=1)
    return first + timedelta(days=wall.day - 1)


def relative(name: str, base: int, phrase: str, tz: tzinfo) -> int | None:
    """BASE (epoch ms) moved by a relative PHRASE in zone TZ; None if it is not one."""
    plan = _plan(phrase)
    if plan is None:
        return None
    if plan.epoch is not None:
        base = plan.epoch
    try:
        wall = from_ms(name, base, tz).replace(tzinfo=None)
        if plan.midnight or (plan.weekday and plan.clock is None):
            wall = wall.replace(hour=0, minute=0, second=0, microsecond=0)
        if plan.clock is not None:
            h, i, sec, us = plan.clock
            wall = wall.replace(hour=h, minute=i, second=sec, microsecond=us)
        wall += timedelta(days=plan.day_shift)
        o = plan.offsets
        wall = _add_months(wall, o["y"] * 12 + o["m"], plan.edge)
        wall += timedelta(days=o["d"] + 7 * o["w"] + 14 * o["f"])
        if plan.weekday is not None:
            target, step = plan.weekday
            ahead = (target - wall.weekday()) % 7
            if step > 0:
                ahead = ahead or 7
            elif step < 0:
                ahead = -((wall.weekday() - target) % 7 or 7)
            wall += timedelta(days=ahead)
    except (OverflowError, ValueError):
        raise s.bad(name, f"{phrase!r} moves the date out of range") from None
    seconds = o["h"] * 3600 + o["i"] * 60 + o["s"]
    return localize(name, wall, tz) + seconds * 1000 + o["ms"]


def add_months_clamped(name: str, ms: int, months: int, tz: tzinfo) -> int:
    """Move by calendar months, keeping the day inside the target month (Jan 31 -> Feb 28)."""
    wall = from_ms(name, ms, tz).replace(tzinfo=None)
    total = wall.year * 12 + wall.month - 1 + months
    year, month = divmod(total, 12)
    if not 1 <= year <= 9999:
        raise s.bad(name, "the date is out of range")
    day = min(wall.day, calendar.monthrange(year, month + 1)[1])
    return localize(name, wall.replace(year=year, month=month + 1, day=day), tz)


def format_ms(name: str, ms: int, fmt: str, tz: tzinfo) -> str:
    """Epoch ms written with PHP ``date()`` letters in zone TZ."""
    return php_date(from_ms(name, ms, tz), fmt)


def parse_format(name: str, text: str, fmt: str, tz: tzinfo, now: int) -> int:
    """Epoch ms of TEXT read with the PHP format FMT (missing fields from NOW in TZ)."""
    return to_ms(parse_with_format(name, text, fmt, tz, from_ms(name, now, tz), zone))
