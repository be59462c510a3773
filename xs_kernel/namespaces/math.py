"""The in-place ``math.*`` statements: ``math.add $n { value = 2 }`` changes ``$n``.

Each is ``target="variable"`` with no result: the interpreter passes the variable's value
as ``call.target`` and writes the returned value back (see compiler/calls.py). Arithmetic
follows the operators (``operators.add`` etc.), so ``math.add`` and ``+`` always agree.
"""

from __future__ import annotations

from typing import Any, Callable

from .. import operators
from ..errors import XsError
from ..registry import Call, Param, builtin
from ..values import type_name

VALUE = Param("value", required=True, doc="the other operand")


def _in_place(name: str, op: Callable[[Any, Any], Any], doc: str) -> None:
    def impl(call: Call, value: Any) -> Any:
        return op(call.target, value)
    impl.__doc__ = doc
    impl.__name__ = impl.__qualname__ = name.replace(".", "_")
    builtin(name, VALUE, returns=False, target="variable")(impl)


_in_place("math.add", operators.add, "Add VALUE to the variable.\n\nmath.add $total { value = 5 }")
_in_place("math.sub", operators.sub,
          "Subtract VALUE from the variable.\n\nmath.sub $stock { value = 1 }")
_in_place("math.mul", operators.mul,
          "Multiply the variable by VALUE.\n\nmath.mul $price { value = 2 }")
_in_place("math.div", operators.div,
          "Divide the variable by VALUE (an int when exact).\n\nmath.div $half { value = 2 }")
_in_place("math.mod", operators.mod,
          "Replace the variable by its remainder modulo VALUE.\n\nmath.mod $n { value = 3 }")


def _int(statement: str, value: Any, what: str) -> int:
    if value is None:
        return 0
    if type(value) is int:
        return value
    if type(value) is float and value == int(value):
        return int(value)
    raise XsError("inputerror", f"`{statement}` needs whole numbers, the {what} is "
                                f"{type_name(value)}")


def _bitwise(name: str, op: Callable[[int, int], int], doc: str) -> None:
    def impl(call: Call, value: Any) -> int:
        return op(_int(name, call.target, "variable"), _int(name, value, "value"))
    impl.__doc__ = doc
    impl.__name__ = impl.__qualname__ = name.replace(".", "_")
    builtin(name, VALUE, returns=False, target="variable")(impl)


_bitwise("math.bitwise.and", lambda a, b: a & b,
         "Bitwise AND of the variable with VALUE.\n\nmath.bitwise.and $flags { value = 4 }")
_bitwise("math.bitwise.or", lambda a, b: a | b,
         "Bitwise OR of the variable with VALUE.\n\nmath.bitwise.or $flags { value = 4 }")
_bitwise("math.bitwise.xor", lambda a, b: a ^ b,
         "Bitwise XOR of the variable with VALUE.\n\nmath.bitwise.xor $flags { value = 4 }")
