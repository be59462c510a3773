"""The XanoScript interpreter's front door: compile a parsed cell, and the ``Runtime`` a
run needs.

Reading order: ``compiler/__init__`` (Compiler, dispatch by node class) ->
``compiler/expressions``, ``filters``, ``statements``, ``calls``, ``core``, ``program``
-> ``functions`` (user-defined functions) -> ``scope`` (frames, paths) -> ``operators``.
The session (``session.py``) parses, calls ``compile_cell`` and runs the result in a
``Frame`` whose ``rt`` is a ``Runtime``. Never imports lark, the parser, the session or the
kernel; builtins reach the session only through ``Call.session``.
"""

from __future__ import annotations

from typing import Any, Callable

from . import nodes
from .compiler import Compiler, load_handlers
from .compiler.program import CompiledCell, ConstructDef
from .compiler.signals import BreakSignal, ContinueSignal, ReturnSignal, Signal, StopSignal
from .values import to_json

__all__ = [
    "BreakSignal", "CompiledCell", "ConstructDef", "ContinueSignal", "ReturnSignal",
    "Runtime", "Signal", "StopSignal", "compile_cell", "compile_expression",
]


class Runtime:
    """What running code reaches besides its frame: the session, its services, the
    registry, defined functions, the event outlet, the call depth."""

    __slots__ = ("session", "services", "registry", "functions", "cell", "depth",
                 "max_depth", "warned", "frame", "test_name", "_outlet")

    def __init__(self, *, session: Any = None, services: Any = None, registry: Any = None,
                 functions: dict[str, Any] | None = None, cell: str = "<cell>",
                 max_depth: int = 100,
                 outlet: Callable[[str, Any, str], None] | None = None) -> None:
        self.session = session
        self.services = services
        self.registry = registry
        self.functions = {} if functions is None else functions
        self.cell = cell
        self.depth = 0
        self.max_depth = max_depth
        self.warned: set[Any] = set()
        self.frame: Any = None  # the innermost running frame (util.get_vars reads it)
        self.test_name: str | None = None  # the unit test running: selects `mock` values
        self._outlet = outlet

    def emit(self, kind: str, value: Any) -> None:
        """Send an event: text as is, any other value as compact JSON."""
        text = value if type(value) is str else to_json(value)
        if self._outlet is not None:
            self._outlet(kind, value, text)

    def warn(self, message: str, span: Any = None, cell: str | None = None) -> None:
        where = f"{cell or self.cell}:{span.line}:{span.column}: " if span is not None else ""
        if self._outlet is not None:
            self._outlet("warning", message, f"{where}warning: {message}")


def compile_cell(program: nodes.Program, registry: Any, *, cell: str = "<cell>",
                 source: str = "") -> CompiledCell:
    """Compile a parsed cell once; raises XsError for anything wrong before running."""
    load_handlers()
    return Compiler(registry, cell=cell, source=source).compile(program)


def compile_expression(expr: Any, registry: Any) -> Callable[[Any], Any]:
    """A thunk ``frame -> value`` for one expression node (for tools and tests)."""
    load_handlers()
    return Compiler(registry).expr(expr)
