"""Assignable paths: ``$x``, ``$x.a.b``, ``$x[0]``, ``$input.name``.

``assignment(c, expr)`` compiles a path into a reader and a writer. Writing through a
path creates missing intermediate objects (``scope.put``); the root is the variable in the
frame's dict, or the ``$input``/``$auth``/``$env`` object of the frame.
"""

from __future__ import annotations

from typing import Any, Callable

from .. import nodes
from ..errors import XsError
from ..scope import FRAME_ROOTS, RESERVED, put
from .base import Compiler, Thunk, constant

Writer = Callable[[Any, Any], None]  # (frame, value)


def root_name(expr: Any) -> str | None:
    """The variable a path starts from, or None when EXPR is not a path."""
    while isinstance(expr, (nodes.Member, nodes.Index)):
        expr = expr.obj
    return expr.name if isinstance(expr, nodes.Variable) else None


def assignment(c: Compiler, expr: Any, owner: str) -> tuple[Thunk, Writer]:
    keys: list[Thunk] = []
    node = expr
    while isinstance(node, (nodes.Member, nodes.Index)):
        keys.append(constant(node.name) if isinstance(node, nodes.Member)
                    else c.expr(node.index))
        node = node.obj
    if not isinstance(node, nodes.Variable):
        raise XsError("syntaxerror", f"{owner} needs a variable or a path inside one "
                      "(such as `$x` or `$x.items[0]`)", span=expr.span)
    keys.reverse()
    name = node.name
    if name in RESERVED and name not in FRAME_ROOTS or (name in FRAME_ROOTS and not keys):
        raise XsError("syntaxerror", f"`${name}` is reserved and cannot be assigned",
                      span=node.span)
    read = c.expr(expr)
    if name in FRAME_ROOTS:
        return read, _root_writer(name, keys)
    c.assigns(name)
    if not keys:
        def write_variable(frame: Any, value: Any) -> None:
            frame.vars[name] = value
        return read, write_variable

    def write_path(frame: Any, value: Any) -> None:
        variables = frame.vars
        variables[name] = put(variables.get(name), [k(frame) for k in keys], value)
    return read, write_path


def _root_writer(name: str, keys: list[Thunk]) -> Writer:
    def write_root(frame: Any, value: Any) -> None:
        setattr(frame, name, put(getattr(frame, name), [k(frame) for k in keys], value))
    return write_root

