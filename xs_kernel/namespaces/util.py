"""The ``util.*`` statements a notebook can honour: ``util.sleep`` (interruptible),
the request-context readers ``util.get_env``, ``util.get_all_input``,
``util.get_raw_input``, ``util.get_vars`` and ``util.geo_distance``
(``util.send_email`` lives in ``email.py``).

The readers reach the running frame through ``call.session.frame``.
"""

from __future__ import annotations

import math
import time
from typing import Any

from ..errors import XsError
from ..registry import Call, Param, builtin
from ..values import copy_value, is_number, to_json, type_name

_TICK = 0.05  # seconds between checks for an interrupt requested from another thread


@builtin("util.sleep", Param("value", "number", required=True, doc="seconds to wait"),
         returns=False)
def util_sleep(call: Call, value: Any) -> None:
    """Pause for VALUE seconds (decimals allowed); an interrupt stops the wait.

    util.sleep { value = 1.5 }
    """
    if value < 0:
        raise XsError("inputerror", f"`util.sleep` needs a positive number of seconds, "
                                    f"got {value}")
    cancel = getattr(call.session, "cancel", None)
    deadline = time.monotonic() + value
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return
        if cancel is not None:
            if cancel.wait(min(left, _TICK)):
                cancel.clear()
                raise KeyboardInterrupt
        else:
            time.sleep(min(left, _TICK))


def _frame(call: Call) -> Any:
    frame = getattr(call.session, "frame", None)
    if frame is None:
        raise XsError("standard", "this statement only works while a cell runs")
    return frame


@builtin("util.get_env")
def util_get_env(call: Call) -> dict[str, Any]:
    """Every $env value (environment variables and request values) as one object.

    util.get_env as $env_values
    """
    return copy_value(_frame(call).env)


@builtin("util.get_all_input")
def util_get_all_input(call: Call) -> dict[str, Any]:
    """The whole $input object.

    util.get_all_input as $everything
    """
    return copy_value(_frame(call).input)


def _sent(call: Call) -> Any:
    """The input as the client sent it: the request body when a request is running
    (api.call, %call, xs call), else the cell's $input."""
    from ..request import current

    body = current(call.session).body if call.session is not None else None
    return copy_value(body if body is not None else _frame(call).input)


@builtin("util.get_raw_input", Param("encoding", "text", default="json",
                                     doc="json (default): the parsed object; text: the "
                                         "body as JSON text"),
         Param("exclude_middleware", "bool", default=False,
               doc="the input before pre middleware changed it (accepted; the same here)"))
def util_get_raw_input(call: Call, encoding: str, exclude_middleware: bool) -> Any:
    """The input as the request sent it, before the input block checked and filtered it:
    with encoding "json" (the default) the parsed object, so a PATCH endpoint can see
    which fields were sent; with "text" or "raw" the body as JSON text.

    util.get_raw_input { encoding = "json" } as $body
    """
    body = _sent(call)
    if (encoding or "json").lower() in ("text", "raw", "string"):
        return body if type(body) is str else to_json(body)
    return body


@builtin("util.get_input")
def util_get_input(call: Call) -> Any:
    """The raw input as the request sent it (before the input block filtered it).

    util.get_input as $raw_input
    """
    return _sent(call)


@builtin("util.set_header", Param("value", "text", required=True, doc='"Name: value"'),
         Param("duplicates", "text", default="replace", doc="replace (default) or add"),
         returns=False)
def util_set_header(call: Call, value: str, duplicates: str) -> None:
    """Set a header of the response: `replace` drops earlier headers of that name, `add`
    keeps them. `%call` and `xs call` show the headers an endpoint set.

    util.set_header { value = "X-Total: 3" duplicates = "replace" }
    """
    from ..request import current

    name, sep, text = value.partition(":")
    if not sep or not name.strip():
        raise XsError("inputerror", f'util.set_header: {value!r} is not "Name: value"',
                      payload={"param": "value"})
    if (duplicates or "replace").lower() not in ("replace", "add"):
        raise XsError("inputerror", "util.set_header: duplicates is replace or add",
                      payload={"param": "duplicates"})
    headers = current(call.session).response_headers
    if duplicates.lower() == "replace":
        headers[:] = [(n, v) for n, v in headers if n.lower() != name.strip().lower()]
    headers.append((name.strip(), text.strip()))


@builtin("util.get_vars")
def util_get_vars(call: Call) -> dict[str, Any]:
    """Every variable of the running function (or cell) as one object.

    util.get_vars as $all_vars
    """
    return copy_value(dict(_frame(call).vars))


def _coordinate(name: str, value: Any) -> float:
    if not is_number(value):
        raise XsError("inputerror", f"`util.geo_distance`: `{name}` must be a number, got "
                                    f"{type_name(value)}")
    return math.radians(float(value))


@builtin("util.geo_distance", Param("latitude_1", required=True),
         Param("longitude_1", required=True), Param("latitude_2", required=True),
         Param("longitude_2", required=True))
def util_geo_distance(call: Call, latitude_1: Any, longitude_1: Any, latitude_2: Any,
                      longitude_2: Any) -> float:
    """Great-circle distance in kilometres between two points (haversine formula).

    util.geo_distance { latitude_1 = 48.85 longitude_1 = 2.35 latitude_2 = 51.5
    longitude_2 = -0.12 } as $km
    """
    lat1, lon1 = _coordinate("latitude_1", latitude_1), _coordinate("longitude_1", longitude_1)
    lat2, lon2 = _coordinate("latitude_2", latitude_2), _coordinate("longitude_2", longitude_2)
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(h))
