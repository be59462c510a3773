"""Compiling user-defined functions: a ``function`` construct becomes a ``FunctionDef``
(its input declarations checked ``fieldtypes.Field``s, its stack one compiled block, its
response a thunk), run later by ``xs_kernel.functions``. Also the compile handlers of
``InputField`` and ``InputFilter``.
"""

from __future__ import annotations

from typing import Any, Callable

from .. import nodes
from ..errors import XsError
from ..fieldtypes import Field, constant
from ..functions import FunctionDef, TableLink
from ..runtime import Runtime
from ..scope import Frame
from .base import Compiler, Run, Thunk, handles


def define(c: Compiler, node: nodes.Construct) -> FunctionDef:
    """Compile a ``function`` construct; its body gets a fresh compile context."""
    inner = Compiler(c.registry, cell=c.cell, source=c.source)
    inner.track = False
    inputs = None
    body: Run | None = None
    response: Thunk | None = None
    tests: list[Any] = []
    for item in node.items:
        if isinstance(item, nodes.Block) and item.name == "input":
            inputs = [inner.compile(f) for f in item.items
                      if isinstance(f, nodes.InputField) and not f.disabled]
        elif isinstance(item, nodes.Block) and item.name == "stack":
            body = inner.block(item.items)
        elif isinstance(item, nodes.Block) and item.name == "test":
            tests.append(item)
        elif isinstance(item, nodes.Attr) and item.name == "response" and not item.disabled:
            response = inner.expr(item.value)
    return FunctionDef(node.name, body or inner.block(()), response, inputs, c.cell,
                       c.source, node, tests)


# ---------------------------------------------------------------- input declarations


@handles(nodes.InputField)
def compile_input_field(c: Compiler, node: nodes.InputField) -> Field:
    """The checked declaration (``fieldtypes.Field``); defaults that are not constants
    are evaluated once, at definition time."""
    def evaluate(expr: Any) -> Any:
        return c.expr(expr)(Frame(Runtime(registry=c.registry)))
    if node.type == "dblink":
        return _table_link(node, evaluate)
    return Field.from_input_field(node, evaluate, role="input")


def _table_link(node: nodes.InputField, evaluate: Callable[[Any], Any]) -> TableLink:
    attrs = {a.name: a for a in node.items if isinstance(a, nodes.Attr) and not a.disabled}
    if "table" not in attrs:
        raise XsError("inputerror", "`dblink` needs the attribute `table`", span=node.span,
                      hint='dblink { table = "user" }')
    table = constant(attrs["table"].value, evaluate)
    override = constant(attrs["override"].value, evaluate) if "override" in attrs else {}
    if type(override) is not dict:
        raise XsError("inputerror", "`override` of a dblink must be an object of columns",
                      span=attrs["override"].span)
    hidden = frozenset(name for name, spec in override.items()
                       if type(spec) is dict and spec.get("hidden") is True)
    return TableLink(table, hidden, node.span)


@handles(nodes.InputFilter)
def compile_input_filter(c: Compiler, node: nodes.InputFilter) -> Any:
    raise XsError("syntaxerror", f"the input filter `{node.name}` belongs in `filters=` of an "
                  "input declaration", span=node.span)
