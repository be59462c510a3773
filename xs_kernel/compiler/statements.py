"""Compile handlers for the statements with syntax of their own: var, var.update,
conditional, switch, foreach, for, while, break, continue, foreach.remove, try_catch,
precondition and bare expressions.

Variables are function-wide (one dict per frame); assignment stores a private deep copy
of arrays and objects so two variables never share one. Loop control uses the signals
of ``compiler.signals``; a ``try_catch`` catches XanoScript errors only (never an
interrupt or a control signal), and its ``finally`` always runs.
"""

from __future__ import annotations

from typing import Any

from .. import memory, nodes
from ..coercion import Invalid, to_int
from ..errors import HTTP_STATUS, XsError, XsInterrupt
from ..registry import Param
from ..scope import RESERVED
from ..values import copy_replacing, copy_value, equals, to_text, truthy, type_name
from .base import Compiler, Run, handles
from .calls import bind
from ..signals import BreakSignal, ContinueSignal
from .targets import assignment, root_name

TICK = memory.TICK  # loops check the memory ceiling every TICK iterations
CHUNK = range(TICK)


@handles(nodes.VarDecl)
def compile_var(c: Compiler, node: nodes.VarDecl) -> Run:
    name = node.name
    if name in RESERVED:
        raise XsError("syntaxerror", f"`${name}` is reserved and cannot be declared",
                      span=node.span)
    c.assigns(name)
    return _store(name, c.expr(node.value))


def _store(name: str, value: Any) -> Run:
    """``$name = value`` where arrays and objects are stored as a private copy."""
    def run_store(frame: Any) -> None:
        result = value(frame)
        if type(result) is list or type(result) is dict:
            if len(result) >= memory.LARGE:
                memory.grow(len(result) * 8)
            result = copy_replacing(result, frame.vars.get(name))
        frame.vars[name] = result
    return run_store


@handles(nodes.VarUpdate)
def compile_var_update(c: Compiler, node: nodes.VarUpdate) -> Run:
    _, write = assignment(c, node.target, "`var.update`")
    value = c.expr(node.value)
    if isinstance(node.target, nodes.Variable):
        name = node.target.name
        suffix = _append_parts(node.target.name, node.value)
        if suffix is not None:
            return _text_append(c, name, value, [c.expr(p) for p in suffix])
        return _store(name, value)  # a plain variable: skip the path writer's call

    def run_update(frame: Any) -> None:
        result = value(frame)
        if type(result) is list or type(result) is dict:
            result = copy_value(result)
        write(frame, result)
    return run_update


def _append_parts(name: str, value: Any) -> list[Any] | None:
    """For ``$s ~ a ~ b`` (left-most operand $NAME): the appended operands [a, b]."""
    parts: list[Any] = []
    while isinstance(value, nodes.Binary) and value.op is nodes.BinaryOp.CONCAT:
        parts.append(value.right)
        value = value.left
    if parts and isinstance(value, nodes.Variable) and value.name == name:
        return parts[::-1]
    return None


def _text_append(c: Compiler, name: str, general: Any, parts: list[Any]) -> Run:
    """``var.update $s { value = $s ~ … }`` without copying $s on every append.

    Taking the text out of the variable dict leaves it with one reference, so CPython
    grows it in place instead of copying it: building a long text stays linear.
    """
    def run_append(frame: Any) -> None:
        variables = frame.vars
        current = variables.get(name)
        if type(current) is not str:
            variables[name] = general(frame)  # the ordinary path (warnings, numbers, null)
            return
        suffix = "".join([to_text(part(frame)) for part in parts])
        if len(suffix) >= memory.LARGE:  # before the text grows (small appends: loop ticks)
            memory.grow(len(current) + len(suffix))
        variables[name] = None  # drop the dict's reference; the key keeps its place
        current += suffix
        variables[name] = current
    return run_append


@handles(nodes.ExprStmt)
def compile_expr_stmt(c: Compiler, node: nodes.ExprStmt) -> Run:
    expr = c.expr(node.expr)

    def run_expression(frame: Any) -> None:
        frame.last = expr(frame)
    return run_expression


@handles(nodes.Branch)
def compile_branch(c: Compiler, node: nodes.Branch) -> tuple[Any, Run]:
    return c.expr(node.cond), c.block(node.body)


@handles(nodes.Conditional)
def compile_conditional(c: Compiler, node: nodes.Conditional) -> Run:
    branches = tuple(c.compile(b) for b in node.branches)
    otherwise = None if node.otherwise is None else c.block(node.otherwise)

    def run_conditional(frame: Any) -> None:
        for cond, body in branches:
            if truthy(cond(frame)):
                body(frame)
                return
        if otherwise is not None:
            otherwise(frame)
    return run_conditional


@handles(nodes.Case)
def compile_case(c: Compiler, node: nodes.Case) -> tuple[Any, Run]:
    return c.expr(node.value), c.block(node.body)


@handles(nodes.Switch)
def compile_switch(c: Compiler, node: nodes.Switch) -> Run:
    subject = c.expr(node.subject)
    cases = tuple(c.compile(case) for case in node.cases)
    default = None if node.default is None else c.block(node.default)

    def run_switch(frame: Any) -> None:
        value = subject(frame)
        for match, body in cases:
            if equals(value, match(frame)):
                body(frame)  # no fall-through, with or without `break`
                return
        if default is not None:
            default(frame)
    return run_switch


# ---------------------------------------------------------------- loops


@handles(nodes.For)
def compile_for(c: Compiler, node: nodes.For) -> Run:
    count, item, span = c.expr(node.count), node.item, node.count.span
    if item:
        c.assigns(item)
    body = c.loop_body(node.body)

    def run_for(frame: Any) -> None:
        n = count(frame)
        if type(n) is not int:
            n = _count(n, span)
        variables = frame.vars
        for start in range(0, n, TICK):  # the memory ceiling is checked between chunks
            if start:
                memory.check()
            for i in range(start, min(start + TICK, n)):
                if item:
                    variables[item] = i
                try:
                    body(frame)
                except ContinueSignal:
                    pass
                except BreakSignal:
                    return
    return run_for


def _count(value: Any, span: Any) -> int:
    if value is None:
        return 0
    try:
        return to_int(value)
    except Invalid:
        raise XsError("inputerror", f"for needs a number of iterations, got "
                      f"{type_name(value)}", span=span) from None


@handles(nodes.While)
def compile_while(c: Compiler, node: nodes.While) -> Run:
    cond, body = c.expr(node.cond), c.loop_body(node.body)

    def run_while(frame: Any) -> None:
        while True:  # chunks of TICK steps, the memory ceiling checked between them
            for _ in CHUNK:
                if not truthy(cond(frame)):
                    return
                try:
                    body(frame)
                except ContinueSignal:
                    pass
                except BreakSignal:
                    return
            memory.check()
    return run_while


@handles(nodes.Foreach)
def compile_foreach(c: Compiler, node: nodes.Foreach) -> Run:
    items, item, span = c.expr(node.iterable), node.item, node.iterable.span
    if item:
        c.assigns(item)
    writer = None
    if root_name(node.iterable) is not None:
        _, writer = assignment(c, node.iterable, "`foreach.remove`")
    body = c.loop_body(node.body, foreach=True)

    def run_foreach(frame: Any) -> None:
        collection = items(frame)
        if collection is None:
            return
        if type(collection) is dict:
            keys: list[Any] = list(collection)
            elements = list(collection.values())
        elif type(collection) is list:
            keys, elements = [], list(collection)  # PHP iterates a copy
        else:
            raise XsError("inputerror", f"foreach needs an array, got {type_name(collection)}",
                          span=span)
        state: list[Any] = [None, 0]
        saved, frame.foreach_state = frame.foreach_state, state
        try:
            for start in range(0, len(elements), TICK):  # checks between chunks, as `for`
                if start:
                    memory.check()
                if _foreach_chunk(frame, body, item, elements, start, state):
                    break
        finally:
            frame.foreach_state = saved
        if state[0]:
            _write_removals(frame, writer, collection, keys, state[0], span)
    return run_foreach


def _foreach_chunk(frame: Any, body: Run, item: str | None, elements: list[Any],
                   start: int, state: list[Any]) -> bool:
    """Run BODY for up to TICK ELEMENTS from START; True when it breaks out of the loop."""
    variables = frame.vars
    for position in range(start, min(start + TICK, len(elements))):
        state[1] = position
        if item:
            element = elements[position]
            if type(element) is list or type(element) is dict:
                element = copy_value(element)
            variables[item] = element
        try:
            body(frame)
        except ContinueSignal:
            pass
        except BreakSignal:
            return True
    return False


def _write_removals(frame: Any, writer: Any, collection: Any, keys: list[Any],
                    removed: set[int], span: Any) -> None:
    if writer is None:
        raise XsError("standard", "foreach.remove needs the loop to iterate a variable "
                      "(foreach ($items) …)", span=span)
    if type(collection) is dict:
        kept: Any = {k: collection[k] for i, k in enumerate(keys) if i not in removed}
    else:
        kept = [x for i, x in enumerate(collection) if i not in removed]
    writer(frame, kept)


@handles(nodes.Break)
def compile_break(c: Compiler, node: nodes.Break) -> Run:
    if not c.loops:
        raise XsError("syntaxerror", "`break` is only allowed inside a loop", span=node.span)

    def run_break(frame: Any) -> None:
        raise BreakSignal()
    return run_break


@handles(nodes.Continue)
def compile_continue(c: Compiler, node: nodes.Continue) -> Run:
    if not c.loops:
        raise XsError("syntaxerror", "`continue` is only allowed inside a loop", span=node.span)

    def run_continue(frame: Any) -> None:
        raise ContinueSignal()
    return run_continue


@handles(nodes.ForeachRemove)
def compile_foreach_remove(c: Compiler, node: nodes.ForeachRemove) -> Run:
    if not c.foreach:
        raise XsError("syntaxerror", "`foreach.remove` is only allowed inside foreach",
                      span=node.span)

    def run_remove(frame: Any) -> None:
        state = frame.foreach_state
        if state[0] is None:
            state[0] = set()
        state[0].add(state[1])
    return run_remove


# ---------------------------------------------------------------- errors


@handles(nodes.TryCatch)
def compile_try_catch(c: Compiler, node: nodes.TryCatch) -> Run:
    attempt = c.block(node.try_body)
    handler = None if node.catch_body is None else c.block(node.catch_body)
    cleanup = None if node.finally_body is None else c.block(node.finally_body)
    if handler is not None:
        c.assigns("error")

    def run_try_catch(frame: Any) -> None:
        try:
            attempt(frame)
        except XsError as exc:
            if handler is None or isinstance(exc, XsInterrupt):
                raise
            frame.vars["error"] = exc.as_value()
            handler(frame)
        finally:
            if cleanup is not None:
                cleanup(frame)
    return run_try_catch


@handles(nodes.Precondition)
def compile_precondition(c: Compiler, node: nodes.Precondition) -> Run:
    cond, span = c.expr(node.cond), node.span
    args, universal = bind(c, "precondition", (
        Param("error_type", "text", default="standard"),
        Param("error", default=""),
        Param("payload"),
    ), node.items, node.span)
    error_type, message, payload = (build for _, build in args)
    disabled = universal.get("disabled")

    def run_precondition(frame: Any) -> None:
        if disabled is not None and truthy(disabled(frame)):
            return
        if truthy(cond(frame)):
            return
        text = to_text(message(frame)) or "precondition failed"
        raise XsError(_error_type(error_type(frame), span), text, span=span,
                      payload=payload(frame))
    return run_precondition


# What a precondition may throw: the types Xano answers with (not the kernel's own
# syntaxerror/unsupported), so arbitrary text never becomes an error type.
PRECONDITION_TYPES = tuple(t for t in HTTP_STATUS if t not in ("syntaxerror", "unsupported"))


def _error_type(value: Any, span: Any) -> str:
    name = to_text(value) or "standard"
    if name not in PRECONDITION_TYPES:
        shown = name if name.isprintable() and len(name) <= 40 else repr(name[:40])
        raise XsError("inputerror", f"precondition: `error_type` must be one of "
                      f"{', '.join(PRECONDITION_TYPES)}; got {shown}", span=span)
    return name
