"""Powers, logarithms, trigonometry and bases (xs_kernel/filters/math_functions.py).

ROWS are exact; APPROX rows compare within a tolerance (the docs write "1.5707963...").
"""

from __future__ import annotations

import math

import pytest

from filter_cases import call, check_error, check_refuses, check_result


ROWS = [
    ("sqrt", 9, (), 3.0),  # docs
    ("sqrt", "16", (), 4.0),
    ("pow", 2, (3,), 8),  # docs
    ("pow", 10, (2,), 100),  # docs
    ("pow", 2, (-1,), 0.5),
    ("pow", 2, (64,), float(2**64)),
    ("pow", -1, (1001,), -1),
    ("pow", 4, (0.5,), 2.0),
    ("exp", 0, (), 1.0),  # docs
    ("log", 2, (2,), 1.0),  # docs
    ("log", 8, (2,), 3.0),
    ("log", 1, (), 0.0),
    ("log10", 100, (), 2.0),  # docs
    ("sin", 0, (), 0.0),  # docs
    ("cos", 0, (), 1.0),  # docs
    ("asin", 0, (), 0.0),  # docs
    ("acos", 1, (), 0.0),  # docs
    ("sinh", 0, (), 0.0),  # docs
    ("cosh", 0, (), 1.0),  # docs
    ("tanh", 0, (), 0.0),  # docs
    ("acosh", 1, (), 0.0),
    ("dechex", "255", (), "ff"),  # docs
    ("dechex", -1, (), "ffffffffffffffff"),
    ("hexdec", "ff", (), 255),  # docs (as a number)
    ("hexdec", "0xFF", (), 255),
    ("hexdec", "zz", (), 0),
    ("decbin", "10", (), "1010"),  # docs
    ("bindec", "1010", (), 10),  # docs (as a number)
    ("decoct", "10", (), "12"),  # docs
    ("octdec", "12", (), 10),  # docs (as a number)
    ("base_convert", "ff", (16, 10), "255"),  # docs
    ("base_convert", "255", (10, 36), "73"),
    ("base_convert", "0", (2, 16), "0"),
]

APPROX = [
    ("tan", 0.785398, 1.0, 1e-5),  # docs
    ("atan", 1, 0.785398, 1e-6),  # docs
    ("deg2rad", 90, 1.5707963, 1e-7),  # docs
    ("deg2rad", 180, math.pi, 1e-12),  # docs
    ("rad2deg", 1.5707963, 90.0, 1e-5),  # docs
    ("rad2deg", 3.141592, 180.0, 1e-4),  # docs
    ("asin", 1, 1.5707963, 1e-7),  # docs
    ("asinh", 1, 0.88137, 1e-5),  # docs
    ("acosh", 11.592, 3.14159, 1e-4),  # docs
    ("atanh", 0.6666, 0.80470, 2e-4),  # docs say 0.80470; the true value is 0.80460
    ("sin", 3.14159, 0.0, 1e-5),  # docs
    ("cos", 1, 0.54030, 1e-5),  # docs
    ("ln", 10, 2.302585, 1e-6),  # docs
    ("exp", 1, math.e, 1e-12),
]

ERRORS = [
    ("sqrt", -1, (), "undefined for -1"),
    ("ln", 0, (), "undefined for 0"),
    ("log", 8, (1,), "undefined"),
    ("log", 8, (-2,), "undefined"),
    ("log10", -5, (), "undefined"),
    ("acos", 2, (), "undefined"),
    ("asin", -2, (), "undefined"),
    ("acosh", 0.5, (), "undefined"),
    ("atanh", 1, (), "undefined"),
    ("exp", 1000, (), "undefined"),
    ("cosh", 1000, (), "undefined"),
    ("sinh", "x", (), "the receiver must be a number"),
    ("tan", [1], (), "the receiver must be a number"),
    ("pow", 10.0, (400,), "undefined"),
    ("pow", 0, (-1,), "undefined"),
    ("base_convert", "1", (99, 10), "between 2 and 36"),
    ("base_convert", "1", (10, 1), "between 2 and 36"),
    ("dechex", "x", (), "the receiver must be a number"),
    ("decbin", [1], (), "the receiver must be a number"),
    ("decoct", {}, (), "the receiver must be a number"),
]

REJECTS = [("sqrt", "array"), ("pow", "object"), ("ln", "bool"), ("sin", "array"),
           ("hexdec", "array"), ("bindec", "object"), ("octdec", "array"),
           ("base_convert", "array"), ("deg2rad", "object"), ("rad2deg", "array"),
           ("tanh", "object"), ("atan", "bool")]

NAMES = ({row[0] for row in ROWS} | {row[0] for row in APPROX} | {row[0] for row in ERRORS}
         | {row[0] for row in REJECTS})


@pytest.mark.parametrize("name,value,args,expected", ROWS)
def test_math_filter(name, value, args, expected):
    check_result(name, value, args, expected)


@pytest.mark.parametrize("name,value,expected,tolerance", APPROX)
def test_math_filter_close_to(name, value, expected, tolerance):
    assert call(name, value) == pytest.approx(expected, abs=tolerance)


@pytest.mark.parametrize("name,value,args,fragment", ERRORS)
def test_math_filter_rejects_values_outside_its_domain(name, value, args, fragment):
    check_error(name, value, args, fragment)


@pytest.mark.parametrize("name,type_name", REJECTS)
def test_math_filter_refuses_other_receivers(name, type_name):
    check_refuses(name, type_name)
