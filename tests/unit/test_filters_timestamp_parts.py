"""Timestamp parts and calendar arithmetic (xs_kernel/filters/timestamp_parts.py).

Rows are (filter, receiver, arguments, expected). T is Tuesday 2023-08-15 20:45:30 UTC,
which is already Wednesday 05:45:30 in Tokyo.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from filter_cases import check_error, check_refuses, check_result


def ms(iso: str) -> int:
    return int(datetime.fromisoformat(iso).timestamp() * 1000)


T = 1692132330000
TOKYO = "Asia/Tokyo"

ROWS = [
    ("timestamp_year", T, (), 2023),
    ("timestamp_year", ms("2023-12-31T20:00:00+00:00"), (TOKYO,), 2024),
    ("timestamp_month", T, (), 8),
    ("timestamp_week", T, (), 33),
    ("timestamp_week", ms("2021-01-01T00:00:00+00:00"), (), 53),
    ("timestamp_day_of_month", T, (), 15),
    ("timestamp_day_of_month", T, (TOKYO,), 16),
    ("timestamp_day_of_week", T, (), 2),
    ("timestamp_day_of_week", ms("2023-08-13T00:00:00+00:00"), (), 0),
    ("timestamp_day_of_week", T, (TOKYO,), 3),
    ("timestamp_day_of_year", T, (), 227),
    ("timestamp_day_of_year", ms("2024-12-31T00:00:00+00:00"), (), 366),
    ("timestamp_hour", T, (), 20),
    ("timestamp_hour", T, (TOKYO,), 5),
    ("timestamp_minute", T, (), 45),
    ("timestamp_minute", "2023-08-15T20:07:00Z", (), 7),
    ("timestamp_year", None, (), None),
    ("timestamp_epoch_ms", "2023-08-15T20:45:30Z", (), T),
    ("timestamp_epoch_seconds", T, (), 1692132330),
    ("timestamp_epoch_sec", "1970-01-01T00:01:00Z", (), 60),
    ("timestamp_epoch_minute", T, (), 28202205),
    ("timestamp_epoch_hour", T, (), 470036),
    ("timestamp_epoch_day", T, (), 19584),
    ("timestamp_add_seconds", 0, (2,), 2000),
    ("timestamp_subtract_seconds", 2000, (2,), 0),
    ("timestamp_add_minutes", 0, (1,), 60_000),
    ("timestamp_subtract_minutes", 60_000, (1.5,), -30_000),
    ("timestamp_add_hours", 0, (1,), 3_600_000),
    ("timestamp_subtract_hours", 86_400_000, (24,), 0),
    ("timestamp_add_days", 0, (7,), 604_800_000),
    ("timestamp_subtract_days", 604_800_000, ("7",), 0),
    ("timestamp_add_months", ms("2024-01-31T10:00:00+00:00"), (1,),
     ms("2024-02-29T10:00:00+00:00")),
    ("timestamp_add_months", ms("2023-11-15T00:00:00+00:00"), (3,),
     ms("2024-02-15T00:00:00+00:00")),
    ("timestamp_subtract_months", ms("2023-03-31T00:00:00+00:00"), (1,),
     ms("2023-02-28T00:00:00+00:00")),
    ("timestamp_add_years", ms("2024-02-29T00:00:00+00:00"), (1,),
     ms("2025-02-28T00:00:00+00:00")),
    ("timestamp_subtract_years", ms("2024-02-29T00:00:00+00:00"), (4,),
     ms("2020-02-29T00:00:00+00:00")),
    ("timestamp_add_months", ms("2023-01-31T23:00:00+00:00"), (1, TOKYO),
     ms("2023-03-01T08:00:00+09:00")),
    ("timestamp_add_days", None, (1,), None),
]

ERRORS = [
    ("timestamp_add_days", T, ("x",), "the amount must be a number"),
    ("timestamp_add_months", T, ([1],), "the amount must be a number"),
    ("timestamp_add_years", T, (10**6,), "out of range"),
    ("timestamp_subtract_years", T, (5000,), "out of range"),
    ("timestamp_month", T, ("Nowhere/Else",), "unknown timezone"),
    ("timestamp_week", "garbage", (), "cannot read"),
    ("timestamp_day_of_month", 10**18, (), "out of range"),
    ("timestamp_day_of_week", "x", (), "cannot read"),
    ("timestamp_day_of_year", "x", (), "cannot read"),
    ("timestamp_hour", "x", (), "cannot read"),
    ("timestamp_minute", "x", (), "cannot read"),
    ("timestamp_epoch_ms", "x", (), "cannot read"),
    ("timestamp_epoch_seconds", "x", (), "cannot read"),
    ("timestamp_epoch_minute", "x", (), "cannot read"),
    ("timestamp_epoch_hour", "x", (), "cannot read"),
    ("timestamp_epoch_day", "x", (), "cannot read"),
    ("timestamp_add_seconds", T, ("x",), "the amount must be a number"),
    ("timestamp_subtract_seconds", T, ("x",), "the amount must be a number"),
    ("timestamp_add_minutes", T, ("x",), "the amount must be a number"),
    ("timestamp_subtract_minutes", T, ("x",), "the amount must be a number"),
    ("timestamp_add_hours", T, ("x",), "the amount must be a number"),
    ("timestamp_subtract_hours", T, ("x",), "the amount must be a number"),
    ("timestamp_subtract_days", T, ("x",), "the amount must be a number"),
    ("timestamp_subtract_months", T, ("x",), "the amount must be a number"),
]

REJECTS = [("timestamp_year", "array"), ("timestamp_add_days", "object"),
           ("timestamp_epoch_seconds", "bool")]

NAMES = {row[0] for row in ROWS} | {row[0] for row in ERRORS} | {row[0] for row in REJECTS}


@pytest.mark.parametrize("name,value,args,expected", ROWS)
def test_timestamp_part_filter(name, value, args, expected):
    check_result(name, value, args, expected)


@pytest.mark.parametrize("name,value,args,fragment", ERRORS)
def test_timestamp_part_filter_rejects_bad_input(name, value, args, fragment):
    check_error(name, value, args, fragment)


@pytest.mark.parametrize("name,type_name", REJECTS)
def test_timestamp_part_filter_refuses_other_receivers(name, type_name):
    check_refuses(name, type_name)
