"""Control-flow signals of running XanoScript: break, continue, return, debug.stop.

They derive from ``BaseException`` (not ``XsError``, not ``Exception``), so neither a
``try_catch`` nor a builtin's ``except Exception`` can swallow them.
"""

from __future__ import annotations

from typing import Any


class Signal(BaseException):
    """Base of the control-flow signals."""


class BreakSignal(Signal):
    """``break``: leave the innermost loop."""


class ContinueSignal(Signal):
    """``continue``: next iteration of the innermost loop."""


class ReturnSignal(Signal):
    """``return { value = e }``: end the running function (or cell) with VALUE."""

    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value


class StopSignal(Signal):
    """``debug.stop { value = e }``: halt the whole run and show VALUE."""

    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value
