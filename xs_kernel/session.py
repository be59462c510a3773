"""Contract placeholder: the interpreter helper replaces this with the real Session.

The kernel, the CLI and the tests code against exactly this surface.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .errors import XsError


@dataclass(frozen=True)
class Event:
    """Something a cell emitted while running. ``kind``: "log" (debug.log), "warning",
    "display". ``text`` is the line a plain-text front end prints (text as is, other values
    as compact JSON); ``value`` is the XanoScript value, for rich front ends."""

    kind: str
    value: Any
    text: str


@dataclass
class Outcome:
    events: list[Event] = field(default_factory=list)
    value: Any = None
    has_value: bool = False  # False when the last statement yields nothing to show
    bindings: dict[str, Any] = field(default_factory=dict)  # variables bound by this cell
    error: XsError | None = None


class Session:
    """One persistent XanoScript session (see module docstring)."""

    def __init__(self, *, registry: Any = None, services: Any = None,
                 sink: Callable[[Event], None] | None = None) -> None:
        raise NotImplementedError("the interpreter helper provides the real Session")

    def run(self, code: str, cell_name: str = "<cell>") -> Outcome:  # never raises
        raise NotImplementedError

    def reset(self) -> None:
        raise NotImplementedError

    def is_complete(self, code: str) -> tuple[str, str]:
        raise NotImplementedError
