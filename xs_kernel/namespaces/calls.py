"""Calling what the session defined, as tools and workflow tests do: ``api.call``
(an endpoint, with its input block, auth check and branch middleware), ``function.call``,
``tool.call``, ``task.call``, ``middleware.call``, ``addon.call`` and ``action.call``.

The endpoint or construct must have been defined in the session (a cell, ``%load`` or
``xs load``). Requests are built by ``request.call_endpoint``.
"""

from __future__ import annotations

from typing import Any

from .. import request as requests
from ..errors import XsError
from ..registry import Call, Param, builtin


def _name(call: Call, statement: str) -> str:
    if not isinstance(call.target, str) or not call.target:
        raise XsError("inputerror", f"`{statement}` needs the name of what to call, as in "
                      f'`{statement} "name" {{ input = {{…}} }}`')
    return call.target


def _input(value: Any, statement: str) -> dict[str, Any]:
    if value is None:
        return {}
    if type(value) is not dict:
        raise XsError("inputerror", f"`{statement}`: `input` must be an object",
                      payload={"param": "input"})
    return value


def _headers(value: Any) -> dict[str, str]:
    """Headers as `["Name: value"]` (or its JSON text, as the docs write it) or an object."""
    if isinstance(value, str):
        from ..values import from_json

        try:
            value = from_json(value)
        except Exception:
            value = [value]
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    out: dict[str, str] = {}
    for line in value or []:
        name, sep, text = str(line).partition(":")
        if sep:
            out[name.strip()] = text.strip()
    return out


def _frame_auth(call: Call) -> dict[str, Any] | None:
    frame = getattr(call.session, "frame", None)
    return dict(frame.auth) if frame is not None and type(frame.auth) is dict else None


@builtin("api.call", Param("verb", "text", default="GET", doc="GET, POST, PUT, PATCH, DELETE"),
         Param("api_group", "text", doc="the endpoint's api_group (any group when left out)"),
         Param("input", "object", doc="the request's input: body and query parameters"),
         Param("headers", doc='request headers: ["Name: value", ...]'),
         Param("auth", "object", doc="the $auth the endpoint sees (default: the caller's)"),
         target="name")
def api_call(call: Call, verb: str, api_group: str | None, input: Any, headers: Any,
             auth: Any) -> Any:
    """Call an endpoint loaded in this session, as a request would: path parameters
    (`users/{id}` filled from the path or the input), the input block's checks, the
    endpoint's auth and the branch middleware. The result is its response.

    api.call "journey/{id}" verb=GET { api_group = "journeys" input = {id: 3} } as $trip
    """
    path = _name(call, "api.call")
    given = _input(input, "api.call")
    path = _fill(path, given)
    return requests.call_endpoint(call.session, verb or "GET", path, given, group=api_group,
                                  auth=auth if auth is not None else _frame_auth(call),
                                  headers=_headers(headers))


def _fill(template: str, given: dict[str, Any]) -> str:
    """`a/{id}` with `id` from GIVEN, so the path matches the endpoint's template."""
    parts = []
    for part in template.split("/"):
        key = part[1:-1] if part.startswith("{") and part.endswith("}") else None
        parts.append(str(given[key]) if key is not None and given.get(key) is not None
                     else part)
    return "/".join(parts)


def _run(call: Call, kind: str, statement: str, input: Any) -> Any:
    definition = requests.find_construct(call.session, kind, _name(call, statement))
    return call.session.invoke(definition, input=_input(input, statement),
                               auth=_frame_auth(call))


@builtin("function.call", Param("input", "object", doc="the function's input"), target="name")
def function_call(call: Call, input: Any) -> Any:
    """Run a function defined in this session (the workflow-test form of function.run).

    function.call "add" { input = {a: 1, b: 2} } as $sum
    """
    return _run(call, "function", "function.call", input)


@builtin("tool.call", Param("input", "object", doc="the tool's input"), target="name")
def tool_call(call: Call, input: Any) -> Any:
    """Run a tool defined in this session with INPUT; its response.

    tool.call "get_user" { input = {user_id: 1} } as $user
    """
    return _run(call, "tool", "tool.call", input)


@builtin("task.call", Param("input", "object", doc="the task's input"), target="name")
def task_call(call: Call, input: Any) -> Any:
    """Run a task defined in this session now (its schedule is ignored).

    task.call "nightly_cleanup" as $result
    """
    return _run(call, "task", "task.call", input)


@builtin("middleware.call", Param("input", "object", doc="{vars: {...}, type: \"pre\"}"),
         target="name")
def middleware_call(call: Call, input: Any) -> Any:
    """Run a middleware defined in this session with INPUT ({vars, type}).

    middleware.call "audit" { input = {vars: {}, type: "pre"} } as $out
    """
    return _run(call, "middleware", "middleware.call", input)


@builtin("addon.call", Param("input", "object", doc="the addon's input"), target="name")
def addon_call(call: Call, input: Any) -> Any:
    """Run an addon defined in this session with INPUT.

    addon.call "post_count" { input = {post_id: 1} } as $count
    """
    return _run(call, "addon", "addon.call", input)


@builtin("action.call", Param("input", "object", doc="the action's input"),
         Param("registry", "object", doc="the action's settings (API keys...); accepted"),
         target="name")
def action_call(call: Call, input: Any, **_: Any) -> Any:
    """Run an action defined in this session with INPUT. An action installed from Xano's
    marketplace is not part of an export: calling one that was not defined is an
    ``unsupported`` error.

    action.call "send_welcome" { input = {user_id: 1} } as $sent
    """
    name = _name(call, "action.call")
    try:
        requests.find_construct(call.session, "action", name)
    except XsError as exc:
        if exc.type != "notfound":
            raise
        raise XsError("unsupported", f"action.call: no action {name!r} in this session; an "
                      "action installed from Xano's marketplace runs only on Xano") from None
    return _run(call, "action", "action.call", input)


@builtin("await", Param("ids", doc="the results of the function runs to wait for"),
         Param("timeout", "int", default=10, doc="seconds; accepted"))
def await_runs(call: Call, ids: Any = None, **_: Any) -> Any:
    """Wait for function runs started earlier and give their results. Here every
    `function.run` has finished before the next statement starts, so what it gave back
    is already its result: `await` returns `ids` as they are.

    await { ids = []|push:$run1|push:$run2 timeout = 10 } as $results
    """
    return ids
