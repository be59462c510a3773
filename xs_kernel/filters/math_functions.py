"""Mathematical functions as filters: powers, roots, logarithms, trigonometry, angle units,
and integers written in other bases (``dechex``, ``bindec``, ``base_convert`` ...).

Values outside a function's domain (``-1|sqrt``, ``0|ln``) are an ``inputerror`` rather than
NaN or infinity, which JSON cannot hold.
"""

from __future__ import annotations

import math
import string

from ..registry import xs_filter
from ..values import fit_int
from . import _support as s


def _unary(name: str, fn, value) -> float:
    return s.math_call(name, fn, float(s.number(name, value, "the receiver")))


@xs_filter("sqrt", accepts=s.NUMERIC)
def filter_sqrt(value):
    """The square root.

    number|sqrt — `9|sqrt` is 3.
    """
    return _unary("sqrt", math.sqrt, value)


@xs_filter("pow", accepts=s.NUMERIC)
def filter_pow(value, exponent):
    """The receiver raised to a power; whole powers of integers stay integers when they fit.

    number|pow:exponent — `2|pow:3` is 8.
    """
    base = s.number("pow", value, "the receiver")
    exp = s.number("pow", exponent, "the exponent")
    whole = isinstance(base, int) and isinstance(exp, int) and exp >= 0
    if whole and (abs(base) <= 1 or exp * math.log2(abs(base)) < 63):
        return fit_int(base**exp)
    return s.math_call("pow", math.pow, float(base), float(exp))


@xs_filter("exp", accepts=s.NUMERIC)
def filter_exp(value):
    """e raised to the receiver.

    number|exp — `0|exp` is 1.
    """
    return _unary("exp", math.exp, value)


@xs_filter("ln", accepts=s.NUMERIC)
def filter_ln(value):
    """The natural logarithm.

    number|ln — `10|ln` is 2.302585...
    """
    return _unary("ln", math.log, value)


@xs_filter("log", accepts=s.NUMERIC)
def filter_log(value, base=None):
    """The logarithm in the given base (natural logarithm without one).

    number|log[:base] — `8|log:2` is 3.
    """
    x = float(s.number("log", value, "the receiver"))
    if base is None:
        return s.math_call("log", math.log, x)
    return s.math_call("log", math.log, x, float(s.number("log", base, "the base")))


@xs_filter("log10", accepts=s.NUMERIC)
def filter_log10(value):
    """The base-10 logarithm.

    number|log10 — `100|log10` is 2.
    """
    return _unary("log10", math.log10, value)


@xs_filter("sin", accepts=s.NUMERIC)
def filter_sin(value):
    """The sine of an angle in radians.

    number|sin — `0|sin` is 0.
    """
    return _unary("sin", math.sin, value)


@xs_filter("cos", accepts=s.NUMERIC)
def filter_cos(value):
    """The cosine of an angle in radians.

    number|cos — `0|cos` is 1.
    """
    return _unary("cos", math.cos, value)


@xs_filter("tan", accepts=s.NUMERIC)
def filter_tan(value):
    """The tangent of an angle in radians.

    number|tan — `0.785398|tan` is about 1.
    """
    return _unary("tan", math.tan, value)


@xs_filter("asin", accepts=s.NUMERIC)
def filter_asin(value):
    """The arc sine, in radians.

    number|asin — `1|asin` is 1.570796...
    """
    return _unary("asin", math.asin, value)


@xs_filter("acos", accepts=s.NUMERIC)
def filter_acos(value):
    """The arc cosine, in radians.

    number|acos — `1|acos` is 0.
    """
    return _unary("acos", math.acos, value)


@xs_filter("atan", accepts=s.NUMERIC)
def filter_atan(value):
    """The arc tangent, in radians.

    number|atan — `1|atan` is 0.785398...
    """
    return _unary("atan", math.atan, value)


@xs_filter("sinh", accepts=s.NUMERIC)
def filter_sinh(value):
    """The hyperbolic sine.

    number|sinh — `0|sinh` is 0.
    """
    return _unary("sinh", math.sinh, value)


@xs_filter("cosh", accepts=s.NUMERIC)
def filter_cosh(value):
    """The hyperbolic cosine.

    number|cosh — `0|cosh` is 1.
    """
    return _unary("cosh", math.cosh, value)


@xs_filter("tanh", accepts=s.NUMERIC)
def filter_tanh(value):
    """The hyperbolic tangent.

    number|tanh — `0|tanh` is 0.
    """
    return _unary("tanh", math.tanh, value)


@xs_filter("asinh", accepts=s.NUMERIC)
def filter_asinh(value):
    """The inverse hyperbolic sine.

    number|asinh — `1|asinh` is 0.881373...
    """
    return _unary("asinh", math.asinh, value)


@xs_filter("acosh", accepts=s.NUMERIC)
def filter_acosh(value):
    """The inverse hyperbolic cosine (the receiver must be at least 1).

    number|acosh — `1|acosh` is 0.
    """
    return _unary("acosh", math.acosh, value)


@xs_filter("atanh", accepts=s.NUMERIC)
def filter_atanh(value):
    """The inverse hyperbolic tangent (the receiver must be between -1 and 1).

    number|atanh — `0.5|atanh` is 0.549306...
    """
    return _unary("atanh", math.atanh, value)


@xs_filter("deg2rad", accepts=s.NUMERIC)
def filter_deg2rad(value):
    """Degrees converted to radians.

    number|deg2rad — `180|deg2rad` is 3.141592...
    """
    return _unary("deg2rad", math.radians, value)


@xs_filter("rad2deg", accepts=s.NUMERIC)
def filter_rad2deg(value):
    """Radians converted to degrees.

    number|rad2deg — `3.14159265359|rad2deg` is about 180.
    """
    return _unary("rad2deg", math.degrees, value)


# -- integers in other bases ------------------------------------------------------------

_DIGITS = string.digits + string.ascii_lowercase


def _to_base(n: int, base: int) -> str:
    if n < 0:
        n += 2**64  # PHP shows negative numbers as their unsigned 64-bit form
    if n == 0:
        return "0"
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(_DIGITS[r])
    return "".join(reversed(out))


def _from_base(name: str, text: str, base: int) -> int:
    """PHP ignores characters that are not digits of the base."""
    n = 0
    for c in text.lower():
        d = _DIGITS.find(c)
        if 0 <= d < base:
            n = n * base + d
    return n


def _base(name: str, value, what: str) -> int:
    b = s.integer(name, value, what)
    if not 2 <= b <= 36:
        raise s.bad(name, f"{what} must be between 2 and 36, got {b}")
    return b


@xs_filter("dechex", accepts=s.NUMERIC)
def filter_dechex(value):
    """An integer written in hexadecimal.

    number|dechex — `255|dechex` is "ff".
    """
    return _to_base(s.integer("dechex", value, "the receiver"), 16)


@xs_filter("hexdec", accepts=s.SCALAR)
def filter_hexdec(value):
    """The integer a hexadecimal text stands for.

    text|hexdec — `"ff"|hexdec` is 255.
    """
    return fit_int(_from_base("hexdec", s.receiver_text(value), 16))


@xs_filter("decbin", accepts=s.NUMERIC)
def filter_decbin(value):
    """An integer written in binary digits.

    number|decbin — `10|decbin` is "1010".
    """
    return _to_base(s.integer("decbin", value, "the receiver"), 2)


@xs_filter("bindec", accepts=s.SCALAR)
def filter_bindec(value):
    """The integer a text of binary digits stands for.

    text|bindec — `"1010"|bindec` is 10.
    """
    return fit_int(_from_base("bindec", s.receiver_text(value), 2))


@xs_filter("decoct", accepts=s.NUMERIC)
def filter_decoct(value):
    """An integer written in octal.

    number|decoct — `10|decoct` is "12".
    """
    return _to_base(s.integer("decoct", value, "the receiver"), 8)


@xs_filter("octdec", accepts=s.SCALAR)
def filter_octdec(value):
    """The integer an octal text stands for.

    text|octdec — `"12"|octdec` is 10.
    """
    return fit_int(_from_base("octdec", s.receiver_text(value), 8))


@xs_filter("base_convert", accepts=s.SCALAR)
def filter_base_convert(value, from_base, to_base):
    """A number written in one base rewritten in another (bases 2 to 36), as text.

    text|base_convert:from:to — `"ff"|base_convert:16:10` is "255".
    """
    source = _base("base_convert", from_base, "the source base")
    target = _base("base_convert", to_base, "the target base")
    return _to_base(_from_base("base_convert", s.receiver_text(value), source), target)
