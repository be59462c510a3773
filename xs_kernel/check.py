"""What ``xs check`` reports for one file: its syntax error, or every compile error of
every construct (function, query, task, tool, middleware, table, workflow_test,
trigger…) and of the statements outside them — one per broken statement of a stack, not
only the first of the file. Statements Xano documents that this runtime does not execute
are warnings; a file holding only pieces of a definition is reported once as a fragment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from . import nodes
from .errors import XsError
from .unsupported import is_cloud_only, message

@dataclass
class Problem:
    error: XsError
    warning: bool = False


def _not_run_here(spec: Any) -> bool:
    """True for a statement with no local version: unregistered, or registered only to
    stop with `unsupported` (``namespaces/cloud_ai``)."""
    return spec is None or getattr(spec.impl, "unsupported", False)


def _cloud_warnings(program: Any, registry: Any) -> list[Problem]:
    """A warning for each statement only Xano's servers run (see ``unsupported``)."""
    return [Problem(XsError("unsupported", message(node.name), span=node.span), warning=True)
            for node in _nodes(program)
            if isinstance(node, nodes.Statement) and is_cloud_only(node.name)
            and _not_run_here(registry.function(node.name))]


def _arity_warnings(program: Any, registry: Any) -> list[Problem]:
    """A warning for each filter given the wrong number of arguments: Xano's validator
    lets it through, and it fails only when it runs."""
    from .compiler.filters import arity_problem, filter_span

    found: list[Problem] = []
    for node in _nodes(program):
        if isinstance(node, nodes.FilterApply):
            spec = registry.filter(node.name)
            problem = spec and arity_problem(spec, len(node.args))
            if problem:
                found.append(Problem(XsError("inputerror", problem, span=filter_span(node)),
                                     warning=True))
    return found


def _nodes(root: Any) -> list[Any]:
    """Every AST node under ROOT."""
    found: list[Any] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, (list, tuple)):
            stack.extend(reversed(node))
        elif isinstance(node, nodes.Node):
            found.append(node)
            stack.extend(getattr(node, name) for name in node.__dataclass_fields__
                         if name != "span")
    return found


def check_text(text: str, name: str) -> XsError | None:
    """The first syntax or compile error of TEXT, or None when it would run."""
    errors = [p.error for p in check_all(text, name) if not p.warning]
    return errors[0] if errors else None


def check_all(text: str, name: str, registry: Any = None) -> list[Problem]:
    """Every problem of TEXT: its syntax error, or the compile error of each construct
    (function, query, task, tool, middleware, table…) and of the statements outside them.
    Statements that only Xano's cloud runs are warnings."""
    from .parsing import parse

    try:
        program = parse(text, name)
    except XsError as exc:
        return [Problem(exc)]
    except RecursionError:
        return [Problem(XsError("syntaxerror", "program too deeply nested"))]
    return check_program(program, text, name, registry)


def check_program(program: nodes.Program, text: str, name: str,
                  registry: Any = None) -> list[Problem]:
    """The compile problems of a parsed PROGRAM (see ``check_all``), in source order."""
    from .compiler import compile_cell
    from .registry import load_builtins

    stray = [i for i in program.items if type(i).__name__ in ("Attr", "Block", "InputField")]
    if stray:  # a piece cut out of a definition: one message, not one per piece
        parts = ", ".join(dict.fromkeys(f"`{i.name}`" for i in stray))
        return [Problem(XsError(
            "syntaxerror", f"this is a fragment, not a whole program: {parts} belong inside "
            "a definition", span=stray[0].span,
            hint='wrap it: function "name" { input { … } stack { … } response = … }'))]
    registry = load_builtins() if registry is None else registry
    problems: list[Problem] = []

    def add(exc: XsError) -> None:
        if not any(p.error.span == exc.span and p.error.message == exc.message
                   for p in problems):
            problems.append(Problem(exc))
    for node in program.items:
        if isinstance(node, nodes.Construct):
            for exc in _construct_problems(node, registry, name, text):
                add(exc)
    statements = [i for i in program.items if not isinstance(i, nodes.Construct)]
    try:
        compile_cell(nodes.Program(program.span, tuple(statements)), registry, cell=name,
                     source=text)
    except XsError as exc:
        add(exc)
    except RecursionError:
        add(XsError("syntaxerror", "program too deeply nested"))
    problems.extend(_cloud_warnings(program, registry))
    problems.extend(_arity_warnings(program, registry))
    problems.sort(key=lambda p: (p.error.span.line, p.error.span.column)
                  if p.error.span is not None else (0, 0))
    return problems


def _compile_construct(node: Any, registry: Any, name: str, text: str) -> None:
    """Compile a construct's body as running it would (a table: its schema)."""
    from .compiler import Compiler
    from .compiler.functions import define

    if node.kind == "table":
        from .schema import TableSchema

        TableSchema.from_construct(node)
        return
    define(Compiler(registry, cell=name, source=text), node)


def _pieces(node: Any, registry: Any, name: str, text: str) -> list[Callable[[], Any]]:
    """One compile step per input field, stack statement (nested blocks stay whole) and
    attribute expression of NODE, to find every broken piece after the first."""
    from .compiler import Compiler


    def fresh() -> Any:
        compiler = Compiler(registry, cell=name, source=text)
        compiler.track = False
        return compiler
    steps: list[Callable[[], Any]] = []
    for item in node.items:
        if isinstance(item, nodes.Block) and item.name == "input":
            steps += [lambda f=f: fresh().compile(f) for f in item.items
                      if isinstance(f, nodes.InputField)]
        elif isinstance(item, nodes.Block) and item.name == "stack":
            steps += [lambda s=s: fresh().block([s]) for s in item.items]
        elif isinstance(item, nodes.Attr) and item.name == "response":
            steps.append(lambda a=item: fresh().expr(a.value))
    return steps


def _construct_problems(node: Any, registry: Any, name: str, text: str) -> list[XsError]:
    try:
        _compile_construct(node, registry, name, text)
        return []
    except XsError as first:
        found = []
        for step in _pieces(node, registry, name, text) if node.kind != "table" else []:
            try:
                step()
            except XsError as exc:
                found.append(exc)
            except RecursionError:
                found.append(XsError("syntaxerror", "program too deeply nested"))
        return found or [first]


