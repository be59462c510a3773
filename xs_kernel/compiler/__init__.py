"""Compile a XanoScript AST once into Python closures, then run the closures.

Reading order: ``base`` (the Compiler, the handler and core-statement tables, blocks) ->
``expressions``, ``filters``, ``targets`` -> ``statements``, ``calls`` (generic
statements: core table, then the registry), ``core`` -> ``functions`` (user functions'
compile half) -> ``program`` (a whole cell). Each node class has exactly one handler,
registered with ``@handles`` in the module that owns its family; importing this package
imports them all, so every handler is registered before anything compiles.

An expression compiles to ``thunk(frame) -> value``, a statement to ``run(frame) -> None``.
The run side (``runtime.Runtime``, ``scope.Frame``, ``functions``, ``signals``) sits below
this package and never imports it.
"""

from __future__ import annotations

from typing import Any, Callable

from .. import nodes
# Handler modules register themselves on import: this list is the whole compiler.
from . import calls, core, expressions, filters, functions, program, statements  # noqa: F401
from .base import CORE, HANDLERS, Compiler, Run, Thunk, handles
from .program import CompiledCell, ConstructDef

__all__ = ["CORE", "HANDLERS", "CompiledCell", "Compiler", "ConstructDef", "Run", "Thunk",
           "compile_cell", "compile_expression", "handles"]


def compile_cell(program: nodes.Program, registry: Any, *, cell: str = "<cell>",
                 source: str = "") -> CompiledCell:
    """Compile a parsed cell once; raises XsError for anything wrong before running."""
    return Compiler(registry, cell=cell, source=source).compile(program)


def compile_expression(expr: Any, registry: Any) -> Callable[[Any], Any]:
    """A thunk ``frame -> value`` for one expression node (for tools and tests)."""
    return Compiler(registry).expr(expr)
