"""``db.direct_query``: SQL written by the user, on the session's database.

Arguments are bound, never spliced: ``arg = [$a, $b]`` (an array: one argument per
element), ``arg = $a`` (one argument) or ``arg`` repeated once per placeholder, each
filling the next ``?``. ``parser = "template_engine"`` first renders the SQL as a Twig
template, as Xano does (the template's output is SQL text: escape what it prints with
``|sql_esc``). ``response_type`` is ``list`` (every row) or ``single`` (the first row or
null). Reaches the database only through ``call.services.db``.
"""

from __future__ import annotations

from typing import Any

from ..errors import XsError
from ..registry import Call, Param, Repeated, builtin
from ..values import type_name


def _arguments(arg: Any) -> list[Any]:
    if arg is None:
        return []
    if isinstance(arg, Repeated):
        return list(arg)
    if isinstance(arg, list):
        return arg
    return [arg]


@builtin("db.direct_query", Param("sql", required=True, doc="the SQL; `?` marks an argument"),
         Param("arg", repeat=True, doc="the arguments: an array, or one `arg` per `?`"),
         Param("response_type", "text", default="list", doc="list or single"),
         Param("parser", "text", default="none", doc="none, or template_engine (Twig)"),
         fresh_result=True)
def db_direct_query(call: Call, sql: Any = None, arg: Any = None, response_type: Any = "list",
                    parser: Any = "none") -> Any:
    """Run SQL on the session's database with bound `?` arguments; rows as objects.

    Table names are the session's (with %db's prefix, if one is set). A statement without
    rows (UPDATE without RETURNING) gives [] (single: null).

    db.direct_query {
      sql = "SELECT * FROM user WHERE email = ? AND status = ?"
      arg = [$input.email, "active"]
      response_type = "list"
    } as $rows
    """
    if not isinstance(sql, str) or not sql.strip():
        raise XsError("inputerror", f"db.direct_query: `sql` must be SQL text, got "
                      f"{type_name(sql)}", payload={"param": "sql"})
    if response_type not in ("list", "single"):
        raise XsError("inputerror", "db.direct_query: `response_type` must be \"list\" or "
                      f"\"single\", got {response_type!r}", payload={"param": "response_type"})
    if parser not in (None, "none", "template_engine"):
        raise XsError("inputerror", "db.direct_query: `parser` must be \"none\" or "
                      f"\"template_engine\", got {parser!r}", payload={"param": "parser"})
    if parser == "template_engine":
        from .template import context_of, render

        sql = render(sql, context_of(call), owner="db.direct_query")
    try:
        rows = call.services.db.direct_query(sql, _arguments(arg))
    except XsError as exc:
        if not exc.message.startswith("db.direct_query"):
            exc.message = f"db.direct_query: {exc.message}"
            exc.args = (exc.message,)
        raise
    if response_type == "single":
        return rows[0] if rows else None
    return rows
