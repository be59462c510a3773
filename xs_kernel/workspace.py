"""Loading an exported Xano workspace: the ``tables/``, ``functions/``, ``apis/``,
``tasks/``, ``tools/``… folders of ``.xs`` files that Xano and its sync tools write.

``load_workspace(session, DIR)`` reads every ``.xs`` file under DIR in dependency order
(tables first, then functions, then everything else: endpoints, middleware, tasks, tools,
tests…), defines what each file holds in the session, compiles every construct's body so a
broken statement is found at load time, and keeps going past failures. It returns one
``Loaded`` row per construct (or per file that did not parse) with a
``FILE:LINE:COL: type: message`` reason for each failure. ``smoke.py`` runs what loaded.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import XsError

# Constructs that others depend on load first: tables (functions read them), functions
# (endpoints, tasks and tools call them), then the rest in file order.
_RANK = {"table": 0, "function": 1, "addon": 2, "middleware": 2}
_SKIPPED_DIRS = {"node_modules", "__pycache__"}


@dataclass
class Loaded:
    """One row of the load report."""

    file: str  # relative to the workspace folder
    kind: str  # table, function, query, task, tool… ("file" when it did not parse)
    name: str
    status: str  # "loaded" | "failed"
    reason: str = ""  # FILE:LINE:COL: type: message, for a failure
    definition: Any = None  # what the session stored (for running it later)

    def as_row(self) -> dict[str, str]:
        return {"file": self.file, "kind": self.kind, "name": self.name,
                "status": self.status, "reason": self.reason}


def where(name: str, err: XsError) -> str:
    """``NAME:LINE:COL:`` for an error (``NAME:`` when it has no position)."""
    span = err.span
    if span is None or span.line <= 0:
        return f"{name}:"
    return f"{name}:{span.line}:{span.column}:"


def describe(name: str, err: XsError) -> str:
    return f"{where(name, err)} {err.type}: {err.message}"


def _natural(text: str) -> list[Any]:
    """Sort key so ``2_user.xs`` comes before ``10_post.xs``, as Xano numbers them."""
    return [int(part) if part.isdigit() else part.lower()
            for part in re.split(r"(\d+)", text)]


def discover(root: str | os.PathLike[str]) -> list[Path]:
    """Every ``.xs`` file under ROOT (hidden folders skipped), in path order."""
    base = Path(root)
    if base.is_file():
        return [base]
    if not base.is_dir():
        raise XsError("notfound", f"no such folder: {root}")
    found = []
    for folder, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS)
        found.extend(Path(folder, f) for f in files if f.endswith(".xs"))
    return sorted(found, key=lambda p: _natural(p.relative_to(base).as_posix()))


@dataclass
class _Parsed:
    path: Path
    rel: str
    text: str
    program: Any = None
    error: XsError | None = None

    @property
    def rank(self) -> int:
        kinds = [i.kind for i in getattr(self.program, "items", ()) if hasattr(i, "kind")]
        return min((_RANK.get(k, 3) for k in kinds), default=3)


def _parse(path: Path, base: Path) -> _Parsed:
    from .parsing import parse

    rel = path.relative_to(base).as_posix() if path != base else path.name
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return _Parsed(path, rel, "", error=XsError("standard", f"cannot read the file: {exc}"))
    try:
        return _Parsed(path, rel, text, program=parse(text, rel))
    except XsError as exc:
        return _Parsed(path, rel, text, error=exc)
    except RecursionError:
        return _Parsed(path, rel, text, error=XsError("syntaxerror",
                                                       "program too deeply nested"))


def load_workspace(session: Any, root: str | os.PathLike[str]) -> list[Loaded]:
    """Define every construct of the workspace at ROOT in SESSION (see module doc)."""
    base = Path(root)
    parsed = [_parse(path, base if base.is_dir() else base.parent) for path in discover(base)]
    parsed.sort(key=lambda p: p.rank)  # stable: path order within a rank
    rows: list[Loaded] = []
    for entry in parsed:
        if entry.error is not None:
            kind, name = _declared(entry.text, entry.rel)
            rows.append(Loaded(entry.rel, kind, name, "failed",
                               describe(entry.rel, entry.error)))
            continue
        rows.extend(load_program(session, entry.program, entry.text, entry.rel))
    return rows


_HEAD = re.compile(r'^\s*([a-z_]+)\s+(?:"([^"]*)"|([A-Za-z_][\w/.-]*))', re.M)


def _declared(text: str, rel: str) -> tuple[str, str]:
    """The kind and name a file that did not parse declares (its first line that reads
    like `table "name"`), so the report can still count it."""
    for match in _HEAD.finditer(text):
        if match.group(1) in _KINDS:
            return match.group(1), match.group(2) or match.group(3)
    return "file", Path(rel).stem


_KINDS = frozenset({"table", "function", "query", "task", "tool", "middleware", "addon",
                    "trigger", "workflow_test", "agent", "api_group", "mcp_server",
                    "table_trigger", "realtime_channel", "workspace", "branch"})


def load_program(session: Any, program: Any, text: str, rel: str) -> list[Loaded]:
    """Define the constructs of one parsed file; statements outside a construct run."""
    constructs = [i for i in program.items if hasattr(i, "kind")]
    outcome = session.run_parsed(program, text, rel)
    if outcome.error is not None:
        err = outcome.error
        return [Loaded(rel, c.kind, c.name, "failed", describe(rel, err)) for c in constructs] \
            or [Loaded(rel, "file", Path(rel).stem, "failed", describe(rel, err))]
    rows = []
    for node in constructs:
        definition = session.stored(node)
        try:
            session.prepare(definition)  # compile the body now: errors show at load time
        except XsError as err:
            rows.append(Loaded(rel, node.kind, node.name, "failed", describe(rel, err),
                               definition))
            continue
        rows.append(Loaded(rel, node.kind, node.name, "loaded", "", definition))
        number = re.match(r"(\d+)_", Path(rel).name)
        if node.kind == "table" and number:  # `tables/143_lead.xs`: Xano's table 143
            session.services.db.table_ids[int(number.group(1))] = node.name
    return rows


def summary(rows: list[Loaded]) -> dict[str, tuple[int, int]]:
    """kind -> (loaded, total)."""
    counts: dict[str, tuple[int, int]] = {}
    for row in rows:
        ok, total = counts.get(row.kind, (0, 0))
        counts[row.kind] = (ok + (row.status == "loaded"), total + 1)
    return counts
