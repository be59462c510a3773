"""Compile handler for ``value|filter:arg:arg`` and the Lazy arguments of higher-order
filters and ``array.*`` conditions.

A filter is looked up in the registry when the cell is compiled (unknown names and wrong
argument counts fail before anything runs); the receiver's type is checked against the
filter's ``accepts`` at run time. Lazy arguments become ``lazy(this, index=, result=,
parent=)`` callables that evaluate the pre-compiled argument with only the roots the
expression actually mentions bound on the frame, restored afterwards.
Reads filter specs from the registry passed to the ``Compiler``.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from .. import memory, nodes
from ..errors import XsError
from ..scope import LAZY_ROOTS
from ..source import Span
from ..values import BinaryText, type_name
from .base import Compiler, Thunk, constant, handles

LARGE = memory.LARGE
Applier = Callable[[Any, Any], Any]  # (frame, receiver) -> filtered value

_PY_TYPES: dict[str, tuple[type, ...]] = {
    "null": (type(None),), "bool": (bool,), "int": (int,), "decimal": (float,),
    "number": (int, float), "text": (str,), "array": (list,), "object": (dict,),
    "timestamp": (int, float, str),
}
_ANY = tuple({t for types in _PY_TYPES.values() for t in types})


@handles(nodes.FilterApply)
def compile_filter(c: Compiler, node: nodes.FilterApply) -> Thunk:
    operand = None if node.operand is None else c.expr(node.operand)
    if node.disabled:
        return operand if operand is not None else constant(None)
    apply = applier(c, node, standalone=operand is None)
    if operand is None:
        def standalone(frame: Any) -> Any:
            return apply(frame, None)
        return standalone

    def filtered(frame: Any) -> Any:
        return apply(frame, operand(frame))
    return filtered


def chain(c: Compiler, filters: Iterable[nodes.FilterApply]) -> Applier | None:
    """The filters written after ``as $x|…``, applied in order to a statement's result."""
    appliers = [applier(c, f) for f in filters if not f.disabled]
    if not appliers:
        return None

    def apply_all(frame: Any, value: Any) -> Any:
        for apply in appliers:
            value = apply(frame, value)
        return value
    return apply_all


def filter_span(node: nodes.FilterApply) -> Span:
    """Where ``|name:args`` itself is written: errors about a filter point at the filter,
    not at the whole expression it ends."""
    if node.operand is None:
        return node.span
    start = node.operand.span
    return Span(start.end_line, start.end_column, node.span.end_line, node.span.end_column)


def applier(c: Compiler, node: nodes.FilterApply, *, standalone: bool = False) -> Applier:
    """``apply(frame, receiver)`` for one filter node, checked against its spec."""
    span = filter_span(node)
    spec = c.registry.filter(node.name)
    if spec is None:
        match = c.registry.suggest(node.name, c.registry.filters)
        raise XsError("syntaxerror", f"unknown filter `{node.name}`", span=span,
                      hint=f"did you mean `{match}`?" if match else None)
    wrong_count = arity_problem(spec, len(node.args))
    if wrong_count is not None:
        # Xano's validator does not count filter arguments: the cell runs, and this filter
        # fails when it is reached (`xs check` warns about it beforehand).
        return _failing_applier(XsError("inputerror", wrong_count, span=span))
    if standalone and spec.needs_receiver:
        raise XsError("inputerror", f"filter `{node.name}` needs a value before `|`",
                      span=span)
    builders = [lazy_maker(c, arg) if i in spec.lazy else c.expr(arg)
                for i, arg in enumerate(node.args)]
    accepts = _accepted_types(spec.accepts)
    return _make_applier(node.name, spec.impl, builders, accepts, spec.accepts, span)


def _make_applier(name: str, impl: Callable[..., Any], builders: list[Thunk],
                  accepts: tuple[type, ...] | None, accepted_names: Any, span: Any) -> Applier:
    def check(value: Any) -> None:
        if accepts is not None and type(value) not in accepts:
            raise mismatch(name, accepted_names, value, span)

    if not builders:
        def apply_plain(frame: Any, value: Any) -> Any:
            check(value)
            try:
                result = impl(value)
            except Exception as exc:
                raise filter_failure(name, exc, span) from None
            if (type(result) is str or type(result) is list) and len(result) >= LARGE:
                produced(len(result), span)
            return result
        return apply_plain

    def apply(frame: Any, value: Any) -> Any:
        check(value)
        args = [build(frame) for build in builders]
        try:
            result = impl(value, *args)
        except Exception as exc:
            raise filter_failure(name, exc, span) from None
        if (type(result) is str or type(result) is list) and len(result) >= LARGE:
            produced(len(result), span)
        return result
    return apply


def produced(size: int, span: Any) -> None:
    """A filter made a large value: check the memory ceiling, failing at the filter."""
    try:
        memory.made(size)
    except XsError as exc:
        raise exc.at(span) from None


def mismatch(name: str, accepted: Any, value: Any, span: Any) -> XsError:
    wanted = [t for t in accepted if t != "null"] or list(accepted)
    return XsError("inputerror",
                   f"filter `{name}` expects {' or '.join(wanted)}, got {type_name(value)}",
                   span=span)


def filter_failure(name: str, exc: BaseException, span: Any) -> BaseException:
    if isinstance(exc, XsError):
        return exc.at(span)
    if isinstance(exc, RecursionError):
        return exc
    if isinstance(exc, MemoryError):
        return memory.exceeded().at(span)
    return XsError("standard", f"internal error in filter `{name}` ({type(exc).__name__}): "
                   "this is a bug in xs_kernel, not in your program; please report it",
                   span=span)


def arity_problem(spec: Any, count: int) -> str | None:
    """What is wrong with giving SPEC's filter COUNT arguments, or None."""
    low, high = spec.min_args, spec.max_args
    if count >= low and (high is None or count <= high):
        return None
    if high is None:
        wanted = f"at least {_arguments(low)}"
    elif low == high:
        wanted = _arguments(low) if low else "no arguments"
    else:
        wanted = f"{low} to {_arguments(high)}"
    return f"filter `{spec.name}` takes {wanted}, got {count}"


def _failing_applier(error: XsError) -> Applier:
    def apply_wrong_count(frame: Any, value: Any) -> Any:
        raise XsError(error.type, error.message, span=error.span)
    return apply_wrong_count


def _arguments(n: int) -> str:
    return f"{n} argument" + ("" if n == 1 else "s")


def _accepted_types(accepts: Any) -> tuple[type, ...] | None:
    if accepts is None or "any" in accepts:
        return None
    types: list[type] = []
    for name in accepts:
        types.extend(_PY_TYPES.get(name, _ANY))
    if str in types:
        types.append(BinaryText)  # raw bytes from hex2bin, base64_decode... are still text
    return tuple(set(types))


# ---------------------------------------------------------------- lazy arguments


def roots_used(node: Any) -> frozenset[str]:
    """Which of $this/$index/$result/$parent the expression NODE mentions."""
    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, nodes.Variable):
            if item.name in LAZY_ROOTS:
                found.add(item.name)
        elif isinstance(item, nodes.Node):
            stack.extend(getattr(item, f) for f in item.__dataclass_fields__ if f != "span")
        elif isinstance(item, tuple):
            stack.extend(item)
    return frozenset(found)


def lazy_maker(c: Compiler, expr: Any) -> Thunk:
    """``make(frame) -> lazy``: a Lazy evaluating EXPR in FRAME with the given roots bound."""
    return lazy_from(c.expr(expr), roots_used(expr))


def lazy_from(thunk: Thunk, roots: frozenset[str]) -> Thunk:
    if not roots:
        def make_constant(frame: Any) -> Callable[..., Any]:
            def lazy(this: Any = None, *, index: Any = None, result: Any = None,
                     parent: Any = None) -> Any:
                return thunk(frame)
            return lazy
        return make_constant
    if roots == {"this"}:
        def make_this(frame: Any) -> Callable[..., Any]:
            def lazy(this: Any = None, *, index: Any = None, result: Any = None,
                     parent: Any = None) -> Any:
                saved = frame.this
                frame.this = this
                try:
                    return thunk(frame)
                finally:
                    frame.this = saved
            return lazy
        return make_this

    def make_all(frame: Any) -> Callable[..., Any]:
        def lazy(this: Any = None, *, index: Any = None, result: Any = None,
                 parent: Any = None) -> Any:
            saved = (frame.this, frame.index, frame.result, frame.parent)
            frame.this, frame.index, frame.result, frame.parent = this, index, result, parent
            try:
                return thunk(frame)
            finally:
                frame.this, frame.index, frame.result, frame.parent = saved
        return lazy
    return make_all
