"""Running a cell: its ``%magic`` lines at the top, then its XanoScript.

Only lines at the very top of a cell whose first non-blank character is ``%`` are magics
(blank lines may separate them); the first other line starts the code, so XanoScript's
``%`` operator is never mistaken for one. A magic whose argument leaves a ``{`` or ``[``
open continues on the following lines until the brackets balance (``%input {`` ...).
Magic lines are blanked, not removed, before the code goes to ``session.run``, so error
positions still count lines of the whole cell.

A magic returns a value (shown like a cell's value), None, or one of the markers below:
``Print`` (text for stdout), ``Display`` (a value sent as display_data) or ``AroundCell``
(``%time``: it runs the rest of the cell itself). Everything a cell emits is an ``Event``;
the kernel streams them through ``session.sink`` while the cell runs; the kernel calls
``run_cell`` and stays thin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from ..errors import XsError, XsInterrupt
from ..registry import Registry
from ..render import DEFAULT_MAX_ROWS, RenderOptions
from ..session import Event, Outcome
from ..source import Span
from ..values import to_json

_MAGIC_LINE = re.compile(r"^[ \t]*%([A-Za-z_]\w*)(?:[ \t]+(.*?))?[ \t]*$")


@dataclass(frozen=True)
class Print:
    """Magic output printed on stdout as is (help texts, listings)."""

    text: str


@dataclass(frozen=True)
class Display:
    """A value a magic sends as display_data (rendered like a cell's value)."""

    value: Any


@dataclass(frozen=True)
class AroundCell:
    """A magic that runs the rest of the cell itself: ``run(run_rest) -> (Outcome, note)``;
    NOTE, when not empty, is printed on stderr after the cell's own output."""

    run: Callable[[Callable[[], Outcome]], tuple[Outcome, str]]


@dataclass(frozen=True)
class MagicLine:
    line: int  # 1-based line of the % sign
    name: str
    argument: str
    width: int  # characters on the first line, for the error caret


@dataclass
class Split:
    magics: list[MagicLine] = field(default_factory=list)
    code: str = ""  # the cell with magic lines blanked
    open_argument: bool = False  # the last magic's JSON argument is not closed yet


def split(cell: str) -> Split:
    """Separate the leading magic lines of CELL from its XanoScript."""
    lines = cell.split("\n")
    out = Split()
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _MAGIC_LINE.match(line)
        if not line.strip():
            i += 1
            continue
        if not m:
            break
        argument, first = m.group(2) or "", i
        while bracket_depth(argument) > 0 and i + 1 < len(lines):
            i += 1
            argument += "\n" + lines[i]
        out.open_argument = bracket_depth(argument) > 0
        out.magics.append(MagicLine(first + 1, m.group(1), argument.strip(), len(line.rstrip())))
        i += 1
    if out.magics:
        out.code = "\n" * i + "\n".join(lines[i:]) if i < len(lines) else ""
    else:
        out.code = cell
    return out


def bracket_depth(text: str) -> int:
    """Open ``{``/``[`` count of JSON-ish TEXT, ignoring brackets inside strings."""
    depth, quote, escaped = 0, None, False
    for c in text:
        if quote:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c in "{[":
            depth += 1
        elif c in "}]":
            depth -= 1
    return depth


def run_cell(session: Any, cell: str, *, registry: Registry | None = None,
             cell_name: str = "<cell>") -> Outcome:
    """Run CELL's magics, then its code; never raises an XsError (it is in the Outcome)."""
    registry = registry or session.registry
    parts = split(cell)
    outcome = Outcome()
    for item in parts.magics:
        spec = registry.magics.get(item.name)
        try:
            if spec is None:
                raise _unknown_magic(item.name, registry)
            result = spec.impl(session, item.argument)
        except XsError as err:
            outcome.error = _locate(err, item, cell, cell_name)
            return outcome
        except KeyboardInterrupt:
            outcome.error = XsInterrupt()
            return outcome
        except Exception as exc:  # a bug in the magic: said so, never a Python traceback
            outcome.error = _locate(XsError(
                "standard", f"internal error in %{item.name} ({type(exc).__name__}): this is "
                "a bug in xs_kernel, not in your cell; please report it"), item, cell, cell_name)
            return outcome
        if isinstance(result, AroundCell):
            inner, note = result.run(lambda: _run_code(session, parts.code, cell_name))
            _merge(outcome, inner)
            if note:
                _emit(session, outcome, Event("warning", note, note))
            return outcome
        _show(session, outcome, result)
    _merge(outcome, _run_code(session, parts.code, cell_name))
    return outcome


def _run_code(session: Any, code: str, cell_name: str) -> Outcome:
    if not code.strip():
        return Outcome()
    return session.run(code, cell_name)


def _show(session: Any, outcome: Outcome, result: Any) -> None:
    if result is None:
        return
    if isinstance(result, Print):
        _emit(session, outcome, Event("log", result.text, result.text))
    elif isinstance(result, Display):
        _emit(session, outcome, Event("display", result.value, to_json(result.value)))
    else:
        outcome.value, outcome.has_value = result, True


def _emit(session: Any, outcome: Outcome, event: Event) -> None:
    outcome.events.append(event)
    if session.sink is not None:
        session.sink(event)


def _merge(outcome: Outcome, inner: Outcome) -> None:
    """Add the code's outcome to the magics': its events, bindings, error and value."""
    outcome.events.extend(inner.events)
    outcome.bindings.update(inner.bindings)
    outcome.error = inner.error
    if inner.has_value:
        outcome.value, outcome.has_value = inner.value, True


def _unknown_magic(name: str, registry: Registry) -> XsError:
    guess = registry.suggest(name, registry.magics)
    hint = f"did you mean %{guess}? " if guess else ""
    return XsError("inputerror", f"unknown magic %{name}", hint=hint + "%help lists the magics")


def _locate(err: XsError, item: MagicLine, cell: str, cell_name: str) -> XsError:
    """Point an error raised by a magic at its line (its excerpt is masked like every
    excerpt: `%redis connect redis://:secret@host` never shows the password)."""
    err.at(Span(item.line, 1, item.line, item.width + 1))
    return err.located(cell_name, cell)


def warm_up(session: Any) -> None:
    """Build the parser tables a first cell would otherwise wait for (safe in any thread:
    parsing touches no session state)."""
    from ..parsing import parse

    parse('var $warm_up { value = [1, "a"]|count }', "<warm-up>")
    is_complete(None, "var $warm_up {")


def is_complete(session: Any, cell: str) -> tuple[str, str]:
    """``(status, indent)`` for a console: magics alone are complete unless a JSON argument
    is still open; otherwise the parser decides about the code (through SESSION, or
    directly when there is no session yet)."""
    parts = split(cell)
    if parts.open_argument:
        return "incomplete", "  "
    if not parts.code.strip():
        return "complete", ""
    if session is None:
        from ..parsing import is_complete as parse_complete

        return parse_complete(parts.code)
    return session.is_complete(parts.code)


def render_options(session: Any) -> RenderOptions:
    """How the session's values are shown (``%config max_rows=…``)."""
    return RenderOptions(max_rows=int(session.config.get("max_rows", DEFAULT_MAX_ROWS)))
