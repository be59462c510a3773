"""The cells a kernel has run, for ``history_request`` (tail, range, search).

Front ends use it for the up-arrow in consoles and for "search history". The history is
kept in memory and lives as long as the kernel's session, like its variables; it is one
session, numbered ``SESSION``.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from typing import Any

SESSION = 1


@dataclass
class History:
    """(line, input, output text or None) of every stored cell, in order."""

    entries: list[tuple[int, str, str | None]] = field(default_factory=list)

    def record(self, line: int, code: str, output: str | None = None) -> None:
        self.entries.append((line, code, output))

    def request(self, hist_access_type: str, output: bool = False, session: Any = None,
                start: Any = None, stop: Any = None, n: Any = None, pattern: Any = None,
                unique: bool = False, **_ignored: Any) -> list[tuple]:
        """The entries a ``history_request`` asks for, shaped as the protocol wants:
        ``(session, line, input)`` or ``(session, line, (input, output))``."""
        if hist_access_type == "tail":
            chosen = self.entries[-n:] if n else list(self.entries)
        elif hist_access_type == "range":
            chosen = self._range(session, start, stop)
        elif hist_access_type == "search":
            chosen = self._search(pattern or "*", n, unique)
        else:
            chosen = []
        return [(SESSION, line, (code, out) if output else code) for line, code, out in chosen]

    def _range(self, session: Any, start: Any, stop: Any) -> list[tuple[int, str, str | None]]:
        # Session 0 means "the current one" in the protocol; we have no other.
        if session not in (None, 0, SESSION):
            return []
        low = 1 if start is None else int(start)
        high = None if stop is None else int(stop)
        return [e for e in self.entries if e[0] >= low and (high is None or e[0] < high)]

    def _search(self, pattern: str, n: Any, unique: bool) -> list[tuple[int, str, str | None]]:
        found = [e for e in self.entries if fnmatch.fnmatchcase(e[1], pattern)]
        if unique:
            latest: dict[str, tuple[int, str, str | None]] = {}
            for entry in found:
                latest.pop(entry[1], None)
                latest[entry[1]] = entry  # keep the latest run of each input, in order
            found = list(latest.values())
        return found[-n:] if n else found
