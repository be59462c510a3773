"""``xs load DIR`` and ``xs call DIR VERB PATH``: an exported workspace from the command line.

``load`` defines every file of DIR in a fresh session (tables, then functions, then the
rest; see ``workspace``) and prints one line per construct — loaded or the
``FILE:LINE:COL`` reason it did not — and a count per kind; ``--run`` also runs each
function, endpoint, task and tool once with sample inputs (``smoke``). Exit status 1 when
anything failed. ``call`` loads DIR quietly and runs one endpoint with ``--input JSON``,
printing its response as JSON (and the headers it set on stderr). Both take ``--db URL``
(a PostgreSQL or SQLite URL; the default is an in-memory SQLite database).
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from .errors import XsError


def _session(db_url: str | None) -> Any:
    from .session import Session

    session = Session()
    if db_url:
        session.services.use_db(db_url)
    return session


def _close(session: Any) -> None:
    try:
        if session.services.db_in_use:
            session.services.db.reset()  # drop the tables this load created
    finally:
        session.services.close()


def format_rows(rows: list[dict[str, str]], columns: list[str]) -> list[str]:
    """A plain-text table: a header line and one aligned line per row."""
    widths = {c: max([len(c), *(len(str(r.get(c, ""))) for r in rows)]) for c in columns}
    widths[columns[-1]] = 0  # the last column (reasons) is not padded
    lines = ["  ".join(c.ljust(widths[c]) for c in columns).rstrip()]
    lines += ["  ".join(str(r.get(c, "")).ljust(widths[c]) for c in columns).rstrip()
              for r in rows]
    return lines


def cmd_load(root: str, db_url: str | None, run: bool, out: TextIO, err_out: TextIO) -> int:
    from .smoke import run_loaded
    from .workspace import load_workspace, summary

    try:
        session = _session(db_url)
    except XsError as exc:
        err_out.write(f"xs: {exc.message}\n")
        return 2
    try:
        rows = load_workspace(session, root)
        ran = {id(r.row): r for r in run_loaded(session, rows)} if run else {}
    except XsError as exc:
        err_out.write(f"xs: {exc.message}\n")
        return 2
    finally:
        _close(session)
    table = []
    for row in rows:
        line = row.as_row()
        outcome = ran.get(id(row))
        if outcome is not None:
            line["run"] = outcome.outcome
            line["reason"] = outcome.reason or line["reason"]
        table.append(line)
    columns = ["file", "kind", "name", "status", *(["run"] if run else []), "reason"]
    out.write("\n".join(format_rows(table, columns)) + "\n\n")
    for kind, (ok, total) in sorted(summary(rows).items()):
        text = f"{kind}: {ok} of {total} loaded"
        tried = [r for r in ran.values() if r.row.kind == kind]
        if tried:
            count = {o: sum(r.outcome == o for r in tried) for o in ("ok", "raised", "error")}
            text += (f"; ran {count['ok'] + count['raised']} of {total} (ok {count['ok']}, "
                     f"stopped by the program {count['raised']}, error {count['error']})")
        out.write(text + "\n")
    failed = any(r.status != "loaded" for r in rows) or any(
        r.outcome == "error" for r in ran.values())
    return 1 if failed else 0


def cmd_call(root: str, verb: str, path: str, input_text: str | None, auth_text: str | None,
             db_url: str | None, out: TextIO, err_out: TextIO) -> int:
    from .request import Request, call_endpoint
    from .values import to_json
    from .workspace import load_workspace

    try:
        given = json_object_option(input_text, "--input")
        auth = json_object_option(auth_text, "--auth") if auth_text is not None else None
        session = _session(db_url)
    except (ValueError, XsError) as exc:
        err_out.write(f"xs: {getattr(exc, 'message', exc)}\n")
        return 2
    try:
        failures = [r for r in load_workspace(session, root) if r.status != "loaded"]
        for row in failures:
            err_out.write(f"{row.reason}\n")
        request = Request()
        response = call_endpoint(session, verb, path, given, auth=auth, request=request)
        headers = list(request.response_headers)
    except XsError as exc:
        where = exc.cell or root
        span = exc.span
        at = f"{where}:{span.line}:{span.column}:" if span is not None and span.line > 0 \
            else f"{where}:"
        err_out.write(f"{at} {exc.type}: {exc.message}\n")
        if exc.hint:
            err_out.write(f"  hint: {exc.hint}\n")
        return 1
    finally:
        _close(session)
    for name, value in headers:
        err_out.write(f"{name}: {value}\n")
    out.write(to_json(response) + "\n")
    return 0


def json_object_option(text: str | None, option: str) -> dict[str, Any]:
    """The JSON object given to OPTION (``--input``, ``--auth``); {} when not given."""
    if text is None:
        return {}
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise ValueError(f"{option} is not valid JSON: {exc.msg}") from None
    if not isinstance(value, dict):
        raise ValueError(f"{option} must be a JSON object")
    return value


def add_commands(commands: Any) -> None:
    """Register `load` and `call` on the `xs` argument parser."""
    load = commands.add_parser("load", help="load an exported workspace and report what "
                                            "loaded (and ran, with --run)")
    load.add_argument("dir", metavar="DIR", help="the workspace folder (tables/, apis/...)")
    load.add_argument("--run", action="store_true",
                      help="run each function, endpoint, task and tool once with sample input")
    load.add_argument("--db", metavar="URL", help="database URL (default: in-memory SQLite)")
    call = commands.add_parser("call", help="load a workspace and call one endpoint")
    call.add_argument("dir", metavar="DIR")
    call.add_argument("verb", metavar="VERB", help="GET, POST, PUT, PATCH or DELETE")
    call.add_argument("path", metavar="PATH", help="the endpoint path, e.g. users/3")
    call.add_argument("--input", metavar="JSON", help="the request input, as JSON")
    call.add_argument("--auth", metavar="JSON", help="the $auth object, as JSON")
    call.add_argument("--db", metavar="URL", help="database URL (default: in-memory SQLite)")


def dispatch(args: Any, out: TextIO, err_out: TextIO) -> int | None:
    if args.command == "load":
        return cmd_load(args.dir, args.db, args.run, out, err_out)
    if args.command == "call":
        return cmd_call(args.dir, args.verb, args.path, args.input, args.auth, args.db,
                        out, err_out)
    return None
