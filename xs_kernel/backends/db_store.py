"""The session's database: XanoScript tables on SQLite (embedded) or PostgreSQL.

``Database(url)`` opens an in-memory SQLite database when URL is None, a SQLite file for
``sqlite:///path``, and a PostgreSQL server for ``postgresql://...`` (driven by psycopg 3).
It creates a table per ``table`` construct (``define_table``), runs the ``db.*`` operations
through SQLAlchemy Core with bound parameters only, and turns database failures into
XsErrors. This package is the only place that imports SQLAlchemy; SQL building for where
clauses lives in ``db_sql``, the query tree in ``..query``, field checks in ``..schema``.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import re
from typing import Any, Callable, Iterator

from sqlalchemy import (Column as SaColumn, Index as SaIndex, MetaData, Table, create_engine,
                        delete, event, func, insert, inspect, select, text, update)
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.pool import StaticPool
from sqlalchemy.schema import CreateColumn

from .. import patterns
from .. import query as q
from ..credentials import mask_credentials
from ..errors import XsError
from ..schema import TableSchema
from ..values import preview
from . import db_limits, db_sql
from .db_query import QueryRunner, output_names

MEMORY_URL = "sqlite+pysqlite:///:memory:"


CONNECT_TIMEOUT = 4  # seconds; an unreachable or silent server is an error within 5 s


def normalize_url(url: str | None) -> str:
    """The SQLAlchemy URL for what a user typed (None/"embedded"/"memory": in-memory SQLite)."""
    if url is None or url.strip().lower() in ("", "embedded", "memory", "sqlite://",
                                               "sqlite:///:memory:"):
        return MEMORY_URL
    url = url.strip()
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise XsError("inputerror", f"not a database URL: {url!r}",
                      hint="use sqlite:///path/to/file.db or postgresql://user@host:5432/db")
    scheme = scheme.lower()
    if scheme in ("postgres", "postgresql", "postgresql+psycopg"):
        return "postgresql+psycopg://" + rest
    if scheme in ("sqlite", "sqlite+pysqlite"):
        return "sqlite+pysqlite://" + rest
    raise XsError("inputerror", f"unsupported database {scheme!r}",
                  hint="the kernel speaks SQLite (embedded) and PostgreSQL")


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite's own transaction handling breaks savepoints; SQLAlchemy's documented fix is
    # to switch it off and emit BEGIN ourselves (see _sqlite_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA case_sensitive_like = ON")  # `like` is case-sensitive, as on PostgreSQL
    for name, fn in (("floor", math.floor), ("ceil", math.ceil)):
        try:
            cur.execute(f"SELECT {name}(1.5)")
        except Exception:  # builds without the math functions
            dbapi_conn.create_function(name, 1, lambda x, fn=fn: None if x is None else fn(x),
                                       deterministic=True)
    cur.close()
    # Replaces SQLAlchemy's own REGEXP (plain `re`, which a runaway pattern would hang for
    # hours, uninterruptibly) with the bounded match of `patterns`.
    dbapi_conn.create_function("regexp", 2, _bounded_regexp, deterministic=True)


def _bounded_regexp(pattern: str | None, value: Any) -> bool | None:
    if pattern is None or value is None:
        return None
    # A RunawayPattern raised here reaches us as "user-defined function raised exception".
    return patterns.search(pattern, str(value)) is not None


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN")


def translate(exc: Exception, timeout: float | None = None) -> XsError:
    """A database failure as a XanoScript error (no driver traceback reaches the user)."""
    orig = getattr(exc, "orig", None) or exc
    detail = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if isinstance(exc, sa_exc.IntegrityError):
        found = re.search(r"Key \(([^)]*)\)", str(orig)) or \
            re.search(r"UNIQUE constraint failed: ([\w.]+)", str(orig))
        if found or "unique" in detail.lower() or "duplicate" in detail.lower():
            field = found.group(1).split(".")[-1] if found else "?"
            return XsError("inputerror", f"duplicate record: another record already has this "
                           f"{field}", payload={"field": field})
        return XsError("inputerror", f"the database refused the record: {detail}")
    unstorable = db_limits.unstorable(str(orig))
    if unstorable is not None:
        return unstorable
    if "statement timeout" in detail:  # PostgreSQL's QueryCanceled from statement_timeout
        return db_limits.timeout_error(timeout)
    if "user-defined function raised exception" in detail:  # only _bounded_regexp raises
        return XsError("standard", f"a regular expression in the where clause ran for more "
                       f"than {patterns.MATCH_TIMEOUT:g} s and was stopped",
                       hint="simplify nested repetitions such as (a+)+")
    if isinstance(exc, (sa_exc.OperationalError, sa_exc.InterfaceError)):
        return XsError("standard", f"database unavailable: {detail}")
    return XsError("standard", f"database error: {detail}")


@contextlib.contextmanager
def guarded(timeout: float | None = None) -> Iterator[None]:
    try:
        yield
    except sa_exc.SQLAlchemyError as exc:
        raise translate(exc, timeout) from None


@contextlib.contextmanager
def _settle(tx: Any) -> Iterator[None]:
    """Commit TX on success or a control-flow signal, roll it back on an error."""
    try:
        yield
    except (Exception, KeyboardInterrupt, SystemExit, GeneratorExit):
        tx.rollback()
        raise
    except BaseException:
        tx.commit()
        raise
    tx.commit()


def _parsed(url: str) -> Any:
    try:
        return make_url(url)
    except (ValueError, sa_exc.ArgumentError) as exc:
        detail = "the port must be a number" if "int()" in str(exc) else "it does not parse"
        raise XsError("inputerror", f"not a valid database URL {url!r}: {detail}",
                      hint="postgresql://USER@HOST:5432/DATABASE") from None


class Database:
    """Tables defined in this session and the operations of the ``db.*`` statements."""

    def __init__(self, url: str | None = None, *, prefix: str = "",
                 timeout: str | float | None = None) -> None:
        self.url = normalize_url(url)
        self.prefix = prefix
        self.timeout = db_limits.statement_timeout(timeout)  # seconds a statement may run
        self._guard: db_limits.SqliteGuard | None = None
        with guarded():
            parsed = _parsed(self.url)
            self.backend = parsed.get_backend_name()
            self.engine = self._engine(parsed)
        self.metadata = MetaData()
        self._tables: dict[str, tuple[TableSchema, Table]] = {}
        # Xano's table numbers (an export's `tables/143_lead.xs`): SQL written for Xano
        # names the table `x<workspace>_143`.
        self.table_ids: dict[int, str] = {}
        self._created: set[str] = set()  # tables this object made (reset drops only these)
        self._tx: Connection | None = None

    def _engine(self, parsed: Any) -> Any:
        if self.backend == "sqlite":
            kw: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
            if parsed.database in (None, "", ":memory:"):
                kw["poolclass"] = StaticPool  # one shared connection keeps the data alive
            engine = create_engine(self.url, **kw)
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
            # SQLite runs in this process: a statement is stopped from inside (timeout,
            # Ctrl-C) by a progress handler; PostgreSQL's server applies statement_timeout.
            self._guard = db_limits.SqliteGuard(self.timeout)
            self._guard.attach(engine)
            return engine
        try:
            # A server that accepts and never answers must not hold a cell for libpq's
            # default minutes: connecting gives up after CONNECT_TIMEOUT seconds.
            # A statement gives up after self.timeout seconds (the server cancels it).
            engine = create_engine(self.url, pool_pre_ping=True,
                                   connect_args={"connect_timeout": CONNECT_TIMEOUT})
        except ImportError:
            raise XsError("standard", "PostgreSQL needs the psycopg driver",
                          hint="pip install 'xs_kernel[postgres]'") from None
        db_limits.pg_statement_timeout(engine, self.timeout)
        return engine

    # ------------------------------------------------------------ identity

    @property
    def embedded(self) -> bool:
        return self.backend == "sqlite"

    def describe(self) -> str:
        """The URL without its password."""
        if self.url == MEMORY_URL:
            return "sqlite:// (in memory)"
        return mask_credentials(make_url(self.url).render_as_string(hide_password=True))

    def close(self) -> None:
        self._tx = None
        self.engine.dispose()

    # ------------------------------------------------------------ connections

    @contextlib.contextmanager
    def _guarded(self) -> Iterator[None]:
        """Database failures as XsErrors; a SQLite statement the progress handler stopped
        is the timeout error or, when a Ctrl-C stopped it, the interrupt it was."""
        try:
            yield
        except sa_exc.SQLAlchemyError as exc:
            if self._guard is not None and db_limits.is_interrupted(exc):
                if not self._guard.expired:
                    raise KeyboardInterrupt from None
                raise db_limits.timeout_error(self.timeout) from None
            raise translate(exc, self.timeout) from None
        except UnicodeEncodeError:  # a lone surrogate: no UTF-8 database can hold it
            raise db_limits.lone_surrogate() from None

    @contextlib.contextmanager
    def connect(self) -> Iterator[Connection]:
        """The open transaction's connection, or a new one committed on success."""
        with self._guarded():
            if self._tx is not None:
                # A savepoint per operation: a failed write (a duplicate caught by
                # try_catch) must not leave PostgreSQL's transaction aborted.
                with self._tx.begin_nested():
                    yield self._tx
                return
            with self.engine.begin() as conn:
                yield conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside commits together or not at all (nested: a savepoint). An
        error rolls back; leaving through `return`/`break` (control-flow signals, which are
        BaseExceptions but not Exceptions) commits."""
        with self._guarded():
            if self._tx is not None:
                with _settle(self._tx.begin_nested()):
                    yield
                return
            with self.engine.connect() as conn:
                self._tx = conn
                try:
                    with _settle(conn.begin()):
                        yield
                finally:
                    self._tx = None

    # ------------------------------------------------------------ tables

    def define_table(self, construct: Any, evaluate: Callable[[Any], Any] | None = None
                     ) -> TableSchema:
        """Create (or extend with new columns) the table a ``table`` construct declares."""
        schema = (construct if isinstance(construct, TableSchema)
                  else TableSchema.from_construct(construct, evaluate))
        physical = self.prefix + schema.name
        if physical in self.metadata.tables:
            self.metadata.remove(self.metadata.tables[physical])
        # AUTOINCREMENT: SQLite would otherwise hand a deleted largest id out again,
        # which PostgreSQL (and Xano) never do.
        table = Table(physical, self.metadata, *self._columns(schema),
                      *self._indexes(schema, physical), sqlite_autoincrement=schema.auto_id)
        with self.connect() as conn:
            if not inspect(conn).has_table(physical):
                table.create(conn)
                self._created.add(physical)
            else:
                self._add_missing_columns(conn, table)
                for index in table.indexes:
                    index.create(conn, checkfirst=True)
        self._tables[schema.name] = (schema, table)
        return schema

    def _columns(self, schema: TableSchema) -> list[SaColumn]:
        cols = []
        for f in schema.fields:
            if f.name == "id":
                cols.append(SaColumn("id", db_sql.sql_type(f), primary_key=True,
                                     autoincrement=schema.auto_id))
            else:  # validation happens before the write, so every column may hold null
                cols.append(SaColumn(schema.column(f.name), db_sql.sql_type(f),
                                     key=f.name, nullable=True))
        return cols

    def _indexes(self, schema: TableSchema, physical: str) -> list[SaIndex]:
        out = []
        for index in schema.indexes:
            if not index.plain:
                continue
            digest = hashlib.sha1("|".join((physical, *index.fields)).encode()).hexdigest()[:10]
            name = f"{'ux' if index.unique else 'ix'}_{physical[:40]}_{digest}"
            out.append(SaIndex(name, *index.fields, unique=index.unique))
        return out

    def _add_missing_columns(self, conn: Connection, table: Table) -> None:
        existing = {c["name"] for c in inspect(conn).get_columns(table.name)}
        prep = conn.dialect.identifier_preparer
        for col in table.columns:
            if col.name not in existing:
                ddl = CreateColumn(col).compile(dialect=conn.dialect)
                conn.execute(text(f"ALTER TABLE {prep.format_table(table)} ADD COLUMN {ddl}"))

    def table(self, name: Any) -> tuple[TableSchema, Table]:
        if not isinstance(name, str) or name not in self._tables:
            raise XsError("notfound", f"table {name!r} is not defined in this session",
                          hint=f'define it first: table "{name}" {{ schema {{ int id ... }} }}')
        return self._tables[name]

    def schema(self, name: str) -> TableSchema:
        return self.table(name)[0]

    def names(self) -> list[str]:
        return sorted(self._tables)

    def count(self, name: str) -> int:
        _, table = self.table(name)
        with self.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(table)).scalar_one())

    def reset(self) -> None:
        """Forget every table; drop those this object created (a table that was already on
        the server when its definition ran is left in place)."""
        with self.connect() as conn:
            for _, table in self._tables.values():
                if table.name in self._created:
                    table.drop(conn, checkfirst=True)
        self._tables.clear()
        self._created.clear()
        self.metadata = MetaData()

    # ------------------------------------------------------------ single records

    def _key(self, schema: TableSchema, table: Table, field: Any) -> SaColumn:
        if not isinstance(field, str) or field not in table.c:
            raise XsError("inputerror", f"table '{schema.name}' has no field {field!r}",
                          hint="fields: " + ", ".join(schema.names()))
        return table.c[field]

    def _find_id(self, conn: Connection, schema: TableSchema, table: Table, field: Any,
                 value: Any) -> Any:
        col = self._key(schema, table, field)
        if value is None:
            return None
        value = db_sql.value_for_column(schema.field(field), "eq", value)
        stmt = select(table.c.id).where(col == value).order_by(table.c.id).limit(1)
        return conn.execute(stmt).scalar()

    def get(self, name: str, field: Any, value: Any, output: list | None = None
            ) -> dict | None:
        schema, table = self.table(name)
        with self.connect() as conn:
            found = self._find_id(conn, schema, table, field, value)
            if found is None:
                return None
            row = conn.execute(select(*self._selected(schema, table, output))
                               .where(table.c.id == found)).mappings().first()
        return db_sql.record(schema, row) if row is not None else None

    def has(self, name: str, field: Any, value: Any) -> bool:
        schema, table = self.table(name)
        with self.connect() as conn:
            return self._find_id(conn, schema, table, field, value) is not None

    def add(self, name: str, data: Any) -> tuple[dict, list[str]]:
        """Insert a record; returns it and the keys of DATA that are not fields."""
        schema, table = self.table(name)
        row, ignored = schema.prepare_insert(data)
        with self.connect() as conn:
            record = conn.execute(insert(table).values(**row).returning(*table.c)
                                  ).mappings().one()
            if "id" in row and schema.auto_id and self.backend == "postgresql":
                self._bump_sequence(conn, table)
        return db_sql.record(schema, record), ignored

    def _bump_sequence(self, conn: Connection, table: Table) -> None:
        # An explicit id leaves PostgreSQL's serial behind; move it past the largest id.
        prep = conn.dialect.identifier_preparer
        conn.execute(text("SELECT setval(pg_get_serial_sequence(:t, 'id'), "
                          f"(SELECT COALESCE(MAX(id), 1) FROM {prep.format_table(table)}))"),
                     {"t": prep.format_table(table)})

    def bulk_add(self, name: str, items: Any) -> tuple[list[dict], list[str]]:
        if not isinstance(items, list):
            raise XsError("inputerror", "db.bulk.add needs an array of records in `items`")
        records, ignored = [], []
        with self.transaction():
            for item in items:
                record, extra = self.add(name, item)
                records.append(record)
                ignored.extend(k for k in extra if k not in ignored)
        return records, ignored

    def edit(self, name: str, field: Any, value: Any, data: Any) -> tuple[dict, list[str]]:
        """Update the first record whose FIELD equals VALUE (notfound when none does)."""
        schema, table = self.table(name)
        changes, ignored = schema.prepare_update(data)
        with self.connect() as conn:
            found = self._find_id(conn, schema, table, field, value)
            if found is None:
                raise XsError("notfound", f"no {name} record with {field} = {preview(value)}")
            stmt = update(table).where(table.c.id == found)
            if changes:
                record = conn.execute(stmt.values(**changes).returning(*table.c)).mappings().one()
            else:
                record = conn.execute(select(table).where(table.c.id == found)).mappings().one()
        return db_sql.record(schema, record), ignored

    def add_or_edit(self, name: str, field: Any, value: Any, data: Any
                    ) -> tuple[dict, list[str]]:
        schema, table = self.table(name)
        with self.transaction():
            with self.connect() as conn:
                found = self._find_id(conn, schema, table, field, value)
            if found is not None:
                return self.edit(name, "id", found, data)
            fresh = dict(data) if isinstance(data, dict) else data
            if isinstance(fresh, dict) and isinstance(field, str):
                fresh.setdefault(field, value)
            return self.add(name, fresh)

    def delete(self, name: str, field: Any, value: Any) -> bool:
        """Delete the first record whose FIELD equals VALUE; False when there was none."""
        schema, table = self.table(name)
        with self.connect() as conn:
            found = self._find_id(conn, schema, table, field, value)
            if found is None:
                return False
            conn.execute(delete(table).where(table.c.id == found))
        return True

    def truncate(self, name: str, reset: bool = False) -> None:
        _, table = self.table(name)
        with self.connect() as conn:
            if self.backend == "postgresql":
                prep = conn.dialect.identifier_preparer
                restart = " RESTART IDENTITY" if reset else ""
                conn.execute(text(f"TRUNCATE {prep.format_table(table)}{restart}"))
            else:
                conn.execute(delete(table))
                if reset and inspect(conn).has_table("sqlite_sequence"):
                    conn.execute(text("DELETE FROM sqlite_sequence WHERE name = :t"),
                                 {"t": table.name})

    # ------------------------------------------------------------ queries

    def _selected(self, schema: TableSchema, table: Table, output: list | None) -> list:
        if not output:
            return list(table.c)
        names = output_names(output, set(table.c.keys()))
        if not names:
            raise XsError("inputerror", f"table '{schema.name}' has no field {output[0]!r}",
                          hint="fields: " + ", ".join(schema.names()))
        return [table.c[n] for n in names]

    def query(self, name: str, *, where: q.Condition = q.Const(True), sort: Any = None,
              output: list | None = None, result: Any = None, joins: list[q.Join] = (),
              evals: dict[str, q.Operand] | None = None,
              aggregate: q.Aggregate | None = None) -> Any:
        """Run a ``db.query``; RESULT is the ``return`` object ({type, paging}), AGGREGATE
        its group and eval columns."""
        with self.connect() as conn:
            runner = QueryRunner(self, conn, name, joins, evals or {})
            return runner.run(where, sort, output, result, aggregate)

    def bulk_delete(self, name: str, where: q.Condition) -> int:
        with self.connect() as conn:
            return QueryRunner(self, conn, name, (), {}).delete(where)

    def bulk_update(self, name: str, where: q.Condition, data: Any) -> int:
        schema, _ = self.table(name)
        changes, _ = schema.prepare_update(data)
        with self.connect() as conn:
            return QueryRunner(self, conn, name, (), {}).update(where, changes)

    def direct_query(self, sql: str, args: list[Any]) -> list[dict]:
        """Run the user's SQL with bound ARGS (``db.direct_query``); rows as objects."""
        from . import db_direct

        named = {number: self._tables[name][1].name for number, name in self.table_ids.items()
                 if name in self._tables}
        with self.connect() as conn:
            return db_direct.run(conn, self.backend, db_direct.xano_tables(sql, named), args)
