"""``db.direct_query``: the user's SQL on the session's database, with bound arguments.

The SQL is sent as written, except that each ``?`` placeholder (outside string literals,
quoted names and comments) becomes the driver's own placeholder and the arguments travel
separately: SQLite takes ``?`` natively; psycopg takes ``%s``, so every other ``%`` is
doubled. Arguments are never spliced into the text. Rows come back as objects, with
database types turned into XanoScript values. Only ``db_store`` calls this module.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import re
import uuid
from typing import Any, Iterator

from sqlalchemy import exc as sa_exc

from ..errors import XsError
from ..values import BinaryText


def _segments(sql: str) -> Iterator[tuple[str, bool]]:
    """(piece, is_code) pairs: string literals, quoted names, comments and dollar-quoted
    bodies are not code, so a ``?`` inside them is no placeholder."""
    i, n, start = 0, len(sql), 0
    while i < n:
        c = sql[i]
        end = None
        if c in ("'", '"'):
            end = i + 1
            while end < n:
                if sql[end] == c:
                    if end + 1 < n and sql[end + 1] == c:  # '' escapes a quote
                        end += 2
                        continue
                    break
                end += 1
            end += 1
        elif sql.startswith("--", i):
            newline = sql.find("\n", i)
            end = n if newline < 0 else newline
        elif sql.startswith("/*", i):
            close = sql.find("*/", i + 2)
            end = n if close < 0 else close + 2
        elif c == "$":
            tag_end = sql.find("$", i + 1)
            tag = sql[i:tag_end + 1] if tag_end > 0 else ""
            if tag and (tag == "$$" or tag[1:-1].isidentifier()):
                close = sql.find(tag, tag_end + 1)
                end = n if close < 0 else close + len(tag)
        if end is None:
            i += 1
            continue
        if start < i:
            yield sql[start:i], True
        yield sql[i:end], False
        i = start = end
    if start < n:
        yield sql[start:], True


_XANO_TABLE = re.compile(r"\bx\d+_(\d+)\b")


def xano_tables(sql: str, named: dict[int, str]) -> str:
    """SQL written for Xano names a table `x<workspace>_<number>`; NAMED maps the numbers
    an export gave its tables to their tables here."""
    if not named:
        return sql
    out = []
    for piece, code in _segments(sql):
        if code:
            piece = _XANO_TABLE.sub(lambda m: '"%s"' % named[int(m.group(1))]
                                    if int(m.group(1)) in named else m.group(0), piece)
        out.append(piece)
    return "".join(out)


def placeholders(sql: str) -> int:
    """How many ``?`` placeholders the SQL has."""
    return sum(piece.count("?") for piece, code in _segments(sql) if code)


def for_driver(sql: str, backend: str) -> str:
    """SQL with the driver's placeholder style."""
    if backend == "sqlite":
        return sql
    out = []
    for piece, code in _segments(sql):
        piece = piece.replace("%", "%%")
        out.append(piece.replace("?", "%s") if code else piece)
    return "".join(out)


def _value(v: Any) -> Any:
    """A database value as a XanoScript value."""
    if isinstance(v, decimal.Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, dt.datetime):
        if v.tzinfo is None:
            v = v.replace(tzinfo=dt.timezone.utc)
        return int(v.timestamp() * 1000)  # XanoScript timestamps are epoch milliseconds
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    if isinstance(v, dt.timedelta):
        return v.total_seconds()
    if isinstance(v, uuid.UUID):
        return str(v)
    if isinstance(v, (bytes, bytearray, memoryview)):
        return BinaryText(bytes(v).decode("latin-1"))
    if isinstance(v, (list, tuple)):
        return [_value(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _value(x) for k, x in v.items()}
    return v


def _argument(v: Any) -> Any:
    """An argument as the driver takes it: arrays and objects as JSON text."""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v


def run(conn: Any, backend: str, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    """Run SQL with ARGS on CONN; the rows as objects ([] for a statement without rows)."""
    wanted = placeholders(sql)
    if wanted != len(args):
        raise XsError("inputerror", f"db.direct_query: the SQL has {wanted} `?` "
                      f"placeholder{'s' if wanted != 1 else ''} but {len(args)} "
                      f"argument{'s were' if len(args) != 1 else ' was'} given",
                      payload={"param": "arg"})
    try:
        result = conn.exec_driver_sql(for_driver(sql, backend),
                                      tuple(_argument(a) for a in args))
    except sa_exc.IntegrityError:
        raise  # duplicates: db_store's translation names the field
    except sa_exc.DBAPIError as exc:
        if (exc.connection_invalidated or "statement timeout" in str(exc.orig)
                or str(exc.orig).strip() == "interrupted"):
            raise  # Database says what timed out (and how to raise it) or was interrupted
        detail = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else "failed"
        hint = "check the SQL against the session's tables (%db shows them)"
        if backend == "sqlite":  # Xano's own database is PostgreSQL
            hint += ("; SQL written for Xano is PostgreSQL's: run it on PostgreSQL "
                     "(xs load --db postgresql://..., %db connect URL)")
        raise XsError("standard", f"db.direct_query: SQL error: {detail}", hint=hint,
                      payload={"sql": sql}) from None
    if not result.returns_rows:
        return []
    return [{str(k): _value(v) for k, v in row._mapping.items()} for row in result]
