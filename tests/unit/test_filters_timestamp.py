"""Timestamp filters (xs_kernel/filters/timestamp.py) and the date rules behind them
(_dates: reading date text and relative phrases; _php_date: PHP date() letters).

Timestamps are epoch milliseconds; expected values are computed with the standard library
from ISO text (``ms("...")``) so each row reads as a date. Clock-dependent behaviour is
tested through ``_dates`` with a fixed "now".
"""

from __future__ import annotations

from datetime import datetime

import pytest

from filter_cases import call, check_error, check_refuses, check_result
from xs_kernel.errors import XsError
from xs_kernel.filters import _dates as d
from xs_kernel.filters.timestamp import now_ms


def ms(iso: str) -> int:
    """Epoch ms of an ISO 8601 text with an offset (computed by the standard library)."""
    return int(datetime.fromisoformat(iso).timestamp() * 1000)


T = 1692132330000  # 2023-08-15T20:45:30Z, a Tuesday
LA, NY = "America/Los_Angeles", "America/New_York"

ROWS = [
    ("to_timestamp", "2023-08-15T20:45:30.000Z", (), T),
    ("to_timestamp", "2023-08-15 13:45:30-0700", (), T),
    ("to_timestamp", "2023-08-15 13:45:30", (LA,), T),
    ("to_timestamp", "1692132330000", (), T),
    ("to_timestamp", T, (), T),
    ("to_timestamp", 1.5e3, (), 1500),
    ("to_timestamp", "Jan 1 2000", (), ms("2000-01-01T00:00:00+00:00")),
    ("to_timestamp", "2023-08-15 +1 day", (), ms("2023-08-16T00:00:00+00:00")),
    ("to_timestamp", "@86400", (), 86_400_000),
    ("to_timestamp", None, (), None),
    ("to_epochms", "1970-01-01T00:00:00Z", (), 0),
    ("to_ms", "1970-01-01T00:00:01Z", (), 1000),
    ("to_epoch_ms", "1970-01-01 01:00:00", ("+01:00",), 0),
    ("to_seconds", "1970-01-02", (), 86400),
    ("to_epoch_sec", T + 999, (), 1692132330),
    ("to_minutes", T, (), 28202205),
    ("to_epoch_minute", "1970-01-01T00:02:00Z", (), 2),
    ("to_hours", T, (), 470036),
    ("to_epoch_hour", "1970-01-01T05:00:00Z", (), 5),
    ("to_days", T, (), 19584),
    ("to_epoch_day", "1970-01-03", (), 2),
    ("format_timestamp", T, ("Y-m-d H:i:s", NY), "2023-08-15 16:45:30"),  # docs
    ("epochms_date", "1692132330000", ("Y-m-d H:i:s", NY), "2023-08-15 16:45:30"),  # docs
    ("format_timestamp", T, ("Y-m-d", "UTC"), "2023-08-15"),  # docs
    ("format_timestamp", 0, ("D, d M Y",), "Thu, 01 Jan 1970"),
    ("format_timestamp", 0, ("c",), "1970-01-01T00:00:00+00:00"),
    ("format_timestamp", 0, ("\\Y\\e\\a\\r: Y",), "Year: 1970"),
    ("format_timestamp", T + 123, ("v u",), "123 123000"),
    ("format_timestamp", 0, ("T e P", "Asia/Kolkata"), "IST Asia/Kolkata +05:30"),
    ("format_timestamp", 0, ("H:i T", "+02:00"), "02:00 +02:00"),
    ("format_timestamp", "2023-08-15T20:45:30Z", ("jS F Y, g:i a",), "15th August 2023, 8:45 pm"),
    ("format_timestamp", None, ("Y",), None),
    ("parse_timestamp", "2023-08-15 13:45:30", ("Y-m-d H:i:s", LA), T),  # docs
    ("epochms_from_format", "2023-08-15 13:45:30", ("Y-m-d H:i:s", LA), T),  # docs
    ("parse_timestamp", "15/08/2023 1:45 pm", ("d/m/Y g:i a",), ms("2023-08-15T13:45:00+00:00")),
    ("parse_timestamp", "2023-08-15", ("!Y-m-d",), ms("2023-08-15T00:00:00+00:00")),
    ("parse_timestamp", "Aug 15 2023 +0200", ("!M d Y O",), ms("2023-08-15T00:00:00+02:00")),
    ("parse_timestamp", "1692132330", ("U",), T),
    ("parse_timestamp", "15.08.23 20h", ("d.m.y H\\h",), ms("2023-08-15T20:00:00+00:00")),
    ("parse_timestamp", "2023-02-30 00:00", ("Y-m-d H:i",), ms("2023-03-02T00:00:00+00:00")),
    ("parse_timestamp", "2023 227 10:00", ("Y z H:i",), ms("2023-08-16T10:00:00+00:00")),
    ("parse_timestamp", None, ("Y",), None),
    ("transform_timestamp", "2023-08-15T20:45:30.000Z", ("-7 days", LA), 1691527530000),  # docs
    ("epochms_transform", "2023-08-15T20:45:30.000Z", ("-7 days", LA), 1691527530000),  # docs
    ("transform_timestamp", 0, ("+1 day",), 86_400_000),
    ("transform_timestamp", T, ("midnight",), ms("2023-08-15T00:00:00+00:00")),
    ("transform_timestamp", T, ("first day of next month",), ms("2023-09-01T20:45:30+00:00")),
    ("transform_timestamp", T, ("last day of this month",), ms("2023-08-31T20:45:30+00:00")),
    ("transform_timestamp", T, ("next monday",), ms("2023-08-21T00:00:00+00:00")),
    ("transform_timestamp", T, ("last monday",), ms("2023-08-14T00:00:00+00:00")),
    ("transform_timestamp", T, ("tuesday",), ms("2023-08-15T00:00:00+00:00")),
    ("transform_timestamp", T, ("next tuesday",), ms("2023-08-22T00:00:00+00:00")),
    ("transform_timestamp", T, ("2 weeks ago",), ms("2023-08-01T20:45:30+00:00")),
    ("transform_timestamp", T, ("-2 hours",), ms("2023-08-15T18:45:30+00:00")),
    ("transform_timestamp", T, ("noon",), ms("2023-08-15T12:00:00+00:00")),
    ("transform_timestamp", T, ("tomorrow 9am", "Europe/Paris"), ms("2023-08-16T09:00:00+02:00")),
    ("transform_timestamp", ms("2023-01-31T10:00:00+00:00"), ("+1 month",),
     ms("2023-03-03T10:00:00+00:00")),
    ("transform_timestamp", ms("2023-03-11T12:00:00-05:00"), ("+1 day", NY),
     ms("2023-03-12T12:00:00-04:00")),
    ("transform_timestamp", ms("2023-03-11T12:00:00-05:00"), ("+24 hours", NY),
     ms("2023-03-12T13:00:00-04:00")),
    ("transform_timestamp", T, ("next year",), ms("2024-08-15T20:45:30+00:00")),
    ("transform_timestamp", None, ("+1 day",), None),
    ("add_secs_to_timestamp", 1691527530000, (60,), 1691527590000),  # docs
    ("epochms_add_secs", 1691527530000, (-30,), 1691527500000),
    ("add_secs_to_timestamp", "1970-01-01T00:00:00Z", (1.5,), 1500),
    ("add_ms_to_timestamp", 1000, (500,), 1500),
    ("epochms_add_ms", "1970-01-01T00:00:00Z", (-1,), -1),
    ("add_ms_to_timestamp", None, (1,), None),
]

ERRORS = [
    ("to_timestamp", "whenever", (), "cannot read 'whenever' as a date"),
    ("to_timestamp", "", (), "empty text"),
    ("to_timestamp", "2023-08-15", ("Mars/Olympus",), "unknown timezone"),
    ("to_ms", "now", ("+99:00",), "out of range"),
    ("format_timestamp", T, ("Y", [1]), "timezone must be text"),
    ("format_timestamp", T, ([1],), "format must be text"),
    ("format_timestamp", 10**18, ("Y",), "out of range"),
    ("parse_timestamp", "2023-08-15", ("Y-m-d H:i",), "does not match the format"),
    ("parse_timestamp", "0000-00-00", ("Y-m-d",), "not a valid date"),
    ("parse_timestamp", "1 1", ("d d",), "repeats a field"),
    ("transform_timestamp", T, ("sometime",), "cannot read 'sometime' as a relative date"),
    ("transform_timestamp", T, ("+9999999 years",), "out of range"),
    ("add_secs_to_timestamp", T, ("x",), "seconds must be a number"),
    ("add_ms_to_timestamp", T, ([1],), "milliseconds must be a number"),
    ("to_seconds", "not a date 1", (), "cannot read"),
    ("to_minutes", "???", (), "cannot read"),
    ("to_hours", "2023-08-15", ("Nowhere/Else",), "unknown timezone"),
    ("to_days", "x", (), "cannot read"),
]

REJECTS = [("to_timestamp", "array"), ("format_timestamp", "object"),
           ("parse_timestamp", "int"), ("transform_timestamp", "bool")]

NAMES = {row[0] for row in ROWS} | {row[0] for row in ERRORS} | {row[0] for row in REJECTS}


@pytest.mark.parametrize("name,value,args,expected", ROWS)
def test_timestamp_filter(name, value, args, expected):
    check_result(name, value, args, expected)


@pytest.mark.parametrize("name,value,args,fragment", ERRORS)
def test_timestamp_filter_rejects_bad_input(name, value, args, fragment):
    check_error(name, value, args, fragment)


@pytest.mark.parametrize("name,type_name", REJECTS)
def test_timestamp_filter_refuses_other_receivers(name, type_name):
    check_refuses(name, type_name)


@pytest.mark.parametrize("name", ["to_timestamp", "to_ms"])
def test_now_reads_the_clock(name):
    before = now_ms()
    got = call(name, "now")
    after = now_ms()
    assert before <= got <= after


# -- relative phrases against a fixed "now" ------------------------------------------------

MONDAY_NOON = ms("2025-09-15T12:00:00+00:00")

RELATIVE = [
    ("next friday", LA, ms("2025-09-19T00:00:00-07:00")),  # docs: 1758265200000
    ("now", "UTC", MONDAY_NOON),
    ("today", "UTC", ms("2025-09-15T00:00:00+00:00")),
    ("tomorrow", "UTC", ms("2025-09-16T00:00:00+00:00")),
    ("yesterday noon", "UTC", ms("2025-09-14T12:00:00+00:00")),
    ("monday", "UTC", ms("2025-09-15T00:00:00+00:00")),
    ("this monday", "UTC", ms("2025-09-15T00:00:00+00:00")),
    ("next monday", "UTC", ms("2025-09-22T00:00:00+00:00")),
    ("last monday", "UTC", ms("2025-09-08T00:00:00+00:00")),
    ("previous sun", "UTC", ms("2025-09-14T00:00:00+00:00")),
    ("sat 10:30", "UTC", ms("2025-09-20T10:30:00+00:00")),
    ("+1 week 2 days", "UTC", ms("2025-09-24T12:00:00+00:00")),
    ("+ 3 hours", "UTC", ms("2025-09-15T15:00:00+00:00")),
    ("90 minutes ago", "UTC", ms("2025-09-15T10:30:00+00:00")),
    ("+1 fortnight", "UTC", ms("2025-09-29T12:00:00+00:00")),
    ("-1 year", "UTC", ms("2024-09-15T12:00:00+00:00")),
    ("+500 ms", "UTC", MONDAY_NOON + 500),
    ("first day of last month", "UTC", ms("2025-08-01T12:00:00+00:00")),
    ("first day of", "UTC", ms("2025-09-01T12:00:00+00:00")),
    ("last day of next month midnight", "UTC", ms("2025-10-31T00:00:00+00:00")),
    ("13:45:10", "UTC", ms("2025-09-15T13:45:10+00:00")),
    ("12am", "UTC", ms("2025-09-15T00:00:00+00:00")),
    ("tomorrow 9 pm", "Asia/Tokyo", ms("2025-09-16T21:00:00+09:00")),
    ("Sept 1 2025", "UTC", ms("2025-09-01T00:00:00+00:00")),
    ("2025-12-25 noon", "UTC", ms("2025-12-25T12:00:00+00:00")),
]


@pytest.mark.parametrize("text,tz,expected", RELATIVE)
def test_date_text_against_a_fixed_now(text, tz, expected):
    assert d.parse_text("to_timestamp", text, d.zone("t", tz), MONDAY_NOON) == expected


@pytest.mark.parametrize("text", ["next", "+1 parsec", "25:00", "32nd of never", "in a while"])
def test_text_that_is_no_date_is_an_error(text):
    with pytest.raises(XsError):
        d.parse_text("to_timestamp", text, d.UTC, MONDAY_NOON)


def test_parse_timestamp_fills_missing_fields_from_now():
    now = ms("2025-09-15T12:34:56+00:00")
    got = d.parse_format("parse_timestamp", "2023-08-15", "Y-m-d", d.UTC, now)
    assert got == ms("2023-08-15T12:34:56+00:00")
    got = d.parse_format("parse_timestamp", "10:00", "H:i", d.UTC, now)
    assert got == ms("2025-09-15T10:00:00+00:00")


# -- PHP date() letters ----------------------------------------------------------------------

LETTERS = [
    ("d", "15"), ("D", "Tue"), ("j", "15"), ("l", "Tuesday"), ("N", "2"), ("S", "th"),
    ("w", "2"), ("z", "226"), ("W", "33"), ("F", "August"), ("m", "08"), ("M", "Aug"),
    ("n", "8"), ("t", "31"), ("L", "0"), ("o", "2023"), ("Y", "2023"), ("y", "23"),
    ("a", "pm"), ("A", "PM"), ("B", "906"), ("g", "4"), ("G", "16"), ("h", "04"),
    ("H", "16"), ("i", "45"), ("s", "30"), ("u", "123000"), ("v", "123"),
    ("e", "America/New_York"), ("I", "1"), ("O", "-0400"), ("P", "-04:00"), ("p", "-04:00"),
    ("T", "EDT"), ("Z", "-14400"), ("c", "2023-08-15T16:45:30-04:00"),
    ("r", "Tue, 15 Aug 2023 16:45:30 -0400"), ("U", "1692132330"), ("Q!", "Q!"),
]


@pytest.mark.parametrize("letter,expected", LETTERS)
def test_php_date_letters(letter, expected):
    assert d.format_ms("format_timestamp", T + 123, letter, d.zone("t", NY)) == expected


@pytest.mark.parametrize("day,suffix", [(1, "st"), (2, "nd"), (3, "rd"), (4, "th"), (11, "th"),
                                        (12, "th"), (13, "th"), (21, "st"), (22, "nd"),
                                        (23, "rd"), (31, "st")])
def test_ordinal_suffix(day, suffix):
    stamp = ms(f"2023-01-{day:02d}T00:00:00+00:00")
    assert call("format_timestamp", stamp, "S") == suffix


def test_utc_zone_letters():
    assert call("format_timestamp", 0, "e T P p") == "UTC UTC +00:00 Z"
