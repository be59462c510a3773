"""The general magics: %help %lsmagic %vars %reset %input %auth %env %config %time %display.

Each is one registry entry whose docstring is its help text (``%help NAME`` prints it).
A magic receives the session and the text after its name, and returns a value, None or a
``dispatch`` marker (Print, Display, AroundCell); it never prints.
"""

from __future__ import annotations

import time
from typing import Any

from .. import completion
from ..errors import XsError
from ..keywords import KEYWORDS
from ..keywords import help_text as keyword_help
from ..registry import magic, plain, summary
from ..render import DEFAULT_MAX_ROWS, cut
from ..values import from_json, type_name
from . import dispatch

CONFIG_KEYS = {"max_rows": "rows of a result shown before the \"showing N of M\" line"}


@magic("help")
def magic_help(session: Any, text: str) -> dispatch.Print:
    """Show help: `%help` lists the magics and namespaces; `%help NAME` explains a statement
    (`%help redis.set`), a namespace (`%help redis`), a filter (`%help trim`) or a magic
    (`%help %vars`)."""
    registry = session.registry
    name = text.strip()
    if not name:
        return dispatch.Print(_overview(registry))
    if name.startswith("%"):
        spec = registry.magics.get(name[1:])
    else:
        spec = registry.function(name) or registry.filter(name)
    if spec is not None:
        return dispatch.Print(plain(completion.help_text(spec)))
    if name in KEYWORDS:
        return dispatch.Print(plain(keyword_help(KEYWORDS[name])))
    members = [] if name.startswith("%") else registry.namespace(name.rstrip(".") + ".")
    if members:
        text = _listing([(s.name, s.doc) for s in members])
        also = registry.magics.get(name.rstrip("."))
        return dispatch.Print(text + (f"\n(the magic: %help %{also.name})" if also else ""))
    spec = registry.magics.get(name.lstrip("%"))
    if spec is not None:
        return dispatch.Print(plain(completion.help_text(spec)))
    candidates = [*registry.functions, *registry.filters, *KEYWORDS,
                  *("%" + m for m in registry.magics)]
    guess = registry.suggest(name, candidates)
    raise XsError("inputerror", f"no help for {name!r}",
                  hint=f"did you mean {guess}?" if guess else "%help lists what there is")


def _overview(registry: Any) -> str:
    namespaces = sorted({n.split(".")[0] for n in registry.functions if "." in n})
    lines = ["Magics (a % line at the top of a cell):", _listing(
        [("%" + n, s.doc) for n, s in sorted(registry.magics.items())])]
    lines += ["", "Language statements (%help NAME explains one): "
              + ", ".join(k.name for k in KEYWORDS.values() if k.offered)]
    if namespaces:
        lines += ["Statement namespaces (%help NAME lists one): " + ", ".join(namespaces)]
    if registry.filters:
        lines += [f"Filters: {len(set(map(id, registry.filters.values())))} "
                  "(%help NAME explains one; type | and press Tab to list them)"]
    return "\n".join(lines)


def _listing(rows: list[tuple[str, str]]) -> str:
    width = max((len(n) for n, _ in rows), default=0)
    return "\n".join(f"  {n:<{width}}  {plain(summary(doc))}" for n, doc in rows)


@magic("lsmagic")
def magic_lsmagic(session: Any, text: str) -> dispatch.Print:
    """List the magics with a one-line summary each."""
    registry = session.registry
    return dispatch.Print(_listing([("%" + n, s.doc) for n, s in sorted(registry.magics.items())]))


@magic("vars")
def magic_vars(session: Any, text: str) -> Any:
    """Show the session's variables: name, type and a short preview of the value."""
    names = session.variables
    if not names:
        return dispatch.Print("no variables yet")
    # The value itself is the preview: the table renderer shortens it and quotes text only
    # where it could be misread; only long text is cut here, as HTML cells show text whole.
    return [{"name": "$" + n, "type": type_name(v),
             "preview": cut(v, 60) if isinstance(v, str) else v}
            for n, v in names.items()]


@magic("reset")
def magic_reset(session: Any, text: str) -> dispatch.Print:
    """Forget the session's variables, functions, tables and $input/$auth/$env, and say
    how many keys are stored.

    `%reset --keys` also deletes the session's stored keys: those under its key prefix on
    a server (never a FLUSHDB), every key of the embedded store. The Redis connection and
    %config settings stay."""
    option = text.strip()
    if option not in ("", "--keys"):
        raise XsError("inputerror", f"%reset takes no argument but --keys, got {option!r}",
                      hint="%reset forgets the variables; %reset --keys also deletes the "
                      "stored keys")
    store = session.services.redis
    cleared = store.clear(confirm=bool(option))  # before the reset: a refusal changes nothing
    session.reset()
    said = "reset: variables, functions, tables, $input, $auth and $env are forgotten"
    # One line about the keys, the same words on every back-end (the prefix stays hidden,
    # as in %redis keys), so a notebook's output differs only by the count.
    count = f"{'' if cleared.scan.complete else 'at least '}{cleared.total:,}"
    if option:
        return dispatch.Print(f"{said}\nstored keys: {cleared.deleted:,} deleted")
    if not cleared.total:
        return dispatch.Print(f"{said}\nstored keys: none")
    shared = not store.prefix and store.describe().get("backend") != "embedded"
    how = ("%redis del PATTERN --yes deletes chosen ones (with no key prefix they are the "
           "whole database's)" if shared else "%reset --keys deletes them too")
    return dispatch.Print(f"{said}\nstored keys: {count}, kept ({how})")


def json_object(text: str, what: str) -> dict:
    """TEXT decoded as a JSON object ({} when blank); WHAT names the argument in errors."""
    text = text.strip()
    if not text:
        return {}
    try:
        value = from_json(text)
    except ValueError as err:
        raise XsError("inputerror", f"{what} needs a JSON object: {err}") from None
    if not isinstance(value, dict):
        raise XsError("inputerror", f"{what} needs a JSON object, got {type_name(value)}")
    return value


@magic("input")
def magic_input(session: Any, text: str) -> Any:
    """Set `$input` for the following cells from a JSON object: `%input {"id": 1}`.
    Without an argument, show the current `$input`."""
    return _root_magic(session, "input", text)


@magic("auth")
def magic_auth(session: Any, text: str) -> Any:
    """Set `$auth` (the authenticated user) from a JSON object: `%auth {"id": 7}`.
    Without an argument, show the current `$auth`."""
    return _root_magic(session, "auth", text)


def _root_magic(session: Any, root: str, text: str) -> Any:
    """Show ROOT when TEXT is blank, else replace it with the JSON object TEXT."""
    if not text.strip():
        return session.roots[root]
    session.set_root(root, json_object(text, f"%{root}"))
    return None


@magic("env")
def magic_env(session: Any, text: str) -> Any:
    """Set an environment variable read as `$env.NAME`: `%env NAME=value` (the value is
    text). `%env NAME` shows one; `%env` alone shows them all."""
    current = dict(session.env)
    text = text.strip()
    if not text:
        return current
    name, eq, value = text.partition("=")
    name = name.strip()
    if not name.isidentifier():
        raise XsError("inputerror", f"%env needs NAME=value, got {text!r}")
    if not eq:
        if name not in current:
            raise XsError("notfound", f"$env.{name} is not set")
        return current[name]
    current[name] = value.strip()
    session.set_root("env", current)
    return None


@magic("config")
def magic_config(session: Any, text: str) -> Any:
    """Show or change display settings: `%config max_rows=100` sets how many rows of a
    result are shown before the "showing N of M rows" line (default 50)."""
    settings = session.config
    text = text.strip()
    if not text:
        return {key: settings.get(key, DEFAULT_MAX_ROWS) for key in CONFIG_KEYS}
    key, eq, value = (part.strip() for part in text.partition("="))
    if key not in CONFIG_KEYS:
        raise XsError("inputerror", f"unknown setting {key!r}",
                      hint="settings: " + ", ".join(CONFIG_KEYS))
    if not eq or not value.isdigit() or int(value) < 1:
        raise XsError("inputerror", f"%config {key} needs a whole number of 1 or more")
    settings[key] = int(value)
    return None


@magic("time", cell=True)
def magic_time(session: Any, text: str) -> dispatch.AroundCell:
    """Time the rest of the cell: its wall-clock time shows on stderr when it ends.

    Write `%time` above the code, or `%%time` as the cell's first line (the cell-magic
    form, as in IPython; the lines below may hold other magics too)."""
    if text.strip():
        raise XsError("inputerror", "%time times the lines below it; put the code on the next line")

    def around(run_rest):
        start = time.perf_counter()
        outcome = run_rest()
        return outcome, f"time: {_duration(time.perf_counter() - start)}"

    return dispatch.AroundCell(around)


def _duration(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


@magic("display")
def magic_display(session: Any, text: str) -> dispatch.Display:
    """Show the value of an expression as a rich output (a table for arrays and objects)
    without ending the cell: `%display $users`."""
    if not text.strip():
        raise XsError("inputerror", "%display needs an expression, e.g. %display $users")
    outcome = session.run(text, "<%display>")
    if outcome.error is not None:
        raise outcome.error
    if not outcome.has_value:
        raise XsError("inputerror", "%display needs an expression that has a value")
    return dispatch.Display(outcome.value)
