"""Core statements written as generic ``name { … }`` statements but run by the interpreter
itself, because they steer control flow or reach user-defined functions: ``return``,
``throw``, ``debug.stop``, ``function.run``, ``group`` and the bare ``remove``.

Each registers with ``@core_statement`` (the table ``base.CORE``, which generic statement
dispatch reads before the registry); the help users see for each lives in ``keywords``.
"""

from __future__ import annotations

from typing import Any, Callable

from .. import nodes
from ..errors import XsError
from ..registry import Param
from ..values import to_text
from .base import CORE, Compiler, Thunk, core_statement  # noqa: F401  (CORE: for readers)
from .calls import bind, no_alias, result_binder, with_universal
from ..functions import call
from ..signals import ReturnSignal, StopSignal


def _values(c: Compiler, node: nodes.Statement,
            *params: Param) -> tuple[dict[str, Thunk], dict[str, Thunk]]:
    args, universal = bind(c, node.name, params, node.items, node.span)
    return dict(args), universal


def _no_target(node: nodes.Statement) -> None:
    if node.target is not None:
        raise XsError("inputerror", f"`{node.name}` takes nothing between its name and its "
                      "block", span=node.target.span)


@core_statement("return")
def compile_return(c: Compiler, node: nodes.Statement) -> Callable[[Any], None]:
    no_alias(node)
    _no_target(node)
    args, universal = _values(c, node, Param("value"))
    value = args["value"]

    def run_return(frame: Any) -> None:
        raise ReturnSignal(value(frame))
    return with_universal(universal, run_return)


@core_statement("throw")
def compile_throw(c: Compiler, node: nodes.Statement) -> Callable[[Any], None]:
    no_alias(node)
    _no_target(node)
    args, universal = _values(c, node, Param("name"), Param("value", required=True))
    name, value, span = args["name"], args["value"], node.span

    def run_throw(frame: Any) -> None:
        error_name = to_text(name(frame)) or None
        message = value(frame)
        payload = None if type(message) is str else message
        raise XsError("standard", to_text(message), span=span, name=error_name,
                      payload=payload)
    return with_universal(universal, run_throw)


@core_statement("debug.stop")
def compile_stop(c: Compiler, node: nodes.Statement) -> Callable[[Any], None]:
    no_alias(node)
    _no_target(node)
    args, universal = _values(c, node, Param("value"))
    value = args["value"]

    def run_stop(frame: Any) -> None:
        raise StopSignal(value(frame))
    return with_universal(universal, run_stop)


@core_statement("function.run")
def compile_function_run(c: Compiler, node: nodes.Statement) -> Callable[[Any], None]:
    if node.target is None:
        raise XsError("inputerror", "`function.run` needs the function's name, as in "
                      "`function.run \"name\" { input = {…} }`", span=node.span)
    name = c.expr(node.target)
    args, universal = _values(c, node, Param("input", "object", default={}),
                             Param("runtime_mode", "text", default="shared"))
    given, span = args["input"], node.span
    bind_result = result_binder(c, node)

    def run_function(frame: Any) -> None:
        result = call(frame, to_text(name(frame)), given(frame), span)
        if bind_result is not None:
            bind_result(frame, result)
    return with_universal(universal, run_function, bind_result)


@core_statement("group")
def compile_group(c: Compiler, node: nodes.Statement) -> Callable[[Any], None]:
    no_alias(node)
    _no_target(node)
    statements: list[Any] = []
    disabled: dict[str, Thunk] = {}
    for item in node.items:
        if isinstance(item, nodes.Block) and item.name == "stack":
            statements.extend(item.items)
        elif isinstance(item, nodes.Attr) and item.name == "description":
            continue
        elif isinstance(item, nodes.Attr) and item.name == "disabled" and not item.disabled:
            disabled = {"disabled": c.expr(item.value)}
        elif isinstance(item, (nodes.Attr, nodes.Block)):
            raise XsError("inputerror", f"`group` has no {'block' if isinstance(item, nodes.Block) else 'attribute'} `{item.name}`",
                          span=item.span, hint="put the statements inside `stack { … }`")
        else:
            statements.append(item)  # statements written directly inside the group
    return with_universal(disabled, c.block(statements))


@core_statement("remove")
def compile_remove(c: Compiler, node: nodes.Statement) -> Callable[[Any], None]:
    no_alias(node)
    _no_target(node)
    return c.compile(nodes.ForeachRemove(node.span))
