"""Timestamp filters: reading dates (``to_timestamp``, ``parse_timestamp``), writing them
(``format_timestamp``), moving them (``transform_timestamp``, ``add_secs_to_timestamp``).

A timestamp is an int of epoch milliseconds; a receiver may also be date text ("now",
"2023-08-15T20:45:30Z", "next friday"), which is read first. A null receiver gives null.
The optional timezone (default UTC) decides how wall-clock text is read and written.
The date rules are in ``_dates``.
"""

from __future__ import annotations

import time
from typing import Any

from ..registry import xs_filter
from . import _dates as d
from . import _support as s

STAMP = ("int", "decimal", "text", "null")


def now_ms() -> int:
    """The current time in epoch milliseconds."""
    return time.time_ns() // 1_000_000


def _stamp(name: str, value: Any, tz: Any = None) -> int | None:
    return d.instant(name, value, tz, now_ms())


def _scaled(name: str, value: Any, tz: Any, unit_ms: int) -> int | None:
    ms = _stamp(name, value, tz)
    return None if ms is None else ms // unit_ms


@xs_filter("to_timestamp", accepts=STAMP, aliases=("to_epochms",))
def filter_to_timestamp(value, timezone=None):
    """Read a date text (or a number) as a timestamp in epoch milliseconds.

    text|to_timestamp[:timezone] — "now", digits (already ms), ISO 8601, "2023-08-15
    13:45:30+0200", "Jan 1 2000", and relative forms such as "+1 day", "2 weeks ago",
    "next monday", "tomorrow 9am", "first day of next month". The timezone is used for text
    without an offset.
    """
    return _stamp("to_timestamp", value, timezone)


@xs_filter("to_ms", accepts=STAMP, aliases=("to_epoch_ms",))
def filter_to_ms(value, timezone=None):
    """Read a date text as milliseconds since 1970-01-01 UTC (same as to_timestamp).

    text|to_ms[:timezone] — `"now"|to_ms` is the current time in ms.
    """
    return _stamp("to_ms", value, timezone)


@xs_filter("to_seconds", accepts=STAMP, aliases=("to_epoch_sec",))
def filter_to_seconds(value, timezone=None):
    """Read a date text as whole seconds since 1970-01-01 UTC.

    text|to_seconds[:timezone] — `"1970-01-02"|to_seconds` is 86400.
    """
    return _scaled("to_seconds", value, timezone, 1000)


@xs_filter("to_minutes", accepts=STAMP, aliases=("to_epoch_minute",))
def filter_to_minutes(value, timezone=None):
    """Read a date text as whole minutes since 1970-01-01 UTC.

    text|to_minutes[:timezone]
    """
    return _scaled("to_minutes", value, timezone, 60_000)


@xs_filter("to_hours", accepts=STAMP, aliases=("to_epoch_hour",))
def filter_to_hours(value, timezone=None):
    """Read a date text as whole hours since 1970-01-01 UTC.

    text|to_hours[:timezone]
    """
    return _scaled("to_hours", value, timezone, 3_600_000)


@xs_filter("to_days", accepts=STAMP, aliases=("to_epoch_day",))
def filter_to_days(value, timezone=None):
    """Read a date text as whole days since 1970-01-01 UTC.

    text|to_days[:timezone]
    """
    return _scaled("to_days", value, timezone, 86_400_000)


@xs_filter("format_timestamp", accepts=STAMP, aliases=("epochms_date",))
def filter_format_timestamp(value, format, timezone=None):
    """Write a timestamp as text with PHP date() letters, in a timezone (default UTC).

    timestamp|format_timestamp:format[:timezone] — `1692132330000|format_timestamp:"Y-m-d
    H:i:s":"America/New_York"` is "2023-08-15 16:45:30". Letters: d D j l N S w z W F m M
    n t L o Y y a A B g G h H i s u v e I O P p T Z c r U; \\ makes the next one literal.
    """
    tz = d.zone("format_timestamp", timezone)
    ms = d.instant("format_timestamp", value, timezone, now_ms())
    if ms is None:
        return None
    fmt = s.text("format_timestamp", format, "the format")
    return d.format_ms("format_timestamp", ms, fmt, tz)


@xs_filter("parse_timestamp", accepts=s.TEXT, aliases=("epochms_from_format",))
def filter_parse_timestamp(value, format, timezone=None):
    """Read a text with an explicit PHP date format into a timestamp (epoch ms).

    text|parse_timestamp:format[:timezone] — `"2023-08-15 13:45:30"|parse_timestamp:"Y-m-d
    H:i:s":"America/Los_Angeles"` is 1692132330000. Fields the format leaves out come from
    the current time, unless the format contains ! or | (then from 1970-01-01 00:00:00).
    """
    if value is None:
        return None
    tz = d.zone("parse_timestamp", timezone)
    fmt = s.text("parse_timestamp", format, "the format")
    return d.parse_format("parse_timestamp", value, fmt, tz, now_ms())


@xs_filter("transform_timestamp", accepts=STAMP, aliases=("epochms_transform",))
def filter_transform_timestamp(value, change, timezone=None):
    """Move a timestamp by a relative phrase, in a timezone (default UTC).

    timestamp|transform_timestamp:phrase[:timezone] — phrases like "-7 days", "+2 hours",
    "next monday", "last day of next month", "midnight"; `"2023-08-15T20:45:30Z"
    |transform_timestamp:"-7 days"` is 1691527530000.
    """
    ms = _stamp("transform_timestamp", value, timezone)
    if ms is None:
        return None
    tz = d.zone("transform_timestamp", timezone)
    phrase = s.text("transform_timestamp", change, "the change")
    moved = d.relative("transform_timestamp", ms, phrase, tz)
    if moved is None:
        raise s.bad("transform_timestamp", f"cannot read {phrase!r} as a relative date")
    return moved


@xs_filter("add_secs_to_timestamp", accepts=STAMP, aliases=("epochms_add_secs",))
def filter_add_secs_to_timestamp(value, seconds):
    """A timestamp moved by a number of seconds (negative moves back).

    timestamp|add_secs_to_timestamp:seconds — `1691527530000|add_secs_to_timestamp:60` is
    1691527590000.
    """
    ms = _stamp("add_secs_to_timestamp", value)
    if ms is None:
        return None
    return ms + int(s.number("add_secs_to_timestamp", seconds, "seconds") * 1000)


@xs_filter("add_ms_to_timestamp", accepts=STAMP, aliases=("epochms_add_ms",))
def filter_add_ms_to_timestamp(value, milliseconds):
    """A timestamp moved by a number of milliseconds (negative moves back).

    timestamp|add_ms_to_timestamp:ms — `1000|add_ms_to_timestamp:500` is 1500.
    """
    ms = _stamp("add_ms_to_timestamp", value)
    if ms is None:
        return None
    return ms + s.integer("add_ms_to_timestamp", milliseconds, "milliseconds")
