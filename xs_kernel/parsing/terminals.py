"""Grammar terminals in plain words: what a syntax error says was expected or found.

Lark's exceptions are only duck-typed here (a token's ``type``), so this module needs no
lark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

_WORDS = {
    "VARIABLE": "a variable such as $name",
    "THIS": "`$$`",
    "DOTTED": "a dotted name such as db.query",
    "NAME": "a name",
    "INT": "a number",
    "NUMBER": "a number",
    "TIMESTAMP": "a timestamp",
    "STRING": "a string",
    "SQSTRING": "a string",
    "TDQ": "a text block",
    "TSQ": "a text block",
    "BACKTICK": "an expression literal",
    "TBACKTICK": "an expression literal",
    "_NL": "a new line",
    "$END": "the end of the input",
}
_EXPR_START = {
    "VARIABLE", "THIS", "NUMBER", "STRING", "SQSTRING", "TDQ", "TSQ", "BACKTICK",
    "TBACKTICK", "TIMESTAMP", "TRUE", "FALSE", "NULL", "NOW", "LSQB", "LBRACE", "LPAR",
    "MINUS", "BANG", "VBAR",
}
OPERATORS = {
    "+", "-", "*", "/", "%", "~", "..", "==", "!=", "===", "!==", "<", "<=", ">", ">=",
    "&&", "||", "??", "==?", "!=?", "<?", "<=?", ">?", ">=?", "@>", "!~", "?",
    "in", "not", "like", "ilike", "contains", "includes", "overlaps", "search", "between",
}
_STATEMENT_START = {
    "VAR", "VAR_UPDATE", "CONDITIONAL", "SWITCH", "FOREACH", "FOR", "WHILE", "TRY_CATCH",
    "PRECONDITION", "BREAK", "CONTINUE", "FOREACH_REMOVE", "DOTTED", "KEY",
}
_TARGET_START = {"DOTTED", "NAME", "STRING", "SQSTRING", "VARIABLE", "THIS", "LPAR"}


@dataclass
class Terminals:
    """Terminal name -> literal text (for keywords and punctuation) from the grammar."""

    literal: dict[str, str] = field(default_factory=dict)

    def word(self, name: str) -> str:
        if name in _WORDS:
            return _WORDS[name]
        if name in self.literal:
            return f"`{self.literal[name]}`"
        return "something else"

    def is_operator(self, name: str) -> bool:
        return self.literal.get(name) in OPERATORS


TERMINALS = Terminals()


def describe_expected(names: Iterable[str]) -> str:
    names = set(names)
    parts: list[str] = []
    if {"DOTTED", "VARIABLE", "LPAR", "STRING"} <= names and "NUMBER" not in names:
        # Right after a statement name: what it acts on.
        parts.append('a target such as "name", $var or (expression)')
        names -= _TARGET_START
    elif {"DOTTED", "NAME", "STRING"} <= names and "VARIABLE" not in names:
        parts.append("an object key such as `name:`")
        names -= {"DOTTED", "NAME", "STRING", "SQSTRING"}
    if len(names & _STATEMENT_START) >= 4:
        parts.append("a statement")
        names -= _STATEMENT_START | {"NAME", "BANG"}
    if names & _EXPR_START and len(names & _EXPR_START) >= 4:
        parts.append("an expression")
        names -= _EXPR_START
    ops = {x for x in names if TERMINALS.is_operator(x)}
    if len(ops) >= 4:
        parts.append("an operator")
        names -= ops
    if "_NL" in names:
        names.discard("_NL")
        names.discard("COMMA")
        parts.append("a new line")
    if "an expression" in parts:
        names.discard("NAME")  # bare words are accepted in a few places; do not advertise
    words = sorted({TERMINALS.word(x) for x in names} - {"something else"})
    parts.extend(words)
    if not parts:
        return "something else"
    if len(parts) > 7:
        parts = parts[:6] + ["..."]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1]


def describe_found(tok: Any) -> str:
    t = tok.type
    v = str(tok)
    if t == "$END":
        return "the end of the input"
    if t == "_NL":
        return "the end of the line"
    if t == "IFARG":  # the catch-all token of the error path: show its first piece
        m = re.match(r"[A-Za-z_0-9]+|.", v)
        v = m.group(0)
    if v.startswith("`"):
        return "a backtick (`)"
    if t in ("NAME", "DOTTED"):
        return f"`{v}`"
    if t in ("STRING", "SQSTRING"):
        return f"the string {v if len(v) < 30 else v[:27] + '...'}"
    if t in ("NUMBER", "INT"):
        return f"the number {v}"
    if t == "VARIABLE":
        return f"the variable {v}"
    return f"`{v}`" if v else TERMINALS.word(t)
