"""Inline callbacks that turn grammar reductions into AST nodes while the parser runs.

Owns one method per grammar rule of ``xanoscript.lark`` (called by lark's LALR parser
with the rule's children: tokens and already-built nodes). Generic ``name target {...}`` items are kept as
``RawItem`` until their enclosing context is known; ``placement`` turns them into
statements, constructs, blocks or input fields.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from .. import nodes as n
from .placement import attr_items, body_items, program_items
from .fragments import (
    check_number,
    BINOPS, BT_RE, AliasPart, BlockPart, DefaultPart, EachPart, ElsePart, FilterPart,
    FiltersPart, Marker, Part, RawItem, SegPart, SkippedPart, TargetPart, dedent_block, flat,
    fold, ifarg, typed_constant, is_tok, join, no_value, span_of, string_value, unescape_dq, unescape_sq,
)
from ..errors import XsSyntaxError
from ..source import Span


class AstBuilder:
    """Callbacks named after grammar rules; ``parse_backtick`` parses expression literals."""

    def __init__(self, parse_backtick: Callable[[str, int, int], Any]) -> None:
        self._parse_backtick = parse_backtick

    # ------------------------------------------------------------ program

    def start(self, c: list) -> n.Program:
        items = program_items(flat(c))
        if items:
            sp = join(items[0], items[-1])
        else:
            sp = Span(1, 1, 1, 1)
        return n.Program(sp, tuple(items))

    def expr_start(self, c: list) -> Any:
        return c[0]

    def block(self, c: list) -> BlockPart:
        return BlockPart(join(c[0], c[-1]), flat(c[1:-1]))

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

    def bare_words(self, c: list) -> n.Literal:
        return n.Literal(join(c[0], c[-1]), " ".join(map(str, c)))

    # ------------------------------------------------------------ dedicated statements

    @staticmethod
    def _value_of(blk: BlockPart, what: str, span: Span) -> Any:
        for item in blk.items:
            # Anything else in the block would be silently dropped: `value = 1 typo`.
            if not isinstance(item, n.Attr):
                raise XsSyntaxError(f"unexpected {_what_item(item)} in the `{what}` block",
                                    span=span_of(item),
                                    hint=f"`{what}` takes `value = …` (and `description`, "
                                         "`mock` or `disabled`); put other statements after it")
        for item in blk.items:
            if isinstance(item, n.Attr) and item.name == "value" and not item.disabled:
                return item.value
        raise no_value(what, span)

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
            elif isinstance(part, ElsePart):
                otherwise = part.body
            # else an attribute (`description = "..."`), which does not change the run
        return n.Conditional(join(c[0], c[-1]), tuple(branches), otherwise)

    def if_branch(self, c: list) -> n.Branch:
        return n.Branch(join(c[0], c[-1]), c[1], _body(c[-1]))

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
        return n.Case(join(c[0], c[-1]), c[1], _body(c[-1]), False)

    def default_clause(self, c: list) -> ElsePart:
        return ElsePart(join(c[0], c[-1]), body_items(c[-1].items))

    def foreach(self, c: list) -> n.Foreach:
        each = c[-2]  # after the loop's attributes, if any
        return n.Foreach(join(c[0], c[-1]), c[1], each.item, each.body)

    def for_loop(self, c: list) -> n.For:
        each = c[-2]
        return n.For(join(c[0], c[-1]), c[1], each.item, each.body)

    def while_loop(self, c: list) -> n.While:
        return n.While(join(c[0], c[-1]), c[1], c[-2].body)

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
        return Part("try", body_items(c[1].items))

    def catch_part(self, c: list) -> Any:
        return Part("catch", body_items(c[1].items))

    def finally_part(self, c: list) -> Any:
        return Part("finally", body_items(c[1].items))

    def precondition(self, c: list) -> n.Precondition:
        cond = c[1] if len(c) == 3 else n.Literal(span_of(c[0]), None)  # `()`: null
        return n.Precondition(join(c[0], c[-1]), cond, tuple(attr_items(c[-1].items)))

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
            elif isinstance(part, DefaultPart):
                item.default = part.expr
            elif isinstance(part, FiltersPart):
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
        value = c[0]
        if is_tok(value, "NAME"):  # a bare word is the text it spells
            value = n.Literal(span_of(value), str(value))
        return DefaultPart(value.span, value)

    def opt(self, c: list) -> n.Attr:
        return n.Attr(join(c[0], c[-1]), str(c[0]), c[-1])

    def if_opt(self, c: list) -> n.Attr:
        return n.Attr(join(c[0], c[-1]), "if", c[1])

    def filters_opt(self, c: list) -> Any:
        return FiltersPart(join(c[0], c[-1]), [f for f in c[1:] if not isinstance(f, SkippedPart)])

    def ifilter(self, c: list) -> n.InputFilter | None:
        if is_tok(c[0], "BANG") or is_tok(c[0], "AT"):
            # `@:dbo=36` records which datasource a link field points into: nothing to check
            return SkippedPart(join(c[0], c[-1]))  # a disabled input filter is not applied
        return n.InputFilter(join(c[0], c[-1]), str(c[0]), tuple(ifarg(a) for a in c[1:]))

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
        return BINOPS[text], ignore or (len(text) > 2 and text.endswith("?")), low

    def seq_nf(self, c: list) -> Any:
        if len(c) == 1:
            return c[0]
        return fold(c)

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
        check_number(c[0], v)
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
            inner = BT_RE.sub(r"\1", inner)
        if not inner.strip():
            raise XsSyntaxError("an expression literal cannot be empty", span=span_of(tok))
        expr = self._parse_backtick(inner, tok.line, tok.column + width)
        return n.ExprLiteral(span_of(tok), expr)

    def typed_const(self, c: list) -> Any:
        return typed_constant(c[0], c[1], self._parse_backtick)

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
        if is_tok(key_tok, "VARIABLE"):  # `{$k: v}`: the key is the variable's value
            return n.ObjectEntry(join(c[0], c[-1]), str(key_tok), c[-1], disabled,
                                 self.variable([key_tok]))
        return n.ObjectEntry(join(c[0], c[-1]), string_value(key_tok), c[-1], disabled)

    def obj_key(self, c: list) -> Any:
        return c[0]

    def array(self, c: list) -> n.ArrayLit:
        return n.ArrayLit(join(c[0], c[-1]), tuple(c[1:-1]))


def _body(last: Any) -> tuple:
    """The statements of a branch's block; a branch written without one (`elseif (c)`,
    `case (1) break`) has none: it runs as a no-op."""
    return body_items(last.items) if isinstance(last, BlockPart) else ()


def _what_item(item: Any) -> str:
    name = getattr(item, "name", None)
    return f"`{name}`" if isinstance(name, str) and name else "statement"
