"""What running code reaches besides its frame: the ``Runtime`` of a run (the session,
its services, the registry, defined functions, the event outlet, the call depth).

The layer below the compiler: compiled closures receive a ``scope.Frame`` whose ``rt`` is
a ``Runtime``; builtins reach the session only through ``Call.session``.
"""

from __future__ import annotations

from typing import Any, Callable

from .values import printable, to_json


class Runtime:
    """What running code reaches besides its frame: the session, its services, the
    registry, defined functions, the event outlet, the call depth."""

    __slots__ = ("session", "services", "registry", "functions", "cell", "depth",
                 "max_depth", "warned", "frame", "test_name", "_outlet")

    def __init__(self, *, session: Any = None, services: Any = None, registry: Any = None,
                 functions: dict[str, Any] | None = None, cell: str = "<cell>",
                 max_depth: int = 100,
                 outlet: Callable[[str, Any, str], None] | None = None) -> None:
        self.session = session
        self.services = services
        self.registry = registry
        self.functions = {} if functions is None else functions
        self.cell = cell
        self.depth = 0
        self.max_depth = max_depth
        self.warned: set[Any] = set()
        self.frame: Any = None  # the innermost running frame (util.get_vars reads it)
        self.test_name: str | None = None  # the unit test running: selects `mock` values
        self._outlet = outlet

    def emit(self, kind: str, value: Any) -> None:
        """Send an event: text as is, any other value as compact JSON."""
        text = printable(value) if type(value) is str else to_json(value)
        if self._outlet is not None:
            self._outlet(kind, value, text)

    def warn(self, message: str, span: Any = None, cell: str | None = None) -> None:
        where = f"{cell or self.cell}:{span.line}:{span.column}: " if span is not None else ""
        if self._outlet is not None:
            self._outlet("warning", message, f"{where}warning: {message}")
