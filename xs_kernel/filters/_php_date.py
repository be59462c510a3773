"""PHP ``date()`` format letters, both ways (no filter is registered here).

``php_date`` writes an aware datetime with a format such as ``"Y-m-d H:i:s"``;
``parse_with_format`` reads text with one (PHP's ``DateTime::createFromFormat``: fields the
format does not mention come from the current time, or from 1970-01-01 00:00:00 when the
format contains ``!`` or ``|``). A backslash makes the next character literal.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from . import _support as s

_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def _offset(dt: datetime, colon: bool) -> str:
    total = int(dt.utcoffset().total_seconds()) // 60  # type: ignore[union-attr]
    sign = "-" if total < 0 else "+"
    h, m = divmod(abs(total), 60)
    return f"{sign}{h:02d}{':' if colon else ''}{m:02d}"


def _zone_id(dt: datetime) -> str:
    if isinstance(dt.tzinfo, ZoneInfo):
        return dt.tzinfo.key
    return "UTC" if dt.utcoffset() == timedelta(0) else _offset(dt, True)


def _abbreviation(dt: datetime) -> str:
    name = dt.tzname() or ""
    if name.startswith("UTC") and len(name) > 3:
        return _offset(dt, True)
    if re.fullmatch(r"[+-]\d+", name):  # zones with no abbreviation of their own
        return _offset(dt, True)
    return name


def _suffix(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _swatch(dt: datetime) -> str:
    utc = dt.astimezone(timezone.utc)
    seconds = (utc.hour * 3600 + utc.minute * 60 + utc.second + 3600) % 86400
    return f"{int(seconds / 86.4):03d}"


_LETTERS: dict[str, Callable[[datetime], str]] = {
    "d": lambda d: f"{d.day:02d}",
    "D": lambda d: _DAYS[d.weekday()][:3],
    "j": lambda d: str(d.day),
    "l": lambda d: _DAYS[d.weekday()],
    "N": lambda d: str(d.isoweekday()),
    "S": lambda d: _suffix(d.day),
    "w": lambda d: str(d.isoweekday() % 7),
    "z": lambda d: str(d.timetuple().tm_yday - 1),
    "W": lambda d: f"{d.isocalendar()[1]:02d}",
    "F": lambda d: _MONTHS[d.month - 1],
    "m": lambda d: f"{d.month:02d}",
    "M": lambda d: _MONTHS[d.month - 1][:3],
    "n": lambda d: str(d.month),
    "t": lambda d: str(calendar.monthrange(d.year, d.month)[1]),
    "L": lambda d: "1" if calendar.isleap(d.year) else "0",
    "o": lambda d: str(d.isocalendar()[0]),
    "Y": lambda d: f"{d.year:04d}",
    "y": lambda d: f"{d.year % 100:02d}",
    "a": lambda d: "am" if d.hour < 12 else "pm",
    "A": lambda d: "AM" if d.hour < 12 else "PM",
    "B": _swatch,
    "g": lambda d: str(d.hour % 12 or 12),
    "G": lambda d: str(d.hour),
    "h": lambda d: f"{d.hour % 12 or 12:02d}",
    "H": lambda d: f"{d.hour:02d}",
    "i": lambda d: f"{d.minute:02d}",
    "s": lambda d: f"{d.second:02d}",
    "u": lambda d: f"{d.microsecond:06d}",
    "v": lambda d: f"{d.microsecond // 1000:03d}",
    "e": _zone_id,
    "I": lambda d: "1" if d.dst() else "0",
    "O": lambda d: _offset(d, False),
    "P": lambda d: _offset(d, True),
    "p": lambda d: "Z" if d.utcoffset() == timedelta(0) else _offset(d, True),
    "T": _abbreviation,
    "Z": lambda d: str(int(d.utcoffset().total_seconds())),  # type: ignore[union-attr]
    "c": lambda d: php_date(d, "Y-m-d\\TH:i:sP"),
    "r": lambda d: php_date(d, "D, d M Y H:i:s O"),
    "U": lambda d: str(int((d - datetime(1970, 1, 1, tzinfo=timezone.utc)).total_seconds()
                           // 1)),
}


def php_date(dt: datetime, fmt: str) -> str:
    """DT written with PHP ``date()`` letters; other characters are copied."""
    out: list[str] = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "\\" and i + 1 < len(fmt):
            out.append(fmt[i + 1])
            i += 2
            continue
        letter = _LETTERS.get(c)
        out.append(letter(dt) if letter else c)
        i += 1
    return "".join(out)


# -- reading with a format ---------------------------------------------------------------

_MONTH_NAMES = "|".join(m for m in _MONTHS) + "|" + "|".join(m[:3] for m in _MONTHS)
_PIECES = {
    "d": r"(?P<day>\d{1,2})", "j": r"(?P<day>\d{1,2})",
    "D": r"[A-Za-z]{3}", "l": r"[A-Za-z]+", "S": r"(?:st|nd|rd|th)",
    "z": r"(?P<yday>\d{1,3})",
    "m": r"(?P<month>\d{1,2})", "n": r"(?P<month>\d{1,2})",
    "M": rf"(?P<month_name>{_MONTH_NAMES})", "F": rf"(?P<month_name>{_MONTH_NAMES})",
    "Y": r"(?P<year>\d{1,4})", "y": r"(?P<year2>\d{2})",
    "a": r"(?P<ampm>[aApP][mM])", "A": r"(?P<ampm>[aApP][mM])",
    "g": r"(?P<hour>\d{1,2})", "h": r"(?P<hour>\d{1,2})",
    "G": r"(?P<hour>\d{1,2})", "H": r"(?P<hour>\d{1,2})",
    "i": r"(?P<minute>\d{2})", "s": r"(?P<second>\d{2})",
    "u": r"(?P<micro>\d{1,6})", "v": r"(?P<milli>\d{1,3})",
    "e": r"(?P<tz>Z|[+-]\d{2}:?\d{2}|[A-Za-z_]+(?:/[A-Za-z_+\-]+)*)",
    "U": r"(?P<epoch>-?\d+)",
}
for _letter in "TOPp":
    _PIECES[_letter] = _PIECES["e"]


def _pattern(name: str, fmt: str) -> tuple[re.Pattern, bool]:
    parts: list[str] = []
    reset = False
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "\\" and i + 1 < len(fmt):
            parts.append(re.escape(fmt[i + 1]))
            i += 2
            continue
        if c in "!|":
            reset = True
        elif c == "?":
            parts.append(".")
        elif c == "*":
            parts.append(r"[^\s,;:/.\-()]*")
        else:
            parts.append(_PIECES.get(c, re.escape(c)))
        i += 1
    try:
        return re.compile("".join(parts), re.I), reset
    except re.error:
        raise s.bad(name, f"the format {fmt!r} repeats a field") from None


def _date_part(found: dict[str, Any], base: datetime) -> tuple[int, int, int]:
    """(year, month, day) from the parsed fields, the rest from BASE."""
    year = base.year if "year" not in found else int(found["year"])
    if "year2" in found:
        short = int(found["year2"])
        year = short + (2000 if short < 70 else 1900)
    month = base.month if "month" not in found else int(found["month"])
    if "month_name" in found:
        month = [m[:3].lower() for m in _MONTHS].index(found["month_name"][:3].lower()) + 1
    if "yday" in found:
        return year, 1, int(found["yday"]) + 1
    return year, month, base.day if "day" not in found else int(found["day"])


def _clock_part(found: dict[str, Any], base: datetime, reset: bool) -> timedelta:
    """The time of day: parsed fields; if none is given, BASE's time (midnight on reset)."""
    if not reset and not any(k in found for k in ("hour", "minute", "second", "micro",
                                                  "milli")):
        return timedelta(hours=base.hour, minutes=base.minute, seconds=base.second,
                         microseconds=base.microsecond)
    hour = int(found.get("hour", 0))
    if "ampm" in found and "hour" in found:
        hour = hour % 12 + (12 if found["ampm"].lower() == "pm" else 0)
    micro = int((found["micro"] + "000000")[:6]) if "micro" in found else 0
    if "milli" in found:
        micro = int(found["milli"]) * 1000
    return timedelta(hours=hour, minutes=int(found.get("minute", 0)),
                     seconds=int(found.get("second", 0)), microseconds=micro)


def parse_with_format(name: str, text: str, fmt: str, tz: tzinfo,
                      now: datetime, zone_of: Callable[[str, Any], tzinfo]) -> datetime:
    """TEXT read with the PHP format FMT; an aware datetime. NOW is in zone TZ."""
    pattern, reset = _pattern(name, fmt)
    m = pattern.fullmatch(text)
    if m is None:
        raise s.bad(name, f"{text!r} does not match the format {fmt!r}")
    found = {k: v for k, v in m.groupdict().items() if v is not None}
    if "epoch" in found:
        return datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=int(found["epoch"]))
    zone = zone_of(name, found["tz"]) if "tz" in found else tz
    base = datetime(1970, 1, 1) if reset else now.replace(tzinfo=None)
    year, month, day = _date_part(found, base)
    try:
        first = datetime(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        wall = first + timedelta(days=day - 1) + _clock_part(found, base, reset)
        return wall.replace(tzinfo=zone)
    except (ValueError, OverflowError):
        raise s.bad(name, f"{text!r} is not a valid date") from None
