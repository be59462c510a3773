"""Compile a XanoScript AST once into Python closures, then run the closures.

Each node class has exactly one small compile handler, registered in ``HANDLERS`` with
``@handles(NodeClass)`` in the module that owns that family (``expressions``, ``filters``,
``statements``, ``calls``, ``program``; ``functions`` for input declarations). An
expression compiles to ``thunk(frame) -> value``; a statement to ``run(frame) -> None``;
a block of statements to one ``run`` that also pins every error on the statement that
raised it. The ``Compiler`` carries what compiling needs (registry, loop nesting, the
names a cell assigns); nothing here runs at import time.

May import ``nodes``, ``values``, ``operators``, ``scope``, ``registry``, ``coercion``,
``errors`` (and ``functions``, lazily: it registers handlers here); never lark, the parser,
the session, the kernel or the renderer.
"""

from __future__ import annotations

import typing
from typing import Any, Callable, Iterable

from .. import nodes
from ..errors import XsError

Thunk = Callable[[Any], Any]
Run = Callable[[Any], None]

HANDLERS: dict[type, Callable[["Compiler", Any], Any]] = {}
STATEMENTS = typing.get_args(nodes.Stmt)  # what a block of statements may hold


def handles(*classes: type) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated function as the compile handler of CLASSES."""

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        for cls in classes:
            if cls in HANDLERS:
                raise ValueError(f"{cls.__name__} has two compile handlers")
            HANDLERS[cls] = fn
        return fn

    return decorate


def constant(value: Any) -> Thunk:
    """A thunk that always gives VALUE (literals, member names, defaults)."""
    def constant_value(frame: Any) -> Any:
        return value
    return constant_value


def failure(exc: BaseException, span: Any) -> XsError:
    """EXC as a XanoScript error located at SPAN (unless it already knows its place)."""
    if isinstance(exc, XsError):
        return exc.at(span)
    if isinstance(exc, RecursionError):
        return XsError("standard", "program too deeply nested", span=span)
    return XsError("standard", f"internal error: {exc}", span=span)


class Compiler:
    """Turns nodes into closures; one per cell (or per function definition)."""

    def __init__(self, registry: Any, *, cell: str = "<cell>", source: str = "") -> None:
        self.registry = registry
        self.cell = cell
        self.source = source
        self.loops = 0  # enclosing loops: break/continue are legal when > 0
        self.foreach = 0  # enclosing foreach loops: foreach.remove is legal when > 0
        self.track = True  # record assigned names (off inside function bodies)
        self.assigned: list[str] = []  # variable names the cell's own statements assign

    def compile(self, node: Any) -> Any:
        handler = HANDLERS.get(type(node))
        if handler is None:
            raise XsError("syntaxerror", f"{_describe(node)} cannot appear here",
                          span=getattr(node, "span", None))
        return handler(self, node)

    expr = compile

    def assigns(self, name: str) -> None:
        if self.track and name not in self.assigned:
            self.assigned.append(name)

    def block(self, statements: Iterable[Any] | None) -> Run:
        """One ``run`` for a list of statements; disabled statements are left out."""
        runs: list[Run] = []
        spans: list[Any] = []
        for node in statements or ():
            if getattr(node, "disabled", False):
                continue
            if not isinstance(node, STATEMENTS):
                raise XsError("syntaxerror", f"{_describe(node)} cannot appear among "
                              "statements", span=getattr(node, "span", None))
            run = self.compile(node)
            if run is not None:
                runs.append(run)
                spans.append(node.span)
        return sequence(runs, spans)

    def loop_body(self, statements: Iterable[Any], *, foreach: bool = False) -> Run:
        self.loops += 1
        self.foreach += foreach
        try:
            return self.block(statements)
        finally:
            self.loops -= 1
            self.foreach -= foreach


def sequence(runs: list[Run], spans: list[Any]) -> Run:
    """Run RUNS in order; an error leaving one of them gets that statement's span."""
    if not runs:
        def run_nothing(frame: Any) -> None:
            return None
        return run_nothing
    if len(runs) == 1:
        only, span = runs[0], spans[0]

        def run_one(frame: Any) -> None:
            try:
                only(frame)
            except Exception as exc:
                raise failure(exc, span) from None
        return run_one

    def run_all(frame: Any) -> None:
        done = 0
        try:
            for run in runs:
                run(frame)
                done += 1
        except Exception as exc:
            raise failure(exc, spans[done]) from None
    return run_all


def _describe(node: Any) -> str:
    name = type(node).__name__
    if isinstance(node, nodes.Attr):
        return f"the attribute `{node.name}`"
    if isinstance(node, nodes.Block):
        return f"the block `{node.name}`"
    if isinstance(node, nodes.InputField):
        return f"the input declaration `{node.name}`"
    if isinstance(node, nodes.Construct):
        return f"the {node.kind} definition `{node.name}`"
    return f"a {name}"


def load_handlers() -> None:
    """Import every handler module once (they register themselves in HANDLERS)."""
    from . import calls, expressions, filters, program, statements  # noqa: F401
    from .. import functions  # noqa: F401
