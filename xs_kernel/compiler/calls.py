"""Compile handler for generic statements (``redis.set {…}``, ``math.add $n {…}``,
``array.filter ($a) if (…) as $b``…) and the attribute binder they share with the core
statements.

A statement name is looked up first in the core table (``compiler.core``: return, throw,
group, function.run, debug.stop…), then in the registry. Attributes are bound to the
spec's ``Param``s when the cell compiles: unknown or rejected attributes, missing
required ones and ``as`` on a statement without a result fail before anything runs.

Target conventions (``FunctionSpec.target``): ``"variable"`` means the statement works
in place on a variable path — the evaluated value arrives as ``call.target`` and, when
the spec has ``returns=False``, whatever the implementation returns is written back to
that path (``math.add $n``, ``array.push $a``); with ``returns=True`` the implementation
may change an array/object target in place and its result goes to ``as`` (``array.pop``).
Any other non-empty value just means "evaluate the target and pass it as call.target".
Reaches builtins only through the registry passed to the ``Compiler``.
"""

from __future__ import annotations

import keyword
import re
from typing import Any, Callable, Iterable

from .. import memory, nodes
from ..coercion import Invalid, coerce
from ..errors import XsError
from ..registry import UNIVERSAL_ATTRIBUTES, Call, Param, RawExpr, Repeated
from ..values import copy_value, truthy
from ..unsupported import is_cloud_only, runner
from .base import CORE, Compiler, Thunk, constant, handles
from .filters import chain, lazy_maker
from .targets import assignment

Builder = Callable[[Any], Any]  # frame -> argument value
_NAMED = re.compile(r"`(\w+)`")  # an attribute named in an error message


@handles(nodes.Attr)
def compile_attr(c: Compiler, node: nodes.Attr) -> Thunk:
    return c.expr(node.value)


@handles(nodes.Statement)
def compile_statement(c: Compiler, node: nodes.Statement) -> Any:
    core = CORE.get(node.name)
    if core is not None:
        return core(c, node)
    spec = c.registry.function(node.name)
    if spec is None:
        if is_cloud_only(node.name):  # loads; stops with `unsupported` when reached
            return runner(node.name, node.span)
        raise unknown_statement(c, node)
    if not spec.returns:
        no_alias(node)
    # The target first: `redis.get "a"` is better told "put it in the block" than "needs key".
    target, write_back = _target(c, node, spec)
    args, universal = bind(c, node.name, spec.params, node.items, node.span, spec.rejected)
    bind_result = result_binder(c, node, fresh=spec.fresh_result)
    if bind_result is None and spec.returns:
        bind_result = _keep_as_last  # a cell ending with it shows its result, as a REPL would
    run = _runner(node.name, spec.impl, args, target, write_back, bind_result, locator(node))
    return with_universal(universal, run, bind_result)


def _keep_as_last(frame: Any, result: Any) -> None:
    frame.last = result


def locator(node: nodes.Statement) -> Callable[[XsError], Any]:
    """Where an error of NODE belongs: the attribute its message names (`ttl` in
    "`ttl` must be 0 or more"), else the statement itself."""
    spans = {item.name: item.span for item in node.items if isinstance(item, nodes.Attr)}

    def locate(exc: XsError) -> Any:
        if spans:
            for name in _NAMED.findall(exc.message):
                if name in spans:
                    return spans[name]
        return node.span
    return locate


def _runner(name: str, impl: Callable[..., Any], args: list[tuple[str, Builder]],
            target: Thunk | None, write_back: Callable[[Any, Any], None] | None,
            bind_result: Callable[[Any, Any], None] | None,
            locate: Callable[[XsError], Any]) -> Callable[[Any], None]:
    span = locate(XsError("standard", ""))  # the statement's own span

    def run(frame: Any) -> None:
        rt = frame.rt
        call = Call(services=rt.services, emit=rt.emit, span=span, session=rt.session,
                    target=None if target is None else target(frame))
        kwargs = {key: build(frame) for key, build in args}
        try:
            result = impl(call, **kwargs)
        except XsError as exc:
            raise exc.at(exc.span or locate(exc))
        except RecursionError:
            raise
        except MemoryError:
            raise memory.exceeded().at(span) from None
        except Exception as exc:  # a bug in the builtin, not in the user's program
            raise internal_error(name, exc, span) from None
        if write_back is not None:
            write_back(frame, result)
        if bind_result is not None:
            bind_result(frame, result)
    return run


def internal_error(name: str, exc: Exception, span: Any) -> XsError:
    """A Python exception escaping a builtin: said as what it is, naming the builtin, and
    never dressed as a XanoScript error about the user's program."""
    return XsError("standard", f"internal error in `{name}` ({type(exc).__name__}): this is "
                   "a bug in xs_kernel, not in your program; please report it", span=span)


def with_universal(universal: dict[str, Thunk], run: Callable[[Any], None],
                   bind_result: Callable[[Any, Any], None] | None = None
                   ) -> Callable[[Any], None]:
    """Honour `disabled = expr` (skip when truthy) and `mock = {"test name": value}`
    (while that unit test runs, the statement's result is the value, nothing runs)."""
    disabled, mock = universal.get("disabled"), universal.get("mock")
    if disabled is None and mock is None:
        return run

    def run_universal(frame: Any) -> None:
        if disabled is not None and truthy(disabled(frame)):
            return
        if mock is not None:
            test = frame.rt.test_name
            mocks = mock(frame) if test is not None else None
            if type(mocks) is dict and test in mocks:
                if bind_result is not None:
                    bind_result(frame, mocks[test])
                return
        run(frame)
    return run_universal


def no_alias(node: nodes.Statement) -> None:
    """Reject ``as $x`` on a statement that has no result."""
    if node.alias:
        raise XsError("syntaxerror", f"`{node.name}` has no result, so `as ${node.alias}` "
                      "cannot bind anything", span=node.span)


def unknown_statement(c: Compiler, node: nodes.Statement) -> XsError:
    names = list(c.registry.functions) + list(CORE)
    match = c.registry.suggest(node.name, names)
    if node.name in ("if", "elseif", "else"):
        hint = "branches live inside a conditional: conditional { if (…) { … } else { … } }"
    else:
        hint = f"did you mean `{match}`?" if match else None
    return XsError("syntaxerror", f"unknown statement `{node.name}`", span=node.span, hint=hint)


def _target(c: Compiler, node: nodes.Statement, spec: Any) -> tuple[Thunk | None, Any]:
    if node.target is None:
        if spec.target == "variable":
            raise XsError("inputerror", f"`{node.name}` needs a variable to work on, "
                          f"as in `{node.name} $x {{ … }}`", span=node.span)
        return None, None
    if spec.target is None:
        required = [p.name for p in spec.params if p.required]
        hint = (f"put it in the block: `{node.name} {{ {required[0]} = … }}`"
                if len(required) == 1 else None)
        raise XsError("inputerror", f"`{node.name}` takes nothing between its name and "
                      "its block", span=node.target.span, hint=hint)
    if spec.target != "variable":
        return c.expr(node.target), None
    read, write = assignment(c, node.target, f"`{node.name}`")
    return read, (write if not spec.returns else None)


def result_binder(c: Compiler, node: nodes.Statement, *, fresh: bool = False
                  ) -> Callable[[Any, Any], None] | None:
    """``as $x|filters``: filter the result, then store a private copy in $x (or the result
    itself when FRESH: made for this call, held by nothing else)."""
    if not node.alias:
        return None
    name = node.alias
    c.assigns(name)
    filters = chain(c, node.alias_filters)

    def bind_alias(frame: Any, value: Any) -> None:
        if filters is not None:
            value = filters(frame, value)
        if not fresh and (type(value) is list or type(value) is dict):
            value = copy_value(value)
        frame.vars[name] = value
    return bind_alias


# ---------------------------------------------------------------- attribute binding


def bind(c: Compiler, owner: str, params: Iterable[Param], items: Iterable[Any], span: Any,
         rejected: dict[str, str] | None = None
         ) -> tuple[list[tuple[str, Builder]], dict[str, Thunk]]:
    """Builders for each parameter (keyword name, builder), and the universal attributes
    given (``disabled``, ``mock``) as thunks; ``description`` is dropped."""
    params = tuple(params)
    by_name = {p.name: p for p in params}
    given: dict[str, Builder] = {}
    universal: dict[str, Thunk] = {}
    for item in items:
        if isinstance(item, (nodes.Attr, nodes.Block)):
            if getattr(item, "disabled", False):
                continue
            param = by_name.get(item.name)
            if item.name in given:
                if param is None or not param.repeat:
                    raise XsError("inputerror", f"`{owner}` got the attribute `{item.name}` "
                                  "twice", span=item.span)
                given[item.name] = _gather(given[item.name], _builder(c, owner, param, item))
                continue
            if param is None:
                if isinstance(item, nodes.Attr) and item.name in UNIVERSAL_ATTRIBUTES:
                    if item.name != "description":
                        universal[item.name] = c.expr(item.value)
                    continue
                raise _unknown_attribute(c, owner, item, by_name, rejected or {})
            given[item.name] = _builder(c, owner, param, item)
        else:
            raise XsError("syntaxerror", f"`{owner}` expects `name = value` attributes here",
                          span=item.span)
    args: list[tuple[str, Builder]] = []
    for param in params:
        build = given.get(param.name)
        if build is None:
            if param.required:
                raise XsError("inputerror", f"`{owner}` needs the attribute `{param.name}`",
                              span=span)
            build = _default(param.default)
        args.append((python_name(param.name), build))
    return args, universal


def _gather(first: Builder, more: Builder) -> Builder:
    """One builder for a repeated attribute: every occurrence's value, in order."""
    builders = list(getattr(first, "repeated", [first])) + [more]

    def build_repeated(frame: Any) -> Repeated:
        return Repeated(build(frame) for build in builders)
    build_repeated.repeated = builders  # type: ignore[attr-defined]
    return build_repeated


def python_name(name: str) -> str:
    """The keyword an attribute is passed as (``if`` -> ``if_``)."""
    return name + "_" if keyword.iskeyword(name) else name


def _unknown_attribute(c: Compiler, owner: str, item: Any, by_name: dict[str, Param],
                       rejected: dict[str, str]) -> XsError:
    if item.name in rejected:
        return XsError("inputerror", f"`{owner}` has no attribute `{item.name}`", span=item.span,
                       hint=f"use `{rejected[item.name]}` instead")
    match = c.registry.suggest(item.name, by_name)
    names = ", ".join(f"`{n}`" for n in by_name) or "none"
    return XsError("inputerror", f"`{owner}` has no attribute `{item.name}`", span=item.span,
                   hint=f"did you mean `{match}`?" if match else f"its attributes: {names}")


def _builder(c: Compiler, owner: str, param: Param, item: Any) -> Builder:
    if isinstance(item, nodes.Block):
        return _block_builder(c, item, runnable=param.lazy)
    if param.raw:
        return _raw_builder(c, item.value)
    if param.lazy:
        return lazy_maker(c, item.value)
    value = c.expr(item.value)
    if param.type == "any":
        return value
    type_, name, span = param.type, param.name, item.value.span

    def coerced(frame: Any) -> Any:
        try:
            return coerce(type_, value(frame))
        except Invalid as exc:
            raise XsError("inputerror", f"attribute `{name}` of `{owner}` {exc}",
                          span=span, payload={"param": name}) from None
    return coerced


def _block_builder(c: Compiler, block: nodes.Block, *, runnable: bool) -> Builder:
    """A nested block: for a lazy parameter (``stack { … }``) a zero-argument callable
    running its statements in the caller's frame; otherwise an object when it holds only
    attributes, else that callable too."""
    if not runnable and all(isinstance(i, nodes.Attr) for i in block.items):
        entries = [(a.name, c.expr(a.value)) for a in block.items if not a.disabled]

        def build_object(frame: Any) -> dict[str, Any]:
            return {key: value(frame) for key, value in entries}
        return build_object
    body = c.block(block.items)

    def build_stack(frame: Any) -> Callable[[], None]:
        def run_stack() -> None:
            body(frame)
        return run_stack
    return build_stack


def _raw_builder(c: Compiler, expr: Any) -> Builder:
    # Keyed by id, holding the node too: a node built later may reuse a dead node's id.
    cache: dict[int, tuple[Any, Thunk]] = {}

    def build_raw(frame: Any) -> RawExpr:
        def evaluate(sub: Any) -> Any:
            entry = cache.get(id(sub))
            if entry is None or entry[0] is not sub:
                entry = cache[id(sub)] = (sub, c.expr(sub))
            return entry[1](frame)
        return RawExpr(node=expr, evaluate=evaluate)
    return build_raw


def _default(value: Any) -> Builder:
    if type(value) is list or type(value) is dict:
        def fresh_default(frame: Any) -> Any:
            return copy_value(value)
        return fresh_default
    return constant(value)
