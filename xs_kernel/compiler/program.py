"""Compile handlers for a whole cell (``Program``), top-level constructs and bare blocks.

A cell compiles to a ``CompiledCell``: the constructs it defines (functions become
``FunctionDef``s; every other kind — query, task, table, middleware, tool, addon,
workflow_test… — is kept as a ``ConstructDef`` for later features to run), one block of
its statements, and how to read the cell's value afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .. import nodes
from ..errors import XsError
from .base import Compiler, Run, handles
from .functions import define


@dataclass
class ConstructDef:
    """A top-level construct other than a function, stored as written."""

    kind: str
    name: str
    node: nodes.Construct
    cell: str = "<cell>"
    source: str = ""


@dataclass
class CompiledCell:
    definitions: list[tuple[str, str, Any]]  # (kind, name, FunctionDef | ConstructDef)
    body: Run
    result: Callable[[Any], tuple[bool, Any]]  # frame -> (has_value, value)
    assigned: list[str] = field(default_factory=list)


@handles(nodes.Construct)
def compile_construct(c: Compiler, node: nodes.Construct) -> tuple[str, str, Any]:
    if node.kind == "function":
        return node.kind, node.name, define(c, node)
    return node.kind, node.name, ConstructDef(node.kind, node.name, node, c.cell, c.source)


@handles(nodes.Block)
def compile_block(c: Compiler, node: nodes.Block) -> Run:
    return c.block(node.items)


@handles(nodes.Program)
def compile_program(c: Compiler, node: nodes.Program) -> CompiledCell:
    definitions: list[tuple[str, str, Any]] = []
    statements: list[Any] = []
    for item in node.items:
        if isinstance(item, nodes.Construct):
            definitions.append(c.compile(item))
        elif isinstance(item, (nodes.Attr, nodes.Block, nodes.InputField)):
            raise XsError("syntaxerror", f"`{item.name}` can only appear inside a statement "
                          "or a definition", span=item.span)
        else:
            statements.append(item)
    body = c.block(statements)
    last = node.items[-1] if node.items else None
    return CompiledCell(definitions, body, _result_reader(last, c.registry), list(c.assigned))


def _returns_unbound(node: Any, registry: Any) -> bool:
    if not isinstance(node, nodes.Statement) or node.alias:
        return False
    spec = registry.function(node.name)
    return spec is not None and spec.returns


def _no_value(frame: Any) -> tuple[bool, Any]:
    return False, None


def _result_reader(last: Any, registry: Any) -> Callable[[Any], tuple[bool, Any]]:
    """What the cell shows: a final bare expression, what a final var/`as` bound, or the
    result of a final statement that has one (`redis.get {…}` without `as`)."""
    if last is None or getattr(last, "disabled", False):
        return _no_value
    if isinstance(last, nodes.ExprStmt) or _returns_unbound(last, registry):
        def expression_value(frame: Any) -> tuple[bool, Any]:
            return True, frame.last
        return expression_value
    name = None
    if isinstance(last, nodes.VarDecl):
        name = last.name
    elif isinstance(last, nodes.Statement) and last.alias:
        name = last.alias
    if name is None:
        return _no_value

    def bound_value(frame: Any) -> tuple[bool, Any]:
        return name in frame.vars, frame.vars.get(name)
    return bound_value
