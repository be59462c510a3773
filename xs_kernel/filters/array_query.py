"""Array filters that look inside the elements: sorting, grouping, the ``filter_*`` family
and aggregates (``sum``, ``avg``, ``product``, ``array_min``, ``array_max``).

A PATH argument names a field inside each element (``"user.name"``); without one the
element itself is used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cmp_to_key
from typing import Any

from ..registry import xs_filter
from ..values import compare, fit_int, is_empty, is_number, to_decimal, to_text
from . import _support as s

# -- sort ---------------------------------------------------------------------------------

SORT_KINDS = ("auto", "text", "itext", "number", "natural", "inatural")
_DIGITS = re.compile(r"(\d+)")


def _natural(text: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p)
                 for p in _DIGITS.split(text) if p != "")


_KEYS: dict[str, Callable[[Any], Any]] = {
    "text": lambda v: to_text(v),
    "itext": lambda v: to_text(v).casefold(),
    "number": lambda v: to_decimal(v),
    "natural": lambda v: _natural(to_text(v)),
    "inatural": lambda v: _natural(to_text(v).casefold()),
}


def _direction(name: str, flag: Any) -> bool:
    """True for descending: a truthy flag, or the word "desc"."""
    if isinstance(flag, str):
        word = flag.strip().lower()
        if word in ("asc", "desc"):
            return word == "desc"
        if word in ("true", "false", "1", "0", ""):
            return word in ("true", "1")
        raise s.bad(name, f"the direction must be asc, desc, true or false, got {flag!r}")
    return bool(flag)


def _sort_options(path: Any, kind: Any, descending: Any) -> tuple[Any, str, bool]:
    """Read both spellings: ``sort:path:type:desc-flag`` and ``sort:path:"asc"|"desc"``."""
    desc = False if descending is None else _direction("sort", descending)
    if kind is None or kind == "":
        return path, "auto", desc
    if isinstance(kind, bool):
        return path, "auto", kind
    word = s.text("sort", kind, "the sort type").strip().lower()
    if word in ("asc", "desc"):
        return path, "auto", word == "desc"
    if word not in SORT_KINDS:
        raise s.bad("sort", f"unknown sort type {word!r}; use one of {', '.join(SORT_KINDS)}")
    return path, word, desc


@xs_filter("sort", accepts=s.ARRAY, aliases=("fsort",))
def filter_sort(value, path=None, kind=None, descending=None):
    """The array sorted by the elements, or by a field inside them; the order of ties is kept.

    array|sort[:path[:type[:descending]]] — type is text, itext (ignore case), number,
    natural or inatural (numbers inside text by value); without a type values compare as
    the < operator does. `[{n:"z"},{n:"a"}]|sort:n:text:false` puts "a" first;
    `|sort:"n":"desc"` and `|sort:"":"asc"` are accepted too.
    """
    path, kind, desc = _sort_options(path, kind, descending)
    if path not in (None, ""):
        s.path_parts("sort", path)  # reject a bad path even for an empty array
    fields = [s.field("sort", v, path) for v in value]
    order = list(range(len(value)))
    if kind == "auto":
        order.sort(key=cmp_to_key(lambda i, j: compare(fields[i], fields[j])), reverse=desc)
    else:
        keys = [_KEYS[kind](f) for f in fields]
        order.sort(key=lambda i: keys[i], reverse=desc)
    return [value[i] for i in order]


@xs_filter("index_by", accepts=s.ARRAY)
def filter_index_by(value, path):
    """Group the elements into an object of arrays keyed by the value at a path.

    array|index_by:path — `[{g:"a",v:1},{g:"b",v:2},{g:"a",v:3}]|index_by:g` is
    {a:[{g:"a",v:1},{g:"a",v:3}],b:[{g:"b",v:2}]}. An empty path groups by the elements.
    """
    if path not in (None, ""):
        s.path_parts("index_by", path)
    out: dict[str, list] = {}
    for item in value:
        out.setdefault(to_text(s.field("index_by", item, path)), []).append(item)
    return out


# -- the filter_* family ------------------------------------------------------------------

def _keep(value: Any, path: Any, drop: Callable[[Any], bool]) -> Any:
    # An object keeps its entries in order (the generated PATCH endpoints' idiom
    # `$input|pick:(...)|filter_null` drops the fields sent as null).
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if not drop(s.field("filter", v, path))}
    return [v for v in value if not drop(s.field("filter", v, path))]


@xs_filter("filter_empty", accepts=s.CONTAINER)
def filter_filter_empty(value, path=None):
    """The array (or object) without empty entries ("", null, 0, "0", false, [], {}).

    array|filter_empty[:path] — `[1,null,"",0,"x",false]|filter_empty` is [1,"x"]; with a
    path, elements are kept when that field is not empty.
    """
    return _keep(value, path, is_empty)


@xs_filter("filter_empty_text", accepts=s.CONTAINER)
def filter_filter_empty_text(value, path=None):
    """The array (or object) without empty texts ("").

    array|filter_empty_text[:path] — `["a","","b"]|filter_empty_text` is ["a","b"].
    """
    return _keep(value, path, lambda v: v == "")


@xs_filter("filter_empty_array", accepts=s.CONTAINER)
def filter_filter_empty_array(value, path=None):
    """The array (or object) without empty arrays ([]).

    array|filter_empty_array[:path]
    """
    return _keep(value, path, lambda v: v == [])


@xs_filter("filter_empty_object", accepts=s.CONTAINER)
def filter_filter_empty_object(value, path=None):
    """The array (or object) without empty objects ({}).

    array|filter_empty_object[:path]
    """
    return _keep(value, path, lambda v: v == {} and isinstance(v, dict))


@xs_filter("filter_null", accepts=s.CONTAINER)
def filter_filter_null(value, path=None):
    """The array (or object) without null entries.

    array|filter_null[:path] — `[1,null,2]|filter_null` is [1,2].
    """
    return _keep(value, path, lambda v: v is None)


@xs_filter("filter_zero", accepts=s.CONTAINER)
def filter_filter_zero(value, path=None):
    """The array (or object) without zeros (0 and 0.0).

    array|filter_zero[:path] — `[0,1,0.0,"0"]|filter_zero` is [1,"0"].
    """
    return _keep(value, path, lambda v: is_number(v) and v == 0)


@xs_filter("filter_false", accepts=s.CONTAINER)
def filter_filter_false(value, path=None):
    """The array (or object) without false entries.

    array|filter_false[:path] — `[true,false,0]|filter_false` is [true,0].
    """
    return _keep(value, path, lambda v: v is False)


# -- aggregates ---------------------------------------------------------------------------

def _numbers(name: str, value: list) -> list[int | float]:
    return [s.number(name, v, f"element {i}") for i, v in enumerate(value)]


@xs_filter("sum", accepts=s.ARRAY)
def filter_sum(value):
    """The sum of an array of numbers (0 for an empty array).

    array|sum — `[1,2,3,4]|sum` is 10.
    """
    total = sum(_numbers("sum", value))
    return fit_int(total) if isinstance(total, int) else total


@xs_filter("avg", accepts=s.ARRAY)
def filter_avg(value):
    """The average of an array of numbers (null for an empty array).

    array|avg — `[1,2,3,4]|avg` is 2.5.
    """
    nums = _numbers("avg", value)
    if not nums:
        return None
    mean = sum(nums) / len(nums)
    return int(mean) if mean == int(mean) and all(isinstance(n, int) for n in nums) else mean


@xs_filter("product", accepts=s.ARRAY)
def filter_product(value):
    """The product of an array of numbers (1 for an empty array).

    array|product — `[1,2,3,4]|product` is 24.
    """
    result: int | float = 1
    for n in _numbers("product", value):
        result *= n
        if isinstance(result, int) and abs(result) > 2**63:
            result = float(result)
    return result


def _extreme(value: list, sign: int) -> Any:
    if not value:
        return None
    best = value[0]
    for item in value[1:]:
        if compare(item, best) * sign > 0:
            best = item
    return best


@xs_filter("array_min", accepts=s.ARRAY)
def filter_array_min(value):
    """The smallest element of an array (null for an empty array).

    array|array_min — `[5,2,8]|array_min` is 2.
    """
    return _extreme(value, -1)


@xs_filter("array_max", accepts=s.ARRAY)
def filter_array_max(value):
    """The largest element of an array (null for an empty array).

    array|array_max — `[5,2,8]|array_max` is 8.
    """
    return _extreme(value, 1)
