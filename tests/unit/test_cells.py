"""cells: splitting %magic lines from code, running them, merging outcomes, is_complete.

The session is a small fake that follows the Session surface: it understands lines such as
``log TEXT``, ``value JSON`` and ``error TYPE MESSAGE`` so the front end can be tested
without the interpreter.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from xs_kernel.magics import dispatch as cells
from xs_kernel.errors import XsError, XsInterrupt
from xs_kernel.registry import Registry, magic
from xs_kernel.session import Event, Outcome
from xs_kernel.source import Span


class FakeSession:
    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry
        self.sink = None
        self.runs: list[tuple[str, str]] = []
        self.resets = 0
        self.variables: dict[str, Any] = {}
        self.roots: dict[str, Any] = {}
        self.config: dict[str, Any] = {}

    def run(self, code: str, cell_name: str = "<cell>") -> Outcome:
        self.runs.append((code, cell_name))
        out = Outcome()
        for number, line in enumerate(code.split("\n"), 1):
            word, _, rest = line.strip().partition(" ")
            if word == "log":
                event = Event("log", rest, rest)
                out.events.append(event)
                if self.sink:
                    self.sink(event)
            elif word == "value":
                out.value, out.has_value = json.loads(rest), True
            elif word == "error":
                kind, _, message = rest.partition(" ")
                out.error = XsError(kind, message, span=Span.point(number, 1)).located(cell_name, code)
                return out
            elif word == "interrupt":
                out.error = XsInterrupt()
                return out
        return out

    def reset(self) -> None:
        self.resets += 1

    def is_complete(self, code: str) -> tuple[str, str]:
        depth = code.count("{") - code.count("}")
        return ("incomplete", "  ") if depth > 0 else ("invalid", "") if depth < 0 else ("complete", "")

    def set_root(self, root: str, value: Any) -> None:
        self.roots[root] = value


REG = Registry()


@magic("hello", registry=REG)
def _hello(session, text):
    """Return a greeting object."""
    return {"hello": text}


@magic("say", registry=REG)
def _say(session, text):
    """Print TEXT."""
    return cells.Print(text)


@magic("show", registry=REG)
def _show(session, text):
    """Display a JSON value."""
    return cells.Display(json.loads(text))


@magic("fail", registry=REG)
def _fail(session, text):
    """Raise an input error."""
    raise XsError("inputerror", "bad " + text)


@magic("stop", registry=REG)
def _stop(session, text):
    """Behave as if interrupted."""
    raise KeyboardInterrupt


@magic("wrap", registry=REG)
def _wrap(session, text):
    """Run the rest of the cell and add a note."""
    return cells.AroundCell(lambda run_rest: (run_rest(), "note: done"))


@magic("quiet", registry=REG)
def _quiet(session, text):
    """Do nothing visible."""
    session.quiet = text


SPLITS = [
    # cell, [(line, name, argument)], code given to the session
    ("log a", [], "log a"),
    ("%hello", [(1, "hello", "")], ""),
    ("%hello world  \nlog a", [(1, "hello", "world")], "\nlog a"),
    ("\n%say a\n\n%hello b\nlog x\n%say c", [(2, "say", "a"), (4, "hello", "b")],
     "\n\n\n\nlog x\n%say c"),
    ("  %say indented\nlog a", [(1, "say", "indented")], "\nlog a"),
    ("var $x { value = 5 % 2 }", [], "var $x { value = 5 % 2 }"),
    ("% 2", [], "% 2"),
    ('%show {\n  "a": [1,\n 2]\n}\nlog a', [(1, "show", '{\n  "a": [1,\n 2]\n}')], "\n\n\n\nlog a"),
    ('%show {"a": "}"}\nlog a', [(1, "show", '{"a": "}"}')], "\nlog a"),
    ('%say get x {\n  "v": 1\n}\nlog a', [(1, "say", 'get x {\n  "v": 1\n}')], "\n\n\nlog a"),
]


@pytest.mark.parametrize("cell, magics, code", SPLITS)
def test_split(cell: str, magics: list[tuple], code: str) -> None:
    parts = cells.split(cell)
    assert [(m.line, m.name, m.argument) for m in parts.magics] == magics
    assert parts.code == code


def test_magic_lines_keep_the_code_line_numbers() -> None:
    session = FakeSession()
    out = cells.run_cell(session, "%quiet x\n\nerror notfound gone", registry=REG, cell_name="<c>")
    assert out.error.type == "notfound" and out.error.span.line == 3
    assert session.runs == [("\n\nerror notfound gone", "<c>")]
    assert session.quiet == "x"


def test_a_magic_value_is_the_cell_value() -> None:
    out = cells.run_cell(FakeSession(), "%hello you", registry=REG)
    assert (out.has_value, out.value, out.error) == (True, {"hello": "you"}, None)


def test_the_code_value_wins_over_a_magic_value() -> None:
    out = cells.run_cell(FakeSession(), "%hello you\nvalue 3", registry=REG)
    assert (out.has_value, out.value) == (True, 3)


def test_print_and_display_become_events_sent_to_the_sink_at_once() -> None:
    session = FakeSession()
    seen: list[Event] = []
    session.sink = seen.append
    out = cells.run_cell(session, '%say hi\n%show [1]\nlog after', registry=REG)
    assert [(e.kind, e.value, e.text) for e in out.events] == [
        ("log", "hi", "hi"), ("display", [1], "[1]"), ("log", "after", "after")]
    assert seen == out.events
    assert not out.has_value


def test_unknown_magic_is_an_input_error_at_its_line() -> None:
    session = FakeSession()
    out = cells.run_cell(session, "%say a\n%helo x\nlog never", registry=REG, cell_name="<cell 4>")
    err = out.error
    assert (err.type, err.message) == ("inputerror", "unknown magic %helo")
    assert "did you mean %hello?" in err.hint
    assert (err.span.line, err.cell) == (2, "<cell 4>")
    assert session.runs == []  # nothing after a failing magic runs


def test_magic_errors_are_located_for_format_error() -> None:
    from xs_kernel.errors import format_error

    out = cells.run_cell(FakeSession(), "%fail me", registry=REG, cell_name="<cell 1>")
    assert format_error(out.error) == [
        "inputerror: bad me", "  at <cell 1>, line 1, column 1",
        "   1 | %fail me", "       ^^^^^^^^"]


def test_an_interrupt_inside_a_magic_is_a_keyboard_interrupt_error() -> None:
    out = cells.run_cell(FakeSession(), "%stop", registry=REG)
    assert out.error.type == "KeyboardInterrupt"


def test_around_cell_runs_the_rest_and_adds_its_note_last() -> None:
    session = FakeSession()
    out = cells.run_cell(session, "%wrap\nlog a\nvalue 1", registry=REG)
    assert [(e.kind, e.text) for e in out.events] == [("log", "a"), ("warning", "note: done")]
    assert (out.value, out.has_value) == (1, True)
    assert session.runs == [("\nlog a\nvalue 1", "<cell>")]


def test_code_errors_and_events_are_kept() -> None:
    out = cells.run_cell(FakeSession(), "%say x\nlog a\nerror standard boom", registry=REG)
    assert [e.text for e in out.events] == ["x", "a"]
    assert out.error.message == "boom"


def test_a_cell_of_blank_lines_runs_nothing() -> None:
    session = FakeSession()
    out = cells.run_cell(session, "%quiet\n\n  \n", registry=REG)
    assert out.error is None and not out.has_value and session.runs == []


@pytest.mark.parametrize("cell, expected", [
    ("log a", ("complete", "")),
    ("x {", ("incomplete", "  ")),
    ("x }", ("invalid", "")),
    ("%say a", ("complete", "")),
    ("%say a\nx {", ("incomplete", "  ")),
    ('%show {\n  "a": 1', ("incomplete", "  ")),
    ('%show {\n  "a": 1\n}', ("complete", "")),
    ("", ("complete", "")),
])
def test_is_complete(cell: str, expected: tuple[str, str]) -> None:
    assert cells.is_complete(FakeSession(), cell) == expected


def test_render_options_follow_the_session_config() -> None:
    session = FakeSession()
    assert cells.render_options(session).max_rows == 50
    session.config["max_rows"] = 7
    assert cells.render_options(session).max_rows == 7


def test_visible_names_are_the_variables_and_the_request_roots() -> None:
    from xs_kernel.session import Session

    session = Session()
    session.run("var $x { value = 1 }")
    session.set_root("input", {"id": 1})
    assert session.visible() == {"x": 1, "input": {"id": 1}, "auth": {}, "env": {}}


@pytest.mark.parametrize("cell, status", [
    ("var $x {", "incomplete"), ("var $x { value = 1 }", "complete"), ("}", "invalid"),
    ("%vars", "complete"),
])
def test_is_complete_without_a_session_asks_the_parser(cell: str, status: str) -> None:
    assert cells.is_complete(None, cell)[0] == status
