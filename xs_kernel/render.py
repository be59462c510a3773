"""A finished XanoScript value -> a Jupyter MIME bundle.

Every value gets ``text/plain``; non-empty arrays and objects also get a ``text/html``
table. Scalars read like JSON everywhere (``"abc"``, ``42``, ``2.5``, ``true``, ``null``),
so text ``"null"`` and ``null`` differ, and so do ``"42"`` and ``42``. Array positions are
numbered from 0 in both forms (``0) "a"``), matching ``$list[0]``; redis-cli counts from 1,
but a number a user can paste back as an index is worth more than the familiar look.

A timestamp in a table (see ``timestamp_iso``: a column or key named like one, holding
epoch milliseconds between 2000 and 2100) shows in ``text/html`` as UTC ISO 8601, with
the number in its ``title``; ``text/plain`` keeps the number, which a user can paste back.

Only the first ``max_rows`` rows are shown, with a visible "showing N of M rows" line.
Output is deterministic: no ids, no timestamps, no addresses. This module receives a value
and never reaches back into the session or a back-end. All HTML goes through ``markup``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from . import markup as m
from .values import parse_number, printable, to_json

DEFAULT_MAX_ROWS = 50
CLASS_TIMESTAMP = "xs-timestamp"
# Names that say "a point in time": created_at, updated_at, expires_at, last_login_time,
# start_date, createdAt, timestamp... A number alone is never taken for a time.
_TIME_NAME = re.compile(r"(?i:(?:^|_)(?:at|time|timestamp|date)$|^(?:created|updated|expires)$)"
                        r"|[a-z0-9](?:At|Time|Timestamp|Date)$")  # camelCase: case matters
_TIME_RANGE = (946_684_800_000, 4_102_444_800_000)  # 2000-01-01 .. 2100-01-01, in ms


@dataclass(frozen=True)
class RenderOptions:
    """``max_rows``: rows shown before the "showing N of M" line; ``max_cell``: characters
    of a nested value shown inside one table cell or text column."""

    max_rows: int = DEFAULT_MAX_ROWS
    max_cell: int = 120


def bundle(value: Any, options: RenderOptions | None = None) -> dict[str, str]:
    """The MIME bundle for VALUE: ``text/plain`` always, ``text/html`` for tables."""
    options = options or RenderOptions()
    data = {"text/plain": printable(plain(value, options))}
    table = html(value, options)
    if table is not None:
        data["text/html"] = printable(table)
    return data


def scalar(value: Any) -> str:
    """JSON-like text of one value: text quoted, numbers bare, ``null``, compact JSON."""
    return to_json(value)


def cell(value: Any) -> str:
    """A table cell's text: text shows bare, so tables read cleanly, unless it could pass for
    another value (empty, ``null``, ``true``, a number, JSON, spaces at an end) — then it
    is quoted, so the text "null" never looks like null."""
    if isinstance(value, str) and _bare_is_unambiguous(value):
        return value
    return scalar(value)


def _bare_is_unambiguous(text: str) -> bool:
    return (text != "" and text == text.strip() and "\n" not in text
            and text not in ("null", "true", "false") and text[0] not in "[{\"'"
            and parse_number(text) is None)


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


def footer(shown: int, total: int) -> str | None:
    return None if shown >= total else f"showing {shown:,} of {total:,} rows"


# -- text/plain


def plain(value: Any, options: RenderOptions | None = None) -> str:
    """Readable text: numbered lines for arrays, ``key: value`` lines for objects, a
    column layout for an array of objects."""
    options = options or RenderOptions()
    if isinstance(value, list) and value:
        rows = value[: options.max_rows]
        if _is_records(value):
            lines = _text_table(rows, options)
        else:
            width = len(str(len(rows) - 1))
            lines = [f"{i:>{width}}) {cut(scalar(v), options.max_cell)}" for i, v in enumerate(rows)]
    elif isinstance(value, dict) and value:
        keys = list(value)[: options.max_rows]
        names = [_key_text(k) for k in keys]
        width = max(len(n) for n in names) + 1
        lines = [f"{(n + ':'):<{width}} {cut(scalar(value[k]), options.max_cell)}"
                 for n, k in zip(names, keys)]
    else:
        return scalar(value)
    note = footer(min(len(value), options.max_rows), len(value))
    return "\n".join(lines + ([f"({note})"] if note else []))


def _key_text(key: Any) -> str:
    """Keys print bare unless that would be ambiguous (empty, spaces, colons, quotes)."""
    text = str(key)
    if text and all(c.isalnum() or c in "_-.$" for c in text):
        return text
    return scalar(text)


def _text_table(rows: list[dict], options: RenderOptions) -> list[str]:
    columns = _columns(rows)
    limit = max(options.max_cell // 3, 12)
    grid = [["#", *(_key_text(c) for c in columns)]]
    for i, row in enumerate(rows):
        grid.append([str(i), *(cut(cell(row[c]), limit) if c in row else "" for c in columns)])
    widths = [max(len(r[j]) for r in grid) for j in range(len(grid[0]))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in grid]


# -- text/html


def html(value: Any, options: RenderOptions | None = None) -> str | None:
    """An HTML table for a non-empty array or object, else None."""
    options = options or RenderOptions()
    if isinstance(value, list) and value:
        rows = value[: options.max_rows]
        table = _record_table(rows, options) if _is_records(value) else _index_table(rows, options)
    elif isinstance(value, dict) and value:
        keys = list(value)[: options.max_rows]
        rows = keys
        table = _table(["key", "value"],
                       [[m.element(m.TH, str(k)), _named_cell(k, value[k], options)]
                        for k in keys])
    else:
        return None
    note = footer(len(rows), len(value))
    return str(m.element(m.DIV, table, m.element(m.P, note, cls=m.CLASS_FOOTER) if note else None,
                         cls=m.CLASS_RESULT))


def _index_table(rows: list[Any], options: RenderOptions) -> m.Markup:
    return _table(["#", "value"],
                  [[_index(i), _cell(v, options)] for i, v in enumerate(rows)])


def _record_table(rows: list[dict], options: RenderOptions) -> m.Markup:
    columns = _columns(rows)
    body = [[_index(i), *(_named_cell(c, row[c], options) if c in row
                          else m.element(m.TD, cls=m.CLASS_MISSING) for c in columns)]
            for i, row in enumerate(rows)]
    return _table(["#", *(str(c) for c in columns)], body)


def _table(headers: list[str], rows: list[list[m.Markup]]) -> m.Markup:
    head = m.element(m.THEAD, m.element(m.TR, [m.element(m.TH, h) for h in headers]))
    body = m.element(m.TBODY, [m.element(m.TR, cells) for cells in rows])
    return m.element(m.TABLE, head, body, cls=m.CLASS_TABLE)


def _index(i: int) -> m.Markup:
    return m.element(m.TD, str(i), cls=m.CLASS_INDEX)


def _cell(value: Any, options: RenderOptions) -> m.Markup:
    if value is None:
        return m.element(m.TD, m.element(m.SPAN, "null", cls=m.CLASS_NULL))
    if isinstance(value, (list, dict)):
        text = cut(scalar(value), options.max_cell)
        return m.element(m.TD, m.element(m.CODE, text, cls=m.CLASS_NESTED))
    return m.element(m.TD, cell(value))


# -- shared


def timestamp_iso(name: Any, value: Any) -> str | None:
    """VALUE as UTC ISO 8601 when it is a timestamp by its NAME and range, else None.

    XanoScript timestamps are plain ints of epoch milliseconds, so the name decides:
    the column or key must read as a time (``created_at``, ``updated_at``, ``*_time``,
    ``*_date``, ``timestamp``, ``createdAt``...) and the int must fall in 2000..2100.
    """
    if not isinstance(name, str) or not _TIME_NAME.search(name):
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    if not _TIME_RANGE[0] <= value < _TIME_RANGE[1]:
        return None
    moment = datetime.fromtimestamp(value / 1000, tz=timezone.utc)
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    millis = value % 1000
    return f"{text}.{millis:03d}Z" if millis else f"{text}Z"


def _named_cell(name: Any, value: Any, options: RenderOptions) -> m.Markup:
    iso = timestamp_iso(name, value)
    if iso is None:
        return _cell(value, options)
    return m.element(m.TD, iso, cls=CLASS_TIMESTAMP, title=str(value))


def _is_records(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _columns(rows: list[dict]) -> list[str]:
    """The union of the rows' keys, in first-seen order."""
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)
