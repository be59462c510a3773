"""Pieces the AST builder works with: spans, intermediate parts, literal decoding and
operator precedence.

``RawItem`` and friends hold a generic item or a fragment of one until the rule that
owns it is reduced; string escapes, text-block dedenting and input-filter arguments are
decoded here; ``fold`` turns a flat ``operand op operand ...`` run into nested
``Binary`` nodes.
"""

from __future__ import annotations

import decimal
import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

from .. import nodes as n
from ..errors import XsSyntaxError
from ..source import Span

# ---------------------------------------------------------------- spans


def span_of(x: Any) -> Span:
    sp = getattr(x, "span", None)
    if sp is not None:
        return sp
    return Span(x.line, x.column, x.end_line, x.end_column)


def join(a: Any, b: Any) -> Span:
    s, e = span_of(a), span_of(b)
    return Span(s.line, s.column, e.end_line, e.end_column)


def is_tok(x: Any, *types: str) -> bool:
    return getattr(x, "type", None) in types and not hasattr(x, "span")


# ---------------------------------------------------------------- intermediate parts


@dataclass(slots=True)
class RawItem:
    """A generic ``name [target] [opts] [{ }] [as $x]`` item before its context is known."""

    span: Span
    name: str
    name_span: Span
    suffixes: list = field(default_factory=list)  # ("?" | "[]", Span)
    target: Any = None  # TargetPart
    optional: Span | None = None  # `name?` after the target
    default: Any = None
    opts: list = field(default_factory=list)  # Attr
    filters: list = field(default_factory=list)  # InputFilter
    block: Any = None  # BlockPart
    alias: Any = None  # AliasPart
    disabled: bool = False


@dataclass(slots=True)
class TargetPart:
    span: Span
    expr: Any  # Literal for strings / bare names, else an Expr
    kind: str  # "string", "name", "path", "paren"


@dataclass(slots=True)
class BlockPart:
    span: Span
    items: list


@dataclass(slots=True)
class AliasPart:
    span: Span
    name: str
    filters: tuple


@dataclass(slots=True)
class FilterPart:
    span: Span
    name: str
    args: tuple
    disabled: bool


@dataclass(slots=True)
class ElsePart:
    span: Span
    body: tuple


@dataclass(slots=True)
class EachPart:
    span: Span
    item: str | None
    body: tuple


@dataclass(slots=True)
class SegPart:
    span: Span
    member: str | None = None
    index: Any = None


@dataclass(slots=True)
class Marker:
    span: Span
    kind: str


# ---------------------------------------------------------------- literal decoding

_DQ_ESCAPES = {
    "n": "\n", "t": "\t", "r": "\r", "v": "\v", "f": "\f", "a": "\a", "b": "\b",
    "e": "\x1b", "\\": "\\", '"': '"', "'": "'", "/": "/", "$": "$", "`": "`",
}
_DQ_RE = re.compile(r"\\(x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{4}|[0-7]{1,3}|[\s\S])")


def _dq_sub(m: re.Match) -> str:
    s = m.group(1)
    if s[0] == "x" and len(s) > 1:
        return chr(int(s[1:], 16))
    if s[0] == "u" and len(s) == 5:
        return chr(int(s[1:], 16))
    if s[0] in "01234567":
        return chr(int(s, 8) & 0xFF)
    # Unknown escapes keep their backslash so regex patterns like "\d+" survive.
    return _DQ_ESCAPES.get(s, "\\" + s)


def unescape_dq(body: str) -> str:
    if "\\" not in body:
        return body
    text = _DQ_RE.sub(_dq_sub, body)
    if "\\u" in body and _SURROGATE.search(text):
        # "\ud83d\ude00" is one character, as in JSON; a lone half stays as it is
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")


_SQ_RE = re.compile(r"\\(['\\])")


def unescape_sq(body: str) -> str:
    return _SQ_RE.sub(r"\1", body) if "\\" in body else body


BT_RE = re.compile(r"\\([`\\])")


def dedent_block(body: str) -> str:
    """Body of a triple-quoted literal: drop the newline after the opening delimiter and
    the indentation line before the closing one, then remove the common indentation."""
    if body.startswith("\r\n"):
        body = body[2:]
    elif body.startswith("\n"):
        body = body[1:]
    last_nl = body.rfind("\n")
    if last_nl >= 0 and body[last_nl + 1:].strip() == "":
        body = body[:last_nl]
        if body.endswith("\r"):
            body = body[:-1]
    return textwrap.dedent(body)


MAX_DIGITS = 4000  # Python refuses to read an int of more than 4,300 digits


def check_number(tok: Any, text: str) -> None:
    """Refuse what XanoScript numbers cannot be: an exponent (``1e3``), or a literal too
    long to be a number at all, each with a plain message at the offending part."""
    exponent = re.search(r"[eE]", text)
    if exponent is not None:
        line, column = tok.line, tok.column
        written = format(decimal.Decimal(text), "f")
        raise XsSyntaxError(
            "XanoScript numbers have no exponent",
            span=Span(line, column + exponent.start(), line, column + len(text)),
            hint=f"write the number out: {written}")
    if len(text) > MAX_DIGITS:
        raise XsSyntaxError(f"this number has {len(text):,} digits; a number literal may have "
                            f"at most {MAX_DIGITS:,}", span=span_of(tok))


def ifarg(tok: Any) -> n.Literal:
    """Input-filter arguments are raw words: numbers become numbers, the rest text."""
    sp = span_of(tok)
    if tok.type in ("STRING", "SQSTRING"):
        return n.Literal(sp, string_value(tok))
    v = str(tok)
    if re.fullmatch(r"-?[0-9]+", v):
        return n.Literal(sp, int(v))
    if re.fullmatch(r"-?[0-9]+\.[0-9]+", v):
        return n.Literal(sp, float(v))
    return n.Literal(sp, v)


def string_value(tok: Any) -> str:
    t, v = tok.type, str(tok)
    if t == "STRING":
        return unescape_dq(v[1:-1])
    if t == "SQSTRING":
        return unescape_sq(v[1:-1])
    return v  # NAME / DOTTED keys and bare words


# ---------------------------------------------------------------- operators

BINOPS = {op.value: op for op in n.BinaryOp}
BINOPS["~"] = n.BinaryOp.CONCAT


def no_value(what: str, span: Span) -> XsSyntaxError:
    return XsSyntaxError(
        f"{what} needs a value: write it as {{ value = ... }}", span=span,
        hint="put `value = <expression>` inside the braces",
    )


# Binding strength, higher binds tighter; all levels are left-associative.
_PREC = {
    n.BinaryOp.MUL: 7, n.BinaryOp.DIV: 7, n.BinaryOp.MOD: 6,
    n.BinaryOp.ADD: 5, n.BinaryOp.SUB: 5, n.BinaryOp.CONCAT: 5, n.BinaryOp.RANGE: 4,
    n.BinaryOp.AND: 2, n.BinaryOp.OR: 1, n.BinaryOp.COALESCE: 0,
}
_CMP = 3  # comparisons and the db-clause operators


def flat(items: list) -> list:
    out = []
    for x in items:
        if type(x) is list:
            out.extend(x)
        else:
            out.append(x)
    return out


def _make(op: tuple, left: Any, right: Any) -> n.Binary:
    kind, ignore, low = op
    if low is not None:
        right = n.ArrayLit(join(low, right), (low, right))
    return n.Binary(join(left, right), kind, left, right, ignore)


def fold(c: list) -> Any:
    """Precedence climbing over `operand op operand op ... operand`."""
    operands = [c[0]]
    ops: list = []
    for i in range(1, len(c), 2):
        op, right = c[i], c[i + 1]
        prec = _PREC.get(op[0], _CMP)
        while ops and _PREC.get(ops[-1][0], _CMP) >= prec:
            r = operands.pop()
            operands.append(_make(ops.pop(), operands.pop(), r))
        ops.append(op)
        operands.append(right)
    while ops:
        r = operands.pop()
        operands.append(_make(ops.pop(), operands.pop(), r))
    return operands[0]


@dataclass(slots=True)
class Part:
    kind: str
    body: tuple


@dataclass(slots=True)
class DefaultPart:
    span: Span
    expr: Any


@dataclass(slots=True)
class FiltersPart:
    span: Span
    filters: list


@dataclass(slots=True)
class SkippedPart:
    span: Span


# `!int "42"` -> the conversion filter the engine applies to the written value.
_TYPED_FILTERS = {"int": "to_int", "decimal": "to_decimal", "bool": "to_bool",
                  "text": "to_text", "timestamp": "to_timestamp"}


def typed_constant(tok: Any, value: Any, parse_expr: Any) -> Any:
    """A typed constant as Xano's engine writes it (`!int "42"`, `!text "[1]"`, `!bool
    "true"`, `!json "{...}"`, `!object {...}`, `!expr "$a + 1"`): the written value read as
    that type."""
    kind, sp = str(tok)[1:], join(tok, value)
    text = value.value if isinstance(value, n.Literal) and type(value.value) is str else None
    if kind in _TYPED_FILTERS:
        return n.FilterApply(sp, value, _TYPED_FILTERS[kind], ())
    if kind == "json" and text is not None:
        return n.FilterApply(sp, value, "json_decode", ())
    if kind == "expr" and text is not None:
        if not text.strip():
            raise XsSyntaxError("an expression constant cannot be empty", span=sp)
        return n.ExprLiteral(sp, parse_expr(text, value.span.line, value.span.column + 1))
    return value  # !object {...}, !array [...], !json of a literal that is not text
