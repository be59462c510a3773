"""Compile handlers for expressions: literals, variables, paths, operators, literals of
arrays and objects, the ternary and backtick expressions.

Every handler returns ``thunk(frame) -> value``. Operator meaning comes from
``operators`` tables keyed by the node's enum; this module only wires operands and error
positions. Filters live in ``compiler.filters``.
"""

from __future__ import annotations

import time
from operator import attrgetter
from typing import Any

from .. import nodes, operators
from ..errors import XsError
from ..scope import FRAME_ROOTS, LAZY_ROOTS, UNSET, index, member, undefined
from ..values import to_text, truthy, type_name
from .base import Compiler, Thunk, constant, handles


@handles(nodes.Literal)
def compile_literal(c: Compiler, node: nodes.Literal) -> Thunk:
    return constant(node.value)


@handles(nodes.Now)
def compile_now(c: Compiler, node: nodes.Now) -> Thunk:
    def now(frame: Any) -> int:
        return time.time_ns() // 1_000_000
    return now


@handles(nodes.ExprLiteral)
def compile_expr_literal(c: Compiler, node: nodes.ExprLiteral) -> Thunk:
    return c.expr(node.expr)


@handles(nodes.Variable)
def compile_variable(c: Compiler, node: nodes.Variable) -> Thunk:
    name, span = node.name, node.span
    if name in FRAME_ROOTS:
        return attrgetter(name)
    if name == "var":  # bare `$var`: every variable of the function, as an object
        def all_variables(frame: Any) -> dict[str, Any]:
            return dict(frame.vars)
        return all_variables
    read = variable_reader(name, span)
    if name == "this":  # the hot one: read the slot directly
        def this_root(frame: Any) -> Any:
            value = frame.this
            return read(frame) if value is UNSET else value
        return this_root
    if name in LAZY_ROOTS:
        slot = attrgetter(name)

        def lazy_root(frame: Any) -> Any:
            value = slot(frame)
            return read(frame) if value is UNSET else value
        return lazy_root
    return read


def variable_reader(name: str, span: Any) -> Thunk:
    def variable(frame: Any) -> Any:
        try:
            return frame.vars[name]
        except KeyError:
            return undefined(frame, name, span)
    return variable


@handles(nodes.Member)
def compile_member(c: Compiler, node: nodes.Member) -> Thunk:
    obj, name = c.expr(node.obj), node.name

    def get_member(frame: Any) -> Any:
        value = obj(frame)
        if type(value) is dict:
            return value.get(name)
        return member(value, name)
    return get_member


@handles(nodes.Index)
def compile_index(c: Compiler, node: nodes.Index) -> Thunk:
    obj, key = c.expr(node.obj), c.expr(node.index)

    def get_index(frame: Any) -> Any:
        return index(obj(frame), key(frame))
    return get_index


@handles(nodes.ObjectEntry)
def compile_object_entry(c: Compiler, node: nodes.ObjectEntry) -> Thunk:
    return c.expr(node.value)


@handles(nodes.ObjectLit)
def compile_object(c: Compiler, node: nodes.ObjectLit) -> Thunk:
    live = [e for e in node.entries if not e.disabled]
    if any(e.key_expr is not None for e in live):
        return _object_with_variable_keys(c, live)
    entries = tuple((e.key, c.compile(e)) for e in live)

    def build_object(frame: Any) -> dict[str, Any]:
        return {key: value(frame) for key, value in entries}
    return build_object


def _object_with_variable_keys(c: Compiler, live: list) -> Thunk:
    """`{$k: v}`: the key is the text form of $k's value (docs/semantics.md)."""
    entries = tuple((e.key, None if e.key_expr is None else c.expr(e.key_expr), c.compile(e),
                     e.span) for e in live)

    def build_object(frame: Any) -> dict[str, Any]:
        built: dict[str, Any] = {}
        for key, key_of, value, span in entries:
            if key_of is not None:
                found = key_of(frame)
                if found is None or type(found) in (list, dict):
                    raise XsError("inputerror", f"the object key {key} must be text or a "
                                  f"number, got {type_name(found)}", span=span)
                key = to_text(found)
            built[key] = value(frame)
        return built
    return build_object


@handles(nodes.ArrayLit)
def compile_array(c: Compiler, node: nodes.ArrayLit) -> Thunk:
    items = tuple(c.expr(item) for item in node.items)

    def build_array(frame: Any) -> list[Any]:
        return [item(frame) for item in items]
    return build_array


@handles(nodes.Unary)
def compile_unary(c: Compiler, node: nodes.Unary) -> Thunk:
    apply, operand, span = operators.UNARY[node.op], c.expr(node.operand), node.span

    def unary(frame: Any) -> Any:
        try:
            return apply(operand(frame))
        except XsError as exc:
            raise exc.at(span)
    return unary


@handles(nodes.Binary)
def compile_binary(c: Compiler, node: nodes.Binary) -> Thunk:
    op = node.op
    if op in operators.WHERE_ONLY:
        raise XsError("syntaxerror", operators.where_only_message(op), span=node.span,
                      hint="outside a where clause, use a filter such as `in` or `contains`")
    left, right = c.expr(node.left), c.expr(node.right)
    combine = operators.SHORT_CIRCUIT.get(op)
    if combine is not None:
        return combine(left, right)
    apply, fast, span = operators.BINARY[op], operators.INT_FAST.get(op), node.span
    if fast is not None and isinstance(node.right, nodes.Literal):
        return _binary_constant(left, node.right.value, apply, fast, span)
    if fast is not None:
        def binary_fast(frame: Any) -> Any:
            a = left(frame)
            b = right(frame)
            try:
                if type(a) is int and type(b) is int:
                    return fast(a, b)
                return apply(a, b)
            except XsError as exc:
                raise exc.at(span)
        return binary_fast

    def binary(frame: Any) -> Any:
        a = left(frame)
        b = right(frame)
        try:
            return apply(a, b)
        except XsError as exc:
            raise exc.at(span)
    return binary


def _binary_constant(left: Thunk, b: Any, apply: Any, fast: Any, span: Any) -> Thunk:
    """``x op literal`` (``$$ * 2``, ``$i % 3``): no call for the constant side."""
    int_b = type(b) is int

    def binary_constant(frame: Any) -> Any:
        a = left(frame)
        try:
            if int_b and type(a) is int:
                return fast(a, b)
            return apply(a, b)
        except XsError as exc:
            raise exc.at(span)
    return binary_constant


@handles(nodes.Ternary)
def compile_ternary(c: Compiler, node: nodes.Ternary) -> Thunk:
    cond, then, otherwise = c.expr(node.cond), c.expr(node.then), c.expr(node.otherwise)

    def ternary(frame: Any) -> Any:
        return then(frame) if truthy(cond(frame)) else otherwise(frame)
    return ternary
