"""Syntax errors that teach: lark's failures rewritten in plain words, with hints.

The words for terminals are in ``terminals``, the traps (``else if``, an operator after a
filter chain, ``=`` in an object literal, ``:`` in a statement block, ``;``…) in the rule
table of ``hints``, and what is left open in ``scanner``; this module puts them together.
Lark exceptions are only duck-typed (``token``, ``expected``, ``line``, ``column``,
``char``).
"""

from __future__ import annotations

from typing import Any

from ..errors import XsSyntaxError
from ..source import Span
from .hints import hint_for
from .scanner import OPENERS, scan
from .terminals import describe_expected, describe_found

BAD_TYPES = {
    "string": "text", "str": "text", "integer": "int", "number": "int or decimal",
    "boolean": "bool", "float": "decimal", "double": "decimal", "array": "a type with [] (e.g. text[])",
}


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
    found = hint_for(tok, expected, text)
    message, hint = found.message, found.hint
    if found.span is not None:
        span = found.span
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
    if ch in OPENERS:
        return XsSyntaxError(f"`{ch}` has no matching `{OPENERS[ch]}`", span=span)
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
