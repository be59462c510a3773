"""The ``array.*`` statements.

In place, no result (the returned array is written back to the variable):
``array.push``, ``array.unshift``, ``array.merge``. In place with a result (the target's
array is changed and the removed element returned): ``array.pop``, ``array.shift``.
With a condition or a key expression, evaluated per element with ``$this``, ``$index``
and ``$parent`` bound (a Lazy): ``array.find``, ``array.find_index``, ``array.has``,
``array.every``, ``array.filter``, ``array.filter_count``, ``array.partition``,
``array.map``, ``array.group_by``, ``array.union``, ``array.difference``,
``array.intersection``.
"""

from __future__ import annotations

from typing import Any, Callable

from ..errors import XsError
from ..registry import Call, Param, builtin
from ..values import to_json, to_text, truthy, type_name

VALUE = Param("value", required=True, doc="the element (or array) to add")
CONDITION = Param("if", required=True, lazy=True, doc="condition per element ($this)")
BY = Param("by", lazy=True, doc="key per element ($this); default: the element itself")


def _array(statement: str, value: Any, *, null_ok: bool = True) -> list[Any]:
    if type(value) is list:
        return value
    if value is None and null_ok:
        return []
    raise XsError("inputerror", f"`{statement}` works on an array, got {type_name(value)}")


# ---------------------------------------------------------------- in place


@builtin("array.push", VALUE, returns=False, target="variable")
def array_push(call: Call, value: Any) -> list[Any]:
    """Append VALUE to the array variable.

    array.push $cart { value = "apple" }
    """
    items = _array("array.push", call.target)
    items.append(value)
    return items


@builtin("array.unshift", VALUE, returns=False, target="variable")
def array_unshift(call: Call, value: Any) -> list[Any]:
    """Insert VALUE at the front of the array variable.

    array.unshift $queue { value = "urgent" }
    """
    items = _array("array.unshift", call.target)
    items.insert(0, value)
    return items


@builtin("array.merge", Param("value", required=True, doc="the array to append"),
         returns=False, target="variable")
def array_merge(call: Call, value: Any) -> list[Any]:
    """Append every element of the array VALUE to the array variable.

    array.merge $all { value = $more }
    """
    items = _array("array.merge", call.target)
    items.extend(value if type(value) is list else [value])
    return items


@builtin("array.pop", target="variable")
def array_pop(call: Call) -> Any:
    """Remove the last element of the array variable and return it (null when empty).

    array.pop $stack as $top
    """
    items = _array("array.pop", call.target)
    return items.pop() if items else None


@builtin("array.shift", target="variable")
def array_shift(call: Call) -> Any:
    """Remove the first element of the array variable and return it (null when empty).

    array.shift $queue as $next
    """
    items = _array("array.shift", call.target)
    return items.pop(0) if items else None


# ---------------------------------------------------------------- with a condition


def _each(items: list[Any], test: Callable[..., Any]) -> Any:
    for position, item in enumerate(items):
        yield position, item, test(item, index=position, parent=items)


@builtin("array.find", CONDITION, target="value")
def array_find(call: Call, if_: Callable[..., Any]) -> Any:
    """The first element for which the condition holds, else null.

    array.find ($ages) if ($this >= 18) as $first_adult
    """
    for _, item, ok in _each(_array("array.find", call.target), if_):
        if truthy(ok):
            return item
    return None


@builtin("array.find_index", CONDITION, target="value")
def array_find_index(call: Call, if_: Callable[..., Any]) -> int:
    """The position of the first element for which the condition holds, else -1.

    array.find_index ($prices) if ($this < 20) as $cheap_at
    """
    for position, _, ok in _each(_array("array.find_index", call.target), if_):
        if truthy(ok):
            return position
    return -1


@builtin("array.has", CONDITION, target="value")
def array_has(call: Call, if_: Callable[..., Any]) -> bool:
    """True when the condition holds for at least one element.

    array.has ($roles) if ($this == "admin") as $is_admin
    """
    return any(truthy(ok) for _, _, ok in _each(_array("array.has", call.target), if_))


@builtin("array.every", CONDITION, target="value")
def array_every(call: Call, if_: Callable[..., Any]) -> bool:
    """True when the condition holds for every element (also for an empty array).

    array.every ($scores) if ($this >= 50) as $all_passed
    """
    return all(truthy(ok) for _, _, ok in _each(_array("array.every", call.target), if_))


@builtin("array.filter", CONDITION, target="value")
def array_filter(call: Call, if_: Callable[..., Any]) -> list[Any]:
    """The elements for which the condition holds, in order.

    array.filter ($temperatures) if ($this > 30) as $hot_days
    """
    return [item for _, item, ok in _each(_array("array.filter", call.target), if_)
            if truthy(ok)]


@builtin("array.filter_count", CONDITION, target="value")
def array_filter_count(call: Call, if_: Callable[..., Any]) -> int:
    """How many elements satisfy the condition.

    array.filter_count ($answers) if ($this == "yes") as $yes_votes
    """
    return sum(1 for _, _, ok in _each(_array("array.filter_count", call.target), if_)
               if truthy(ok))


@builtin("array.partition", CONDITION, target="value")
def array_partition(call: Call, if_: Callable[..., Any]) -> dict[str, list[Any]]:
    """Split into {true: [elements that satisfy the condition], false: [the others]}.

    array.partition ($numbers) if ($this % 2 == 0) as $split
    """
    parts: dict[str, list[Any]] = {"true": [], "false": []}
    for _, item, ok in _each(_array("array.partition", call.target), if_):
        parts["true" if truthy(ok) else "false"].append(item)
    return parts


# ---------------------------------------------------------------- with a key


def _keys(items: list[Any], by: Callable[..., Any] | None) -> list[Any]:
    if by is None:
        return list(items)
    return [by(item, index=position, parent=items) for position, item in enumerate(items)]


def _hashable(key: Any) -> Any:
    """A dict key standing for KEY under `==` (1 and 1.0 agree, structures by content)."""
    if type(key) in (int, float):
        return ("number", float(key))
    if type(key) in (list, dict):
        return ("json", to_json(key))
    return (type_name(key), key)


@builtin("array.map", Param("by", required=True, lazy=True, doc="new value per element"),
         target="value")
def array_map(call: Call, by: Callable[..., Any]) -> list[Any]:
    """A new array holding BY evaluated for every element ($this).

    array.map ($users) { by = $this.email } as $emails
    """
    return _keys(_array("array.map", call.target), by)


@builtin("array.group_by", Param("by", required=True, lazy=True, doc="group key per element"),
         target="value")
def array_group_by(call: Call, by: Callable[..., Any]) -> dict[str, list[Any]]:
    """An object of arrays: the elements grouped under the text of their BY key.

    array.group_by ($orders) { by = $this.status } as $by_status
    """
    items = _array("array.group_by", call.target)
    groups: dict[str, list[Any]] = {}
    for item, key in zip(items, _keys(items, by)):
        groups.setdefault(to_text(key), []).append(item)
    return groups


def _set_operation(name: str, keep: Callable[[bool], bool], add_other: bool, doc: str) -> None:
    def impl(call: Call, value: Any, by: Callable[..., Any] | None) -> list[Any]:
        items = _array(name, call.target)
        other = _array(name, value)
        other_keys = {_hashable(k) for k in _keys(other, by)}
        seen: set[Any] = set()
        result = []
        for item, key in zip(items, _keys(items, by)):
            h = _hashable(key)
            if keep(h in other_keys) and h not in seen:
                seen.add(h)
                result.append(item)
        if add_other:
            for item, key in zip(other, _keys(other, by)):
                h = _hashable(key)
                if h not in seen:
                    seen.add(h)
                    result.append(item)
        return result
    impl.__doc__ = doc
    impl.__name__ = impl.__qualname__ = name.replace(".", "_")
    builtin(name, Param("value", required=True, doc="the other array"), BY,
            target="value")(impl)


_set_operation("array.union", lambda _: True, True,
               "Elements of both arrays, each key once, in order of first appearance.\n\n"
               "array.union ([1, 2]) { value = [2, 3] } as $all")
_set_operation("array.difference", lambda inside: not inside, False,
               "Elements of the array whose key does not occur in VALUE.\n\n"
               "array.difference ([1, 2, 3]) { value = [2] } as $rest")
_set_operation("array.intersection", lambda inside: inside, False,
               "Elements of the array whose key also occurs in VALUE.\n\n"
               "array.intersection ([1, 2, 3]) { value = [2, 3, 4] } as $common")
