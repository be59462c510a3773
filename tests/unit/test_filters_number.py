"""Number filters (xs_kernel/filters/number.py): arithmetic, rounding, two-value min/max,
bitwise, parity and number_format.

Rows are (filter, receiver, arguments, expected); "docs" rows restate documented results.
Expected values are compared with their type (3 is not 3.0).
"""

from __future__ import annotations

import pytest

from filter_cases import call, check_error, check_refuses, check_result
from xs_kernel.errors import XsError


ROWS = [
    ("add", 10, (5,), 15),  # docs
    ("add", 2, (3,), 5),  # docs
    ("add", "5", (1,), 6),
    ("add", 1.5, (1,), 2.5),
    ("add", None, (1,), 1),
    ("add", 2**63 - 1, (1,), float(2**63)),
    ("subtract", 10, (3,), 7),  # docs
    ("subtract", 2, (3,), -1),  # docs
    ("sub", 2, (3,), -1),  # docs
    ("subtract", 0.5, ("0.25",), 0.25),
    ("multiply", 10, (2,), 20),  # docs
    ("multiply", 2, (3,), 6),  # docs
    ("mul", 2, (3,), 6),  # docs
    ("multiply", 1.5, (2,), 3.0),
    ("divide", 10, (2,), 5),  # docs
    ("divide", 20, (4,), 5),  # docs
    ("div", 20, (4,), 5),  # docs
    ("divide", 10, (4,), 2.5),
    ("divide", 1.0, (2,), 0.5),
    ("divide", -9, (3,), -3),
    ("modulus", 10, (3,), 1),  # docs
    ("modulus", 20, (3,), 2),  # docs
    ("mod", 20, (3,), 2),  # docs
    ("modulus", -7, (3,), -1),
    ("modulus", 7, (-3,), 1),
    ("modulus", 5.5, (2,), 1.5),
    ("round", 2.567, (2,), 2.57),  # docs
    ("round", 2.5, (), 3),
    ("round", -2.5, (), -3),
    ("round", 2.4, (), 2),
    ("round", 1.005, (2,), 1.01),
    ("round", 1234, (-2,), 1200),
    ("round", 1250, (-2,), 1300),
    ("round", 5, (2,), 5),
    ("round", 2.5432, (1,), 2.5),
    ("round", "3.7", (), 4),
    ("ceil", 2.3, (), 3),  # docs
    ("ceil", 2.5, (), 3),  # docs
    ("ceil", -2.5, (), -2),
    ("ceil", 4, (), 4),
    ("floor", 2.7, (), 2),  # docs
    ("floor", 2.5, (), 2),  # docs
    ("floor", -2.5, (), -3),
    ("floor", "9.9", (), 9),
    ("abs", -5, (), 5),  # docs
    ("abs", -10, (), 10),  # docs
    ("abs", -1.5, (), 1.5),
    ("min", 5, (3,), 3),  # docs
    ("num_min", 1, (0,), 0),  # docs
    ("min", "b", ("a",), "a"),
    ("min", 2, (2.0,), 2),
    ("max", 5, (10,), 10),  # docs
    ("num_max", 5, (20,), 20),  # docs
    ("max", None, (0,), 0),
    ("bitwise_and", 5, (3,), 1),  # docs
    ("bitwise_and", 7, (3,), 3),  # docs
    ("bitwise_or", 5, (3,), 7),  # docs
    ("bitwise_or", 7, (9,), 15),  # docs
    ("bitwise_xor", 5, (3,), 6),  # docs
    ("bitwise_xor", 7, (9,), 14),  # docs
    ("bitwise_not", 5, (), -6),  # docs
    ("bitwise_not", 8, (), -9),  # docs
    ("bitwise_and", "12", (10,), 8),
    ("even", 4, (), True),  # docs
    ("even", 3, (), False),
    ("odd", 4, (), False),  # docs
    ("odd", -3, (), True),
    ("odd", 3.9, (), True),
    ("number_format", 31253212.141592, (2, ".", ","), "31,253,212.14"),  # docs
    ("number_format", 1234.5, (), "1,235"),
    ("number_format", 1234.5678, (2, ",", "."), "1.234,57"),
    ("number_format", -1234.567, (1,), "-1,234.6"),
    ("number_format", 0.5, (), "1"),
    ("number_format", 1000000, (0, ".", ""), "1000000"),
    ("number_format", -0.4, (), "0"),
    ("number_format", 999.995, (2,), "1,000.00"),
    ("number_format", "12", (2,), "12.00"),
    ("number_format", 12345678901234567890, (), "12,345,678,901,234,567,890"),
]

ERRORS = [
    ("add", "abc", (1,), "the receiver must be a number"),
    ("add", 1, ([1],), "argument must be a number"),
    ("multiply", 1, ({},), "argument must be a number"),
    ("round", 1.5, ("x",), "precision must be a number"),
    ("ceil", "nope", (), "the receiver must be a number"),
    ("floor", [1], (), "the receiver must be a number"),
    ("abs", "x", (), "the receiver must be a number"),
    ("bitwise_or", 1, ("x",), "argument must be a number"),
    ("bitwise_xor", "x", (1,), "the receiver must be a number"),
    ("bitwise_not", "x", (), "the receiver must be a number"),
    ("even", "x", (), "the receiver must be a number"),
    ("odd", [], (), "the receiver must be a number"),
    ("number_format", 1, (2, [1]), "decimal point must be text"),
    ("subtract", 2**1023 * 1.5, (-(2**1023) * 1.5,), "not a finite number"),
]

STANDARD_ERRORS = [("divide", 1, (0,), "division by zero"),
                   ("divide", 1.5, ("0",), "division by zero"),
                   ("modulus", 1, (0,), "modulus by zero")]

REJECTS = [("add", "array"), ("subtract", "object"), ("multiply", "bool"),
           ("divide", "array"), ("modulus", "object"), ("round", "array"),
           ("ceil", "object"), ("floor", "array"), ("abs", "bool"),
           ("bitwise_and", "array"), ("number_format", "array")]

NAMES = ({row[0] for row in ROWS} | {row[0] for row in ERRORS}
         | {row[0] for row in STANDARD_ERRORS} | {row[0] for row in REJECTS})


@pytest.mark.parametrize("name,value,args,expected", ROWS)
def test_number_filter(name, value, args, expected):
    check_result(name, value, args, expected)


@pytest.mark.parametrize("name,value,args,fragment", ERRORS)
def test_number_filter_rejects_bad_input(name, value, args, fragment):
    check_error(name, value, args, fragment)


@pytest.mark.parametrize("name,value,args,fragment", STANDARD_ERRORS)
def test_division_by_zero_is_a_standard_error(name, value, args, fragment):
    with pytest.raises(XsError) as info:
        call(name, value, *args)
    assert info.value.type == "standard" and fragment in info.value.message


@pytest.mark.parametrize("name,type_name", REJECTS)
def test_number_filter_refuses_other_receivers(name, type_name):
    check_refuses(name, type_name)
