"""Golden programs: each ``programs/<topic>/<behaviour>.xs`` carries its expectations.

Comments in a program say what running it must produce:

    // expect: LINE                 one debug.log line (stdout of `xs run`), in order
    // expect warning: TEXT         a warning whose message contains TEXT, in order
    // expect value: TEXT           the last cell's value (text as is, else compact JSON)
    // expect error: TYPE at L:C: MESSAGE
                                    the run stops with this error (L:C inside the cell that
                                    holds the failing code)
    // input: {"json": "object"}    $input for the run
    // env: NAME=VALUE              an $env override (repeatable)
    // cell                         a line that splits the file into cells, run in order in
                                    one session (errors of earlier cells fail the test)

The runner prints a unified diff of expected and actual output on failure.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from pathlib import Path

import pytest

from xs_kernel.registry import load_builtins
from xs_kernel.session import Outcome, Session
from xs_kernel.values import to_json

PROGRAMS = Path(__file__).parent / "programs"
DIRECTIVE = re.compile(r"//\s*(expect(?: warning| value| error)?|input|env):\s?(.*?)\s*$")
CELL_BREAK = re.compile(r"^\s*//\s*cell\s*$")


def _programs() -> list[Path]:
    return sorted(PROGRAMS.rglob("*.xs"))


def _expectations(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"expect": [], "expect warning": [], "expect value": [],
                                   "expect error": [], "input": [], "env": []}
    for line in text.splitlines():
        match = DIRECTIVE.search(line)
        if match:
            found[match.group(1)].append(match.group(2))
    return found


def _cells(text: str) -> list[str]:
    """The cells of a program; line numbers count from each cell's first line."""
    cells: list[str] = []
    current: list[str] = []
    for line in text.splitlines(keepends=True):
        if CELL_BREAK.match(line):
            cells.append("".join(current))
            current = []
        else:
            current.append(line)
    cells.append("".join(current))
    return cells


def _shown(value: object) -> str:
    return value if isinstance(value, str) else to_json(value)


def run_program(path: Path) -> tuple[list[str], Outcome]:
    text = path.read_text(encoding="utf-8")
    expected = _expectations(text)
    session = Session()
    if expected["input"]:
        session.set_root("input", json.loads(expected["input"][0]))
    session.set_root("env", dict(pair.split("=", 1) for pair in expected["env"]))
    lines: list[str] = []
    outcome = Outcome()
    try:
        cells = _cells(text)
        for number, cell in enumerate(cells, 1):
            outcome = session.run(cell, f"{path.name}#{number}")
            lines += [f"log: {e.text}" for e in outcome.events if e.kind == "log"]
            lines += [f"warning: {e.value}" for e in outcome.events if e.kind == "warning"]
            if outcome.error is not None and number < len(cells):
                lines.append(f"error in cell {number}: {_error_line(outcome)}")
                break
    finally:
        session.services.close()
    return lines, outcome


def _error_line(outcome: Outcome) -> str:
    err = outcome.error
    assert err is not None
    where = f"{err.span.line}:{err.span.column}" if err.span else "?:?"
    return f"{err.type} at {where}: {err.message}"


def _actual(lines: list[str], outcome: Outcome, expected: dict[str, list[str]]) -> list[str]:
    logs = [line[5:] for line in lines if line.startswith("log: ")]
    warnings = [line[9:] for line in lines if line.startswith("warning: ")]
    actual = [f"expect: {line}" for line in logs]
    # a warning matches when its message contains the expected text
    for want, got in zip(expected["expect warning"], warnings):
        actual.append(f"expect warning: {want if want in got else got}")
    actual += [f"expect warning: {got}" for got in warnings[len(expected["expect warning"]):]]
    actual += [line for line in lines if line.startswith("error in cell")]
    if expected["expect value"]:
        actual.append("expect value: " + (_shown(outcome.value) if outcome.has_value
                                          else "<no value>"))
    if outcome.error is not None:
        actual.append(f"expect error: {_error_line(outcome)}")
    return actual


def _wanted(expected: dict[str, list[str]]) -> list[str]:
    wanted = [f"expect: {line}" for line in expected["expect"]]
    wanted += [f"expect warning: {line}" for line in expected["expect warning"]]
    wanted += [f"expect value: {line}" for line in expected["expect value"]]
    wanted += [f"expect error: {line}" for line in expected["expect error"]]
    return wanted


@pytest.mark.parametrize("path", _programs(), ids=lambda p: str(p.relative_to(PROGRAMS)))
def test_golden_program(path: Path) -> None:
    expected = _expectations(path.read_text(encoding="utf-8"))
    assert any(expected[k] for k in ("expect", "expect value", "expect error")), \
        f"{path.name} states no expectation"
    lines, outcome = run_program(path)
    actual, wanted = _actual(lines, outcome, expected), _wanted(expected)
    if actual != wanted:
        diff = "\n".join(difflib.unified_diff(wanted, actual, "expected", "actual", lineterm=""))
        pytest.fail(f"{path.relative_to(PROGRAMS)} differs:\n{diff}")


# HTML snapshots: a program with a sibling NAME.html must render its final value to exactly
# that HTML (what a notebook shows), so a rendering change shows up in a unit test.
# XS_UPDATE_SNAPSHOTS=1 rewrites them after a deliberate change.
SNAPSHOTS = sorted(PROGRAMS.rglob("*.html"))


@pytest.mark.parametrize("snapshot", SNAPSHOTS, ids=lambda p: str(p.relative_to(PROGRAMS)))
def test_html_snapshot(snapshot: Path) -> None:
    from xs_kernel.render import bundle

    _, outcome = run_program(snapshot.with_suffix(".xs"))
    assert outcome.error is None and outcome.has_value
    html = bundle(outcome.value)["text/html"] + "\n"
    if os.environ.get("XS_UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(html, encoding="utf-8")
    expected = snapshot.read_text(encoding="utf-8")
    if html != expected:
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), html.splitlines(),
                                              "snapshot", "rendered", lineterm=""))
        pytest.fail(f"{snapshot.relative_to(PROGRAMS)} renders differently:\n{diff}")


def test_the_rendering_programs_have_snapshots() -> None:
    programs = sorted((PROGRAMS / "rendering").glob("*.xs"))
    assert len(programs) >= 4
    assert [p.with_suffix(".html") for p in programs] == [p for p in SNAPSHOTS
                                                          if p.parent.name == "rendering"]


def _filter_names() -> set[str]:
    registry = load_builtins()
    return {spec.name for spec in registry.filters.values()}


def test_every_filter_appears_in_a_golden_program() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in _programs())
    used = set(re.findall(r"\|!?([A-Za-z_][A-Za-z0-9_]*)", text))
    missing = sorted(_filter_names() - used)
    assert not missing, f"filters without a golden program: {', '.join(missing)}"


# Namespaces whose statements the interpreter owns; other namespaces (redis, db, api…)
# are covered by their owners' golden programs and unit tests.
CORE_NAMESPACES = ("array.", "debug.", "math.", "object.", "text.", "util.")


def test_every_statement_appears_in_a_golden_program() -> None:
    from xs_kernel.compiler.core import CORE

    text = "\n".join(p.read_text(encoding="utf-8") for p in _programs())
    names = {n for n in load_builtins().functions if n.startswith(CORE_NAMESPACES)}
    names |= set(CORE)
    syntax = {"var", "var.update", "conditional", "switch", "foreach", "for", "while",
              "break", "continue", "foreach.remove", "try_catch", "precondition"}
    missing = sorted(n for n in names | syntax
                     if not re.search(rf"(?<![\w.$]){re.escape(n)}(?![\w.])", text))
    assert not missing, f"statements without a golden program: {', '.join(missing)}"
