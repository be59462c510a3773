"""CSV filters (xs_kernel/filters/csv_text.py).

Rows are (filter, receiver, arguments, expected).
"""

from __future__ import annotations

import pytest

from filter_cases import call, check_error, check_refuses, check_result


ROWS = [
    ("csv_decode", "a,b\n1,2", (), [["a", "b"], ["1", "2"]]),
    ("csv_decode", '"x,y",z\r\n\n"q""uote"', (), [["x,y", "z"], ['q"uote']]),
    ("csv_decode", "a;b", (";",), [["a", "b"]]),
    ("csv_decode", "'a;b';c", (";", "'"), [["a;b", "c"]]),
    ("csv_decode", "", (), []),
    ("csv_parse", "a,b\n1,2\n3", (), [{"a": "1", "b": "2"}, {"a": "3", "b": None}]),
    ("csv_parse", "a,b", (), []),
    ("csv_parse", "", (), []),
    ("csv_parse", "n|m\nx|y", ("|",), [{"n": "x", "m": "y"}]),
    ("csv_encode", [["a", "b"], [1, 2]], (), "a,b\n1,2\n"),
    ("csv_encode", [{"x": 'say "hi"', "y": None}], (), '"say ""hi""",\n'),
    ("csv_encode", [[1.5, True, [1]]], (";",), '1.5;true;[1]\n'),
    ("csv_encode", [], (), ""),
    ("csv_create", ["id", "name"], ([{"id": 1, "name": "Ann"}, [2, "Bo"]],),
     "id,name\n1,Ann\n2,Bo\n"),
    # A missing column is an empty field, written unquoted as PHP's fputcsv does.
    ("csv_create", ["a"], ([{"b": 1}],), 'a\n\n'),
    ("csv_encode", [["a b", "plain", "tab\there"]], (), '"a b",plain,"tab\there"\n'),
    ("csv_create", ["a", "b"], ([],), "a,b\n"),
]

ERRORS = [
    ("csv_decode", "a", ("::",), "single characters"),
    ("csv_parse", "a", (",", "''"), "single characters"),
    ("csv_encode", [5], (), "each row must be"),
    ("csv_create", ["a"], ([5],), "each row must be"),
    ("csv_create", ["a"], ("x",), "rows must be an array"),
    ("csv_create", [[1]], ([],), "a column name must be text"),
    ("csv_decode", '"a', (",", '"', "\\\\"), "single characters"),
]

REJECTS = [("csv_decode", "array"), ("csv_parse", "object"), ("csv_encode", "text"),
           ("csv_create", "text")]

NAMES = {row[0] for row in ROWS} | {row[0] for row in ERRORS} | {row[0] for row in REJECTS}


@pytest.mark.parametrize("name,value,args,expected", ROWS)
def test_csv_filter(name, value, args, expected):
    check_result(name, value, args, expected)


@pytest.mark.parametrize("name,value,args,fragment", ERRORS)
def test_csv_filter_rejects_bad_input(name, value, args, fragment):
    check_error(name, value, args, fragment)


@pytest.mark.parametrize("name,type_name", REJECTS)
def test_csv_filter_refuses_other_receivers(name, type_name):
    check_refuses(name, type_name)


def test_csv_round_trip():
    rows = [["a", "b,c"], ['x"y', ""]]
    assert call("csv_decode", call("csv_encode", rows)) == rows
