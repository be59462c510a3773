"""User-defined functions: ``function "name" { input {…} stack {…} response = e }``.

Owns compiling a function construct into a ``FunctionDef`` (its input declarations become
validators, its stack one compiled block), validating and coercing a call's input against
the declarations (``inputerror`` naming the parameter, payload ``{param: name}``) and
running a function in its own frame with a depth limit; a ``dblink`` input expands to the
columns of a session table when the function is called. Also the compile handlers of
``InputField`` and ``InputFilter``. The type rules of input declarations live in
``fieldtypes`` (shared with table schemas). Imports the compiler package, ``scope``,
``fieldtypes``, ``values``, ``errors``; never the parser or the session module.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable

from . import nodes
from .compiler import Compiler, Run, Thunk, handles
from .compiler.signals import ReturnSignal
from .errors import XsError
from .fieldtypes import NO_DEFAULT, Field, coerce_field, constant
from .scope import Frame
from .values import copy_value


@dataclass
class FunctionDef:
    """A compiled function, callable from any later cell."""

    name: str
    body: Run
    response: Thunk | None
    # None: no input block, the input passes as given. A TableLink (``dblink``) stands
    # for the columns of a table, looked up when the function is called.
    inputs: list[Field | "TableLink"] | None
    cell: str = "<cell>"
    source: str = ""
    node: Any = None
    tests: list[Any] = field(default_factory=list)


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


def call(frame: Frame, name: str, given: Any, span: Any) -> Any:
    """Run the function NAME with the input GIVEN; its response (or returned value)."""
    rt = frame.rt
    function = rt.functions.get(name)
    if function is None:
        match = rt.registry.suggest(name, rt.functions)
        raise XsError("notfound", f"function `{name}` is not defined", span=span,
                      hint=f"did you mean `{match}`?" if match else
                      "define it first with function \"name\" { … } in an earlier cell")
    if rt.depth >= rt.max_depth:
        raise XsError("standard", f"too many nested function calls (more than "
                                  f"{rt.max_depth}) when calling `{name}`", span=span)
    if given is None:
        given = {}
    if type(given) is not dict:
        raise XsError("inputerror", "the input of a function must be an object", span=span)
    callee = Frame(rt, input=validate(function.inputs, given, span, rt.services),
                   auth=frame.auth, env=frame.env)
    rt.depth += 1
    try:
        return run_definition(function, callee)
    finally:
        rt.depth -= 1


def run_definition(function: FunctionDef, frame: Frame) -> Any:
    """Run FUNCTION's stack in FRAME (its own): its response, or the value of `return`.
    Errors raised inside are located in the cell that defined the function."""
    rt = frame.rt
    frame.cell = function.cell
    outer, rt.frame = rt.frame, frame
    try:
        try:
            function.body(frame)
        except ReturnSignal as signal:
            return signal.value
        return function.response(frame) if function.response is not None else None
    except XsError as exc:
        raise exc.located(function.cell, function.source)
    finally:
        rt.frame = outer


def validate(inputs: list[Field | TableLink] | None, given: dict, span: Any,
             services: Any = None) -> dict:
    """The input a function sees: declared fields only, checked and coerced (the rules of
    ``fieldtypes``); an error points at the call, since that is where the input came from.
    SERVICES gives ``dblink`` entries the session's tables."""
    if inputs is None:
        return copy_value(given)
    validated: dict[str, Any] = {}
    for field_ in _expand(inputs, services, span):
        present = field_.name in given
        try:
            value = coerce_field(field_, copy_value(given.get(field_.name)), present)
        except XsError as exc:
            exc.span = span
            raise
        if present or value is not None:
            validated[field_.name] = value
    return validated


@dataclass(frozen=True)
class TableLink:
    """``dblink { table = "user" override = { email: {hidden: true} } }``: one input per
    column of TABLE except the hidden ones. Which columns exist is only known when the
    function runs (the table may be defined, or redefined, in a later cell)."""

    table: Any
    hidden: frozenset[str]
    span: Any = None


def _expand(inputs: list[Field | TableLink], services: Any, span: Any) -> list[Field]:
    fields: list[Field] = []
    for entry in inputs:
        if not isinstance(entry, TableLink):
            fields.append(entry)
            continue
        if services is None:
            raise XsError("notfound", f"dblink: no database to read table {entry.table!r} "
                          "from", span=span)
        schema = services.db.schema(entry.table)
        # A linked column is an input the caller may leave out: the table fills defaults
        # and nulls when the record is written, not when the function is called.
        fields.extend(dataclasses.replace(f, optional=True, default=NO_DEFAULT, role="input")
                      for f in schema.fields if f.name not in entry.hidden)
    return fields


# ---------------------------------------------------------------- input declarations


@handles(nodes.InputField)
def compile_input_field(c: Compiler, node: nodes.InputField) -> Field:
    """The checked declaration (``fieldtypes.Field``); defaults that are not constants
    are evaluated once, at definition time."""
    def evaluate(expr: Any) -> Any:
        from .interpreter import Runtime

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
