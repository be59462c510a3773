"""The platform magics: %db, %outbox, %call, %task and %test.

``%db`` shows or switches the database (embedded SQLite or a PostgreSQL URL; tables of
the session are created again on the new one), ``%outbox`` lists the emails
``util.send_email`` recorded, ``%call VERB path {json}`` runs a ``query`` endpoint with
``$input`` (path parameters, query string and the JSON object) and ``$auth``, ``%task``
runs a task's stack, and ``%test`` runs the ``test`` blocks of a function or endpoint and
reports each as pass or fail. Runs constructs only through ``session.invoke`` and
``session.run_statements``.
"""

from __future__ import annotations

import re
import urllib.parse
from typing import Any

from .. import nodes
from ..errors import XsError, XsInterrupt
from ..fieldtypes import constant
from ..namespaces.expect import error_matches
from ..namespaces.security import auth_from_token
from ..registry import magic
from ..request import call_endpoint, find_endpoint
from ..values import preview
from . import dispatch
from .core import json_object

_VERBS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")


# ---------------------------------------------------------------- %db


def _db_summary(session: Any) -> dict:
    db = session.services.db
    where = "embedded SQLite" + (", in memory" if db.url.endswith(":memory:") else "")
    tables = [{"table": name, "records": db.count(name),
               "fields": ", ".join(db.schema(name).names())} for name in db.names()]
    return {"database": where if db.embedded else "PostgreSQL", "url": db.describe(),
            "tables": tables}


def _redefine_tables(session: Any) -> None:
    for (kind, _name), definition in list(session.constructs.items()):
        if kind == "table":
            session.services.db.define_table(getattr(definition, "node", definition))


@magic("db")
def magic_db(session: Any, text: str) -> Any:
    """Show or switch the database behind db.*: `%db` shows it and its tables;
    `%db connect postgresql://user@host:5432/name` uses a PostgreSQL server,
    `%db connect sqlite:///path/file.db` a SQLite file, `%db embedded` a fresh in-memory
    database (the default). Tables defined in this session are created on the new one;
    records of an in-memory database are gone once you switch away from it."""
    words = text.split()
    if not words or words[0] == "show":
        return _db_summary(session)
    command = words[0].lower()
    if command in ("embedded", "memory"):
        url = None
    elif command == "connect":
        if len(words) > 2:
            raise XsError("inputerror", "%db connect takes one URL")
        url = words[1] if len(words) == 2 else None
    else:
        raise XsError("inputerror", f"unknown %db command {command!r}",
                      hint="%db, %db connect URL, %db embedded")
    session.services.use_db(url)
    _redefine_tables(session)
    return _db_summary(session)


# ---------------------------------------------------------------- %outbox


@magic("outbox")
def magic_outbox(session: Any, text: str) -> Any:
    """Show the emails util.send_email recorded in this session (nothing is ever sent);
    `%outbox clear` empties the outbox."""
    outbox = session.services.outbox
    command = text.strip().lower()
    if command == "clear":
        count = len(outbox)
        outbox.clear()
        return dispatch.Print(f"outbox cleared ({count} message{'s' if count != 1 else ''})")
    if command:
        raise XsError("inputerror", "%outbox takes no argument but `clear`")
    if not outbox:
        return dispatch.Print("the outbox is empty")
    return [dict(message) for message in outbox]


# ---------------------------------------------------------------- %call


def _split_options(text: str) -> tuple[str, dict[str, str]]:
    """The text before the first ``--auth``/``--token`` option, and the options."""
    parts = re.split(r"(?:^|\s)--(auth|token)(?=\s|$)", text)
    options: dict[str, str] = {}
    for i in range(1, len(parts), 2):
        options[parts[i]] = parts[i + 1].strip() if i + 1 < len(parts) else ""
    return parts[0], options


def _auth_for(session: Any, node: Any, options: dict[str, str]) -> dict:
    if "token" in options:
        if not options["token"]:
            raise XsError("inputerror", "--token needs the token text")
        auth = auth_from_token(session.services, options["token"])
    elif "auth" in options:
        auth = json_object(options["auth"], "--auth")
    else:
        auth = dict(session.auth)
    wanted = node.attr("auth") if isinstance(node, nodes.Construct) else None
    if wanted is not None and auth.get("id") is None:
        raise XsError("unauthorized", "this endpoint needs an authenticated user",
                      hint="add --auth {\"id\": 1}, --token TOKEN, or set %auth first")
    return auth


@magic("call")
def magic_call(session: Any, text: str) -> Any:
    """Call an endpoint defined with `query "path/{id}" verb=GET { ... }`:
    `%call GET users/7 {"expand": true}`. Path parameters, the query string and the JSON
    object become $input; `--auth {"id": 1}` or `--token TOKEN` (from
    security.create_auth_token) set $auth, else the session's %auth is used.
    The result is the endpoint's response."""
    head, options = _split_options(text.strip())
    words = head.strip().split(None, 2)
    if len(words) < 2 or words[0].upper() not in _VERBS:
        raise XsError("inputerror", "usage: %call VERB path [{json input}] [--auth {json}]",
                      hint="e.g. %call GET products/3")
    verb, target = words[0].upper(), words[1]
    path, _, query = target.partition("?")
    definition, params = find_endpoint(session, verb, path)
    node = getattr(definition, "node", definition)
    given: dict[str, Any] = dict(params)
    given.update({k: v[-1] for k, v in urllib.parse.parse_qs(query).items()})
    given.update(json_object(words[2] if len(words) > 2 else "", "the input"))
    # as a request: raw input, headers, middleware
    return call_endpoint(session, verb, target, given, auth=_auth_for(session, node, options))


# ---------------------------------------------------------------- %task


@magic("task")
def magic_task(session: Any, text: str) -> Any:
    """Run the stack of a task defined with `task "name" { stack { ... } }` now (its
    schedule is ignored): `%task daily_cleanup`."""
    name = text.strip().strip('"')
    definition = session.constructs.get(("task", name))
    if definition is None:
        tasks = [n for k, n in session.constructs if k == "task"]
        raise XsError("notfound", f"no task {name!r}",
                      hint="defined tasks: " + (", ".join(tasks) or "none yet"))
    result = session.invoke(definition)
    return dispatch.Print(f"task {name} finished") if result is None else result


# ---------------------------------------------------------------- %test


def _test_blocks(node: Any) -> list[nodes.Block]:
    return [i for i in getattr(node, "items", ()) if isinstance(i, nodes.Block)
            and i.name == "test"]


def _attr(block: nodes.Block, name: str) -> Any:
    for item in block.items:
        if isinstance(item, nodes.Attr) and item.name == name and not item.disabled:
            return item.value
    return None


def _is_bare_throw(item: Any) -> bool:
    return (isinstance(item, nodes.Statement) and item.name == "expect.to_throw"
            and not any(isinstance(i, nodes.Block) for i in item.items))


def _expected_error(stmt: nodes.Statement) -> Any:
    for item in stmt.items:
        if isinstance(item, nodes.Attr) and item.name in ("value", "exception"):
            return constant(item.value)
    return None


def run_test(session: Any, definition: Any, block: nodes.Block) -> tuple[bool, str]:
    """Run one test block: (passed, message)."""
    name = str(constant(_attr(block, "name")) if _attr(block, "name") is not None else "")
    given = _attr(block, "input")
    given = constant(given) if given is not None else {}
    throws = [i for i in block.items if _is_bare_throw(i)]
    checks = [i for i in block.items if not isinstance(i, (nodes.Attr, nodes.Block))
              and not _is_bare_throw(i)]
    try:
        response, failure = session.invoke(definition, input=given, test_name=name), None
    except XsInterrupt:
        raise
    except XsError as err:
        response, failure = None, err
    if failure is not None:
        if not throws:
            return False, f"{failure.type}: {failure.message}"
        for stmt in throws:
            expected = _expected_error(stmt)
            if not error_matches(failure, expected):
                return False, (f"expected an error matching {preview(expected)}, got "
                               f"{failure.name}: {failure.message}")
        return True, f"threw {failure.name}: {failure.message}"
    if throws:
        return False, f"expected an error, but the response was {preview(response)}"
    try:
        session.run_statements(checks, {"response": response}, test_name=name,
                               cell=getattr(definition, "cell", "<test>"),
                               source=getattr(definition, "source", ""))
    except XsInterrupt:
        raise
    except XsError as err:
        return False, err.message
    return True, ""


def run_workflow(session: Any, definition: Any) -> tuple[bool, str]:
    """Run a ``workflow_test`` stack: it passes when no expectation (or anything) fails."""
    try:
        session.invoke(definition)
    except XsInterrupt:
        raise
    except XsError as err:
        return False, err.message if err.name == "ExpectationFailed" else \
            f"{err.type}: {err.message}"
    return True, ""


@magic("test")
def magic_test(session: Any, text: str) -> Any:
    """Run the `test "..." { input = {...} expect.* ... }` blocks of a function (or
    endpoint, middleware...) and show each as pass or fail: `%test add`. A
    `workflow_test "name" { stack { ... } }` runs as one test. Without a name, every test
    of the session runs."""
    wanted = text.strip().strip('"')
    rows = []
    for (kind, name), definition in list(session.constructs.items()):
        node = getattr(definition, "node", definition)
        if wanted and wanted not in (name, getattr(node, "name", name)):
            continue
        if kind == "workflow_test":
            passed, message = run_workflow(session, definition)
            rows.append({"construct": f"{kind} {getattr(node, 'name', name)}", "test": "",
                         "result": "pass" if passed else "FAIL", "message": message})
            continue
        for block in _test_blocks(node):
            passed, message = run_test(session, definition, block)
            label = _attr(block, "name")
            rows.append({"construct": f"{kind} {getattr(node, 'name', name)}",
                         "test": constant(label) if label is not None else "",
                         "result": "pass" if passed else "FAIL", "message": message})
    if not rows:
        raise XsError("notfound", f"no test blocks found{' for ' + repr(wanted) if wanted else ''}",
                      hint="tests live inside a function: test \"name\" { input = {...} "
                           "expect.to_equal ($response) { value = ... } }")
    return rows
