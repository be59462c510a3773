"""Hints for the known traps, as a table of rules (lark's ``match_examples`` is the model:
each trap is one small entry, not a branch of one long function).

A rule looks at the token the parser could not take, in its context (``Where``), and
returns a ``Hint`` (a message replacing "expected …, found …", a hint line, a span) or
None; the first rule that answers wins, in table order. Adding a trap is one decorated
function here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from ..source import Span
from .scanner import CLOSERS, OPENERS, scan
from .terminals import OPERATORS, TERMINALS


@dataclass(frozen=True)
class Where:
    """The unexpected token and what surrounds it."""

    type: str  # the terminal's name
    value: str  # its text
    line: int
    column: int
    before: str  # its line up to the token, right-stripped
    after: str  # its line from the token on
    expected: frozenset[str]  # terminals the parser would have taken
    text: str  # the whole input


@dataclass(frozen=True)
class Hint:
    message: str | None = None  # None: keep "expected …, but found …"
    hint: str | None = None
    span: Span | None = None  # None: the token's own span


NO_HINT = Hint()
RULES: list[Callable[[Where], Hint | None]] = []


def rule(fn: Callable[[Where], Hint | None]) -> Callable[[Where], Hint | None]:
    """Add FN to the table (after those above it)."""
    RULES.append(fn)
    return fn


def hint_for(tok: Any, expected: set, text: str) -> Hint:
    line, column = getattr(tok, "line", 0) or 0, getattr(tok, "column", 0) or 0
    source_line = line_text(text, line)
    where = Where(tok.type, str(tok), line, column, source_line[: max(column - 1, 0)].rstrip(),
                  source_line[max(column - 1, 0):], frozenset(expected), text)
    for check in RULES:
        found = check(where)
        if found is not None:
            return found
    return NO_HINT


# ---------------------------------------------------------------- the traps, in order

NO_CALLS = Hint("XanoScript has no function calls",
                "use a filter instead, e.g. `5|add:3` rather than `math.add(5, 3)`")


@rule
def else_if(w: Where) -> Hint | None:
    if w.value == "if" and w.before.endswith("else"):
        return Hint("`else if` is not XanoScript",
                    "write `elseif` as one word: } elseif (cond) { ... }")
    return None


@rule
def mismatched_closer(w: Where) -> Hint | None:
    if w.value not in OPENERS:
        return None
    res = scan(prefix(w.text, w.line, w.column))
    if not res.open:
        return Hint(f"`{w.value}` has no matching `{OPENERS[w.value]}`",
                    f"remove the `{w.value}` or add the missing `{OPENERS[w.value]}`")
    ch, line, column = res.open[-1]
    if ch != OPENERS[w.value]:
        return Hint(f"`{ch}` opened on line {line}, column {column} is closed by `{w.value}`",
                    f"close it with `{CLOSERS[ch]}`", Span.point(line, column))
    return None


@rule
def never_closed(w: Where) -> Hint | None:
    if w.type != "$END":
        return None
    res = scan(w.text)
    if not res.open:
        return None
    ch, line, column = res.open[-1]
    return Hint(f"`{ch}` opened on line {line}, column {column} is never closed",
                f"add the matching `{CLOSERS[ch]}`")


@rule
def operator_after_filter_chain(w: Where) -> Hint | None:
    if not (TERMINALS.is_operator(w.type) or w.value in OPERATORS):
        return None
    operand = filter_operand_before(w.text, w.line, w.column)
    if operand is None:
        return None
    return Hint(f"an operator cannot follow a filter chain (found `{w.value}` after `{operand}`)",
                f"wrap the filtered value in parentheses: `({operand}) {w.value} ...`")


@rule
def filter_inside_ternary(w: Where) -> Hint | None:
    if w.value == "|" and "COLON" in w.expected and "?" in w.before:
        return Hint("a filter cannot be used between `?` and `:` without parentheses",
                    "wrap the filtered value in parentheses: `$c ? ($x|trim) : $y`")
    return None


@rule
def semicolon(w: Where) -> Hint | None:
    if w.type == "IFARG" and w.value.startswith(";"):
        return Hint("`;` is not used in XanoScript",
                    "put each statement on its own line, without `;`")
    return None


@rule
def function_call(w: Where) -> Hint | None:
    if re.match(r"(\.[A-Za-z_]\w*)*\(", w.after) and re.search(r"[A-Za-z_][\w.]*$", w.before):
        return NO_CALLS
    if w.value == "," and re.search(r"[A-Za-z_][\w.]*\([^()]*$", w.before):
        return NO_CALLS
    return None


@rule
def assignment_to_a_variable(w: Where) -> Hint | None:
    if w.value == "=" and re.fullmatch(r"\s*\$[\w.\[\]\"']*", w.before):
        return Hint(None, "assign with `var $name { value = ... }` or "
                          "`var.update $name { value = ... }`")
    return None


@rule
def equals_in_an_object(w: Where) -> Hint | None:
    if w.value == "=" and "COLON" in w.expected:
        return Hint(None, "object literals use `key: value`; `name = value` is for statement "
                          "blocks")
    return None


@rule
def colon_in_a_block(w: Where) -> Hint | None:
    if w.value != ":" or not re.search(r"(^|[{,\s])[A-Za-z_]\w*\s*$", w.before):
        return None
    if not w.expected & {"RBRACE", "_NL", "EQUAL"}:
        return None
    name = re.search(r"[A-Za-z_]\w*\s*$", w.before).group(0).strip()
    return Hint(f"`{name}:` is object-literal syntax; statement blocks write `{name} = ...`",
                "statement blocks use `name = value`; `key: value` is for object literals")


# ---------------------------------------------------------------- reading the text

def line_text(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line - 1] if 0 < line <= len(lines) else ""


def prefix(text: str, line: int, col: int) -> str:
    lines = text.split("\n")
    return "\n".join(lines[: line - 1] + [lines[line - 1][: col - 1]]) if line <= len(lines) else text


def filter_operand_before(text: str, line: int, column: int) -> str | None:
    """If a filter chain at the same nesting level ends right before COLUMN, return the
    operand text (e.g. ``$arr|count``) so the hint can show the parenthesised form."""
    src = line_text(text, line)[: column - 1]
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
