"""The workspace magics: ``%load DIR`` reads an exported Xano workspace into the session;
``%request`` sets the request cells run in.

``%load DIR`` defines every ``.xs`` file of DIR (tables, then functions, then endpoints,
tasks, tools…; see ``workspace``) and shows a table of what loaded and what did not, with
the ``FILE:LINE:COL`` reason; ``%load DIR --run`` also runs each function, endpoint, task
and tool once with sample inputs (``smoke``). The loaded functions are then callable with
``function.run``, endpoints with ``%call`` or ``api.call``, tasks with ``%task``. Never
imports the session module or Jupyter.
"""

from __future__ import annotations

import shlex
from typing import Any

from ..errors import XsError
from ..registry import magic


@magic("load")
def magic_load(session: Any, text: str) -> Any:
    """Load an exported workspace folder (tables/, functions/, apis/, tasks/, tools/…)
    into the session: `%load path/to/workspace`, `%load path --run` to also run each
    function, endpoint, task and tool once with sample inputs. Shows what loaded and
    what did not (with FILE:LINE:COL reasons); loading goes on past failures."""
    from ..smoke import run_loaded
    from ..workspace import load_workspace

    try:
        words = shlex.split(text)
    except ValueError as exc:
        raise XsError("inputerror", f"%load: {exc}") from None
    run = "--run" in words
    paths = [w for w in words if w != "--run"]
    if len(paths) != 1:
        raise XsError("inputerror", "usage: %load DIR [--run]",
                      hint="the folder that holds tables/, functions/, apis/…")
    rows = load_workspace(session, paths[0])
    ran = {id(r.row): r for r in run_loaded(session, rows)} if run else {}
    table = []
    for row in rows:
        line = row.as_row()
        if id(row) in ran:
            line["run"] = ran[id(row)].outcome
            line["reason"] = ran[id(row)].reason or line["reason"]
        table.append(line)
    return table


@magic("request")
def magic_request(session: Any, text: str) -> Any:
    """Set the request the cells run in, as an endpoint would see it:
    `%request PATCH users/3 --header "X-Key: 1"` sets the verb, the path and headers
    ($env.$request_method, $env.$request_uri, $env.$http_headers); `%input {json}` sets the
    body util.get_raw_input reads. `%request` shows it with the response headers
    util.set_header added; `%request clear` goes back to a plain cell."""
    from ..request import VERBS, Request

    try:
        words = shlex.split(text)
    except ValueError as exc:
        raise XsError("inputerror", f"%request: {exc}") from None
    if words == ["clear"]:
        session.request = None
        return None
    if words:
        verb, rest = words[0].upper(), words[1:]
        if verb not in VERBS:
            raise XsError("inputerror", f"%request: unknown verb {words[0]!r}",
                          hint="usage: %request VERB PATH [--header \"Name: value\"]...")
        path = rest.pop(0) if rest and rest[0] != "--header" else "/"
        headers = {}
        while rest:
            if rest[0] != "--header" or len(rest) < 2 or ":" not in rest[1]:
                raise XsError("inputerror", "%request: headers are --header \"Name: value\"")
            name, _, value = rest[1].partition(":")
            headers[name.strip()] = value.strip()
            rest = rest[2:]
        session.request = Request(verb, path, headers)
    request = session.request or Request()
    return {"verb": request.verb, "path": request.path, "headers": request.headers,
            "response_headers": [f"{n}: {v}" for n, v in request.response_headers]}
