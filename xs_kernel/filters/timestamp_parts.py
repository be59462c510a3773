"""Timestamp part and arithmetic filters (``timestamp_year``, ``timestamp_add_days`` ...).

The docs list them for database queries; here they also work on plain values. Each takes
an optional timezone (default UTC) that decides the calendar day and hour. Month and year
arithmetic keeps the day inside the target month (Jan 31 + 1 month is Feb 28/29), as a
database interval does.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..registry import xs_filter
from . import _dates as d
from . import _support as s
from .timestamp import STAMP, now_ms


def _moment(name: str, value: Any, timezone: Any) -> datetime | None:
    ms = d.instant(name, value, timezone, now_ms())
    return None if ms is None else d.from_ms(name, ms, d.zone(name, timezone))


@xs_filter("timestamp_year", accepts=STAMP)
def filter_timestamp_year(value, timezone=None):
    """The year of a timestamp.

    timestamp|timestamp_year[:timezone] — `1692132330000|timestamp_year` is 2023.
    """
    dt = _moment("timestamp_year", value, timezone)
    return None if dt is None else dt.year


@xs_filter("timestamp_month", accepts=STAMP)
def filter_timestamp_month(value, timezone=None):
    """The month of a timestamp, 1 to 12.

    timestamp|timestamp_month[:timezone]
    """
    dt = _moment("timestamp_month", value, timezone)
    return None if dt is None else dt.month


@xs_filter("timestamp_week", accepts=STAMP)
def filter_timestamp_week(value, timezone=None):
    """The ISO 8601 week number of a timestamp, 1 to 53.

    timestamp|timestamp_week[:timezone]
    """
    dt = _moment("timestamp_week", value, timezone)
    return None if dt is None else dt.isocalendar()[1]


@xs_filter("timestamp_day_of_month", accepts=STAMP)
def filter_timestamp_day_of_month(value, timezone=None):
    """The day of the month of a timestamp, 1 to 31.

    timestamp|timestamp_day_of_month[:timezone]
    """
    dt = _moment("timestamp_day_of_month", value, timezone)
    return None if dt is None else dt.day


@xs_filter("timestamp_day_of_week", accepts=STAMP)
def filter_timestamp_day_of_week(value, timezone=None):
    """The day of the week of a timestamp, 0 (Sunday) to 6 (Saturday).

    timestamp|timestamp_day_of_week[:timezone]
    """
    dt = _moment("timestamp_day_of_week", value, timezone)
    return None if dt is None else dt.isoweekday() % 7


@xs_filter("timestamp_day_of_year", accepts=STAMP)
def filter_timestamp_day_of_year(value, timezone=None):
    """The day of the year of a timestamp, 1 to 366.

    timestamp|timestamp_day_of_year[:timezone]
    """
    dt = _moment("timestamp_day_of_year", value, timezone)
    return None if dt is None else dt.timetuple().tm_yday


@xs_filter("timestamp_hour", accepts=STAMP)
def filter_timestamp_hour(value, timezone=None):
    """The hour of a timestamp, 0 to 23.

    timestamp|timestamp_hour[:timezone]
    """
    dt = _moment("timestamp_hour", value, timezone)
    return None if dt is None else dt.hour


@xs_filter("timestamp_minute", accepts=STAMP)
def filter_timestamp_minute(value, timezone=None):
    """The minute of a timestamp, 0 to 59.

    timestamp|timestamp_minute[:timezone]
    """
    dt = _moment("timestamp_minute", value, timezone)
    return None if dt is None else dt.minute


def _epoch(name: str, value: Any, unit_ms: int) -> int | None:
    ms = d.instant(name, value, None, now_ms())
    return None if ms is None else ms // unit_ms


@xs_filter("timestamp_epoch_ms", accepts=STAMP)
def filter_timestamp_epoch_ms(value):
    """Milliseconds since 1970-01-01 UTC (a date text is read first).

    timestamp|timestamp_epoch_ms
    """
    return _epoch("timestamp_epoch_ms", value, 1)


@xs_filter("timestamp_epoch_seconds", accepts=STAMP, aliases=("timestamp_epoch_sec",))
def filter_timestamp_epoch_seconds(value):
    """Whole seconds since 1970-01-01 UTC.

    timestamp|timestamp_epoch_seconds — `1692132330000|timestamp_epoch_seconds` is
    1692132330.
    """
    return _epoch("timestamp_epoch_seconds", value, 1000)


@xs_filter("timestamp_epoch_minute", accepts=STAMP)
def filter_timestamp_epoch_minute(value):
    """Whole minutes since 1970-01-01 UTC.

    timestamp|timestamp_epoch_minute
    """
    return _epoch("timestamp_epoch_minute", value, 60_000)


@xs_filter("timestamp_epoch_hour", accepts=STAMP)
def filter_timestamp_epoch_hour(value):
    """Whole hours since 1970-01-01 UTC.

    timestamp|timestamp_epoch_hour
    """
    return _epoch("timestamp_epoch_hour", value, 3_600_000)


@xs_filter("timestamp_epoch_day", accepts=STAMP)
def filter_timestamp_epoch_day(value):
    """Whole days since 1970-01-01 UTC.

    timestamp|timestamp_epoch_day
    """
    return _epoch("timestamp_epoch_day", value, 86_400_000)


# -- arithmetic ---------------------------------------------------------------------------

def _shift(name: str, value: Any, amount: Any, unit_ms: int, sign: int) -> int | None:
    ms = d.instant(name, value, None, now_ms())
    if ms is None:
        return None
    return ms + sign * int(s.number(name, amount, "the amount") * unit_ms)


def _shift_months(name: str, value: Any, amount: Any, months: int, timezone: Any) -> Any:
    ms = d.instant(name, value, timezone, now_ms())
    if ms is None:
        return None
    count = s.integer(name, amount, "the amount") * months
    return d.add_months_clamped(name, ms, count, d.zone(name, timezone))


@xs_filter("timestamp_add_seconds", accepts=STAMP)
def filter_timestamp_add_seconds(value, amount):
    """A timestamp moved forward by a number of seconds.

    timestamp|timestamp_add_seconds:n — `0|timestamp_add_seconds:2` is 2000.
    """
    return _shift("timestamp_add_seconds", value, amount, 1000, 1)


@xs_filter("timestamp_subtract_seconds", accepts=STAMP)
def filter_timestamp_subtract_seconds(value, amount):
    """A timestamp moved back by a number of seconds.

    timestamp|timestamp_subtract_seconds:n
    """
    return _shift("timestamp_subtract_seconds", value, amount, 1000, -1)


@xs_filter("timestamp_add_minutes", accepts=STAMP)
def filter_timestamp_add_minutes(value, amount):
    """A timestamp moved forward by a number of minutes.

    timestamp|timestamp_add_minutes:n
    """
    return _shift("timestamp_add_minutes", value, amount, 60_000, 1)


@xs_filter("timestamp_subtract_minutes", accepts=STAMP)
def filter_timestamp_subtract_minutes(value, amount):
    """A timestamp moved back by a number of minutes.

    timestamp|timestamp_subtract_minutes:n
    """
    return _shift("timestamp_subtract_minutes", value, amount, 60_000, -1)


@xs_filter("timestamp_add_hours", accepts=STAMP)
def filter_timestamp_add_hours(value, amount):
    """A timestamp moved forward by a number of hours.

    timestamp|timestamp_add_hours:n
    """
    return _shift("timestamp_add_hours", value, amount, 3_600_000, 1)


@xs_filter("timestamp_subtract_hours", accepts=STAMP)
def filter_timestamp_subtract_hours(value, amount):
    """A timestamp moved back by a number of hours.

    timestamp|timestamp_subtract_hours:n — `86400000|timestamp_subtract_hours:24` is 0.
    """
    return _shift("timestamp_subtract_hours", value, amount, 3_600_000, -1)


@xs_filter("timestamp_add_days", accepts=STAMP)
def filter_timestamp_add_days(value, amount):
    """A timestamp moved forward by a number of 24-hour days.

    timestamp|timestamp_add_days:n — `0|timestamp_add_days:7` is 604800000.
    """
    return _shift("timestamp_add_days", value, amount, 86_400_000, 1)


@xs_filter("timestamp_subtract_days", accepts=STAMP)
def filter_timestamp_subtract_days(value, amount):
    """A timestamp moved back by a number of 24-hour days.

    timestamp|timestamp_subtract_days:n
    """
    return _shift("timestamp_subtract_days", value, amount, 86_400_000, -1)


@xs_filter("timestamp_add_months", accepts=STAMP)
def filter_timestamp_add_months(value, amount, timezone=None):
    """A timestamp moved forward by calendar months (the day is kept inside the month).

    timestamp|timestamp_add_months:n[:timezone] — Jan 31 plus 1 month is Feb 28 (or 29).
    """
    return _shift_months("timestamp_add_months", value, amount, 1, timezone)


@xs_filter("timestamp_subtract_months", accepts=STAMP)
def filter_timestamp_subtract_months(value, amount, timezone=None):
    """A timestamp moved back by calendar months (the day is kept inside the month).

    timestamp|timestamp_subtract_months:n[:timezone]
    """
    return _shift_months("timestamp_subtract_months", value, amount, -1, timezone)


@xs_filter("timestamp_add_years", accepts=STAMP)
def filter_timestamp_add_years(value, amount, timezone=None):
    """A timestamp moved forward by calendar years (Feb 29 becomes Feb 28).

    timestamp|timestamp_add_years:n[:timezone]
    """
    return _shift_months("timestamp_add_years", value, amount, 12, timezone)


@xs_filter("timestamp_subtract_years", accepts=STAMP)
def filter_timestamp_subtract_years(value, amount, timezone=None):
    """A timestamp moved back by calendar years (Feb 29 becomes Feb 28).

    timestamp|timestamp_subtract_years:n[:timezone]
    """
    return _shift_months("timestamp_subtract_years", value, amount, -12, timezone)
