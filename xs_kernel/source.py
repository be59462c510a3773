"""Source positions and caret excerpts.

Owns ``Span`` (1-based line and column, end inclusive of the last character's column + 1)
and the formatting of an excerpt with a caret under the offending text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """Where a node sits in its cell: 1-based lines and columns, end column exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> "Span":
        return cls(line, column, line, column + 1)

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


UNKNOWN = Span(0, 0, 0, 0)


def excerpt(text: str, span: Span | None) -> list[str]:
    """Return the source line of SPAN and a caret line under it (empty when unknown)."""
    if span is None or span.line <= 0:
        return []
    lines = text.splitlines()
    if span.line > len(lines):
        return []
    source_line = lines[span.line - 1].replace("\t", " ")
    start = max(span.column, 1)
    if span.end_line == span.line and span.end_column > start:
        width = span.end_column - start
    else:
        width = max(len(source_line) - start + 1, 1)
    width = max(1, min(width, max(len(source_line) - start + 1, 1)))
    gutter = f"{span.line:>4} | "
    return [gutter + source_line, " " * len(gutter) + " " * (start - 1) + "^" * width]
