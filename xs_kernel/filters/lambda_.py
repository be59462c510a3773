"""The JavaScript filters: ``lambda`` and ``lambda_map filter some every find findIndex
reduce``, run in the sandboxed V8 of ``jsengine``.

Each takes a text of JavaScript that must ``return``; it sees ``$this`` (the element),
``$index``, ``$parent`` (the whole array) and, for ``lambda_reduce``, ``$result``. An
optional last argument is the timeout in seconds (default 10). One filter is one script
run: the loop over the elements happens inside V8, so a thousand elements cost one call.
``lambda_reduce`` takes the initial value first, then the code (the docs' order).
Imports the registry and ``jsengine``.
"""

from __future__ import annotations

from typing import Any

from ..jsengine import run_script, timeout_seconds
from ..registry import xs_filter
from . import _support as s


def _run(name: str, loop: str, code: Any, timeout: Any, data: dict[str, Any]) -> Any:
    owner = f"|{name}"
    return run_script(owner, code, {}, timeout=timeout_seconds(owner, timeout), loop=loop,
                      data=data)


@xs_filter("lambda", max_args=2)
def filter_lambda(value, code, timeout=None):
    """Run JavaScript with $this bound to the value; its `return` is the result.

    value|lambda:"code":timeout — `"abc"|lambda:"return $this.toUpperCase()"` is "ABC".
    """
    return _run("lambda", "one", code, timeout, {"value": value})


@xs_filter("lambda_map", accepts=s.ARRAY)
def filter_lambda_map(value, code, timeout=None):
    """A new array of what the JavaScript returns for each element ($this).

    array|lambda_map:"code":timeout — `[1,2,3]|lambda_map:"return $this * 2"` is [2,4,6].
    """
    return _run("lambda_map", "map", code, timeout, {"items": value})


@xs_filter("lambda_filter", accepts=s.ARRAY)
def filter_lambda_filter(value, code, timeout=None):
    """The elements for which the JavaScript returns a truthy value.

    array|lambda_filter:"code":timeout — `[1,2,3,4]|lambda_filter:"return $this % 2"` is
    [1,3].
    """
    kept = _run("lambda_filter", "filter", code, timeout, {"items": value})
    return [value[i] for i in kept]


@xs_filter("lambda_some", accepts=s.ARRAY)
def filter_lambda_some(value, code, timeout=None):
    """True when the JavaScript returns a truthy value for some element.

    array|lambda_some:"code":timeout — `[1,2,3]|lambda_some:"return $this > 2"` is true.
    """
    return _run("lambda_some", "some", code, timeout, {"items": value})


@xs_filter("lambda_every", accepts=s.ARRAY)
def filter_lambda_every(value, code, timeout=None):
    """True when the JavaScript returns a truthy value for every element.

    array|lambda_every:"code":timeout — `[2,4,6]|lambda_every:"return $this % 2 === 0"` is
    true.
    """
    return _run("lambda_every", "every", code, timeout, {"items": value})


@xs_filter("lambda_find", accepts=s.ARRAY)
def filter_lambda_find(value, code, timeout=None):
    """The first element for which the JavaScript returns a truthy value (null if none).

    array|lambda_find:"code":timeout — `[1,2,3,8,9]|lambda_find:"return $this === 8"` is 8.
    """
    index = _run("lambda_find", "find", code, timeout, {"items": value})
    return value[index] if index >= 0 else None


@xs_filter("lambda_findIndex", accepts=s.ARRAY)
def filter_lambda_find_index(value, code, timeout=None):
    """The index of the first element for which the JavaScript is truthy (-1 if none).

    array|lambda_findIndex:"code":timeout — `[1,2,3,8,9]|lambda_findIndex:"return $this
    === 8"` is 3.
    """
    return _run("lambda_findIndex", "findIndex", code, timeout, {"items": value})


@xs_filter("lambda_reduce", accepts=s.ARRAY)
def filter_lambda_reduce(value, initial, code, timeout=None):
    """Fold the array with JavaScript: $result is the running value, $this the element.

    array|lambda_reduce:initial:"code":timeout — the initial value comes FIRST:
    `[1,2,3]|lambda_reduce:0:"return $result + $this"` is 6.
    """
    return _run("lambda_reduce", "reduce", code, timeout, {"items": value, "initial": initial})
