"""Array filters: access, slicing, building, combining and set operations.

Every filter returns a new array and leaves its receiver alone (nested values may be
shared). Equality is ``values.equals`` (1 equals 1.0, "1" does not equal 1). Sorting,
grouping, the ``filter_*`` family and sums live in ``array_query.py``.
"""

from __future__ import annotations

import math
import random
from typing import Any

from ..registry import xs_filter
from ..values import equality_key, to_text
from . import _support as s


@xs_filter("count", accepts=s.CONTAINER)
def filter_count(value):
    """The number of elements of an array, or of keys of an object (for text use strlen).

    array|count — `[1,2,3]|count` is 3.
    """
    return len(value)


@xs_filter("first", accepts=s.ARRAY)
def filter_first(value):
    """The first element of an array (null when it is empty).

    array|first — `[1,2,3]|first` is 1.
    """
    return value[0] if value else None


@xs_filter("last", accepts=s.ARRAY)
def filter_last(value):
    """The last element of an array (null when it is empty).

    array|last — `[1,2,3]|last` is 3.
    """
    return value[-1] if value else None


@xs_filter("slice", accepts=s.ARRAY, aliases=("array_slice",))
def filter_slice(value, offset, length=None):
    """Part of an array: skip OFFSET elements, then keep LENGTH of them (or the rest).

    array|slice:offset[:length] — `[1,2,3,4]|slice:1:2` is [2,3]. A negative offset
    counts from the end; a negative length leaves that many elements off the end.
    """
    n = len(value)
    start = s.integer("slice", offset, "offset")
    if start < 0:
        start = max(n + start, 0)
    if length is None:
        return list(value[start:])
    size = s.integer("slice", length, "length")
    end = start + size if size >= 0 else n + size
    return list(value[start:end]) if end > start else []


@xs_filter("reverse", accepts=s.ARRAY)
def filter_reverse(value):
    """The elements of an array in reverse order (text cannot be reversed directly).

    array|reverse — `[1,2,3]|reverse` is [3,2,1].
    """
    return list(reversed(value))


@xs_filter("unique", accepts=s.ARRAY)
def filter_unique(value):
    """The array without repeated values; the first of each stays, in order.

    array|unique — `[1,1,2]|unique` is [1,2].
    """
    seen: set[str] = set()
    out = []
    for item in value:
        key = equality_key(item)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


@xs_filter("flatten", accepts=s.ARRAY)
def filter_flatten(value):
    """Nested arrays flattened into one array, at every depth.

    array|flatten — `[1,[2,[3]]]|flatten` is [1,2,3].
    """
    out: list[Any] = []
    stack = [iter(value)]
    while stack:
        for item in stack[-1]:
            if isinstance(item, list):
                stack.append(iter(item))
                break
            out.append(item)
        else:
            stack.pop()
    return out


@xs_filter("shuffle", accepts=s.ARRAY, aliases=("array_shuffle",))
def filter_shuffle(value):
    """The elements of an array in a random order.

    array|shuffle
    """
    out = list(value)
    random.shuffle(out)
    return out


@xs_filter("push", accepts=s.ARRAY, aliases=("array_push",))
def filter_push(value, item):
    """A copy of the array with one value added at the end.

    array|push:value — `[1,2]|push:3` is [1,2,3].
    """
    return [*value, item]


@xs_filter("pop", accepts=s.ARRAY, aliases=("array_pop",))
def filter_pop(value):
    """The last element of an array (the filter returns the element, not the rest).

    array|pop — `[1,2,3]|pop` is 3; null for an empty array.
    """
    return value[-1] if value else None


@xs_filter("shift", accepts=s.ARRAY, aliases=("array_shift",))
def filter_shift(value):
    """The first element of an array (the filter returns the element, not the rest).

    array|shift — `[1,2,3]|shift` is 1; null for an empty array.
    """
    return value[0] if value else None


@xs_filter("unshift", accepts=s.ARRAY, aliases=("array_unshift",))
def filter_unshift(value, item):
    """A copy of the array with one value added at the start.

    array|unshift:value — `[1,2]|unshift:0` is [0,1,2].
    """
    return [item, *value]


def _grow(name: str, value: Any, item: Any, path: Any, at_end: bool) -> Any:
    if isinstance(value, list) and path is None:
        return [*value, item] if at_end else [item, *value]
    if path is None:
        raise s.bad(name, "an object receiver needs the path of the array to change")
    found = s.lookup(value, name, path)
    current = [] if found is s.MISSING or found is None else found
    if not isinstance(current, list):
        raise s.bad(name, f"the value at {to_text(path)!r} is not an array")
    return s.assign(value, name, path, [*current, item] if at_end else [item, *current])


@xs_filter("append", accepts=s.CONTAINER)
def filter_append(value, item, path=None):
    """Add a value at the end of an array, or of the array at a path inside an object.

    array|append:value — `[1,2]|append:3` is [1,2,3].
    object|append:value:path — `{t:[1]}|append:2:"t"` is {t:[1,2]}.
    """
    return _grow("append", value, item, path, True)


@xs_filter("prepend", accepts=s.CONTAINER)
def filter_prepend(value, item, path=None):
    """Add a value at the start of an array, or of the array at a path inside an object.

    array|prepend:value — `[1,2]|prepend:0` is [0,1,2].
    object|prepend:value:path
    """
    return _grow("prepend", value, item, path, False)


def _same_kind(name: str, value: Any, other: Any) -> Any:
    if other is None:
        return [] if isinstance(value, list) else {}
    if type(other) is not type(value) or not isinstance(other, (list, dict)):
        kind = "an array" if isinstance(value, list) else "an object"
        raise s.bad(name, f"cannot merge {s.described(other)} into {kind}")
    return other


@xs_filter("merge", accepts=s.CONTAINER, aliases=("array_merge",))
def filter_merge(value, other):
    """Combine two arrays (one after the other) or two objects (the argument's keys win).

    array|merge:array — `[1,2]|merge:[3,4]` is [1,2,3,4].
    object|merge:object — `{a:1,b:1}|merge:{b:2}` is {a:1,b:2}.
    """
    other = _same_kind("merge", value, other)
    if isinstance(value, list):
        return [*value, *other]
    return {**value, **other}


def _merge_deep(a: Any, b: Any) -> Any:
    """PHP's array_merge_recursive: lists concatenate, shared keys combine."""
    if isinstance(a, list) and isinstance(b, list):
        return [*a, *b]
    if isinstance(a, dict) and isinstance(b, dict):
        out = dict(a)
        for k, v in b.items():
            out[k] = _merge_deep(out[k], v) if k in out else v
        return out
    left = a if isinstance(a, list) else [a]
    right = b if isinstance(b, list) else [b]
    return [*left, *right]


@xs_filter("merge_recursive", accepts=s.CONTAINER, aliases=("array_merge_recursive",))
def filter_merge_recursive(value, other):
    """Merge at every depth: objects merge, arrays concatenate, clashing values pair up.

    value|merge_recursive:other — `{a:{b:1}}|merge_recursive:{a:{c:2}}` is {a:{b:1,c:2}}.
    """
    return _merge_deep(value, _same_kind("merge_recursive", value, other))


def _keys(items: list) -> set[str]:
    return {equality_key(v) for v in items}


@xs_filter("diff", accepts=s.ARRAY, aliases=("array_diff",))
def filter_diff(value, other):
    """The elements of the array that do not occur in the other array (by value).

    array|diff:other — `[1,2,3]|diff:[2]` is [1,3].
    """
    drop = _keys(s.array("diff", other))
    return [v for v in value if equality_key(v) not in drop]


@xs_filter("intersect", accepts=s.ARRAY, aliases=("array_intersect",))
def filter_intersect(value, other):
    """The elements of the array that also occur in the other array (by value).

    array|intersect:other — `[1,2,3]|intersect:[2,3,4]` is [2,3].
    """
    keep = _keys(s.array("intersect", other))
    return [v for v in value if equality_key(v) in keep]


def _assoc(name: str, value: Any, other: Any, keep_same: bool) -> Any:
    """Compare entry by entry: same key (or position) and same value."""
    if isinstance(value, list):
        other_list = s.array(name, other)
        return [v for i, v in enumerate(value)
                if (i < len(other_list) and equality_key(other_list[i]) == equality_key(v))
                == keep_same]
    if not isinstance(other, dict):
        raise s.bad(name, f"the argument must be an object, got {s.described(other)}")
    return {k: v for k, v in value.items()
            if (k in other and equality_key(other[k]) == equality_key(v)) == keep_same}


@xs_filter("diff_assoc", accepts=s.CONTAINER, aliases=("array_diff_assoc",))
def filter_diff_assoc(value, other):
    """The entries whose key (or position) and value are not both matched in the other.

    value|diff_assoc:other — `[1,2,3]|diff_assoc:[1,5]` is [2,3];
    `{a:1,b:2}|diff_assoc:{a:1,b:3}` is {b:2}.
    """
    return _assoc("diff_assoc", value, other, False)


@xs_filter("intersect_assoc", accepts=s.CONTAINER, aliases=("array_intersect_assoc",))
def filter_intersect_assoc(value, other):
    """The entries whose key (or position) and value both match in the other.

    value|intersect_assoc:other — `[1,2,3]|intersect_assoc:[1,5,3]` is [1,3].
    """
    return _assoc("intersect_assoc", value, other, True)


@xs_filter("join", accepts=s.ARRAY)
def filter_join(value, separator=""):
    """The elements as one text with a separator between them.

    array|join:separator — `["a","b"]|join:","` is "a,b". Arrays and objects inside are
    written as JSON, null as "".
    """
    sep = s.text("join", separator, "the separator")
    return sep.join(to_text(v) for v in value)


@xs_filter("in", accepts=s.ARRAY)
def filter_in(value, item):
    """True when the value occurs in the array.

    array|in:value — `[1,2,3]|in:3` is true.
    """
    key = equality_key(item)
    return any(equality_key(v) == key for v in value)


@xs_filter("remove", accepts=s.ARRAY, aliases=("array_remove",))
def filter_remove(value, item):
    """The array without every element equal to the value.

    array|remove:value — `[{v:1},{v:2}]|remove:{v:2}` is [{v:1}].
    """
    key = equality_key(item)
    return [v for v in value if equality_key(v) != key]


@xs_filter("safe_array")
def filter_safe_array(value):
    """Always an array: an array stays as it is, null becomes [], anything else [value].

    value|safe_array — `12|safe_array` is [12].
    """
    if isinstance(value, list):
        return list(value)
    return [] if value is None else [value]


@xs_filter("range", needs_receiver=False)
def filter_range(value, start, stop, step=1):
    """An array of numbers from start to stop, both included (counting down if needed).

    |range:start:stop[:step] — `(|range:1:5)` is [1,2,3,4,5]; same as `(1..5)`.
    """
    lo = s.number("range", start, "start")
    hi = s.number("range", stop, "stop")
    by = abs(s.number("range", step, "step"))
    if by == 0:
        raise s.bad("range", "the step must not be 0")
    s.guard_size("range", abs(hi - lo) / by + 1, 36)  # a list of ints
    count = int(math.floor(abs(hi - lo) / by + 1e-9)) + 1
    sign = 1 if hi >= lo else -1
    if all(isinstance(x, int) for x in (lo, hi, by)):
        return [lo + sign * by * i for i in range(count)]
    return [float(lo + sign * by * i) for i in range(count)]


@xs_filter("fill", needs_receiver=False, aliases=("array_fill",))
def filter_fill(value, start_or_count, count_or_value=None):
    """An array that repeats a value.

    value|fill:start:count — `"v"|fill:0:3` is ["v","v","v"] (start is the first index,
    kept for compatibility). Without a receiver, `(|fill:3:"x")` is ["x","x","x"].
    """
    if value is None:
        n, item = s.integer("fill", start_or_count, "count"), count_or_value
    else:
        if count_or_value is None:
            raise s.bad("fill", "give the start index and the count: value|fill:0:5")
        n, item = s.integer("fill", count_or_value, "count"), value
    if n < 0:
        raise s.bad("fill", "the count must not be negative")
    s.guard_size("fill", n, 8)  # a list of references
    return [item] * n
