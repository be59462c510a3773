"""What each XanoScript operator does: ``BinaryOp``/``UnaryOp`` -> implementation tables.

The compiler looks an operator up here by its enum (never by its text). ``BINARY`` maps the
strict operators to ``fn(left, right)``; ``SHORT_CIRCUIT`` maps ``&& || ??`` to combinators
that receive the two compiled operands, because their right side must not always run;
``INT_FAST`` gives the plain Python operator to use when both sides are ints, the common
case in loops. ``WHERE_ONLY`` lists the db-clause operators, which only the db layer may
evaluate. docs/semantics.md records every rule and its reason.
"""

from __future__ import annotations

import math
import operator
from typing import Any, Callable

from . import memory
from .errors import XsError
from .nodes import BinaryOp, UnaryOp
from .values import compare, equals, parse_number, strict_equals, to_text, truthy, type_name

_LARGE = memory.LARGE
RANGE_LIMIT = 10_000_000  # `..` builds a real list; beyond this it is surely a mistake


def _number(value: Any, op: str) -> int | float:
    """The number an arithmetic operand stands for: null is 0, booleans 0/1 and numeric
    text its number (the engine is PHP); anything else is an error."""
    kind = type(value)
    if kind is int or kind is float:
        return value
    if value is None:
        return 0
    if kind is bool:
        return int(value)
    if kind is str:
        number = parse_number(value)
        if number is not None:
            return number
        raise XsError("standard", f"operator `{op}` needs numbers, got text {_show(value)}")
    raise XsError("standard", f"operator `{op}` needs numbers, got {type_name(value)}")


def _show(value: str) -> str:
    text = value if len(value) <= 30 else value[:29] + "…"
    return '"' + text + '"'


def _finite(result: float, op: str) -> float:
    if math.isinf(result) or math.isnan(result):
        raise XsError("standard", f"operator `{op}` gave a number too large to represent")
    return result


def add(a: Any, b: Any) -> int | float:
    x, y = _number(a, "+"), _number(b, "+")
    result = x + y
    return _finite(result, "+") if type(result) is float else result


def sub(a: Any, b: Any) -> int | float:
    x, y = _number(a, "-"), _number(b, "-")
    result = x - y
    return _finite(result, "-") if type(result) is float else result


def mul(a: Any, b: Any) -> int | float:
    x, y = _number(a, "*"), _number(b, "*")
    result = x * y
    return _finite(result, "*") if type(result) is float else result


def div(a: Any, b: Any) -> int | float:
    """``/``: an int when both sides are ints and the division is exact, else a decimal."""
    x, y = _number(a, "/"), _number(b, "/")
    if y == 0:
        raise XsError("standard", "division by zero")
    if type(x) is int and type(y) is int:
        quotient, remainder = divmod(x, y)
        if remainder == 0:
            return quotient
    return _finite(x / y, "/")


def mod(a: Any, b: Any) -> int | float:
    """``%``: the remainder keeps the sign of the left side (PHP and JavaScript agree)."""
    x, y = _number(a, "%"), _number(b, "%")
    if y == 0:
        raise XsError("standard", "modulo by zero")
    if type(x) is int and type(y) is int:
        remainder = abs(x) % abs(y)
        return -remainder if x < 0 else remainder
    return math.fmod(x, y)


def concat(a: Any, b: Any) -> str:
    left, right = to_text(a), to_text(b)
    if len(left) + len(right) >= _LARGE:  # checked against the ceiling before it is made
        memory.grow(len(left) + len(right))
    return left + right


def _range_end(value: Any) -> int:
    number = _number(value, "..")
    if type(number) is float:
        if number != int(number):
            raise XsError("standard", f"operator `..` needs whole numbers, got {number!r}")
        number = int(number)
    return number


def make_range(a: Any, b: Any) -> list[int]:
    """``a..b``: every int from a to b inclusive, counting down when a > b (PHP range)."""
    start, stop = _range_end(a), _range_end(b)
    size = abs(stop - start) + 1
    if size > RANGE_LIMIT:
        raise XsError("standard", f"range {start}..{stop} has {size} elements; "
                                  f"the limit is {RANGE_LIMIT:,}")
    if size >= memory.LARGE // 36:  # about 36 bytes an int: checked before it is made
        memory.grow(size * 36)
    step = 1 if stop >= start else -1
    return list(range(start, stop + step, step))


def eq(a: Any, b: Any) -> bool:
    return equals(a, b)


def ne(a: Any, b: Any) -> bool:
    return not equals(a, b)


def seq(a: Any, b: Any) -> bool:
    return strict_equals(a, b)


def sne(a: Any, b: Any) -> bool:
    return not strict_equals(a, b)


def lt(a: Any, b: Any) -> bool:
    return compare(a, b) < 0


def le(a: Any, b: Any) -> bool:
    return compare(a, b) <= 0


def gt(a: Any, b: Any) -> bool:
    return compare(a, b) > 0


def ge(a: Any, b: Any) -> bool:
    return compare(a, b) >= 0


BINARY: dict[BinaryOp, Callable[[Any, Any], Any]] = {
    BinaryOp.MUL: mul,
    BinaryOp.DIV: div,
    BinaryOp.MOD: mod,
    BinaryOp.ADD: add,
    BinaryOp.SUB: sub,
    BinaryOp.CONCAT: concat,
    BinaryOp.RANGE: make_range,
    BinaryOp.EQ: eq,
    BinaryOp.NE: ne,
    BinaryOp.SEQ: seq,
    BinaryOp.SNE: sne,
    BinaryOp.LT: lt,
    BinaryOp.LE: le,
    BinaryOp.GT: gt,
    BinaryOp.GE: ge,
}

def _int_mod(a: int, b: int) -> int | float:
    return a % b if b > 0 and a >= 0 else mod(a, b)


def _int_div(a: int, b: int) -> int | float:
    if b and not a % b:
        return a // b
    return div(a, b)


# When both operands are ints the compiler may call these instead of the general
# functions: each gives the same result as its BINARY entry for two ints.
INT_FAST: dict[BinaryOp, Callable[[Any, Any], Any]] = {
    BinaryOp.MUL: operator.mul,
    BinaryOp.DIV: _int_div,
    BinaryOp.MOD: _int_mod,
    BinaryOp.ADD: operator.add,
    BinaryOp.SUB: operator.sub,
    BinaryOp.EQ: operator.eq,
    BinaryOp.NE: operator.ne,
    BinaryOp.SEQ: operator.eq,
    BinaryOp.SNE: operator.ne,
    BinaryOp.LT: operator.lt,
    BinaryOp.LE: operator.le,
    BinaryOp.GT: operator.gt,
    BinaryOp.GE: operator.ge,
}

Thunk = Callable[[Any], Any]  # a compiled operand: frame -> value


def and_(left: Thunk, right: Thunk) -> Thunk:
    """``&&``: a boolean; the right side runs only when the left is truthy."""
    def run(frame: Any) -> bool:
        return truthy(left(frame)) and truthy(right(frame))
    return run


def or_(left: Thunk, right: Thunk) -> Thunk:
    """``||``: a boolean; the right side runs only when the left is falsy."""
    def run(frame: Any) -> bool:
        return truthy(left(frame)) or truthy(right(frame))
    return run


def coalesce(left: Thunk, right: Thunk) -> Thunk:
    """``??``: the left value unless it is null."""
    def run(frame: Any) -> Any:
        value = left(frame)
        return right(frame) if value is None else value
    return run


SHORT_CIRCUIT: dict[BinaryOp, Callable[[Thunk, Thunk], Thunk]] = {
    BinaryOp.AND: and_,
    BinaryOp.OR: or_,
    BinaryOp.COALESCE: coalesce,
}


def not_(value: Any) -> bool:
    return not truthy(value)


def neg(value: Any) -> int | float:
    return -_number(value, "-")


UNARY: dict[UnaryOp, Callable[[Any], Any]] = {
    UnaryOp.NOT: not_,
    UnaryOp.NEG: neg,
}

WHERE_ONLY = frozenset(set(BinaryOp) - set(BINARY) - set(SHORT_CIRCUIT))


def where_only_message(op: BinaryOp) -> str:
    text = op.value.replace(" (regex)", "")
    return f"operator `{text}` is only allowed inside a db where clause"
