"""Syntax errors that teach: lark's failures rewritten in plain words, with hints.

Owns the table from grammar terminals to plain words, the detection of the common traps
(``else if``, an operator after a filter chain, ``=`` in an object literal, ``:`` in a
statement block, unclosed blocks and strings, ``;``) and the bracket/string scanner that
also answers ``is_complete``. Lark exceptions are only duck-typed (``token``,
``expected``, ``line``, ``column``, ``char``);
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..errors import XsSyntaxError
from ..source import Span

# ---------------------------------------------------------------- words for terminals

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
_OPERATORS = {
    "+", "-", "*", "/", "%", "~", "..", "==", "!=", "===", "!==", "<", "<=", ">", ">=",
    "&&", "||", "??", "==?", "!=?", "<?", "<=?", ">?", ">=?", "@>", "!~", "?",
    "in", "not", "like", "ilike", "contains", "includes", "overlaps", "search", "between",
}
_STATEMENT_START = {
    "VAR", "VAR_UPDATE", "CONDITIONAL", "SWITCH", "FOREACH", "FOR", "WHILE", "TRY_CATCH",
    "PRECONDITION", "BREAK", "CONTINUE", "FOREACH_REMOVE", "DOTTED", "KEY",
}
_TARGET_START = {"DOTTED", "NAME", "STRING", "SQSTRING", "VARIABLE", "THIS", "LPAR"}
_CLOSERS = {"(": ")", "[": "]", "{": "}"}
_OPENERS = {v: k for k, v in _CLOSERS.items()}
BAD_TYPES = {
    "string": "text", "str": "text", "integer": "int", "number": "int or decimal",
    "boolean": "bool", "float": "decimal", "double": "decimal", "array": "a type with [] (e.g. text[])",
}


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
        return self.literal.get(name) in _OPERATORS


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


# ---------------------------------------------------------------- bracket scanner


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
        if ch in _CLOSERS:
            res.open.append((ch, line, col))
        elif ch in _OPENERS:
            if not res.open or res.open[-1][0] != _OPENERS[ch]:
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


# ---------------------------------------------------------------- hints

def _line_text(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _prefix(text: str, line: int, col: int) -> str:
    lines = text.split("\n")
    return "\n".join(lines[: line - 1] + [lines[line - 1][: col - 1]]) if line <= len(lines) else text


def _filter_operand_before(text: str, line: int, column: int) -> str | None:
    """If a filter chain at the same nesting level ends right before COLUMN, return the
    operand text (e.g. ``$arr|count``) so the hint can show the parenthesised form."""
    src = _line_text(text, line)[: column - 1]
    depth, i, has_filter = 0, len(src) - 1, False
    while i >= 0:
        ch = src[i]
        if ch in ")]}":
            depth += 1
        elif ch in "([{":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0:
            if ch == "|" and (i == 0 or src[i - 1] != "|") and src[i + 1:i + 2] != "|":
                has_filter = True
            elif ch in "=,:" and not has_filter and src[i - 1:i] not in "=!<>":
                return None
            elif ch in "=,":
                break
        i -= 1
    if not has_filter:
        return None
    operand = src[i + 1:].strip()
    # Keep only the filtered operand: drop anything before the last binary operator.
    for op in (" ~ ", " + ", " - ", " * ", " / ", " && ", " || ", " ?? ", " == ", " != ", " > ", " < "):
        k = operand.rfind(op, 0, operand.find("|"))
        if k >= 0:
            operand = operand[k + len(op):]
    return operand or None


def _hint_for_token(tok: Any, expected: set, text: str) -> tuple:
    """Return (message override, hint[, span override])."""
    t, v = tok.type, str(tok)
    line, col = getattr(tok, "line", 0), getattr(tok, "column", 0)
    before = _line_text(text, line)[: max(col - 1, 0)].rstrip()
    if v == "if" and before.endswith("else"):
        return ("`else if` is not XanoScript", "write `elseif` as one word: } elseif (cond) { ... }")
    if v in _OPENERS:
        res = scan(_prefix(text, line, col))
        if not res.open:
            return (f"`{v}` has no matching `{_OPENERS[v]}`", f"remove the `{v}` or add the missing `{_OPENERS[v]}`")
        ch, ol, oc = res.open[-1]
        if ch != _OPENERS[v]:
            return (f"`{ch}` opened on line {ol}, column {oc} is closed by `{v}`",
                    f"close it with `{_CLOSERS[ch]}`", Span.point(ol, oc))
    if t == "$END":
        res = scan(text)
        if res.open:
            ch, ol, oc = res.open[-1]
            return (f"`{ch}` opened on line {ol}, column {oc} is never closed",
                    f"add the matching `{_CLOSERS[ch]}`")
    if TERMINALS.is_operator(t) or v in _OPERATORS:
        operand = _filter_operand_before(text, line, col)
        if operand is not None:
            return (
                f"an operator cannot follow a filter chain (found `{v}` after `{operand}`)",
                f"wrap the filtered value in parentheses: `({operand}) {v} ...`",
            )
    if v == "|" and "COLON" in expected and "?" in before:
        return ("a filter cannot be used between `?` and `:` without parentheses",
                "wrap the filtered value in parentheses: `$c ? ($x|trim) : $y`")
    if t == "IFARG" and v.startswith(";"):
        return ("`;` is not used in XanoScript", "put each statement on its own line, without `;`")
    after = _line_text(text, line)[max(col - 1, 0):]
    if re.match(r"(\.[A-Za-z_]\w*)*\(", after) and re.search(r"[A-Za-z_][\w.]*$", before):
        return ("XanoScript has no function calls",
                "use a filter instead, e.g. `5|add:3` rather than `math.add(5, 3)`")
    if v == "," and re.search(r"[A-Za-z_][\w.]*\([^()]*$", before):
        return ("XanoScript has no function calls",
                "use a filter instead, e.g. `5|add:3` rather than `math.add(5, 3)`")
    if v == "=" and re.fullmatch(r"\s*\$[\w.\[\]\"']*", before):
        return (None, "assign with `var $name { value = ... }` or `var.update $name { value = ... }`")
    if v == "=" and "COLON" in expected:
        return (None, "object literals use `key: value`; `name = value` is for statement blocks")
    if v == ":" and re.search(r"(^|[{,\s])[A-Za-z_]\w*\s*$", before) and (
        "RBRACE" in expected or "_NL" in expected or "EQUAL" in expected
    ):
        name = re.search(r"[A-Za-z_]\w*\s*$", before).group(0).strip()
        return (f"`{name}:` is object-literal syntax; statement blocks write `{name} = ...`",
                "statement blocks use `name = value`; `key: value` is for object literals")
    return (None, None)


def _unclosed_string(text: str) -> XsSyntaxError | None:
    res = scan(text)
    where = res.string or res.broken_string
    if where is None:
        return None
    d, sl, sc = where
    return XsSyntaxError(
        f"the string starting with {d} on line {sl}, column {sc} is never closed",
        span=Span.point(sl, sc),
        hint=f"add the closing {d}" + (" on the same line" if len(d) == 1 and d != "`" else ""),
    )


def from_unexpected_token(e: Any, text: str) -> XsSyntaxError:
    tok = e.token
    if tok.type == "IFARG" and str(tok)[:1] in "\"'`":
        err = _unclosed_string(text)
        if err is not None:
            return err
    expected = set(getattr(e, "accepts", None) or e.expected or ())
    if tok.type == "$END" or getattr(tok, "line", None) is None:
        lines = text.split("\n")
        line = len(lines)
        span = Span.point(line, len(lines[-1]) + 1)
    else:
        span = Span(tok.line, tok.column, tok.end_line or tok.line,
                    tok.end_column or tok.column + max(len(str(tok)), 1))
    message, hint, *where = _hint_for_token(tok, expected, text)
    if where:
        span = where[0]
    if message is None:
        message = f"expected {describe_expected(expected)}, but found {describe_found(tok)}"
    if tok.type == "$END":
        res = scan(text)
        if res.open:
            ch, ol, oc = res.open[-1]
            span = Span.point(ol, oc)
    return XsSyntaxError(message, span=span, hint=hint)


def from_unexpected_characters(e: Any, text: str) -> XsSyntaxError:
    line, col = e.line, e.column
    ch = getattr(e, "char", "") or ""
    span = Span.point(line, col)
    if ch in "\"'`":
        err = _unclosed_string(text)
        if err is not None:
            return err
    if ch == ";":
        return XsSyntaxError("`;` is not used in XanoScript", span=span,
                             hint="put each statement on its own line, without `;`")
    if ch in _OPENERS:
        return XsSyntaxError(f"`{ch}` has no matching `{_OPENERS[ch]}`", span=span)
    shown = repr(ch) if ch.isspace() or not ch.isprintable() else f"`{ch}`"
    allowed = describe_expected(getattr(e, "allowed", None) or ())
    return XsSyntaxError(f"unexpected character {shown}; expected {allowed}", span=span)


def bad_type_error(type_name: str, span: Span) -> XsSyntaxError | None:
    good = BAD_TYPES.get(type_name)
    if good is None:
        return None
    return XsSyntaxError(
        f"`{type_name}` is not a XanoScript type", span=span,
        hint=f"use {good if ' ' in good else '`' + good + '`'} instead of `{type_name}`",
    )
