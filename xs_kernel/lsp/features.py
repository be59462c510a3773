"""Completion, hover, symbols and definitions over a document's text, free of pygls.

Positions here are (line, column) pairs, 0-based, in code points; ``server`` converts the
client's UTF-16 positions. Completion and hover are the kernel's own (``completion``):
the same matches and the same help texts as Tab and shift-Tab in a notebook, with the
document's declared variables and ``input`` fields standing in for a live session.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from .. import nodes
from ..completion import complete, inspect
from ..source import Span
from .analysis import Analyser, Placed, shift, walk
from .chunks import split

_DECLARED = re.compile(r"\b(?:var|as)\s+\$([A-Za-z_]\w*)")
_FUNCTION_CALL = re.compile(r'\bfunction\.(?:run|call)\s+(["\'])((?:(?!\1)[^\\\n]|\\.)*)\1')
_VARIABLE = re.compile(r"\$[A-Za-z_]\w*")


@dataclass(frozen=True)
class Symbol:
    name: str
    kind: str  # a construct kind ("function", "query", "table", ...) or "variable"
    span: Span  # absolute
    children: tuple["Symbol", ...] = ()


@dataclass(frozen=True)
class Location:
    path: Path | None  # None: this document
    span: Span


def offset(text: str, line: int, column: int) -> int:
    """The string index of a 0-based (line, column) position, clamped to the text."""
    index = 0
    for _ in range(line):
        newline = text.find("\n", index)
        if newline < 0:
            return len(text)
        index = newline + 1
    end = text.find("\n", index)
    return min(index + column, len(text) if end < 0 else end)


def completions(text: str, line: int, column: int, analyser: Analyser) -> dict[str, Any]:
    """The kernel's ``complete_reply`` content at the position (``cursor_start`` and
    ``cursor_end`` are indices into TEXT)."""
    start, chunk, cursor = _local(text, line, column)
    reply = complete(chunk, cursor, analyser.registry, scope(text, analyser))
    reply["cursor_start"] += start
    reply["cursor_end"] += start
    for match in reply["metadata"]["_jupyter_types_experimental"]:
        match["start"] += start
        match["end"] += start
    return reply


def hover(text: str, line: int, column: int, analyser: Analyser) -> str | None:
    """Shift-Tab help for the word at the position, or None."""
    _, chunk, cursor = _local(text, line, column)
    reply = inspect(chunk, cursor, analyser.registry, {})
    return reply["data"]["text/plain"] if reply["found"] else None


def _local(text: str, line: int, column: int) -> tuple[int, str, int]:
    """The top-level item around the position: its start index in TEXT, its text and
    the cursor inside it. Completion context is lexical and never crosses an item, so
    reading only this item keeps a request's cost independent of the file's length."""
    around = next((c for c in reversed(split(text)) if c.line - 1 <= line), None)
    if around is None:
        return 0, text, offset(text, line, column)
    return around.start, around.text, offset(around.text, line - (around.line - 1), column)


def scope(text: str, analyser: Analyser) -> dict[str, Any]:
    """Variables a completion may offer: those the document declares, and ``$input``
    with the fields of every construct's ``input`` block."""
    variables: dict[str, Any] = {name: None for name in _DECLARED.findall(text)}
    variables["input"] = {field.name: None for construct in _constructs(text, analyser)
                          for field in _input_fields(construct)}
    return variables


def _constructs(text: str, analyser: Analyser) -> Iterator[nodes.Construct]:
    for placed in analyser.analyse(text):
        program = placed.result.program
        for item in program.items if program is not None else ():
            if isinstance(item, nodes.Construct):
                yield item


def _input_fields(construct: nodes.Construct) -> Iterator[nodes.InputField]:
    block = construct.block("input")
    for item in block.items if block is not None else ():
        if isinstance(item, nodes.InputField):
            yield item


def symbols(text: str, analyser: Analyser) -> list[Symbol]:
    """Constructs (with the variables they declare) and top-level variables."""
    found: list[Symbol] = []
    for placed in analyser.analyse(text):
        program = placed.result.program
        for item in program.items if program is not None else ():
            if isinstance(item, nodes.Construct):
                found.append(Symbol(item.name, item.kind, shift(item.span, placed.offset),
                                    tuple(_variables(item, placed))))
            elif isinstance(item, nodes.VarDecl):
                found.append(Symbol("$" + item.name, "variable", shift(item.span, placed.offset)))
    return found


def _variables(construct: nodes.Construct, placed: Placed) -> Iterator[Symbol]:
    seen: set[str] = set()
    for node in walk(construct):
        if isinstance(node, nodes.VarDecl) and node.name not in seen:
            seen.add(node.name)
            yield Symbol("$" + node.name, "variable", shift(node.span, placed.offset))


def definition(text: str, line: int, column: int, analyser: Analyser,
               folder: Path | None = None) -> Location | None:
    """Where the function named by ``function.run "name"`` or the ``$variable`` under
    the position is defined: in this document first, then in FOLDER's ``.xs`` files."""
    line_text = text.split("\n")[line] if line < len(text.split("\n")) else ""
    for match in _FUNCTION_CALL.finditer(line_text):
        if match.start() <= column <= match.end():
            return _function(match.group(2), text, analyser, folder)
    for match in _VARIABLE.finditer(line_text):
        if match.start() <= column <= match.end():
            return _variable(match.group(0)[1:], text)
    return None


def _function(name: str, text: str, analyser: Analyser, folder: Path | None) -> Location | None:
    for symbol in symbols(text, analyser):
        if symbol.kind == "function" and symbol.name == name:
            return Location(None, symbol.span)
    return _function_in_folder(name, folder) if folder is not None else None


def _function_in_folder(name: str, folder: Path) -> Location | None:
    # A whole workspace is not parsed for one jump: a header search finds the file,
    # as an exported workspace keeps one construct per file.
    header = re.compile(r'^[ \t]*function[ \t]+(["\'])' + re.escape(name) + r"\1", re.M)
    for path in _xs_files(folder):
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        match = header.search(source)
        if match:
            line = source.count("\n", 0, match.start()) + 1
            column = match.start() - (source.rfind("\n", 0, match.start()) + 1) + 1
            return Location(path, Span(line, column, line, column + len(match.group(0).strip())))
    return None


def _xs_files(folder: Path, limit: int = 5000) -> Iterable[Path]:
    for count, path in enumerate(sorted(folder.rglob("*.xs"))):
        if count >= limit or any(part.startswith(".") for part in path.parts[len(folder.parts):]):
            continue
        yield path


def _variable(name: str, text: str) -> Location | None:
    match = re.search(r"\b(?:var|as)\s+(\$" + re.escape(name) + r")\b", text)
    if match is None:
        return None
    start = match.start(1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Location(None, Span(line, column, line, column + len(name) + 1))
