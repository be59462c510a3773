"""The XanoScript AST: small frozen dataclasses, each with the ``span`` it came from.

No behaviour lives here and nothing here imports lark or the interpreter. The parser
builds these nodes; the interpreter compiles them. Every node's first field is ``span``.

Shape of a cell: a ``Program`` holds top-level items, each a statement (``Stmt``) or a
construct (``Construct``: ``function``, ``query``, ``table``, ...). Statements with their
own syntax (``conditional``, loops, ``try_catch``, ``var``...) have their own node; every
other ``name.dotted [target] [{ ... }] [as $x]`` statement is a generic ``Statement``
whose behaviour the interpreter finds by name (core table, then the registry).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, Union

from .source import Span


class BinaryOp(enum.Enum):
    MUL = "*"
    DIV = "/"
    MOD = "%"
    ADD = "+"
    SUB = "-"
    CONCAT = "~"
    RANGE = ".."
    EQ = "=="
    NE = "!="
    SEQ = "==="
    SNE = "!=="
    LT = "<"
    LE = "<="
    GT = ">"
    GE = ">="
    AND = "&&"
    OR = "||"
    COALESCE = "??"
    # Only meaningful inside db where/join clauses.
    EQ_IGNORE_NULL = "==?"
    NE_IGNORE_NULL = "!=?"
    LT_IGNORE_NULL = "<?"
    LE_IGNORE_NULL = "<=?"
    GT_IGNORE_NULL = ">?"
    GE_IGNORE_NULL = ">=?"
    IN = "in"
    NOT_IN = "not in"
    LIKE = "like"
    NOT_LIKE = "not like"
    ILIKE = "ilike"
    NOT_ILIKE = "not ilike"
    BETWEEN = "between"  # right side is an ArrayLit of [low, high]
    NOT_BETWEEN = "not between"
    CONTAINS = "contains"
    NOT_CONTAINS = "not contains"
    INCLUDES = "includes"
    NOT_INCLUDES = "not includes"
    OVERLAPS = "overlaps"
    NOT_OVERLAPS = "not overlaps"
    JSON_CONTAINS = "@>"
    REGEX = "~ (regex)"  # `~` inside a where clause
    NOT_REGEX = "!~"
    SEARCH = "search"


class UnaryOp(enum.Enum):
    NOT = "!"
    NEG = "-"


@dataclass(frozen=True, slots=True)
class Node:
    span: Span


# ---------------------------------------------------------------- expressions


@dataclass(frozen=True, slots=True)
class Literal(Node):
    """null, true, false, an int, a decimal (float) or text."""

    value: Any


@dataclass(frozen=True, slots=True)
class Now(Node):
    """The keyword ``now``: the current time in epoch milliseconds."""


@dataclass(frozen=True, slots=True)
class Variable(Node):
    """``$name``. ``$var.x`` is parsed as ``Variable("x")``. Roots keep their name:
    ``input``, ``env``, ``auth``, ``db``, ``error``, ``this`` (also for ``$$``), ``index``,
    ``result``, ``parent``, ``response``, ``output``."""

    name: str


@dataclass(frozen=True, slots=True)
class Member(Node):
    """``obj.name`` (also ``.0``, kept as the text "0", and ``$env.$remote_ip`` as "$remote_ip")."""

    obj: "Expr"
    name: str


@dataclass(frozen=True, slots=True)
class Index(Node):
    """``obj[expr]``; a negative int index counts from the end."""

    obj: "Expr"
    index: "Expr"


@dataclass(frozen=True, slots=True)
class ObjectEntry(Node):
    key: str  # dotted keys are kept whole: "post.title"
    value: "Expr"
    disabled: bool = False
    key_expr: "Expr | None" = None  # `{$k: v}`: the key is this expression's value


@dataclass(frozen=True, slots=True)
class ObjectLit(Node):
    entries: tuple[ObjectEntry, ...]


@dataclass(frozen=True, slots=True)
class ArrayLit(Node):
    items: tuple["Expr", ...]


@dataclass(frozen=True, slots=True)
class Unary(Node):
    op: UnaryOp
    operand: "Expr"


@dataclass(frozen=True, slots=True)
class Binary(Node):
    """``left op right``. ``ignore_empty`` is set when the operator was written with a
    trailing ``?`` (``==?``, ``includes?``...): a db clause skips the condition when the
    right value is empty."""

    op: BinaryOp
    left: "Expr"
    right: "Expr"
    ignore_empty: bool = False


@dataclass(frozen=True, slots=True)
class Ternary(Node):
    cond: "Expr"
    then: "Expr"
    otherwise: "Expr"


@dataclass(frozen=True, slots=True)
class FilterApply(Node):
    """``operand|name:arg:arg``. ``operand`` is None for a standalone ``(|uuid)``.
    A ``|!name`` filter is kept with ``disabled=True`` (the interpreter skips it)."""

    operand: "Expr | None"
    name: str
    args: tuple["Expr", ...]
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class ExprLiteral(Node):
    """A backtick or triple-backtick expression literal, already parsed."""

    expr: "Expr"


Expr = Union[
    Literal, Now, Variable, Member, Index, ObjectLit, ArrayLit, Unary, Binary, Ternary,
    FilterApply, ExprLiteral,
]


# ---------------------------------------------------------------- statement parts


@dataclass(frozen=True, slots=True)
class Attr(Node):
    """``name = value`` inside a statement or construct block, or a header option
    (``verb=GET``). ``disabled`` when written ``!name = value``."""

    name: str
    value: "Expr"
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class Block(Node):
    """A named nested block: ``stack { ... }``, ``schema { ... }``, ``mock { ... }``...
    ``items`` holds statements (for stack-like blocks), ``Attr``s, ``InputField``s or
    further ``Block``s, in source order."""

    name: str
    items: tuple["Item", ...]


@dataclass(frozen=True, slots=True)
class InputField(Node):
    """One declaration in ``input { }`` or ``schema { }``:
    ``text? name?="x" filters=trim|min:3 { description = "..." }``."""

    type: str  # text, int, decimal, bool, object, enum, json, timestamp, ...
    name: str
    nullable: bool = False  # written ``type?``
    optional: bool = False  # written ``name?``
    is_array: bool = False  # written ``type[]``
    default: "Expr | None" = None
    filters: tuple["InputFilter", ...] = ()
    items: tuple["Item", ...] = ()  # the optional { ... } block: Attrs, schema Block
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class InputFilter(Node):
    name: str
    args: tuple["Expr", ...] = ()


# ---------------------------------------------------------------- statements


@dataclass(frozen=True, slots=True)
class Statement(Node):
    """Any ``name.dotted [target] [{ ... }] [as $alias[|filters]]`` statement without
    syntax of its own (``redis.set``, ``debug.log``, ``throw``, ``return``, ``group``,
    ``math.add $n``, ``array.filter ($a) if (...)``, ``function.run "f"``...).
    ``target`` is a Literal for a string or bare identifier, a Variable/Member/Index path,
    or any parenthesised expression. ``items`` holds Attrs and nested Blocks; a header
    option such as ``verb=GET`` or an ``if (cond)`` clause becomes an Attr too (``if``)."""

    name: str
    target: "Expr | None" = None
    items: tuple["Item", ...] = ()
    alias: str | None = None
    alias_filters: tuple[FilterApply, ...] = ()  # operand None: applied to the result
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class VarDecl(Node):
    """``var $name { value = e }``. ``mock`` is the block's ``mock = {...}`` attribute
    (test name -> value used instead of ``value`` while that test runs)."""

    name: str
    value: "Expr"
    disabled: bool = False
    mock: "Expr | None" = None


@dataclass(frozen=True, slots=True)
class VarUpdate(Node):
    """``var.update $path { value = e }``; ``target`` is a Variable/Member/Index path.
    ``mock`` as for ``VarDecl``."""

    target: "Expr"
    value: "Expr"
    disabled: bool = False
    mock: "Expr | None" = None


@dataclass(frozen=True, slots=True)
class Branch(Node):
    cond: "Expr"
    body: tuple["Stmt", ...]


@dataclass(frozen=True, slots=True)
class Conditional(Node):
    branches: tuple[Branch, ...]  # the if, then each elseif
    otherwise: tuple["Stmt", ...] | None = None
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class Case(Node):
    value: "Expr"
    body: tuple["Stmt", ...]
    has_break: bool = True


@dataclass(frozen=True, slots=True)
class Switch(Node):
    subject: "Expr"
    cases: tuple[Case, ...]
    default: tuple["Stmt", ...] | None = None
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class Foreach(Node):
    """``foreach (e) { each as $item { ... } }``; ``item`` is None for ``each { }``."""

    iterable: "Expr"
    item: str | None
    body: tuple["Stmt", ...]
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class For(Node):
    """``for (n) { each as $i { ... } }``: $i runs 0 .. n-1."""

    count: "Expr"
    item: str | None
    body: tuple["Stmt", ...]
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class While(Node):
    """``while (c) { each { ... } }``."""

    cond: "Expr"
    body: tuple["Stmt", ...]
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class Break(Node):
    pass


@dataclass(frozen=True, slots=True)
class Continue(Node):
    pass


@dataclass(frozen=True, slots=True)
class ForeachRemove(Node):
    pass


@dataclass(frozen=True, slots=True)
class TryCatch(Node):
    try_body: tuple["Stmt", ...]
    catch_body: tuple["Stmt", ...] | None = None
    finally_body: tuple["Stmt", ...] | None = None
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class Precondition(Node):
    """``precondition (c) { error_type = "notfound" error = "..." payload = e }``."""

    cond: "Expr"
    items: tuple["Item", ...] = ()
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class ExprStmt(Node):
    """A bare expression as a statement: its value is the cell's value."""

    expr: "Expr"


Stmt = Union[
    Statement, VarDecl, VarUpdate, Conditional, Switch, Foreach, For, While, Break,
    Continue, ForeachRemove, TryCatch, Precondition, ExprStmt,
]


# ---------------------------------------------------------------- constructs


@dataclass(frozen=True, slots=True)
class Construct(Node):
    """A top-level definition: ``function "name" { ... }``, ``query "path/{id}" verb=GET
    { ... }``, ``task``, ``table``, ``middleware``, ``tool``, ``addon``,
    ``workflow_test``, ``api_group``, ... ``header`` holds options written after the
    name (``verb=GET``). ``items`` holds Attrs (``response = e``, ``description``) and
    Blocks (``input``, ``stack``, ``schema``, ``test "name" { }`` as a Block named
    ``test`` whose first item is an Attr ``name``)."""

    kind: str
    name: str
    header: tuple[Attr, ...] = ()
    items: tuple["Item", ...] = ()

    def block(self, name: str) -> Block | None:
        for item in self.items:
            if isinstance(item, Block) and item.name == name:
                return item
        return None

    def attr(self, name: str) -> Attr | None:
        for item in self.items:
            if isinstance(item, Attr) and item.name == name and not item.disabled:
                return item
        return None


Item = Union[Attr, Block, InputField, "Stmt", Construct]


@dataclass(frozen=True, slots=True)
class Program(Node):
    """A parsed cell or file: statements and constructs in source order."""

    items: tuple[Item, ...]
