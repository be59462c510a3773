"""``api.lambda``: run JavaScript in the session's sandboxed V8 (``jsengine``).

The script sees ``$input``, ``$var``, ``$env`` and ``$auth`` as read-only JSON copies and
its ``return`` value (awaited when it is a promise) comes back as a XanoScript value.
``timeout`` (seconds, default 10) stops it; so does an interrupt. A JavaScript error is a
``standard`` error naming the script's line. Imports ``jsengine`` and the registry;
never the interpreter.
"""

from __future__ import annotations

from typing import Any

from .. import jsengine
from ..registry import Call, Param, builtin


@builtin("api.lambda", Param("code", required=True, doc="JavaScript text; `return` the result"),
         Param("timeout", "number", doc="seconds before the script is stopped (default 10)"),
         fresh_result=True)
def api_lambda(call: Call, code: Any = None, timeout: Any = None) -> Any:
    """Run JavaScript in a sandboxed V8 and return what it returns.

    The code sees $input, $var, $env and $auth (read-only JSON copies) and may `await`; it has no
    file, network or process access. `timeout` is in seconds (default 10).

    api.lambda {
      code = 'return $input.items.map(i => i.price).reduce((a, b) => a + b, 0);'
      timeout = 5
    } as $total
    """
    frame = getattr(call.session, "frame", None)
    globals_ = {
        "$input": frame.input if frame is not None else {},
        "$var": frame.vars if frame is not None else {},
        "$env": frame.env if frame is not None else {},
        "$auth": frame.auth if frame is not None else {},
    }
    return jsengine.run_script("api.lambda", code, globals_,
                      timeout=jsengine.timeout_seconds("api.lambda", timeout),
                      cancel=getattr(call.session, "cancel", None))
