"""The compiler's machinery: the ``Compiler`` (what compiling a cell or a definition
carries), the handler table every node class registers in with ``@handles``, the table of
core statements (``@core_statement``), and ``sequence``, which runs a block and pins an
error on the statement that raised it. The handler modules import this; the package's
``__init__`` imports them all, so importing ``xs_kernel.compiler`` registers every handler.
"""

from __future__ import annotations

import typing
from typing import Any, Callable, Iterable

from .. import memory, nodes
from ..errors import XsError

Thunk = Callable[[Any], Any]
Run = Callable[[Any], None]

HANDLERS: dict[type, Callable[["Compiler", Any], Any]] = {}
CORE: dict[str, Callable[["Compiler", Any], Callable[[Any], None]]] = {}
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


def core_statement(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated compile handler for the core statement NAME: a statement
    written ``name { … }`` that the compiler runs itself (``return``, ``function.run``…),
    looked up before the registry's builtins."""

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        if name in CORE:
            raise ValueError(f"core statement {name} has two compile handlers")
        CORE[name] = fn
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
    if isinstance(exc, MemoryError):
        return memory.exceeded().at(span)
    return XsError("standard", f"internal error ({type(exc).__name__}): this is a bug in "
                   "xs_kernel, not in your program; please report it", span=span)


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
