"""Where clauses, joins and evals of ``db.*`` statements as a neutral condition tree.

A ``where`` attribute arrives as written (``registry.RawExpr``): this module walks it,
turns ``$db.<table>.<field>`` paths (optionally followed by query filters such as
``|to_lower``) into ``Column`` references, ``&&``/``||`` into ``Group``s and ``!`` into
``Not``, and evaluates every other sub-expression in the caller's frame through
``RawExpr.evaluate`` — so user values only ever become bound parameters, never SQL text.
The null-safe operators (``==?``, ``includes?`` ...) drop their condition when the value
is null (or empty text or an empty array: the engine calls the flag ``ignore_empty``).
``backends/db_store`` compiles the tree to SQL.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable, Union

from .errors import XsError
from .nodes import (ArrayLit, Binary, BinaryOp, ExprLiteral, FilterApply, Member, Node,
                    ObjectLit, Unary, UnaryOp, Variable)
from .values import truthy


@dataclass(frozen=True)
class Column:
    """``$db.table.field[.json.path]|filter:args...``; filter args are evaluated values."""

    table: str
    field: str
    path: tuple[str, ...] = ()
    filters: tuple[tuple[str, tuple], ...] = ()

    def label(self) -> str:
        return ".".join((self.table, self.field, *self.path))


@dataclass(frozen=True)
class Value:
    value: Any


@dataclass(frozen=True)
class Const:
    """A condition already decided (no column involved, or a dropped null-safe test)."""

    value: bool


@dataclass(frozen=True)
class Compare:
    """``left <op> right``; ``op`` is one of OPS (negated forms are wrapped in ``Not``)."""

    op: str
    left: Column
    right: Union[Column, Value]


@dataclass(frozen=True)
class Group:
    kind: str  # "and" | "or"
    items: tuple["Condition", ...]


@dataclass(frozen=True)
class Not:
    item: "Condition"


Condition = Union[Const, Compare, Group, Not]
Operand = Union[Column, Value]

# op name, negated?, null-safe?
_OPERATORS: dict[BinaryOp, tuple[str, bool, bool]] = {
    BinaryOp.EQ: ("eq", False, False), BinaryOp.SEQ: ("eq", False, False),
    BinaryOp.NE: ("eq", True, False), BinaryOp.SNE: ("eq", True, False),
    BinaryOp.LT: ("lt", False, False), BinaryOp.LE: ("le", False, False),
    BinaryOp.GT: ("gt", False, False), BinaryOp.GE: ("ge", False, False),
    BinaryOp.EQ_IGNORE_NULL: ("eq", False, True), BinaryOp.NE_IGNORE_NULL: ("eq", True, True),
    BinaryOp.LT_IGNORE_NULL: ("lt", False, True), BinaryOp.LE_IGNORE_NULL: ("le", False, True),
    BinaryOp.GT_IGNORE_NULL: ("gt", False, True), BinaryOp.GE_IGNORE_NULL: ("ge", False, True),
    BinaryOp.IN: ("in", False, False), BinaryOp.NOT_IN: ("in", True, False),
    BinaryOp.LIKE: ("like", False, False), BinaryOp.NOT_LIKE: ("like", True, False),
    BinaryOp.ILIKE: ("ilike", False, False), BinaryOp.NOT_ILIKE: ("ilike", True, False),
    BinaryOp.BETWEEN: ("between", False, False), BinaryOp.NOT_BETWEEN: ("between", True, False),
    BinaryOp.CONTAINS: ("contains", False, False),
    BinaryOp.NOT_CONTAINS: ("contains", True, False),
    BinaryOp.INCLUDES: ("includes", False, False),
    BinaryOp.NOT_INCLUDES: ("includes", True, False),
    BinaryOp.OVERLAPS: ("overlaps", False, False),
    BinaryOp.NOT_OVERLAPS: ("overlaps", True, False),
    BinaryOp.JSON_CONTAINS: ("json_contains", False, False),
    BinaryOp.REGEX: ("regex", False, False), BinaryOp.CONCAT: ("regex", False, False),
    BinaryOp.NOT_REGEX: ("regex", True, False),
    BinaryOp.SEARCH: ("search", False, False),
}
OPS = frozenset(op for op, _, _ in _OPERATORS.values())
_MIRROR = {"eq": "eq", "lt": "gt", "le": "ge", "gt": "lt", "ge": "le"}

Evaluate = Callable[[Any], Any]


def _error(message: str, node: Any = None, hint: str | None = None) -> XsError:
    return XsError("inputerror", message, span=getattr(node, "span", None), hint=hint)


# ---------------------------------------------------------------- column references


def column_of(node: Any, evaluate: Evaluate) -> Column | None:
    """The Column NODE refers to (``$db.t.f``, with JSON path and filters), else None."""
    if isinstance(node, ExprLiteral):
        return column_of(node.expr, evaluate)
    if isinstance(node, FilterApply) and node.operand is not None:
        base = column_of(node.operand, evaluate)
        if base is None:
            return None
        if node.disabled:
            return base
        args = tuple(evaluate(a) for a in node.args)
        return Column(base.table, base.field, base.path, (*base.filters, (node.name, args)))
    names: list[str] = []
    while isinstance(node, Member):
        names.append(node.name)
        node = node.obj
    if not (isinstance(node, Variable) and node.name == "db"):
        return None
    names.reverse()
    if len(names) < 2:
        raise _error("a column reference needs a table and a field: $db.<table>.<field>", node)
    return Column(names[0], names[1], tuple(names[2:]))


def mentions_db(node: Any) -> bool:
    """Whether NODE contains a ``$db`` reference anywhere."""
    if isinstance(node, Variable):
        return node.name == "db"
    if isinstance(node, Node):
        for f in dataclasses.fields(node):
            value = getattr(node, f.name)
            items = value if isinstance(value, tuple) else (value,)
            if any(isinstance(v, Node) and mentions_db(v) for v in items):
                return True
    return False


def operand(node: Any, evaluate: Evaluate) -> Operand:
    """A Column for a ``$db`` path, else the evaluated Value (eval entries, join sides)."""
    col = column_of(node, evaluate)
    if col is not None:
        return col
    if mentions_db(node):
        raise _error("this expression mixes a column with other operators; only "
                     "`$db.table.field|filter:...` is supported on the column side", node,
                     hint="move arithmetic into query filters, e.g. $db.p.price|mul:2")
    return Value(evaluate(node))


# ---------------------------------------------------------------- conditions


def condition(raw: Any, evaluate: Evaluate | None = None) -> Condition:
    """The condition tree for a where clause: a RawExpr, a bare node or an evaluated value."""
    if raw is None:
        return Const(True)
    node = getattr(raw, "node", raw)
    evaluate = getattr(raw, "evaluate", evaluate)
    if not isinstance(node, Node):
        return Const(truthy(node))
    if evaluate is None:
        raise _error("a where clause needs an evaluator for its values", node)
    return _condition(node, evaluate)


def _condition(node: Any, evaluate: Evaluate) -> Condition:
    if isinstance(node, ExprLiteral):
        return _condition(node.expr, evaluate)
    if isinstance(node, Binary) and node.op in (BinaryOp.AND, BinaryOp.OR):
        kind = "and" if node.op is BinaryOp.AND else "or"
        return _group(kind, _condition(node.left, evaluate), _condition(node.right, evaluate))
    if isinstance(node, Unary) and node.op is UnaryOp.NOT:
        inner = _condition(node.operand, evaluate)
        return Const(not inner.value) if isinstance(inner, Const) else Not(inner)
    if not mentions_db(node):
        return Const(truthy(evaluate(node)))
    if isinstance(node, Binary) and node.op in _OPERATORS:
        return _comparison(node, evaluate)
    col = column_of(node, evaluate)
    if col is not None:  # a bare boolean column: `where = $db.post.published`
        return Compare("eq", col, Value(True))
    raise _error("unsupported where clause: compare a $db column with an operator "
                 "(==, !=, <, in, like, contains, ...)", node)


def _group(kind: str, left: Condition, right: Condition) -> Condition:
    """Flatten nested groups of the same kind and fold constants away."""
    items: list[Condition] = []
    for item in (left, right):
        if isinstance(item, Const):
            if item.value is (kind == "or"):
                return Const(item.value)  # true || x, false && x
            continue
        if isinstance(item, Group) and item.kind == kind:
            items.extend(item.items)
        else:
            items.append(item)
    if not items:
        return Const(kind == "and")
    return items[0] if len(items) == 1 else Group(kind, tuple(items))


def _comparison(node: Binary, evaluate: Evaluate) -> Condition:
    op, negated, null_safe = _OPERATORS[node.op]
    null_safe = null_safe or getattr(node, "ignore_empty", False)
    left, right = column_of(node.left, evaluate), None
    if left is None:
        if mentions_db(node.left):
            operand(node.left, evaluate)  # raises: a column inside an expression
        # A column on the right of a plain comparison: mirror it (`5 < $db.t.n`).
        right_col = column_of(node.right, evaluate)
        if right_col is None or op not in _MIRROR:
            raise _error(f"put the $db column on the left of `{node.op.value}`", node)
        left, op = right_col, _MIRROR[op]
        right = operand(node.left, evaluate)
    else:
        right = _right_operand(op, node.right, evaluate)
    if isinstance(right, Value):
        if null_safe and right.value in (None, "", []):
            return Const(True)  # `==?` and friends: no value, no condition
        right = _checked_value(op, right, node)
    result: Condition = Compare(op, left, right)
    return Not(result) if negated else result


def _right_operand(op: str, node: Any, evaluate: Evaluate) -> Operand:
    if op == "between" and isinstance(node, ArrayLit):
        return Value([evaluate(item) for item in node.items])
    return operand(node, evaluate)


def _checked_value(op: str, right: Value, node: Any) -> Value:
    value = right.value
    if op == "between":
        if not (isinstance(value, list) and len(value) == 2):
            raise _error("`between` needs two bounds: between [low, high]", node)
    elif op in ("in", "overlaps"):
        if value is None:
            value = []
        elif not isinstance(value, list):
            value = [value]
    elif op in ("like", "ilike", "regex", "search") and not isinstance(value, str):
        if value is None:
            raise _error(f"`{op}` needs a text pattern, got null", node)
        value = str(value)
    return Value(value)


# ---------------------------------------------------------------- joins and evals


@dataclass(frozen=True)
class Join:
    alias: str
    table: str
    kind: str  # inner | left | right
    on: Condition


def joins(raw: Any) -> list[Join]:
    """``join = { alias: { table: "t", type: "left", where: <cond> } }`` as Join records."""
    if raw is None:
        return []
    node, evaluate = getattr(raw, "node", raw), getattr(raw, "evaluate", None)
    if not isinstance(node, ObjectLit) or evaluate is None:
        raise _error("`join` must be written as an object: { alias: { table: ..., where: ... } }",
                     node)
    out: list[Join] = []
    for entry in node.entries:
        if entry.disabled:
            continue
        if not isinstance(entry.value, ObjectLit):
            raise _error(f"join '{entry.key}' must be an object with table and where", entry)
        parts = {e.key: e.value for e in entry.value.entries if not e.disabled}
        table = evaluate(parts["table"]) if "table" in parts else entry.key
        kind = str(evaluate(parts["type"])).lower() if "type" in parts else "inner"
        if kind not in ("inner", "left", "right"):
            raise _error(f"join type must be inner, left or right, not {kind!r}", entry)
        on = _condition(parts["where"], evaluate) if "where" in parts else Const(True)
        out.append(Join(entry.key, str(table), kind, on))
    return out


def evals(raw: Any) -> dict[str, Operand]:
    """``eval = { name: $db.t.f|filter, ... }`` as label -> Column or Value."""
    if raw is None:
        return {}
    node, evaluate = getattr(raw, "node", raw), getattr(raw, "evaluate", None)
    if isinstance(node, dict):
        return {k: Value(v) for k, v in node.items()}
    if not isinstance(node, ObjectLit) or evaluate is None:
        raise _error("`eval` must be written as an object: { name: $db.table.field }", node)
    return {e.key: operand(e.value, evaluate) for e in node.entries if not e.disabled}


# ---------------------------------------------------------------- aggregate returns

AGGREGATES = ("count", "count_distinct", "min", "max", "sum", "avg")


@dataclass(frozen=True)
class Aggregate:
    """``return = {type: "aggregate", group: {label: $db.t.f}, eval: {label: $db.t.f|min}}``:
    the group columns and, per eval label, its aggregate function and column."""

    groups: dict[str, Operand]
    evals: dict[str, tuple[str, Operand]]


def result_spec(raw: Any) -> tuple[Any, Aggregate | None]:
    """The ``return`` attribute of a ``db.query``: its evaluated value, and its group and
    eval entries as an Aggregate when it has any (their ``$db`` paths are columns)."""
    node, evaluate = getattr(raw, "node", raw), getattr(raw, "evaluate", None)
    if not isinstance(node, Node) or evaluate is None:
        return node, None
    if not isinstance(node, ObjectLit) or not any(
            e.key in ("group", "eval") and not e.disabled for e in node.entries):
        return evaluate(node), None
    plain: dict[str, Any] = {}
    groups: dict[str, Operand] = {}
    aggs: dict[str, tuple[str, Operand]] = {}
    for entry in node.entries:
        if entry.disabled:
            continue
        if entry.key in ("group", "eval") and isinstance(entry.value, ObjectLit):
            for item in entry.value.entries:
                if item.disabled:
                    continue
                if entry.key == "group":
                    groups[item.key] = _aggregate_column(item.value, evaluate)
                else:
                    aggs[item.key] = _aggregate(item.value, evaluate)
        else:
            plain[entry.key] = evaluate(entry.value)
    return plain, Aggregate(groups, aggs)


def _aggregate(node: Any, evaluate: Evaluate) -> tuple[str, Operand]:
    inner = node.expr if isinstance(node, ExprLiteral) else node
    if (isinstance(inner, FilterApply) and not inner.disabled and inner.operand is not None
            and inner.name in AGGREGATES and not inner.args):
        return inner.name, _aggregate_column(inner.operand, evaluate)
    raise _error("an aggregate's eval entry is a column with an aggregate filter, such as "
                 "$db.sale.amount|sum", node, hint="aggregate filters: " + ", ".join(AGGREGATES))


def _aggregate_column(node: Any, evaluate: Evaluate) -> Operand:
    """A column of an aggregate; `$db.name` (one name) is an eval label of the query or a
    field of the queried table, marked by an empty table."""
    if isinstance(node, Member) and isinstance(node.obj, Variable) and node.obj.name == "db":
        return Column("", node.name)
    return operand(node, evaluate)
