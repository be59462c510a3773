"""PHP-style ``sprintf`` for the ``sprintf`` filter (no filter is registered here).

Supports ``%[n$][flags][width][.precision]spec`` with flags ``- + 0 space 'c`` and the
specifiers ``b c d e E f F g G o s u x X %``. Arguments are converted the way PHP does
(``%d`` reads ``"12 kg"`` as 12).
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..values import to_decimal, to_int, to_text
from ._support import MAX_ITEMS, bad

_SPEC = re.compile(
    r"%(?:(?P<pct>%)|(?:(?P<argnum>\d+)\$)?(?P<flags>(?:[-+ 0]|'.)*)(?P<width>\d+)?"
    r"(?:\.(?P<precision>\d+))?(?P<spec>.?))",
    re.S,
)


def sprintf(template: str, args: list[Any]) -> str:
    """TEMPLATE with each conversion filled from ARGS, in order or by ``n$`` position."""
    out: list[str] = []
    pos = 0
    next_arg = 0
    for m in _SPEC.finditer(template):
        out.append(template[pos:m.start()])
        pos = m.end()
        if m.group("pct"):
            out.append("%")
            continue
        spec = m.group("spec")
        if spec == "" or spec not in _CONVERT:
            shown = spec or "end of text"
            raise bad("sprintf", f"unknown conversion `%{spec}` ({shown})")
        if m.group("argnum"):
            index = int(m.group("argnum")) - 1
            if index < 0:
                raise bad("sprintf", "argument positions start at 1")
        else:
            index, next_arg = next_arg, next_arg + 1
        if index >= len(args):
            raise bad("sprintf", f"the template needs at least {index + 1} argument(s), "
                                 f"{len(args)} given")
        out.append(_one(args[index], m.group("flags") or "", m.group("width"),
                        m.group("precision"), spec))
    out.append(template[pos:])
    return "".join(out)


def _one(arg: Any, flags: str, width: str | None, precision: str | None, spec: str) -> str:
    plus = "+" in flags.replace("'+", "")
    left = "-" in flags.replace("'-", "")
    pad = " "
    for i, c in enumerate(flags):
        if c == "'" and i + 1 < len(flags):
            pad = flags[i + 1]
        elif c == "0" and (i == 0 or flags[i - 1] != "'"):
            pad = "0"
    prec = None if precision is None else int(precision)
    body, sign = _CONVERT[spec](arg, prec)
    if plus and spec in "deEfFgG" and not sign:
        sign = "+"
    size = 0 if width is None else int(width)
    if size > MAX_ITEMS or (prec or 0) > 1000:
        raise bad("sprintf", "width or precision too large")
    missing = size - len(sign) - len(body)
    if missing <= 0:
        return sign + body
    if left:
        return sign + body + (pad if pad != "0" else " ") * missing
    if pad == "0" and spec not in "sc":
        return sign + "0" * missing + body
    return pad * missing + sign + body


def _signed(n: float | int) -> tuple[float | int, str]:
    return (-n, "-") if n < 0 else (n, "")


def _php_exponent(text: str) -> str:
    """Python writes ``1.5e+03``; PHP writes ``1.5e+3``."""
    return re.sub(r"e([+-])0*(\d)", r"e\1\2", text)


def _conv_s(arg: Any, prec: int | None) -> tuple[str, str]:
    t = to_text(arg)
    return (t if prec is None else t[:prec]), ""


def _conv_d(arg: Any, prec: int | None) -> tuple[str, str]:
    n, sign = _signed(to_int(arg))
    return str(n), sign


def _unsigned(arg: Any) -> int:
    n = to_int(arg)
    return n + 2**64 if n < 0 else n


def _conv_f(arg: Any, prec: int | None) -> tuple[str, str]:
    n, sign = _signed(to_decimal(arg))
    if not math.isfinite(n):
        return f"{n:f}", sign
    # PHP rounds halves away from zero on the shortest decimal form ("99.25" -> 99.3),
    # where Python's format would round the binary value half to even (99.2).
    places = Decimal(1).scaleb(-(6 if prec is None else prec))
    return f"{Decimal(repr(float(n))).quantize(places, rounding=ROUND_HALF_UP):f}", sign


def _conv_e(arg: Any, prec: int | None) -> tuple[str, str]:
    n, sign = _signed(to_decimal(arg))
    return _php_exponent(f"{n:.{6 if prec is None else prec}e}"), sign


def _conv_g(arg: Any, prec: int | None) -> tuple[str, str]:
    n, sign = _signed(to_decimal(arg))
    return _php_exponent(f"{n:.{6 if prec is None else max(prec, 1)}g}"), sign


def _conv_c(arg: Any, prec: int | None) -> tuple[str, str]:
    return chr(to_int(arg) % 256), ""


_CONVERT = {
    "s": _conv_s,
    "d": _conv_d,
    "u": lambda a, p: (str(_unsigned(a)), ""),
    "f": _conv_f,
    "F": _conv_f,
    "e": _conv_e,
    "E": lambda a, p: (_conv_e(a, p)[0].upper(), _conv_e(a, p)[1]),
    "g": _conv_g,
    "G": lambda a, p: (_conv_g(a, p)[0].upper(), _conv_g(a, p)[1]),
    "x": lambda a, p: (format(_unsigned(a), "x"), ""),
    "X": lambda a, p: (format(_unsigned(a), "X"), ""),
    "o": lambda a, p: (format(_unsigned(a), "o"), ""),
    "b": lambda a, p: (format(_unsigned(a), "b"), ""),
    "c": _conv_c,
}
