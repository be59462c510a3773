"""User-defined functions at run time: ``FunctionDef`` (what compiling a ``function``
construct gives: see ``compiler.functions``), validating and coercing a call's input
against its declarations (``inputerror`` naming the parameter, payload ``{param: name}``)
and running a function in its own frame with a depth limit; a ``dblink`` input expands to
the columns of a session table when the function is called. The type rules of input
declarations live in ``fieldtypes`` (shared with table schemas).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable

Run = Callable[[Any], None]
Thunk = Callable[[Any], Any]

from .errors import XsError
from .fieldtypes import NO_DEFAULT, Field, coerce_field
from .scope import Frame
from .signals import ReturnSignal
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
    node: Any = None  # the function construct
    tests: list[Any] = field(default_factory=list)


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
