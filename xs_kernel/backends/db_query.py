"""One ``db.query`` against the database: joins, evals, where, sort, output, return.

``QueryRunner`` resolves ``$db.<table>.<field>`` references against the queried table and
its joins, compiles the where tree with ``db_sql.Compiler`` and shapes the result the way
the ``return`` attribute asks (list, single, count, exists, or a page with its metadata:
itemsReceived, curPage, nextPage, prevPage, offset, perPage, and with ``totals`` itemsTotal
and pageTotal). Used only by ``db_store``; imports SQLAlchemy, ``query``, ``errors``.
"""

from __future__ import annotations

import decimal
import math
from typing import Any

from sqlalchemy import JSON, delete, distinct, func, literal, select, update
from sqlalchemy.engine import Connection

from .. import query as q
from ..errors import XsError
from ..values import parse_number, type_name
from . import db_sql

RETURN_TYPES = ("list", "stream", "single", "count", "exists", "aggregate")


def _bad(message: str, hint: str | None = None) -> XsError:
    return XsError("inputerror", message, hint=hint)


# The keys of a paged result; an exported `output` may name them next to the fields.
PAGING_KEYS = frozenset({"itemsReceived", "curPage", "nextPage", "prevPage", "offset",
                         "perPage", "itemsTotal", "pageTotal", "items"})

class QueryRunner:
    def __init__(self, db: Any, conn: Connection, name: str, joins: Any, evals: dict) -> None:
        self.db, self.conn, self.name = db, conn, name
        self.schema, self.table = db.table(name)
        self.sources: dict[str, tuple[Any, Any]] = {name: (self.schema, self.table)}
        pending = []
        for join in joins:
            jschema, jtable = db.table(join.table)
            alias = jtable.alias(f"j_{join.alias}")
            self.sources[join.alias] = (jschema, alias)
            self.sources.setdefault(join.table, (jschema, alias))
            pending.append((join, alias))
        self.compiler = db_sql.Compiler(db.backend, self.resolve)
        self.from_ = self.table
        for join, alias in pending:
            on = self.compiler.condition(join.on)
            if join.kind == "right":
                self.from_ = alias.join(self.from_, on, isouter=True)
            else:
                self.from_ = self.from_.join(alias, on, isouter=join.kind == "left")
        self.evals = {label: self._operand(op).label(label) for label, op in evals.items()}

    # ------------------------------------------------------------ references

    def resolve(self, col: q.Column) -> db_sql.Ref:
        source = self.sources.get(col.table)
        if source is None:
            raise _bad(f"$db.{col.table} is not part of this query",
                       hint="tables here: " + ", ".join(sorted(self.sources)))
        schema, clause = source
        field = schema.field(col.field)
        if field is None or col.field not in clause.c:
            raise _bad(f"table '{schema.name}' has no field '{col.field}'",
                       hint="fields: " + ", ".join(schema.names()))
        expr, kind = clause.c[col.field], "json" if db_sql.is_json(field) else "column"
        if col.path:
            if kind != "json":
                raise _bad(f"{col.label()}: only json and object fields have sub-fields")
            steps = tuple(int(p) if p.isdigit() else p for p in col.path)
            expr, kind = expr[steps if len(steps) > 1 else steps[0]], "element"
        if col.filters:
            if kind == "element":
                expr = expr.as_string()
            expr = db_sql.apply_filters(expr, col.filters, self.db.backend, col.label())
            kind = "computed"
        return db_sql.Ref(expr, field, kind)

    def _operand(self, op: q.Operand) -> Any:
        if isinstance(op, q.Column):
            ref = self.resolve(op)
            return ref.expr.as_string() if ref.kind == "element" else ref.expr
        value = op.value
        return literal(value, JSON) if isinstance(value, (dict, list)) else literal(value)

    # ------------------------------------------------------------ running

    def _columns(self, output: Any) -> list:
        available = {c.key: c for c in self.table.c}
        available.update(self.evals)
        if isinstance(output, list):  # Xano exports list the paging keys a page keeps,
            # and the fields of a page's records as `items.field`
            output = [n[6:] if isinstance(n, str) and n.startswith("items.")
                      and n not in available else n
                      for n in output if n in available or n not in PAGING_KEYS]
        if not output:
            return list(available.values())
        if not isinstance(output, list):
            raise _bad("`output` must be an array of field names")
        names = output_names(output, set(available))
        if not names:
            raise _bad(f"`output` names an unknown field {output[0]!r}",
                       hint="fields: " + ", ".join(available))
        return [available[n] for n in names]

    def run(self, where: q.Condition, sort: Any, output: Any, result: Any,
            aggregate: q.Aggregate | None = None) -> Any:
        result = result if isinstance(result, dict) else {}
        rtype = str(result.get("type") or "list").lower()
        if rtype not in RETURN_TYPES:
            raise _bad(f"return type {rtype!r} is not supported",
                       hint="use one of " + ", ".join(RETURN_TYPES))
        cond = self.compiler.condition(where)
        if rtype == "count":
            stmt = select(func.count()).select_from(self.from_).where(cond)
            return int(self.conn.execute(stmt).scalar_one())
        if rtype == "exists":
            stmt = select(literal(1)).select_from(self.from_).where(cond).limit(1)
            return self.conn.execute(stmt).first() is not None
        if rtype == "aggregate":
            return self._aggregate(cond, sort, result, aggregate or q.Aggregate({}, {}))
        stmt = (select(*self._columns(output)).select_from(self.from_).where(cond)
                .order_by(*self._order(sort)))
        if rtype == "single":
            row = self.conn.execute(stmt.limit(1)).mappings().first()
            return db_sql.record(self.schema, row) if row is not None else None
        paging = result.get("paging")
        if not isinstance(paging, dict):
            return [db_sql.record(self.schema, r) for r in self.conn.execute(stmt).mappings()]
        return self._page(stmt, cond, paging)

    def _aggregate(self, cond: Any, sort: Any, result: dict, agg: q.Aggregate) -> Any:
        """One row per group: the group columns under their labels, and each eval label's
        aggregate (count, count_distinct, min, max, sum, avg) over the group's records."""
        groups = {label: self._agg_operand(op) for label, op in agg.groups.items()}
        columns = [expr.label(label) for label, expr in groups.items()]
        for label, (fn, op) in agg.evals.items():
            expr = self._agg_operand(op)
            value = (func.count(distinct(expr)) if fn == "count_distinct"
                     else getattr(func, fn)(expr))
            columns.append(value.label(label))
        if not columns:
            raise _bad("an aggregate query needs a group or an eval entry",
                       hint='return = {type: "aggregate", group: {...}, eval: {...}}')
        stmt = select(*columns).select_from(self.from_).where(cond)
        if groups:
            stmt = stmt.group_by(*groups.values())
        labels = {c.key: c for c in columns}
        order = []
        for key, direction in (sort.items() if isinstance(sort, dict) else ()):
            if key in labels:  # a sort on a label of the result; others do not apply
                order.append(labels[key].desc() if str(direction).lower() == "desc"
                             else labels[key].asc())
        stmt = stmt.order_by(*(order or list(groups.values())))
        paging = result.get("paging")
        if isinstance(paging, dict):
            count = select(func.count()).select_from(stmt.subquery())
            return self._page(stmt, None, paging, _plain_row, count)
        return [_plain_row(r) for r in self.conn.execute(stmt).mappings()]

    def _agg_operand(self, op: q.Operand) -> Any:
        if isinstance(op, q.Column) and not op.table:  # `$db.name`: an eval label or a field
            if op.field in self.evals:
                return self.evals[op.field].element
            if self.schema.field(op.field) is None:
                raise _bad(f"$db.{op.field} is neither an eval of this query nor a field of "
                           f"'{self.name}'", hint="fields: " + ", ".join(self.schema.names()))
            op = q.Column(self.name, op.field)
        return self._operand(op)

    def _page(self, stmt: Any, cond: Any, paging: dict, convert: Any = None,
              count: Any = None) -> Any:
        page = _positive(paging.get("page"), "page", 1)
        per_page = _positive(paging.get("per_page"), "per_page", 0)
        extra = _positive(paging.get("offset"), "offset", 0, allow_zero=True)
        offset = (page - 1) * per_page + extra if per_page else extra
        limited = stmt.offset(offset)
        if per_page:
            limited = limited.limit(per_page + 1)  # one more row tells whether a next page exists
        convert = convert or (lambda row: db_sql.record(self.schema, row))
        rows = [convert(r) for r in self.conn.execute(limited).mappings()]
        more = bool(per_page) and len(rows) > per_page
        items = rows[:per_page] if per_page else rows
        if paging.get("metadata") is False:
            return items
        meta: dict[str, Any] = {
            "itemsReceived": len(items),
            "curPage": page,
            "nextPage": page + 1 if more else None,
            "prevPage": page - 1 if page > 1 else None,
            "offset": offset,
            "perPage": per_page or None,
        }
        if paging.get("totals"):
            if count is None:
                count = select(func.count()).select_from(self.from_).where(cond)
            total = int(self.conn.execute(count).scalar_one())
            meta["itemsTotal"] = total
            meta["pageTotal"] = math.ceil(total / per_page) if per_page else 1
        meta["items"] = items
        return meta

    def _order(self, sort: Any) -> list:
        entries: list[tuple[str, str]] = []
        if isinstance(sort, dict):
            entries = [(str(k), str(v)) for k, v in sort.items()]
        elif isinstance(sort, list):
            for item in sort:
                if not isinstance(item, dict):
                    raise _bad("each sort entry must be an object {field: ..., direction: ...}")
                key = item.get("field", item.get("sort"))
                entries.append((str(key), str(item.get("direction", item.get("order", "asc")))))
        elif sort is not None:
            raise _bad(f"`sort` must be an object such as {{created_at: \"desc\"}}, "
                       f"not {type_name(sort)}")
        order, random = [], False
        for key, direction in entries:
            direction = direction.lower()
            if direction == "rand":
                order.append(func.random())
                random = True
                continue
            if direction not in ("asc", "desc"):
                raise _bad(f"sort direction for {key!r} must be asc, desc or rand")
            expr = self._sort_key(key)
            order.append(expr.desc() if direction == "desc" else expr.asc())
        if not random:
            order.append(self.table.c.id.asc())  # stable pages
        return order

    def _sort_key(self, key: str) -> Any:
        if key in self.evals:
            return self.evals[key]
        table, _, field = key.rpartition(".")
        return self.resolve(q.Column(table or self.name, field)).expr

    # ------------------------------------------------------------ bulk writes

    def delete(self, where: q.Condition) -> int:
        return int(self.conn.execute(delete(self.table).where(
            self.compiler.condition(where))).rowcount)

    def update(self, where: q.Condition, changes: dict) -> int:
        if not changes:
            return 0
        stmt = update(self.table).where(self.compiler.condition(where)).values(**changes)
        return int(self.conn.execute(stmt).rowcount)


def output_names(output: list, available: set) -> list:
    """The fields an `output` list keeps: a part of an object or file field
    (`resume_file.path`) keeps the whole field; a name the table does not have (Xano keeps
    the output names of fields deleted since) is left out."""
    names = (n.partition(".")[0] if isinstance(n, str) and n not in available else n
             for n in output)
    return list(dict.fromkeys(n for n in names if n in available))


def _plain_row(row: Any) -> dict:
    """An aggregate row as an object: Decimal sums and averages as numbers."""
    return {k: (int(v) if v == int(v) else float(v)) if isinstance(v, decimal.Decimal) else v
            for k, v in row.items()}


def _positive(value: Any, name: str, default: int, allow_zero: bool = False) -> int:
    if value is None:
        return default
    if isinstance(value, str) and parse_number(value) is not None:
        value = parse_number(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise _bad(f"paging {name} must be a whole number, not {value!r}")
    value = int(value)
    if value < 0 or (value == 0 and not allow_zero and name == "page"):
        raise _bad(f"paging {name} must be positive")
    return value
