"""A table's schema, read from a ``table "name" { schema { ... } index = [...] }`` construct.

Owns ``TableSchema``: the declared fields plus the two every record gets (``id``, an
auto-incremented int unless the schema declares another type, and ``created_at`` in epoch
milliseconds), the indexes (``btree|unique`` becomes a unique constraint), and the checks
that run before a write (``prepare_insert``/``prepare_update``: per-field coercion through
``fieldtypes``, inputerror naming the field). Knows nothing about SQL: ``backends/db_store``
turns a TableSchema into tables.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from typing import Any, Callable

from . import nodes
from .errors import XsError
from .coercion import COERCERS
from .fieldtypes import NO_DEFAULT, Field, coerce_field, constant, now_ms


# Xano's name for the whole record as one JSON document: exported tables carry a `gin`
# index on it (Postgres jsonb_path_ops). There is no such column here, so the index is
# left out; queries on the record work the same without it.
WHOLE_RECORD = "xdo"
# Index kinds a local table builds as an ordinary index; others (gin, search, spatial,
# vector) are kept as declared for %db and `xs load` but not created.
PLAIN_KINDS = frozenset({"btree", "unique", "index"})


@dataclass(frozen=True)
class Index:
    fields: tuple[str, ...]
    unique: bool = False
    kind: str = "btree"

    @property
    def plain(self) -> bool:
        return self.kind in PLAIN_KINDS


@dataclass(frozen=True)
class TableSchema:
    name: str
    fields: tuple[Field, ...]
    indexes: tuple[Index, ...] = ()
    auth: bool = False
    span: Any = dataclasses.field(default=None, compare=False)
    # (column, field) pairs for fields stored under another column name: SQLite column
    # names ignore case, and Xano tables may hold both `Name` and `name`.
    renamed: tuple[tuple[str, str], ...] = ()

    def column(self, field: str) -> str:
        """The database column that holds FIELD."""
        for column, name in self.renamed:
            if name == field:
                return column
        return field

    # ------------------------------------------------------------ lookups

    def field(self, name: str) -> Field | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None

    @property
    def id_field(self) -> Field:
        found = self.field("id")
        assert found is not None  # from_construct always adds one
        return found

    @property
    def auto_id(self) -> bool:
        """True when the database numbers records itself (an int id)."""
        return self.id_field.type == "int"

    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    # ------------------------------------------------------------ writes

    def prepare_insert(self, data: Any) -> tuple[dict[str, Any], list[str]]:
        """Column values for a new record from DATA, and the keys of DATA that are not
        fields (ignored). Missing fields take their default; required ones raise."""
        data = _as_object(data, self.name)
        row: dict[str, Any] = {}
        for f in self.fields:
            if f.name == "id" and f.name not in data:
                if self.auto_id:
                    continue
                if f.type == "uuid":
                    row["id"] = str(uuid.uuid4())
                    continue
            if data.get(f.name) is None and f.name == "created_at" and f.type == "timestamp":
                row[f.name] = now_ms()
                continue
            row[f.name] = coerce_field(f, data.get(f.name), f.name in data)
        return row, self._unknown(data)

    def prepare_update(self, data: Any) -> tuple[dict[str, Any], list[str]]:
        """Column values for the fields DATA names (others stay as they are)."""
        data = _as_object(data, self.name)
        # Xano's editor writes `id: null` into an edit's data: the record keeps its id.
        row = {f.name: coerce_field(f, data[f.name], True) for f in self.fields
               if f.name in data and not (f.name == "id" and data[f.name] is None)}
        return row, self._unknown(data)

    def _unknown(self, data: dict) -> list[str]:
        return [k for k in data if self.field(k) is None]

    # ------------------------------------------------------------ building

    @classmethod
    def from_construct(cls, construct: nodes.Construct,
                       evaluate: Callable[[Any], Any] | None = None) -> "TableSchema":
        """Read a ``table`` construct. EVALUATE (optional) computes non-constant defaults."""
        if construct.kind != "table":
            raise XsError("inputerror", f"'{construct.name}' is a {construct.kind}, not a table",
                          span=construct.span)
        stray = next((i for i in construct.items if isinstance(i, nodes.Statement)
                      and not i.disabled), None)
        if stray is not None:  # `int id` outside schema parses as a statement; never a column
            if stray.name in COERCERS and isinstance(stray.target, nodes.Literal):
                raise XsError("inputerror", f"table '{construct.name}': field "
                              f"'{stray.target.value}' is declared outside its schema block",
                              span=stray.span, hint="declare columns inside schema { ... }")
            raise XsError("inputerror", f"table '{construct.name}': a table holds no statement "
                          f"such as `{stray.name}`", span=stray.span,
                          hint="a table has schema { ... }, index = [...] and attributes")
        block = construct.block("schema")
        declared = [i for i in (block.items if block else ()) if isinstance(i, nodes.InputField)
                    and not i.disabled]
        fields: list[Field] = []
        for decl in declared:
            f = Field.from_input_field(decl, evaluate)
            if not f.name.strip():
                raise XsError("inputerror", f"table '{construct.name}': a field needs a name",
                              span=decl.span)
            if any(g.name == f.name for g in fields):
                raise XsError("inputerror", f"table '{construct.name}': field '{f.name}' is "
                              "declared twice", span=decl.span)
            # A table column may always hold null when it may be left out.
            fields.append(dataclasses.replace(f, nullable=f.nullable or f.optional))
        fields = _with_standard_fields(fields)
        auth = construct.attr("auth")
        index = construct.attr("index")
        return cls(
            name=construct.name,
            fields=tuple(fields),
            indexes=_indexes(constant(index.value, evaluate) if index else [], fields,
                             construct),
            auth=bool(auth and constant(auth.value, evaluate) is True),
            span=construct.span,
            renamed=_case_renames(fields),
        )


def _case_renames(fields: list[Field]) -> tuple[tuple[str, str], ...]:
    """Columns for fields whose names differ from an earlier one only by case."""
    seen = {f.name.lower() for f in fields}
    taken: set[str] = set()
    out = []
    for f in fields:
        if f.name.lower() not in taken:
            taken.add(f.name.lower())
            continue
        n = 2
        while f"{f.name}_{n}".lower() in seen | taken:
            n += 1
        column = f"{f.name}_{n}"
        taken.add(column.lower())
        out.append((column, f.name))
    return tuple(out)


def _with_standard_fields(fields: list[Field]) -> list[Field]:
    """Put ``id`` first and make sure ``created_at`` exists and defaults to now."""
    by_name = {f.name: f for f in fields}
    ident = by_name.get("id")
    if ident is None:
        ident = Field("id", "int", optional=True)
    elif ident.type == "int":
        ident = dataclasses.replace(ident, optional=True, nullable=False)
    elif ident.type == "uuid":
        ident = dataclasses.replace(ident, optional=True)
    rest = [f for f in fields if f.name != "id"]
    created = by_name.get("created_at")
    if created is None:
        rest.insert(0, Field("created_at", "timestamp", nullable=True, optional=True,
                             default=now_ms))
    elif created.type == "timestamp" and created.default is NO_DEFAULT:
        rest[rest.index(created)] = dataclasses.replace(created, optional=True, default=now_ms)
    return [ident, *rest]


def _indexes(spec: Any, fields: list[Field], construct: nodes.Construct) -> tuple[Index, ...]:
    names = {f.name for f in fields}
    out: list[Index] = []
    for entry in spec if isinstance(spec, list) else []:
        if isinstance(entry, list):  # [["user_id", "created_at"]]
            cols = tuple(str(c) for c in entry)
            kind = "btree"
        elif isinstance(entry, dict):
            kind = str(entry.get("type", "btree"))
            raw = entry.get("field", entry.get("fields", []))
            cols = tuple(str(c.get("name")) if isinstance(c, dict) else str(c)
                         for c in (raw if isinstance(raw, list) else [raw]))
        else:
            continue
        if kind == "primary" or not cols or cols == (WHOLE_RECORD,):
            continue
        if any(c not in names for c in cols):
            continue  # Xano keeps an index whose field was deleted; it indexes nothing here
        index = Index(cols, unique="unique" in kind, kind=kind.split("|")[0])
        if index not in out:  # asc and desc on one field: one index serves both orders
            out.append(index)
    return tuple(out)


def _as_object(data: Any, table: str) -> dict:
    if not isinstance(data, dict):
        raise XsError("inputerror", f"data for table '{table}' must be an object")
    return data
