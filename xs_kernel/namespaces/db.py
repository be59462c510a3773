"""``db.*``: records of the tables defined in this session.

Each statement names its table as the target (``db.get "user" { ... }``) and reaches the
database only through ``call.services.db`` (``backends/db_store``). Where clauses, joins
and evals arrive as written (``Param(raw=True)``) and become a condition tree in
``query``; values never become SQL text.
"""

from __future__ import annotations

from typing import Any

from .. import query
from ..errors import XsError
from ..registry import Call, Param, builtin

_TABLE = "table"
_FIELD = (
    Param("field_name", "text", default="id", doc="the field to match (default id)"),
    Param("field_value", doc="the value that field must have"),
)


def _table(call: Call) -> str:
    name = call.target
    if not isinstance(name, str) or not name:
        raise XsError("inputerror", "name the table: db.<op> \"table_name\" { ... }")
    return name


def _warn_ignored(call: Call, op: str, table: str, ignored: list[str]) -> None:
    for key in ignored:
        call.emit("warning", f"{op}: table '{table}' has no field '{key}'; it was not stored")


@builtin("db.get", *_FIELD, Param("output", "array", doc="only these fields"),
         Param("addon", lazy=True, doc="[{name, input: {id: $output.id}, as: \"x\"}]"),
         target=_TABLE)
def db_get(call: Call, field_name: str = "id", field_value: Any = None,
           output: list | None = None, addon: Any = None, **_: Any) -> Any:
    """Fetch the first record whose field_name equals field_value, or null.

    Mirrors database.md (db.get)."""
    record = call.services.db.get(_table(call), field_name or "id", field_value, output)
    return _addons(call, record, addon)


@builtin("db.has", *_FIELD, target=_TABLE)
def db_has(call: Call, field_name: str = "id", field_value: Any = None, **_: Any) -> bool:
    """True when a record whose field_name equals field_value exists.

    Mirrors database.md (db.has)."""
    return call.services.db.has(_table(call), field_name or "id", field_value)


@builtin("db.add", Param("data", "object", required=True, doc="the new record's fields"),
         Param("addon", lazy=True, doc="[{name, input: {id: $output.id}, as: \"x\"}]"),
         target=_TABLE)
def db_add(call: Call, data: Any = None, addon: Any = None, **_: Any) -> dict:
    """Insert a record (fields checked against the table schema) and return it with its
    id and created_at.

    Mirrors database.md (db.add)."""
    table = _table(call)
    record, ignored = call.services.db.add(table, data)
    _warn_ignored(call, "db.add", table, ignored)
    return _addons(call, record, addon)


def _update(call: Call, op: str, field_name: Any, field_value: Any, data: Any) -> dict:
    table = _table(call)
    record, ignored = call.services.db.edit(table, field_name or "id", field_value, data)
    _warn_ignored(call, op, table, ignored)
    return record


@builtin("db.edit", *_FIELD, Param("data", "object", required=True),
         Param("output", "array", doc="only these fields of the updated record"),
         target=_TABLE)
def db_edit(call: Call, field_name: str = "id", field_value: Any = None, data: Any = None,
            output: Any = None, **_: Any) -> dict:
    """Update the fields given in data on the record found by field_name/field_value and
    return the updated record (notfound when there is none), or its `output` fields.

    Mirrors database.md (db.edit)."""
    record = _update(call, "db.edit", field_name, field_value, data)
    return record if not output else {k: record[k] for k in output if k in record}


@builtin("db.patch", *_FIELD, Param("data", "object", required=True), target=_TABLE)
def db_patch(call: Call, field_name: str = "id", field_value: Any = None, data: Any = None,
             **_: Any) -> dict:
    """Like db.edit, for a data object built at run time (only its keys change).

    Mirrors database.md (db.patch)."""
    return _update(call, "db.patch", field_name, field_value, data)


@builtin("db.add_or_edit", *_FIELD, Param("data", "object", required=True), target=_TABLE)
def db_add_or_edit(call: Call, field_name: str = "id", field_value: Any = None,
                   data: Any = None, **_: Any) -> dict:
    """Update the record found by field_name/field_value, or insert data when none exists.

    Mirrors database.md (db.add_or_edit)."""
    table = _table(call)
    record, ignored = call.services.db.add_or_edit(table, field_name or "id", field_value, data)
    _warn_ignored(call, "db.add_or_edit", table, ignored)
    return record


@builtin("db.del", *_FIELD, returns=False, target=_TABLE)
def db_del(call: Call, field_name: str = "id", field_value: Any = None, **_: Any) -> None:
    """Delete the record found by field_name/field_value (nothing happens when none exists).

    Mirrors database.md (db.del)."""
    call.services.db.delete(_table(call), field_name or "id", field_value)


@builtin("db.truncate", Param("reset", "bool", default=False, doc="restart ids at 1"),
         returns=False, target=_TABLE)
def db_truncate(call: Call, reset: bool = False, **_: Any) -> None:
    """Delete every record of the table.

    Mirrors database.md (db.truncate)."""
    call.services.db.truncate(_table(call), bool(reset))


@builtin("db.bulk.add", Param("items", "array", doc="the records to insert"),
         Param("data", "array", doc="same as items"),
         Param("allow_id_field", "bool", default=False, doc="accepted for compatibility"),
         target=_TABLE)
def db_bulk_add(call: Call, items: Any = None, data: Any = None, **_: Any) -> list:
    """Insert several records in one transaction and return them.

    Mirrors database.md (db.bulk.add)."""
    table = _table(call)
    rows = items if items is not None else data
    records, ignored = call.services.db.bulk_add(table, rows)
    _warn_ignored(call, "db.bulk.add", table, ignored)
    return records


@builtin("db.bulk.delete", Param("where", raw=True, doc="which records"), target=_TABLE)
def db_bulk_delete(call: Call, where: Any = None, **_: Any) -> int:
    """Delete every record matching where; returns how many were deleted.

    Mirrors database.md (db.bulk.delete)."""
    return call.services.db.bulk_delete(_table(call), query.condition(where))


def _bulk_update(call: Call, where: Any, data: Any) -> int:
    return call.services.db.bulk_update(_table(call), query.condition(where), data)


@builtin("db.bulk.update", Param("where", raw=True), Param("data", "object", required=True),
         target=_TABLE)
def db_bulk_update(call: Call, where: Any = None, data: Any = None, **_: Any) -> int:
    """Set the fields in data on every record matching where; returns the count.

    Mirrors database.md (db.bulk.update)."""
    return _bulk_update(call, where, data)


@builtin("db.bulk.patch", Param("where", raw=True), Param("data", "object", required=True),
         target=_TABLE)
def db_bulk_patch(call: Call, where: Any = None, data: Any = None, **_: Any) -> int:
    """Like db.bulk.update, for a data object built at run time.

    Mirrors database.md (db.bulk.patch)."""
    return _bulk_update(call, where, data)


@builtin(
    "db.query",
    Param("where", raw=True, doc="condition on $db.<table>.<field> columns"),
    Param("additional_where", raw=True, doc="a second condition, combined with &&"),
    Param("join", raw=True, doc="{alias: {table, type: inner|left|right, where}}"),
    Param("eval", raw=True, doc="computed fields {name: $db.table.field|filter}"),
    Param("sort", doc="{field: \"asc\"|\"desc\"|\"rand\"}"),
    Param("override_sort", doc="a sort chosen at run time (e.g. from $input); wins over sort"),
    Param("output", "array", doc="only these fields"),
    Param("select", "array", doc="same as output"),
    Param("return", raw=True, doc="{type: list|single|count|exists|aggregate, paging: {...}}"),
    Param("lock", "bool", default=False, doc="accepted; locks are not needed locally"),
    Param("addon", lazy=True, doc="[{name, input: {id: $output.id}, as: \"items.x\"}]: "
                                  "addons run per record"),
    target=_TABLE,
)
def db_query(call: Call, **attrs: Any) -> Any:
    """Query records: where, sort, output and return (list, single, count, exists, or a
    page with paging {page, per_page, offset, totals, metadata}).

    Mirrors database.md (db.query)."""
    where = query.condition(attrs.get("where"))
    extra = attrs.get("additional_where")
    if extra is not None:
        where = query.Group("and", (where, query.condition(extra)))
    result, aggregate = query.result_spec(attrs.get("return_", attrs.get("return")))
    if result is not None and not isinstance(result, dict):
        raise XsError("inputerror", "db.query: `return` must be an object such as "
                      "{type: \"list\"}", span=call.span)
    result = call.services.db.query(
        _table(call),
        where=where,
        sort=attrs.get("override_sort") or attrs.get("sort"),
        output=attrs.get("output") or attrs.get("select"),
        result=result,
        aggregate=aggregate,
        joins=query.joins(attrs.get("join")),
        evals=query.evals(attrs.get("eval")),
    )
    return _addons(call, result, attrs.get("addon"))


def _addons(call: Call, result: Any, addon: Any) -> Any:
    if not callable(addon):
        return result
    from ..addons import attach

    return attach(call.session, result, addon)


@builtin("db.transaction", Param("stack", lazy=True, required=True,
                                 doc="the statements to run atomically"),
         Param("isolation", "text", doc="accepted; the back-end's default is used"),
         returns=False)
def db_transaction(call: Call, stack: Any = None, **_: Any) -> None:
    """Run the nested stack so that its database changes commit together or not at all
    (an error inside rolls every change back).

    Mirrors database.md (db.transaction)."""
    if isinstance(stack, dict) and not stack:
        return  # an empty stack { } has nothing to run
    if not callable(stack):
        raise XsError("inputerror", "db.transaction needs a stack { ... } block")
    with call.services.db.transaction():
        stack()
