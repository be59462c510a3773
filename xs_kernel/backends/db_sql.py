"""SQL for the neutral query tree: column types, where conditions, column filters.

Compiles ``query.Condition`` trees into SQLAlchemy Core expressions whose values are all
bound parameters, for SQLite and PostgreSQL (array and JSON operators differ: SQLite walks
arrays with ``json_each``, PostgreSQL casts to ``jsonb`` and uses ``@>``). Also maps a
declared field type to a column type. Only ``db_store`` uses this module; it may import
SQLAlchemy, ``query``, ``fieldtypes`` and ``errors``, nothing from the interpreter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import (JSON, BigInteger, Boolean, Double, Float, Integer, Numeric, Text, and_,
                        cast, false, func, literal, not_, or_, select, true)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.sql.elements import ColumnElement

from .. import query as q
from ..errors import XsError
from ..fieldtypes import JSON_TYPES, Field, coerce_field


def sql_type(f: Field) -> Any:
    """The column type for a declared field (JSON keeps key order on both back-ends)."""
    if f.name == "id" and f.type == "int":
        return BigInteger().with_variant(Integer(), "sqlite")
    if f.is_array or f.type in JSON_TYPES:
        return JSON(none_as_null=True)
    if f.type == "int" or f.type == "timestamp":
        return BigInteger()
    if f.type == "decimal":
        return Double()
    if f.type == "bool":
        return Boolean()
    return Text()


def record(schema: Any, row: Any) -> dict:
    """A result row as a XanoScript object, numbers typed as declared (SQLite may hand
    back 100 for a decimal column holding 100.0)."""
    out = dict(row)
    if schema.renamed:  # columns that hold a field under another name (see schema)
        names = dict(schema.renamed)
        out = {names.get(k, k): v for k, v in out.items()}
    for key, value in out.items():
        f = schema.field(key)
        if f is None or value is None or f.is_array:
            continue
        if f.type == "decimal" and isinstance(value, (int, float)):
            out[key] = float(value)
        elif f.type in ("int", "timestamp") and isinstance(value, (int, float)):
            out[key] = int(value)
        elif f.type == "bool" and isinstance(value, int):
            out[key] = bool(value)
    return out


def is_json(f: Field | None) -> bool:
    return f is not None and (f.is_array or f.type in JSON_TYPES)


@dataclass(frozen=True)
class Ref:
    """A resolved column reference: the SQL expression, its declared field and its kind:
    ``column`` (as declared), ``json`` (a whole JSON or array column: array operators
    apply), ``element`` (a JSON path inside a column) or ``computed`` (after a filter)."""

    expr: Any
    field: Field | None
    kind: str


Resolver = Callable[[q.Column], Ref]


class Compiler:
    """Compile conditions for one dialect (``sqlite`` or ``postgresql``)."""

    def __init__(self, dialect: str, resolve: Resolver) -> None:
        self.dialect = dialect
        self.resolve = resolve

    def condition(self, cond: q.Condition) -> ColumnElement:
        if isinstance(cond, q.Const):
            return true() if cond.value else false()
        if isinstance(cond, q.Not):
            return not_(self.condition(cond.item))
        if isinstance(cond, q.Group):
            parts = [self.condition(c) for c in cond.items]
            return and_(*parts) if cond.kind == "and" else or_(*parts)
        return self.compare(cond)

    # ------------------------------------------------------------ comparisons

    def compare(self, cmp: q.Compare) -> ColumnElement:
        ref = self.resolve(cmp.left)
        if isinstance(cmp.right, q.Column):
            other = self.resolve(cmp.right)
            return _binary(cmp.op, self.scalar(ref, None), self.scalar(other, None), cmp)
        value = cmp.right.value
        searchable(value, cmp)
        if ref.kind == "json":
            if cmp.op in ("contains", "includes", "overlaps", "json_contains"):
                return self.json_op(cmp.op, ref.expr, value)
            if cmp.op == "eq":
                return self.json_equals(ref.expr, value)
        if cmp.op in ("json_contains", "overlaps"):
            raise XsError("inputerror", f"`{cmp.op.replace('json_contains', '@>')}` needs a "
                          f"json or array column; {cmp.left.label()} is not one")
        if ref.kind == "column":
            value = value_for_column(ref.field, cmp.op, value)
        expr = self.scalar(ref, value)
        if cmp.op == "eq" and value is None:
            return expr.is_(None)
        if cmp.op == "contains":
            return expr.contains(_text(value), autoescape=True)
        if cmp.op == "includes":
            return expr.icontains(_text(value), autoescape=True)
        if cmp.op == "search":
            words = str(value).split()
            return and_(*[expr.icontains(w, autoescape=True) for w in words]) if words else true()
        if cmp.op in ("like", "ilike") and isinstance(value, str):
            return like_pattern(expr, cmp.op, value, self.dialect)
        return _binary(cmp.op, expr, value, cmp)

    def scalar(self, ref: Ref, value: Any) -> Any:
        """REF as a plain SQL value; a JSON path element is read as VALUE's type."""
        if ref.kind == "json":
            return cast(ref.expr, Text) if self.dialect == "postgresql" else ref.expr
        if ref.kind != "element":
            return ref.expr
        sample = value[0] if isinstance(value, list) and value else value
        if isinstance(sample, bool):
            return ref.expr.as_boolean()
        if isinstance(sample, (int, float)):
            return ref.expr.as_float()
        return ref.expr.as_string()

    def json_equals(self, col: Any, value: Any) -> ColumnElement:
        if value is None:
            return col.is_(None)
        if self.dialect == "postgresql":
            return cast(col, JSONB) == _jsonb(value)
        return func.json(col) == func.json(json.dumps(value))

    def json_op(self, op: str, col: Any, value: Any) -> ColumnElement:
        if op in ("contains", "includes"):
            return self.has_element(col, value)
        if op == "overlaps":
            items = value if isinstance(value, list) else [value]
            if not items:
                return false()
            if self.dialect == "postgresql":
                return or_(*[self.has_element(col, v) for v in items])
            scalars = [v for v in items if not isinstance(v, (dict, list))]
            each = func.json_each(col).table_valued("value", joins_implicitly=True)
            return select(literal(1)).select_from(each).where(
                each.c.value.in_(scalars)).exists()
        return self.json_contains(col, value)

    def has_element(self, col: Any, value: Any) -> ColumnElement:
        if self.dialect == "postgresql":
            return cast(col, JSONB).contains(_jsonb([value]))
        each = func.json_each(col).table_valued("value", joins_implicitly=True)
        if isinstance(value, (dict, list)):
            match = func.json(each.c.value) == func.json(json.dumps(value))
        else:
            match = each.c.value == value
        return select(literal(1)).select_from(each).where(match).exists()

    def json_contains(self, col: Any, value: Any, path: str = "$") -> ColumnElement:
        if self.dialect == "postgresql":
            return cast(col, JSONB).contains(_jsonb(value))
        # SQLite has no @>: check each leaf of VALUE at its path.
        if isinstance(value, dict):
            parts = [self.json_contains(col, v, f"{path}.{json.dumps(str(k))}")
                     for k, v in value.items()]
            return and_(*parts) if parts else func.json_type(col, path) == "object"
        if isinstance(value, list):
            each = func.json_each(col, path).table_valued("value", joins_implicitly=True)
            parts = []
            for item in value:
                match = (func.json(each.c.value) == func.json(json.dumps(item))
                         if isinstance(item, (dict, list)) else each.c.value == item)
                parts.append(select(literal(1)).select_from(each).where(match).exists())
            return and_(*parts) if parts else func.json_type(col, path) == "array"
        if value is None:
            return func.json_type(col, path) == "null"
        return func.json_extract(col, path) == value


def _jsonb(value: Any) -> Any:
    return cast(literal(json.dumps(value), Text()), JSONB)


def searchable(value: Any, cmp: q.Compare) -> None:
    """Refuse, on both back-ends alike, a NUL character in a where-clause value: PostgreSQL
    text cannot hold one (SQLite would search for it, PostgreSQL fail)."""
    texts = value if isinstance(value, list) else [value]
    if any(isinstance(t, str) and "\x00" in t for t in texts):
        raise XsError("inputerror", f"the value compared with {cmp.left.label()} contains a "
                      "NUL character (\\u0000), which a database search cannot use",
                      hint="PostgreSQL text cannot hold NUL; remove it first, e.g. "
                      "|replace:\"\\u0000\":\"\"")


def like_pattern(expr: Any, op: str, pattern: str, dialect: str) -> ColumnElement:
    """``like``/``ilike`` as PostgreSQL reads a pattern on both back-ends: ``%`` and ``_``
    are wildcards and a backslash escapes the next character (``\\%`` is a percent sign,
    ``\\\\`` a backslash); a pattern ending in a lone backslash is an inputerror."""
    trailing = len(pattern) - len(pattern.rstrip("\\"))
    if trailing % 2:
        raise XsError("inputerror", f"the {op} pattern {json.dumps(pattern)} ends with a "
                      "lone backslash, which escapes nothing",
                      hint="a backslash itself is two in the pattern: like \"a\\\\\\\\b\"")
    if dialect == "postgresql":  # backslash is PostgreSQL's default escape character
        return expr.like(pattern) if op == "like" else expr.ilike(pattern)
    return (expr.like(pattern, escape="\\") if op == "like"
            else expr.ilike(pattern, escape="\\"))


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _binary(op: str, left: Any, right: Any, cmp: q.Compare) -> ColumnElement:
    if op == "eq":
        return left == right
    if op == "lt":
        return left < right
    if op == "le":
        return left <= right
    if op == "gt":
        return left > right
    if op == "ge":
        return left >= right
    if op == "in":
        return left.in_(right)
    if op == "like":
        return left.like(right)
    if op == "ilike":
        return left.ilike(right)
    if op == "between":
        return left.between(right[0], right[1])
    if op == "regex":
        return left.regexp_match(right)
    raise XsError("inputerror", f"operator `{op}` cannot compare {cmp.left.label()} "
                  "with another column")


def value_for_column(f: Field | None, op: str, value: Any) -> Any:
    """Convert VALUE to the column's declared type (a date text against a timestamp
    column, "3" against an int column) so the database compares like with like."""
    if f is None or op in ("like", "ilike", "regex", "search", "contains", "includes"):
        return value
    plain = Field(f.name, f.type, nullable=True, optional=True)
    if op in ("in", "between") and isinstance(value, list):
        return [_convert(plain, v) for v in value]
    return _convert(plain, value)


def _convert(f: Field, value: Any) -> Any:
    if value is None or f.type == "password":
        return value
    try:
        return coerce_field(f, value)
    except XsError:
        return value  # let the database compare it as given (and find nothing)


# ---------------------------------------------------------------- column filters


def _num(args: tuple, i: int = 0, default: Any = 0) -> Any:
    return args[i] if len(args) > i and args[i] is not None else default


def _round(expr: Any, args: tuple, dialect: str) -> Any:
    places = int(_num(args))
    if dialect == "postgresql":
        return cast(func.round(cast(expr, Numeric), places), Float)
    return func.round(expr, places)


def _substr(expr: Any, args: tuple, dialect: str) -> Any:
    start = int(_num(args)) + 1
    return func.substr(expr, start, int(args[1])) if len(args) > 1 else func.substr(expr, start)


COLUMN_FILTERS: dict[str, Callable[[Any, tuple, str], Any]] = {
    "to_lower": lambda e, a, d: func.lower(e),
    "lower": lambda e, a, d: func.lower(e),
    "to_upper": lambda e, a, d: func.upper(e),
    "upper": lambda e, a, d: func.upper(e),
    "trim": lambda e, a, d: func.trim(e),
    "ltrim": lambda e, a, d: func.ltrim(e),
    "rtrim": lambda e, a, d: func.rtrim(e),
    "strlen": lambda e, a, d: func.length(e),
    "length": lambda e, a, d: func.length(e),
    "add": lambda e, a, d: e + _num(a),
    "sub": lambda e, a, d: e - _num(a),
    "subtract": lambda e, a, d: e - _num(a),
    "mul": lambda e, a, d: e * _num(a, default=1),
    "multiply": lambda e, a, d: e * _num(a, default=1),
    "div": lambda e, a, d: cast(e, Float) / _num(a, default=1),
    "divide": lambda e, a, d: cast(e, Float) / _num(a, default=1),
    "round": _round,
    "floor": lambda e, a, d: func.floor(e),
    "ceil": lambda e, a, d: func.ceil(e),
    "abs": lambda e, a, d: func.abs(e),
    "coalesce": lambda e, a, d: func.coalesce(e, _num(a, default=None)),
    "concat": lambda e, a, d: e.concat(str(_num(a, default=""))),
    "substr": _substr,
}


def apply_filters(expr: Any, filters: tuple[tuple[str, tuple], ...], dialect: str,
                  label: str) -> Any:
    for name, args in filters:
        fn = COLUMN_FILTERS.get(name)
        if fn is None:
            raise XsError("inputerror", f"filter '{name}' is not available on a column "
                          f"({label}) in a query",
                          hint="query filters: " + ", ".join(sorted(COLUMN_FILTERS)))
        expr = fn(expr, args, dialect)
    return expr
