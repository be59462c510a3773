"""Number filters: arithmetic, rounding, comparison of two values, bitwise operations,
parity and ``number_format``.

Receivers and arguments may be numbers or text that spells a number (null counts as 0);
anything else is an ``inputerror``. Integer results that overflow 64 bits become decimals,
as in PHP; division or modulus by zero is a ``standard`` error. Powers, roots, logarithms
and trigonometry live in ``math_functions.py``.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ..errors import XsError
from ..registry import xs_filter
from ..values import compare, fit_int
from . import _support as s


def _pair(name: str, a: Any, b: Any) -> tuple[int | float, int | float]:
    return s.number(name, a, "the receiver"), s.number(name, b)


def _checked(name: str, n: int | float) -> int | float:
    if isinstance(n, int):
        return fit_int(n)
    if not math.isfinite(n):
        raise s.bad(name, "the result is not a finite number")
    return n


@xs_filter("add", accepts=s.NUMERIC)
def filter_add(value, other):
    """The sum of the receiver and the argument.

    number|add:other — `10|add:5` is 15.
    """
    a, b = _pair("add", value, other)
    return _checked("add", a + b)


@xs_filter("subtract", accepts=s.NUMERIC, aliases=("sub",))
def filter_subtract(value, other):
    """The receiver minus the argument.

    number|subtract:other — `10|subtract:3` is 7.
    """
    a, b = _pair("subtract", value, other)
    return _checked("subtract", a - b)


@xs_filter("multiply", accepts=s.NUMERIC, aliases=("mul",))
def filter_multiply(value, other):
    """The receiver times the argument.

    number|multiply:other — `10|multiply:2` is 20.
    """
    a, b = _pair("multiply", value, other)
    return _checked("multiply", a * b)


@xs_filter("divide", accepts=s.NUMERIC, aliases=("div",))
def filter_divide(value, other):
    """The receiver divided by the argument; whole results of whole numbers stay integers.

    number|divide:other — `10|divide:2` is 5, `10|divide:4` is 2.5; dividing by 0 is an
    error.
    """
    a, b = _pair("divide", value, other)
    if b == 0:
        raise XsError("standard", "filter `divide`: division by zero")
    if isinstance(a, int) and isinstance(b, int) and a % b == 0:
        return fit_int(a // b)
    return _checked("divide", a / b)


@xs_filter("modulus", accepts=s.NUMERIC, aliases=("mod",))
def filter_modulus(value, other):
    """The remainder of dividing the receiver by the argument, with the receiver's sign.

    number|modulus:other — `10|modulus:3` is 1, `-7|modulus:3` is -1; decimals keep their
    fraction (`5.5|modulus:2` is 1.5); modulus by 0 is an error.
    """
    a, b = _pair("modulus", value, other)
    if b == 0:
        raise XsError("standard", "filter `modulus`: modulus by zero")
    if isinstance(a, int) and isinstance(b, int):
        r = abs(a) % abs(b)
        return -r if a < 0 else r
    return _checked("modulus", math.fmod(a, b))


def php_round(n: int | float, places: int) -> int | float:
    """Round half away from zero at PLACES decimals (negative: tens, hundreds ...)."""
    if isinstance(n, int) and places >= 0:
        return n
    try:
        exact = Decimal(repr(n)) if isinstance(n, float) else Decimal(n)
        rounded = exact.scaleb(places).quantize(Decimal(1), ROUND_HALF_UP).scaleb(-places)
    except InvalidOperation:
        return n
    return int(rounded) if places <= 0 else float(rounded)


@xs_filter("round", accepts=s.NUMERIC)
def filter_round(value, precision=0):
    """Round to a number of decimals, halves away from zero (no decimals: an integer).

    number|round[:decimals] — `2.567|round:2` is 2.57; `2.5|round` is 3.
    """
    n = s.number("round", value, "the receiver")
    places = s.integer("round", precision, "precision")
    if isinstance(n, float) and not math.isfinite(n):
        raise s.bad("round", "the receiver is not a finite number")
    return php_round(n, max(-308, min(places, 308)))


def _whole(name: str, value: Any, fn: Any) -> int:
    n = s.number(name, value, "the receiver")
    if isinstance(n, int):
        return n
    if not math.isfinite(n):
        raise s.bad(name, "the receiver is not a finite number")
    return fn(n)


@xs_filter("ceil", accepts=s.NUMERIC)
def filter_ceil(value):
    """Round up to the next integer.

    number|ceil — `2.3|ceil` is 3.
    """
    return _whole("ceil", value, math.ceil)


@xs_filter("floor", accepts=s.NUMERIC)
def filter_floor(value):
    """Round down to the integer below.

    number|floor — `2.7|floor` is 2.
    """
    return _whole("floor", value, math.floor)


@xs_filter("abs", accepts=s.NUMERIC)
def filter_abs(value):
    """The absolute value.

    number|abs — `-5|abs` is 5.
    """
    return _checked("abs", abs(s.number("abs", value, "the receiver")))


@xs_filter("min", aliases=("num_min",))
def filter_min(value, other):
    """The smaller of the receiver and the argument (for an array's smallest use array_min).

    value|min:other — `5|min:3` is 3.
    """
    return other if compare(other, value) < 0 else value


@xs_filter("max", aliases=("num_max",))
def filter_max(value, other):
    """The larger of the receiver and the argument (for an array's largest use array_max).

    value|max:other — `5|max:10` is 10.
    """
    return other if compare(other, value) > 0 else value


def _ints(name: str, a: Any, b: Any) -> tuple[int, int]:
    return s.integer(name, a, "the receiver"), s.integer(name, b)


def _int64(n: int) -> int:
    """Wrap to a signed 64-bit integer, as PHP's bitwise operators do."""
    n &= 2**64 - 1
    return n - 2**64 if n >= 2**63 else n


@xs_filter("bitwise_and", accepts=s.NUMERIC)
def filter_bitwise_and(value, other):
    """The bits set in both integers.

    int|bitwise_and:other — `5|bitwise_and:3` is 1.
    """
    a, b = _ints("bitwise_and", value, other)
    return _int64(a & b)


@xs_filter("bitwise_or", accepts=s.NUMERIC)
def filter_bitwise_or(value, other):
    """The bits set in either integer.

    int|bitwise_or:other — `5|bitwise_or:3` is 7.
    """
    a, b = _ints("bitwise_or", value, other)
    return _int64(a | b)


@xs_filter("bitwise_xor", accepts=s.NUMERIC)
def filter_bitwise_xor(value, other):
    """The bits set in exactly one of the integers.

    int|bitwise_xor:other — `5|bitwise_xor:3` is 6.
    """
    a, b = _ints("bitwise_xor", value, other)
    return _int64(a ^ b)


@xs_filter("bitwise_not", accepts=s.NUMERIC)
def filter_bitwise_not(value):
    """Every bit of the integer flipped.

    int|bitwise_not — `5|bitwise_not` is -6.
    """
    return _int64(~s.integer("bitwise_not", value, "the receiver"))


@xs_filter("even", accepts=s.NUMERIC)
def filter_even(value):
    """True when the integer part of the number is even.

    number|even — `4|even` is true.
    """
    return s.integer("even", value, "the receiver") % 2 == 0


@xs_filter("odd", accepts=s.NUMERIC)
def filter_odd(value):
    """True when the integer part of the number is odd.

    number|odd — `4|odd` is false.
    """
    return s.integer("odd", value, "the receiver") % 2 == 1


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


@xs_filter("number_format", accepts=s.NUMERIC)
def filter_number_format(value, decimals=0, point=".", thousands=","):
    """A number as text with a fixed number of decimals and a thousands separator.

    number|number_format[:decimals[:point[:thousands]]] —
    `31253212.141592|number_format:2:".":","` is "31,253,212.14"; halves round away from
    zero.
    """
    n = s.number("number_format", value, "the receiver")
    places = max(0, min(s.integer("number_format", decimals, "decimals"), 100))
    dot = s.text("number_format", point, "the decimal point")
    sep = s.text("number_format", thousands, "the thousands separator")
    if isinstance(n, float) and not math.isfinite(n):
        raise s.bad("number_format", "the receiver is not a finite number")
    rounded = php_round(n, places)
    exact = Decimal(repr(rounded)) if isinstance(rounded, float) else Decimal(rounded)
    text = f"{abs(exact):.{places}f}"
    whole, _, fraction = text.partition(".")
    sign = "-" if rounded < 0 else ""
    return sign + _group(whole, sep) + (dot + fraction if places else "")
