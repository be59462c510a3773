"""Variables at run time: the ``Frame`` of one function (or cell) and path assignment.

XanoScript variables are function-wide: one flat dict per running function, shared by
every branch, loop and group inside it (``$x`` and ``$var.x`` name the same entry). The
request roots ``$input``, ``$auth`` and ``$env`` are frame attributes. ``$this``/``$$``,
``$index``, ``$result`` and ``$parent`` are bound only while a lazy filter argument or an
``array.*`` condition runs; outside such an evaluation the names fall back to ordinary
variables (``as $result`` is common). Also owns the request-style ``$env`` defaults and
the did-you-mean warning for undefined variables. Deep copies of values are
``values.copy_value``.
"""

from __future__ import annotations

import difflib
import os
from typing import Any

from .errors import XsError
from .values import parse_number, to_text, type_name


class _Unset:
    __slots__ = ()

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()  # a lazy root that is not bound right now

# The names that lazy evaluations bind, in the order Lazy accepts them.
LAZY_ROOTS = ("this", "index", "result", "parent")
FRAME_ROOTS = ("input", "auth", "env")
# Names a `var` may not declare (they would be shadowed by a root anyway).
RESERVED = frozenset({"input", "auth", "env", "db", "this"})

# Request-style values `$env.$name` reads when running outside a real request.
ENV_DEFAULTS: dict[str, Any] = {
    "$remote_ip": "127.0.0.1",
    "$remote_port": 0,
    "$remote_host": "localhost",
    "$remote_user": "",
    "$remote_passwd": "",
    "$request_method": "POST",
    "$request_uri": "/",
    "$request_querystring": "",
    "$request_auth_token": "",
    "$http_headers": {},
    "$datasource": "live",
    "$branch": "v1",
    "$tenant": "",
    "$api_baseurl": "http://localhost",
    "$release": 0,
    "$platform": 0,
    "$debugger": False,
}


def environment(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """``$env`` for one run: request defaults, then the process environment, then OVERRIDES."""
    env: dict[str, Any] = {k: (dict(v) if isinstance(v, dict) else v)
                           for k, v in ENV_DEFAULTS.items()}
    env.update(os.environ)
    if overrides:
        env.update(overrides)
    return env


class Frame:
    """The variables of one running function or cell, plus the roots it sees."""

    __slots__ = ("vars", "input", "auth", "env", "this", "index", "result", "parent",
                 "rt", "foreach_state", "last", "cell")

    def __init__(self, rt: Any, variables: dict[str, Any] | None = None, *,
                 input: Any = None, auth: Any = None, env: Any = None) -> None:
        self.vars: dict[str, Any] = {} if variables is None else variables
        self.input = {} if input is None else input
        self.auth = {} if auth is None else auth
        self.env = {} if env is None else env
        self.this = self.index = self.result = self.parent = UNSET
        self.rt = rt
        self.foreach_state: list[Any] | None = None  # [removed indexes, current index]
        self.last: Any = None  # value of the last bare expression statement
        self.cell: str = getattr(rt, "cell", "<cell>")  # where this frame's code was written


def undefined(frame: Frame, name: str, span: Any) -> None:
    """Warn (once per name per run) that $NAME is read before anything set it."""
    rt = frame.rt
    key = (id(frame.vars), name)
    if key in rt.warned:
        return None
    rt.warned.add(key)
    candidates = [n for n in frame.vars if not n.startswith("_")] + list(FRAME_ROOTS)
    match = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    hint = f" (did you mean `${match[0]}`?)" if match else ""
    rt.warn(f"variable `${name}` is not defined, so it reads as null{hint}", span, frame.cell)
    return None


# ---------------------------------------------------------------- reading paths


def member(value: Any, name: str) -> Any:
    """``value.name``: an object key, an array position (``.0``), else null."""
    kind = type(value)
    if kind is dict:
        return value.get(name)
    if kind is list and (name.isdigit() or (name[:1] == "-" and name[1:].isdigit())):
        return _item(value, int(name))
    return None


def index(value: Any, key: Any) -> Any:
    """``value[key]``: int positions (negative from the end) on arrays, keys on objects."""
    kind = type(value)
    if kind is dict:
        return value.get(key if type(key) is str else to_text(key))
    if kind is list:
        position = _position(key)
        return None if position is None else _item(value, position)
    return None


def _item(items: list[Any], position: int) -> Any:
    if position < 0:
        position += len(items)
    if 0 <= position < len(items):
        return items[position]
    return None


def _position(key: Any) -> int | None:
    if type(key) is int:
        return key
    if type(key) is float and key == int(key):
        return int(key)
    if type(key) is str:
        number = parse_number(key)
        if type(number) is int:
            return number
    return None


# ---------------------------------------------------------------- writing paths


def put(container: Any, keys: list[Any], value: Any) -> Any:
    """Set VALUE at KEYS inside CONTAINER and return the (possibly new) container.

    Missing or scalar intermediate steps become objects, as ``var.update $a.b.c`` expects.
    """
    if not keys:
        return value
    key, rest = keys[0], keys[1:]
    if type(container) is list:
        position = _position(key)
        if position is None:
            raise XsError("standard", f"cannot use {_describe(key)} as a position in an array")
        if position < 0:
            position += len(container)
        if 0 <= position < len(container):
            container[position] = put(container[position], rest, value)
        elif position == len(container):
            container.append(put(None, rest, value))
        else:
            raise XsError("standard", f"position {position} is past the end of an array "
                                      f"of {len(container)} elements")
        return container
    if type(container) is not dict:
        container = {}
    name = key if type(key) is str else to_text(key)
    container[name] = put(container.get(name), rest, value)
    return container


def _describe(key: Any) -> str:
    return f"the {type_name(key)} {to_text(key)!r}" if key is not None else "null"
