"""What the language server knows about a document: its problems and its parsed items.

Each top-level chunk (see ``chunks``) is parsed and compile-checked on its own and the
result cached by the chunk's text, with spans relative to the chunk; positions are made
absolute when read. So after an edit only the edited item is read again, which keeps
diagnostics of a long file well under the time of a whole ``xs check``.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from .. import nodes
from ..errors import XsError
from ..source import Span
from .chunks import Chunk, blank_magics, split

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    span: Span  # absolute: lines of the document, 1-based columns in code points
    message: str
    severity: str = ERROR
    hint: str | None = None

    @property
    def text(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


@dataclass(frozen=True)
class ChunkResult:
    program: nodes.Program | None  # None when the chunk does not parse
    problems: tuple[Problem, ...]  # spans relative to the chunk (line 1 = its first line)


@dataclass(frozen=True)
class Placed:
    """A chunk's result where it stands in the document now."""

    offset: int  # add to a chunk-relative line to get the document line
    result: ChunkResult


def shift(span: Span, offset: int) -> Span:
    return Span(span.line + offset, span.column, span.end_line + offset, span.end_column)


class Analyser:
    """Parses and checks documents, remembering chunk results across edits."""

    def __init__(self, registry: Any, capacity: int = 4096) -> None:
        self.registry = registry
        self._cache: OrderedDict[str, ChunkResult] = OrderedDict()
        self._capacity = capacity

    def analyse(self, text: str) -> list[Placed]:
        return [Placed(chunk.line - 1, self._chunk(chunk)) for chunk in split(blank_magics(text))]

    def problems(self, text: str) -> list[Problem]:
        found: list[Problem] = []
        for chunk, placed in zip(split(blank_magics(text)), self.analyse(text)):
            if placed.result.problems:
                found.extend(self._placed_problems(chunk))
        return found

    def _placed_problems(self, chunk: Chunk) -> tuple[Problem, ...]:
        # Messages may name other positions ("opened on line 3"), so a chunk with
        # problems is read again where it stands; only failing chunks pay for this.
        if chunk.line == 1:
            return self._chunk(chunk).problems
        return self._remember(("at", chunk.line, chunk.text), lambda: check_chunk(
            "\n" * (chunk.line - 1) + chunk.text, self.registry)).problems

    def _chunk(self, chunk: Chunk) -> ChunkResult:
        return self._remember(chunk.text, lambda: check_chunk(chunk.text, self.registry))

    def _remember(self, key: Any, make: Callable[[], ChunkResult]) -> ChunkResult:
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        result = self._cache[key] = make()
        if len(self._cache) > self._capacity:
            self._cache.popitem(last=False)
        return result


def check_chunk(text: str, registry: Any) -> ChunkResult:
    """Parse and check one chunk as ``xs check`` checks a file: the same errors, and the
    same warnings for what only Xano's servers run."""
    from ..check import check_program
    from ..parsing import parse

    if not text.strip():  # blank or padding only
        return ChunkResult(nodes.Program(Span(1, 1, 1, 1), ()), ())
    try:
        program = parse(text, "<document>")
    except XsError as err:
        return ChunkResult(None, (_problem(err, text, ERROR),))
    except RecursionError:
        return ChunkResult(None, (Problem(_first_line(text), "program too deeply nested"),))
    found = check_program(program, text, "<document>", registry)
    return ChunkResult(program, tuple(
        _problem(p.error, text, WARNING if p.warning else ERROR) for p in found))


def _problem(err: XsError, text: str, severity: str) -> Problem:
    span = err.span if err.span is not None and err.span.line > 0 else _first_line(text)
    return Problem(span, err.message, severity, f"hint: {err.hint}" if err.hint else None)


def _first_line(text: str) -> Span:
    """The first line with text in it: where a problem without a position is shown."""
    lines = text.split("\n")
    number = next((i for i, line in enumerate(lines, 1) if line.strip()), 1)
    return Span(number, 1, number, max(len(lines[number - 1]), 1) + 1)


@functools.cache
def _child_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.name != "span")


def walk(node: Any) -> Iterator[Any]:
    """Every AST node below NODE (NODE included), in source order."""
    yield node
    for name in _child_fields(type(node)):
        value = getattr(node, name)
        if isinstance(value, nodes.Node):
            yield from walk(value)
        elif isinstance(value, tuple):
            for item in value:
                if isinstance(item, nodes.Node):
                    yield from walk(item)
