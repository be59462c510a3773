"""The bracket and string scanner: what is still open at a point of the text.

It answers ``is_complete`` for consoles, finds the bracket an unclosed block opened with,
and the string that never closes, without the parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CLOSERS = {"(": ")", "[": "]", "{": "}"}
OPENERS = {v: k for k, v in CLOSERS.items()}



@dataclass
class Scan:
    open: list = field(default_factory=list)  # (char, line, column) still open at the end
    unmatched: tuple | None = None  # (char, line, column) of a stray closer
    string: tuple | None = None  # (delimiter, line, column) of an unclosed string
    broken_string: tuple | None = None  # single-line string cut by a newline


def scan(text: str) -> Scan:
    """Track brackets, strings and comments the way the lexer does."""
    res = Scan()
    i, line, col, size = 0, 1, 1, len(text)
    while i < size:
        ch = text[i]
        if ch == "\n":
            i, line, col = i + 1, line + 1, 1
            continue
        if ch == "#" or text.startswith("//", i):
            j = text.find("\n", i)
            j = size if j < 0 else j
            col += j - i
            i = j
            continue
        if ch in "\"'`":
            delim = text[i:i + 3] if text[i:i + 3] in ('"""', "'''", "```") else ch
            start = (delim, line, col)
            i, line, col, closed = _skip_string(text, i, line, col, delim)
            if closed is None:
                res.string = start
                return res
            if closed is False and res.broken_string is None:
                res.broken_string = start
            continue
        if ch in CLOSERS:
            res.open.append((ch, line, col))
        elif ch in OPENERS:
            if not res.open or res.open[-1][0] != OPENERS[ch]:
                if res.unmatched is None:
                    res.unmatched = (ch, line, col)
            else:
                res.open.pop()
        i, col = i + 1, col + 1
    return res


def _skip_string(text: str, i: int, line: int, col: int, delim: str):
    """Return (index, line, col, closed) after the string; closed None = ran off the end,
    False = a one-line string cut by a newline."""
    size, width = len(text), len(delim)
    i, col = i + width, col + width
    while i < size:
        if text.startswith(delim, i):
            return i + width, line, col + width, True
        ch = text[i]
        if ch == "\\" and delim != "'''" and delim != '"""':
            i, col = i + 2, col + 2
            continue
        if ch == "\n":
            if width == 1 and delim != "`":
                return i, line, col, False
            i, line, col = i + 1, line + 1, 1
            continue
        i, col = i + 1, col + 1
    return i, line, col, None


def completeness(code: str) -> tuple[str, str]:
    res = scan(code)
    if res.unmatched is not None or res.broken_string is not None:
        return ("invalid", "")
    if res.string is not None or res.open:
        last = code.rstrip("\n").split("\n")[-1] if code.strip() else ""
        indent = last[: len(last) - len(last.lstrip())]
        return ("incomplete", indent + "  " if res.open and code.rstrip().endswith(("{", "[", "(")) else indent)
    return ("complete", "")
