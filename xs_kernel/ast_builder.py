"""Inline callbacks that turn grammar reductions into AST nodes while the parser runs.

Owns one method per grammar rule of ``xanoscript.lark`` (called by lark's LALR parser
with the rule's children: tokens and already-built nodes) and the literal decoding
(string escapes, text blocks, numbers). Generic ``name target {...}`` items are kept as
``RawItem`` until their enclosing context is known; ``ast_context`` turns them into
statements, constructs, blocks or input fields. Must not import lark: tokens are only
duck-typed (``type``, ``line``, ``column``, ``end_line``, ``end_column``).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from . import nodes as n
from .ast_context import body_items, field_items, attr_items, program_items
from .errors import XsSyntaxError
from .source import Span


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
    return _DQ_RE.sub(_dq_sub, body) if "\\" in body else body


_SQ_RE = re.compile(r"\\(['\\])")


def unescape_sq(body: str) -> str:
    return _SQ_RE.sub(r"\1", body) if "\\" in body else body


_BT_RE = re.compile(r"\\([`\\])")


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


def _ifarg(tok: Any) -> n.Literal:
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

_BINOPS = {op.value: op for op in n.BinaryOp}
_BINOPS["~"] = n.BinaryOp.CONCAT


def _no_value(what: str, span: Span) -> XsSyntaxError:
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


def _flat(items: list) -> list:
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


def _fold(c: list) -> Any:
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


class AstBuilder:
    """Callbacks named after grammar rules; ``parse_backtick`` parses expression literals."""

    def __init__(self, parse_backtick: Callable[[str, int, int], Any]) -> None:
        self._parse_backtick = parse_backtick

    # ------------------------------------------------------------ program

    def start(self, c: list) -> n.Program:
        items = program_items(_flat(c))
        if items:
            sp = join(items[0], items[-1])
        else:
            sp = Span(1, 1, 1, 1)
        return n.Program(sp, tuple(items))

    def expr_start(self, c: list) -> Any:
        return c[0]

    def block(self, c: list) -> BlockPart:
        return BlockPart(join(c[0], c[-1]), _flat(c[1:-1]))

    def tchain(self, c: list) -> list:
        return c

    def expr_stmt(self, c: list) -> n.ExprStmt:
        return n.ExprStmt(c[0].span, c[0])

    def attr(self, c: list) -> n.Attr:
        disabled = is_tok(c[0], "BANG")
        name = c[1] if disabled else c[0]
        return n.Attr(join(c[0], c[-1]), str(name), c[-1], disabled)

    def bare_word(self, c: list) -> n.Literal:
        return n.Literal(span_of(c[0]), str(c[0]))

    # ------------------------------------------------------------ dedicated statements

    @staticmethod
    def _value_of(blk: BlockPart, what: str, span: Span) -> Any:
        for item in blk.items:
            if isinstance(item, n.Attr) and item.name == "value" and not item.disabled:
                return item.value
        raise _no_value(what, span)

    @staticmethod
    def _mock_of(blk: BlockPart) -> Any:
        for item in blk.items:
            if isinstance(item, n.Attr) and item.name == "mock" and not item.disabled:
                return item.value
        return None

    def var_decl(self, c: list) -> n.VarDecl:
        kw, var, blk = c
        sp = join(kw, blk)
        value = self._value_of(blk, "var", sp)
        return n.VarDecl(sp, str(var)[1:], value, False, self._mock_of(blk))

    def var_update(self, c: list) -> n.VarUpdate:
        kw, path, blk = c
        sp = join(kw, blk)
        value = self._value_of(blk, "var.update", sp)
        return n.VarUpdate(sp, path, value, False, self._mock_of(blk))

    def conditional(self, c: list) -> n.Conditional:
        branches, otherwise = [], None
        for part in c[1:-1]:
            if isinstance(part, n.Branch):
                branches.append(part)
            else:
                otherwise = part.body
        return n.Conditional(join(c[0], c[-1]), tuple(branches), otherwise)

    def if_branch(self, c: list) -> n.Branch:
        return n.Branch(join(c[0], c[-1]), c[1], body_items(c[-1].items))

    elseif_branch = if_branch

    def else_branch(self, c: list) -> ElsePart:
        return ElsePart(join(c[0], c[-1]), body_items(c[-1].items))

    def switch(self, c: list) -> n.Switch:
        cases: list[n.Case] = []
        default = None
        prev = None
        for part in c[2:-1]:
            after_case, prev = isinstance(prev, n.Case), part
            if is_tok(part, "BREAK"):
                if not after_case:
                    raise XsSyntaxError(
                        "`break` here does not follow a case block", span=span_of(part),
                        hint="write `break` right after the closing } of a case (...) { } block",
                    )
                cases[-1] = replace(cases[-1], has_break=True)
            elif isinstance(part, n.Case):
                cases.append(part)
            else:
                default = part.body
        return n.Switch(join(c[0], c[-1]), c[1], tuple(cases), default)

    def case_clause(self, c: list) -> n.Case:
        return n.Case(join(c[0], c[-1]), c[1], body_items(c[-1].items), False)

    def default_clause(self, c: list) -> ElsePart:
        return ElsePart(join(c[0], c[-1]), body_items(c[-1].items))

    def foreach(self, c: list) -> n.Foreach:
        each = c[2]
        return n.Foreach(join(c[0], c[-1]), c[1], each.item, each.body)

    def for_loop(self, c: list) -> n.For:
        each = c[2]
        return n.For(join(c[0], c[-1]), c[1], each.item, each.body)

    def while_loop(self, c: list) -> n.While:
        return n.While(join(c[0], c[-1]), c[1], c[2].body)

    def each(self, c: list) -> EachPart:
        item = str(c[2])[1:] if len(c) == 4 else None
        return EachPart(join(c[0], c[-1]), item, body_items(c[-1].items))

    def try_catch(self, c: list) -> n.TryCatch:
        parts = {p.kind: p for p in c[1:-1]}
        catch = parts.get("catch")
        fin = parts.get("finally")
        return n.TryCatch(
            join(c[0], c[-1]), parts["try"].body,
            catch.body if catch else None, fin.body if fin else None,
        )

    def try_part(self, c: list) -> Any:
        return _Part("try", body_items(c[1].items))

    def catch_part(self, c: list) -> Any:
        return _Part("catch", body_items(c[1].items))

    def finally_part(self, c: list) -> Any:
        return _Part("finally", body_items(c[1].items))

    def precondition(self, c: list) -> n.Precondition:
        return n.Precondition(join(c[0], c[-1]), c[1], tuple(attr_items(c[2].items)))

    def precondition_open(self, c: list) -> n.Precondition:
        return n.Precondition(join(c[0], c[-1]), c[1], ())

    def break_(self, c: list) -> n.Break:
        return n.Break(span_of(c[0]))

    def continue_(self, c: list) -> n.Continue:
        return n.Continue(span_of(c[0]))

    def foreach_remove(self, c: list) -> n.ForeachRemove:
        return n.ForeachRemove(span_of(c[0]))

    def disabled_closed(self, c: list) -> Any:
        bang, item = c
        if isinstance(item, RawItem):
            item.disabled = True
            item.span = join(bang, item)
            return item
        if not hasattr(item, "disabled"):
            raise XsSyntaxError(
                "this statement cannot be disabled with `!`", span=join(bang, item),
                hint="remove the `!` (or comment the line out with //)",
            )
        return replace(item, span=join(bang, item), disabled=True)

    disabled_open = disabled_closed

    # ------------------------------------------------------------ generic items

    def generic_closed(self, c: list) -> RawItem:
        head, blk = c
        head.block = blk
        head.span = join(head, blk)
        return head

    def generic_open(self, c: list) -> RawItem:
        head = c[0]
        for part in c[1:]:
            if isinstance(part, BlockPart):
                head.block = part
            else:
                head.alias = part
        head.span = join(head, c[-1])
        return head

    def generic_open_t(self, c: list) -> RawItem:
        return c[0]

    def ghead(self, c: list) -> RawItem:
        name_tok = c[0]
        nsp = span_of(name_tok)
        item = RawItem(span=nsp, name=str(name_tok), name_span=nsp)
        for part in c[1:]:
            if isinstance(part, Marker):
                if part.kind == "optional":
                    item.optional = part.span
                else:
                    item.suffixes.append((part.kind, part.span))
            elif isinstance(part, TargetPart):
                item.target = part
            elif isinstance(part, n.Attr):
                item.opts.append(part)
            elif isinstance(part, _Default):
                item.default = part.expr
            elif isinstance(part, _Filters):
                item.filters.extend(part.filters)
        item.span = join(name_tok, c[-1])
        return item

    ghead_t = ghead

    def gname(self, c: list) -> Any:
        return c[0]

    def type_suffix(self, c: list) -> Marker:
        kind = "?" if is_tok(c[0], "QMARK") else "[]"
        return Marker(join(c[0], c[-1]), kind)

    def target_flag(self, c: list) -> Marker:
        return Marker(span_of(c[0]), "optional")

    def gtarget(self, c: list) -> TargetPart:
        x = c[0]
        if is_tok(x, "LPAR"):
            return TargetPart(join(x, c[-1]), c[1], "paren")
        if is_tok(x, "STRING", "SQSTRING"):
            sp = span_of(x)
            return TargetPart(sp, n.Literal(sp, string_value(x)), "string")
        if is_tok(x, "NAME", "DOTTED"):
            sp = span_of(x)
            return TargetPart(sp, n.Literal(sp, str(x)), "name")
        return TargetPart(x.span, x, "path")

    def field_default(self, c: list) -> Any:
        return _Default(c[0].span, c[0])

    def opt(self, c: list) -> n.Attr:
        return n.Attr(join(c[0], c[-1]), str(c[0]), c[-1])

    def if_opt(self, c: list) -> n.Attr:
        return n.Attr(join(c[0], c[-1]), "if", c[1])

    def filters_opt(self, c: list) -> Any:
        return _Filters(join(c[0], c[-1]), [f for f in c[1:] if not isinstance(f, _Skipped)])

    def ifilter(self, c: list) -> n.InputFilter | None:
        if is_tok(c[0], "BANG"):
            return _Skipped(join(c[0], c[-1]))  # a disabled input filter is not applied
        return n.InputFilter(join(c[0], c[-1]), str(c[0]), tuple(_ifarg(a) for a in c[1:]))

    def alias(self, c: list) -> AliasPart:
        filters = tuple(
            n.FilterApply(f.span, None, f.name, f.args, f.disabled) for f in c[2:]
        )
        return AliasPart(join(c[0], c[-1]), str(c[1])[1:], filters)

    def vpath(self, c: list) -> Any:
        expr = self.variable([c[0]])
        for seg in c[1:]:
            expr = self._apply_seg(expr, seg)
        return expr

    def member_seg(self, c: list) -> SegPart:
        return SegPart(span_of(c[0]), member=str(c[0]))

    def index_seg(self, c: list) -> SegPart:
        return SegPart(join(c[0], c[-1]), index=c[1])

    def _apply_seg(self, expr: Any, seg: SegPart) -> Any:
        sp = join(expr, seg)
        if seg.member is None:
            return n.Index(sp, expr, seg.index)
        if isinstance(expr, n.Variable) and expr.name == "var" and not seg.member[0].isdigit():
            return n.Variable(sp, seg.member)
        return n.Member(sp, expr, seg.member)

    # ------------------------------------------------------------ expressions

    def binop(self, c: list) -> tuple:
        """An operator: (BinaryOp, ignore_empty, low bound of `between` or None)."""
        low = None
        words = []
        for t in c:
            if hasattr(t, "span"):
                low = t
            elif str(t) != ":":
                words.append(str(t))
        ignore = words[-1] == "?"
        if ignore:
            words.pop()
        text = " ".join(words)
        return _BINOPS[text], ignore or (len(text) > 2 and text.endswith("?")), low

    def seq_nf(self, c: list) -> Any:
        if len(c) == 1:
            return c[0]
        return _fold(c)

    seq_f = seq_nf

    def ternary(self, c: list) -> n.Ternary:
        return n.Ternary(join(c[0], c[-1]), c[0], c[1], c[2])

    def unary(self, c: list) -> Any:
        tok, operand = c
        sp = join(tok, operand)
        if tok.type == "MINUS":
            if (
                isinstance(operand, n.Literal)
                and isinstance(operand.value, (int, float))
                and not isinstance(operand.value, bool)
            ):
                return n.Literal(sp, -operand.value)
            return n.Unary(sp, n.UnaryOp.NEG, operand)
        return n.Unary(sp, n.UnaryOp.NOT, operand)

    def filtered(self, c: list) -> n.FilterApply:
        operand = None if isinstance(c[0], FilterPart) else c[0]
        start = c[0]
        expr = operand
        for f in c if operand is None else c[1:]:
            expr = n.FilterApply(join(start, f), expr, f.name, f.args, f.disabled)
        return expr

    def filter(self, c: list) -> FilterPart:
        disabled = is_tok(c[1], "BANG")
        name_tok = c[2] if disabled else c[1]
        args = tuple(c[3:] if disabled else c[2:])
        return FilterPart(join(c[0], c[-1]), str(name_tok), args, disabled)

    def member(self, c: list) -> Any:
        return self._apply_seg(c[0], SegPart(span_of(c[1]), member=str(c[1])))

    def index(self, c: list) -> n.Index:
        return n.Index(join(c[0], c[-1]), c[0], c[-2])

    def member_name(self, c: list) -> Any:
        return c[0]

    def number(self, c: list) -> n.Literal:
        v = str(c[0])
        return n.Literal(span_of(c[0]), float(v) if "." in v else int(v))

    def string(self, c: list) -> n.Literal:
        return n.Literal(span_of(c[0]), unescape_dq(str(c[0])[1:-1]))

    def sqstring(self, c: list) -> n.Literal:
        return n.Literal(span_of(c[0]), unescape_sq(str(c[0])[1:-1]))

    def text_block(self, c: list) -> n.Literal:
        return n.Literal(span_of(c[0]), dedent_block(str(c[0])[3:-3]))

    def timestamp(self, c: list) -> n.Literal:
        return n.Literal(span_of(c[0]), str(c[0]))

    def backtick(self, c: list) -> n.ExprLiteral:
        tok = c[0]
        width = 3 if tok.type == "TBACKTICK" else 1
        inner = str(tok)[width:-width]
        if width == 1 and "\\" in inner:
            inner = _BT_RE.sub(r"\1", inner)
        if not inner.strip():
            raise XsSyntaxError("an expression literal cannot be empty", span=span_of(tok))
        expr = self._parse_backtick(inner, tok.line, tok.column + width)
        return n.ExprLiteral(span_of(tok), expr)

    def const(self, c: list) -> n.Literal:
        v = str(c[0])
        return n.Literal(span_of(c[0]), True if v == "true" else False if v == "false" else None)

    def now(self, c: list) -> n.Now:
        return n.Now(span_of(c[0]))

    def variable(self, c: list) -> n.Variable:
        v = str(c[0])
        return n.Variable(span_of(c[0]), "this" if v == "$$" else v[1:])

    def object(self, c: list) -> n.ObjectLit:
        return n.ObjectLit(join(c[0], c[-1]), tuple(c[1:-1]))

    def obj_entry(self, c: list) -> n.ObjectEntry:
        disabled = is_tok(c[0], "BANG")
        key_tok = c[1] if disabled else c[0]
        return n.ObjectEntry(join(c[0], c[-1]), string_value(key_tok), c[-1], disabled)

    def obj_key(self, c: list) -> Any:
        return c[0]

    def array(self, c: list) -> n.ArrayLit:
        return n.ArrayLit(join(c[0], c[-1]), tuple(c[1:-1]))


@dataclass(slots=True)
class _Part:
    kind: str
    body: tuple


@dataclass(slots=True)
class _Default:
    span: Span
    expr: Any


@dataclass(slots=True)
class _Filters:
    span: Span
    filters: list


@dataclass(slots=True)
class _Skipped:
    span: Span
