"""The request an endpoint runs in, and running endpoints, tools and tasks the session
defined: ``api.call``, ``%call``, ``xs call`` and the smoke runner share this.

A ``Request`` holds what a real HTTP request would carry: the verb, the path, the
headers, the input as the client sent it (before the endpoint's input block checked it:
``util.get_raw_input`` and ``util.get_input`` read it) and the response headers
``util.set_header`` adds. ``session.request`` is the current one; a call pushes its own and
restores the caller's afterwards. Branch middleware (``branch { middleware = {query: {pre:
[...], post: [...]}} }``) runs around an endpoint: a pre middleware gets
``{vars: input, type: "pre"}`` and, with ``response_strategy = "merge"`` (the default),
its object response is merged into the input (``replace`` replaces it); a post middleware
gets ``{vars: response, type: "post"}`` and changes the response the same way;
``exception_policy = "silent"`` ignores its errors.
"""

from __future__ import annotations

import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator

from . import nodes
from .errors import XsError
from .fieldtypes import constant
from .values import copy_value

VERBS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")


@dataclass
class Request:
    verb: str = "POST"
    path: str = "/"
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None  # the input as sent; None: the cell's $input
    response_headers: list[tuple[str, str]] = field(default_factory=list)

    def env(self) -> dict[str, Any]:
        """The `$env.$…` request values this request stands for."""
        path, _, query = self.path.partition("?")
        return {"$request_method": self.verb, "$request_uri": "/" + path.lstrip("/"),
                "$request_querystring": query, "$http_headers": dict(self.headers)}


def current(session: Any) -> Request:
    """The request SESSION runs in (a default one for a plain cell)."""
    request = session.request
    if request is None:
        request = Request()
        try:
            session.request = request
        except AttributeError:
            pass
    return request


@contextmanager
def scope(session: Any, request: Request) -> Iterator[Request]:
    saved = session.request
    session.request = request
    try:
        yield request
    finally:
        session.request = saved


# ---------------------------------------------------------------- finding what to run


def verb_of(node: Any) -> str:
    for attr in getattr(node, "header", ()) or ():
        if attr.name == "verb" and isinstance(attr.value, nodes.Literal):
            return str(attr.value.value).upper()
    return "GET"


def _attr_text(node: Any, name: str) -> str | None:
    attr = node.attr(name) if isinstance(node, nodes.Construct) else None
    if attr is None or not isinstance(attr.value, nodes.Literal):
        return None
    return str(attr.value.value)


def _match(template: str, path: str) -> dict[str, str] | None:
    want, got = template.strip("/").split("/"), path.strip("/").split("/")
    if len(want) != len(got):
        return None
    params: dict[str, str] = {}
    for pattern, segment in zip(want, got):
        if pattern.startswith("{") and pattern.endswith("}"):
            params[pattern[1:-1]] = urllib.parse.unquote(segment)
        elif pattern != segment:
            return None
    return params


def endpoints(session: Any, group: str | None = None) -> list[tuple[str, str, Any]]:
    """(verb, path, definition) of every endpoint, of GROUP when given."""
    found = []
    for (kind, _key), definition in session.constructs.items():
        node = getattr(definition, "node", definition)
        if kind == "query" and (group is None or _attr_text(node, "api_group") in (None, group)):
            found.append((verb_of(node), node.name, definition))
    return found


def find_endpoint(session: Any, verb: str, path: str, group: str | None = None
                  ) -> tuple[Any, dict[str, str]]:
    """The endpoint for VERB PATH and the path parameters it binds (notfound if none)."""
    verb, path = verb.upper(), path.partition("?")[0]
    candidates = endpoints(session, group)
    for method, name, definition in candidates:  # the template itself: users/{id}
        if method == verb and name.strip("/") == path.strip("/"):
            return definition, {}
    for method, name, definition in candidates:
        params = _match(name, path) if method == verb else None
        if params is not None:
            return definition, params
    known = ", ".join(f"{m} {n}" for m, n, _ in candidates) or "none loaded"
    raise XsError("notfound", f"no endpoint {verb} {path}"
                  + (f" in api group {group!r}" if group else ""),
                  hint=f"endpoints: {known}")


def find_construct(session: Any, kind: str, name: str) -> Any:
    constructs = session.constructs
    definition = constructs.get((kind, name))
    if definition is None:
        definition = next((d for (k, _), d in constructs.items() if k == kind
                           and getattr(getattr(d, "node", d), "name", None) == name), None)
    if definition is None:
        known = ", ".join(sorted(n for k, n in constructs if k == kind)) or "none loaded"
        raise XsError("notfound", f"no {kind} {name!r}", hint=f"{kind}s: {known}")
    return definition


# ---------------------------------------------------------------- running an endpoint


def call_endpoint(session: Any, verb: str, path: str, given: dict[str, Any] | None = None,
                  *, group: str | None = None, auth: dict[str, Any] | None = None,
                  headers: dict[str, str] | None = None,
                  request: Request | None = None) -> Any:
    """Run the endpoint VERB PATH like a request would: path parameters and the query
    string join GIVEN as its input, AUTH is checked when it requires a user, branch
    middleware runs around it. REQUEST (optional) receives the request's details and the
    response headers it set. Returns its response; raises XsError."""
    definition, params = find_endpoint(session, verb, path, group)
    node = getattr(definition, "node", definition)
    _, _, query = path.partition("?")
    sent: dict[str, Any] = dict(params)
    sent.update({k: v[-1] for k, v in urllib.parse.parse_qs(query).items()})
    sent.update(given or {})
    auth = dict(session.auth) if auth is None else auth
    if _attr_text(node, "auth") and auth.get("id") is None:
        raise XsError("unauthorized", f"{verb.upper()} {node.name} needs an authenticated "
                      "user", hint="pass auth, a token, or set %auth first")
    request = request if request is not None else Request()
    request.verb, request.path = verb.upper(), path
    request.headers, request.body = dict(headers or {}), copy_value(sent)
    with scope(session, request):
        sent = run_middleware(session, "query", "pre", sent, auth)
        request.body = copy_value(sent)
        response = session.invoke(definition, input=sent, auth=auth, env=request.env())
        return run_middleware(session, "query", "post", response, auth)


def _branch_middleware(session: Any, kind: str, stage: str) -> list[str]:
    for (k, _name), definition in session.constructs.items():
        if k != "branch":
            continue
        attr = getattr(definition, "node", definition).attr("middleware")
        if attr is None:
            continue
        try:
            config = constant(attr.value)
        except XsError:
            continue
        names = ((config or {}).get(kind) or {}).get(stage) if type(config) is dict else None
        return [str(n) for n in names] if type(names) is list else []
    return []


def run_middleware(session: Any, kind: str, stage: str, value: Any, auth: dict) -> Any:
    """Run the branch's KIND/STAGE middleware over VALUE (input or response)."""
    for name in _branch_middleware(session, kind, stage):
        definition = find_construct(session, "middleware", name)
        node = getattr(definition, "node", definition)
        policy = _attr_text(node, "exception_policy") or "rethrow"
        strategy = _attr_text(node, "response_strategy") or "merge"
        try:
            result = session.invoke(definition, input={"vars": copy_value(value),
                                                       "type": stage}, auth=auth)
        except XsError:
            if policy == "silent":
                continue
            raise
        if strategy == "replace" and result is not None:
            value = result
        elif type(result) is dict and type(value) is dict:
            value = {**value, **result}
    return value
