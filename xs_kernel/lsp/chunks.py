"""Split a document into top-level items, so an edit re-reads only the item it touched.

A XanoScript file is a sequence of top-level items (constructs, statements). The grammar
treats a newline as a separator only when the next line starts like a new item; this
scanner applies the same rule at bracket depth zero, skipping strings and comments, so
each chunk parses on its own exactly as it would inside the whole file. The language
server caches its analysis by chunk text: an edit in one function leaves the others
untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Strings (all quote forms, unterminated ones run to the end of their line or the text),
# comments, brackets and newlines: everything that changes depth or hides brackets.
_TOKEN = re.compile(
    r'"""[\s\S]*?(?:"""|\Z)|\'\'\'[\s\S]*?(?:\'\'\'|\Z)|```[\s\S]*?(?:```|\Z)'
    r'|"(?:[^"\\\n]|\\.)*"?|\'(?:[^\'\\\n]|\\.)*\'?|`(?:[^`\\]|\\[\s\S])*`?'
    r"|(?://|#)[^\n]*|[{}\[\]()]|\n"
)
# What a new item starts with (the grammar's _NL lookahead, without the `-1` form,
# which could as well continue an expression).
_ITEM_START = re.compile(r"[ \t\f\r]*(?:[A-Za-z_$\"'`(\[{0-9]|!(?![=~]))")
_OPENERS, _CLOSERS = "{[(", "}])"


@dataclass(frozen=True)
class Chunk:
    line: int  # 1-based line of the chunk's first character in the document
    start: int  # index of that character in the document
    text: str


_MAGIC = re.compile(r"[ \t]*%%?[A-Za-z_]")


def blank_magics(text: str) -> str:
    """TEXT with its ``%magic`` lines (and a JSON argument they leave open) turned into
    spaces: a notebook's cells reach the server joined, magics included, and a magic is
    the kernel's business, not XanoScript. Lengths are kept, so positions hold."""
    from ..magics.dispatch import bracket_depth

    lines = text.split("\n")
    depth = 0
    for number, line in enumerate(lines):
        if depth > 0 or _MAGIC.match(line):
            depth = max(depth, 0) + bracket_depth(line)
            lines[number] = " " * len(line)
    return "\n".join(lines)


def split(text: str) -> list[Chunk]:
    """The document's top-level items, in order, covering every line of TEXT."""
    starts = [0]
    depth = 0
    for token in _TOKEN.finditer(text):
        kind = token.group(0)
        if kind == "\n":
            if depth == 0 and _ITEM_START.match(text, token.end()):
                starts.append(token.end())
        elif kind in _OPENERS:
            depth += 1
        elif kind in _CLOSERS:
            depth = max(depth - 1, 0)
    chunks: list[Chunk] = []
    line = 1
    for begin, end in zip(starts, [*starts[1:], len(text)]):
        piece = text[begin:end]
        chunks.append(Chunk(line, begin, piece))
        line += piece.count("\n")
    return chunks
