"""The ``debug.*`` statements that are plain builtins: ``debug.log``.

``debug.stop`` halts the whole run, so the interpreter runs it itself (compiler/core.py).
"""

from __future__ import annotations

from typing import Any

from ..registry import Call, Param, builtin


@builtin("debug.log", Param("value", doc="what to log: text as is, anything else as JSON"),
         returns=False)
def debug_log(call: Call, value: Any) -> None:
    """Write VALUE to the output: text as it is, any other value as compact JSON.

    debug.log { value = "total: " ~ $total }
    """
    call.emit("log", value)
