"""Running a cell: its ``%magic`` lines at the top, then its XanoScript.

Only lines at the very top of a cell whose first non-blank character is ``%`` are magics
(blank lines may separate them); the first other line starts the code, so XanoScript's
``%`` operator is never mistaken for one. A magic whose argument leaves a ``{`` or ``[``
open continues on the following lines until the brackets balance (``%input {`` ...).
Magic lines are blanked, not removed, before the code goes to ``session.run``, so error
positions still count lines of the whole cell.

A magic returns a value (shown like a cell's value, or as display_data when more of the
cell follows, so nothing a magic shows is lost), None, or one of the markers below:
``Print`` (text for stdout), ``Display`` (a value sent as display_data), ``Outputs``
(several of these, in order) or ``AroundCell`` (``%time``: it runs the rest of the cell
itself). A magic registered with ``cell=True`` may also open a cell as ``%%NAME``: it
then wraps the rest of the cell, magic lines included. A magic line below the code is
not run; the error says magics go at the top. Everything a cell emits is an ``Event``;
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

_MAGIC_LINE = re.compile(r"^[ \t]*%(%?)([A-Za-z_]\w*)(?:[ \t]+(.*?))?[ \t]*$")


@dataclass(frozen=True)
class Print:
    """Magic output printed on stdout as is (help texts, listings)."""

    text: str


@dataclass(frozen=True)
class Display:
    """A value a magic sends as display_data (rendered like a cell's value)."""

    value: Any


@dataclass(frozen=True)
class Outputs:
    """Several magic results shown in order (e.g. a caption, then a table)."""

    items: tuple[Any, ...]


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
    cell_form: bool = False  # written %%NAME
    column: int = 1  # of the % sign


@dataclass
class Split:
    magics: list[MagicLine] = field(default_factory=list)
    cell_magic: MagicLine | None = None  # a %%NAME first line: it wraps everything below
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
        argument, first = m.group(3) or "", i
        while bracket_depth(argument) > 0 and i + 1 < len(lines):
            i += 1
            argument += "\n" + lines[i]
        out.open_argument = bracket_depth(argument) > 0
        item = MagicLine(first + 1, m.group(2), argument.strip(), len(line.rstrip()),
                         bool(m.group(1)), line.index("%") + 1)
        if item.cell_form and not out.magics and out.cell_magic is None:
            out.cell_magic = item
        else:
            out.magics.append(item)
        i += 1
    if out.magics or out.cell_magic:
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
    run = _Run(session, registry, cell, cell_name)
    if parts.cell_magic is None:
        return run.parts(parts.magics, parts.code)
    outcome = Outcome()
    item = parts.cell_magic
    result = run.call(item, outcome)
    if outcome.error is not None:
        return outcome
    if not isinstance(result, AroundCell):  # a cell magic must wrap the cell
        outcome.error = _locate(_not_a_cell_magic(item.name, registry), item, cell, cell_name)
        return outcome
    return run.around(result, outcome, lambda: run.parts(parts.magics, parts.code))


@dataclass
class _Run:
    session: Any
    registry: Registry
    cell: str
    cell_name: str

    def parts(self, magics: list[MagicLine], code: str) -> Outcome:
        """Run the magic lines MAGICS in order, then CODE."""
        outcome = Outcome()
        misplaced = next((item for item in magics if item.cell_form), None)
        if misplaced is not None:  # refused before any magic runs
            err = XsError("inputerror", f"%%{misplaced.name} must be the first line of the cell",
                          hint=f"move it to the top, or write %{misplaced.name} for a line magic")
            outcome.error = _locate(err, misplaced, self.cell, self.cell_name)
            return outcome
        for index, item in enumerate(magics):
            result = self.call(item, outcome)
            if outcome.error is not None:
                return outcome
            if isinstance(result, AroundCell):
                rest = magics[index + 1:]
                return self.around(result, outcome, lambda: self.parts(rest, code))
            last = index == len(magics) - 1 and not code.strip()
            _show(self.session, outcome, result, last)
        _merge(outcome, self.code(code))
        return outcome

    def call(self, item: MagicLine, outcome: Outcome) -> Any:
        """ITEM's result; an error (located at its line) goes into OUTCOME instead."""
        spec = self.registry.magics.get(item.name)
        try:
            if spec is None:
                raise _unknown_magic(item.name, self.registry)
            if item.cell_form and not spec.cell:
                raise _not_a_cell_magic(item.name, self.registry)
            return spec.impl(self.session, item.argument)
        except XsError as err:
            outcome.error = _locate(err, item, self.cell, self.cell_name)
        except KeyboardInterrupt:
            outcome.error = XsInterrupt()
        except Exception as exc:  # a bug in the magic: said so, never a Python traceback
            outcome.error = _locate(XsError(
                "standard", f"internal error in %{item.name} ({type(exc).__name__}): this is "
                "a bug in xs_kernel, not in your cell; please report it"), item, self.cell,
                self.cell_name)
        return None

    def around(self, result: AroundCell, outcome: Outcome,
               rest: Callable[[], Outcome]) -> Outcome:
        inner, note = result.run(rest)
        _merge(outcome, inner)
        if note:
            _emit(self.session, outcome, Event("warning", note, note))
        return outcome

    def code(self, code: str) -> Outcome:
        inner = _run_code(self.session, code, self.cell_name)
        if inner.error is not None and inner.error.type == "syntaxerror":
            late = _late_magic(inner.error, self.cell, self.registry)
            if late is not None:
                inner.error = _locate(late[0], late[1], self.cell, self.cell_name)
        return inner


def _late_magic(err: XsError, cell: str, registry: Registry) -> tuple[XsError, MagicLine] | None:
    """The plain error for a syntax error at a registered magic's line below the code."""
    if err.span is None or not 0 < err.span.line <= cell.count("\n") + 1:
        return None
    line = cell.split("\n")[err.span.line - 1]
    m = _MAGIC_LINE.match(line)
    if m is None or m.group(2) not in registry.magics:
        return None
    name = m.group(1) + "%" + m.group(2)
    start = line.index("%")
    item = MagicLine(err.span.line, m.group(2), "", len(line.rstrip()), bool(m.group(1)),
                     start + 1)
    late = XsError("inputerror", f"{name} is a magic, and magics go at the top of a cell: "
                   "this line is below the code, so it was not run (nor was the code)",
                   hint=f"move {name} above the code, or into a cell of its own")
    late.at(Span(item.line, start + 1, item.line, start + 1 + len(name)))
    return late, item


def _run_code(session: Any, code: str, cell_name: str) -> Outcome:
    if not code.strip():
        return Outcome()
    return session.run(code, cell_name)


def _show(session: Any, outcome: Outcome, result: Any, last: bool) -> None:
    """Show a magic's RESULT: a value becomes the cell's value when nothing follows (LAST),
    else display_data, so the code's value cannot hide it."""
    if result is None:
        return
    if isinstance(result, Outputs):
        for i, item in enumerate(result.items):
            _show(session, outcome, item, last and i == len(result.items) - 1)
    elif isinstance(result, Print):
        _emit(session, outcome, Event("log", result.text, result.text))
    elif isinstance(result, Display) or not last:
        value = result.value if isinstance(result, Display) else result
        _emit(session, outcome, Event("display", value, to_json(value)))
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


def _not_a_cell_magic(name: str, registry: Registry) -> XsError:
    cells = ", ".join("%%" + n for n, s in sorted(registry.magics.items()) if s.cell)
    return XsError("inputerror", f"%{name} is a line magic, not a cell magic",
                   hint=f"write %{name} (one %); cell magics: {cells or 'none'}")


def _unknown_magic(name: str, registry: Registry) -> XsError:
    guess = registry.suggest(name, registry.magics)
    hint = f"did you mean %{guess}? " if guess else ""
    return XsError("inputerror", f"unknown magic %{name}", hint=hint + "%help lists the magics")


def _locate(err: XsError, item: MagicLine, cell: str, cell_name: str) -> XsError:
    """Point an error raised by a magic at its line (its excerpt is masked like every
    excerpt: `%redis connect redis://:secret@host` never shows the password)."""
    err.at(Span(item.line, item.column, item.line, item.width + 1))
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
