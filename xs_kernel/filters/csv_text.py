"""CSV filters: reading CSV text into arrays or objects and writing rows as CSV text.

Fields are texts when read; when written, arrays and objects inside a row become JSON and
null an empty field. Rows end with a newline.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..registry import xs_filter
from ..values import to_text
from . import _support as s


def _dialect(name: str, separator: Any, enclosure: Any, escape: Any) -> dict[str, Any]:
    sep = s.text(name, separator, "the separator")
    quote = s.text(name, enclosure, "the enclosure")
    esc = s.text(name, escape, "the escape character") if escape not in (None, "") else None
    if len(sep) != 1 or len(quote) != 1 or (esc is not None and len(esc) != 1):
        raise s.bad(name, "the separator, enclosure and escape must be single characters")
    return {"delimiter": sep, "quotechar": quote, "escapechar": esc, "doublequote": True}


def _rows(name: str, text: str, dialect: dict[str, Any]) -> list[list[str]]:
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""), **dialect) if row]
    except csv.Error as exc:
        raise s.bad(name, f"not valid CSV: {exc}") from None


def _write(name: str, rows: list[list[Any]], dialect: dict[str, Any]) -> str:
    """Rows as CSV, quoting a field the way PHP's fputcsv does: when it holds the separator,
    the enclosure, the escape character, a line break, a tab or a space."""
    specials = {dialect["delimiter"], dialect["quotechar"], "\n", "\r", "\t", " "}
    if dialect["escapechar"]:
        specials.add(dialect["escapechar"])
    quote = dialect["quotechar"]

    def field(value: Any) -> str:
        text = to_text(value)
        if not any(c in text for c in specials):
            return text
        return quote + text.replace(quote, quote + quote) + quote

    return "".join(dialect["delimiter"].join(field(v) for v in row) + "\n" for row in rows)


def _as_row(name: str, row: Any, columns: list[str] | None = None) -> list[Any]:
    if isinstance(row, dict):
        return [row.get(c) for c in columns] if columns is not None else list(row.values())
    if isinstance(row, list):
        return row
    raise s.bad(name, f"each row must be an array or an object, got {s.described(row)}")


@xs_filter("csv_decode", accepts=s.TEXT)
def filter_csv_decode(value, separator=",", enclosure='"', escape=None):
    """CSV text read into an array of rows, each an array of texts.

    text|csv_decode[:separator[:enclosure[:escape]]] — `"a,b\\n1,2"|csv_decode` is
    [["a","b"],["1","2"]]. Empty lines are skipped.
    """
    dialect = _dialect("csv_decode", separator, enclosure, escape)
    return _rows("csv_decode", s.receiver_text(value), dialect)


@xs_filter("csv_parse", accepts=s.TEXT)
def filter_csv_parse(value, separator=",", enclosure='"', escape=None):
    """CSV text with a header line read into an array of objects keyed by the header.

    text|csv_parse[:separator[:enclosure[:escape]]] — `"a,b\\n1,2"|csv_parse` is
    [{a:"1",b:"2"}]; missing fields are null.
    """
    dialect = _dialect("csv_parse", separator, enclosure, escape)
    rows = _rows("csv_parse", s.receiver_text(value), dialect)
    if not rows:
        return []
    header, body = rows[0], rows[1:]
    return [{h: (row[i] if i < len(row) else None) for i, h in enumerate(header)}
            for row in body]


@xs_filter("csv_encode", accepts=s.ARRAY)
def filter_csv_encode(value, separator=",", enclosure='"', escape=None):
    """An array of rows (arrays, or objects by their values) written as CSV text.

    array|csv_encode[:separator[:enclosure[:escape]]] — `[["a","b"],[1,2]]|csv_encode` is
    "a,b\\n1,2\\n".
    """
    dialect = _dialect("csv_encode", separator, enclosure, escape)
    return _write("csv_encode", [_as_row("csv_encode", r) for r in value], dialect)


@xs_filter("csv_create", accepts=s.ARRAY)
def filter_csv_create(value, rows, separator=",", enclosure='"', escape=None):
    """CSV text from column names (the receiver) and rows of data (arrays or objects).

    columns|csv_create:rows[:separator[:enclosure[:escape]]] —
    `["id","name"]|csv_create:[{id:1,name:"Ann"}]` is "id,name\\n1,Ann\\n".
    """
    columns = [s.text("csv_create", c, "a column name") for c in value]
    dialect = _dialect("csv_create", separator, enclosure, escape)
    body = [_as_row("csv_create", r, columns) for r in s.array("csv_create", rows, "rows")]
    return _write("csv_create", [columns, *body], dialect)
