"""The ``redis.*`` statements, one registry entry each.

Every implementation checks its own arguments before Redis sees them (so the embedded and
the real back-end give identical errors), makes one call on ``call.services.redis`` and
words the store's refusals (a key holding the wrong kind of value) for the user, naming the
statement and the key. The store is reached only through
``call.services``.
"""

from __future__ import annotations

import enum
import json
import math
from typing import Any, Callable, TypeVar

from ..errors import XsError
from ..keyvalue import Holds, KeyValueStore, Refusal, StoreRefused
from ..registry import Call, Param, builtin
from ..values import number_text, parse_number, preview, to_text, type_name

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
MAX_TTL = 10**12  # seconds (~31,700 years); far beyond any real use, well inside Redis's range

T = TypeVar("T")

KEY = Param("key", "any", required=True, doc="name of the key (text)")


# -- argument checks ----------------------------------------------------------------------


def _input_error(statement: str, message: str) -> XsError:
    return XsError("inputerror", f"{statement}: {message}")


def _shown(value: Any) -> str:
    """``text "abc"``, ``decimal 1.5``, ``null``: how a bad argument is quoted back."""
    return "null" if value is None else f"{type_name(value)} {preview(value)}"


def _key(statement: str, key: Any) -> str:
    if isinstance(key, str):
        if key:
            return key
        raise _input_error(statement, "`key` must not be empty")
    if isinstance(key, (int, float)) and not isinstance(key, bool):
        return number_text(key)
    if key is None:
        raise _input_error(statement, "`key` is required and must not be null")
    raise _input_error(statement, f"`key` must be text, got {_shown(key)}")


def _whole(value: Any) -> int | None:
    """VALUE as an int when it is one (``3``, ``3.0``, ``"3"``), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value.is_integer() else None
    if isinstance(value, str):
        number = parse_number(value)
        return None if number is None else _whole(number)
    return None


def _integer(statement: str, name: str, value: Any, default: int,
             low: int = INT64_MIN, high: int = INT64_MAX) -> int:
    """Argument NAME as an int in [LOW, HIGH]; null means DEFAULT."""
    if value is None:
        return default
    number = _whole(value)
    if number is None:
        raise _input_error(statement, f"`{name}` must be an integer, got {_shown(value)}")
    if number < low:
        raise _input_error(statement, f"`{name}` must be {low} or more, got {number}")
    if number > high:
        raise _input_error(statement, f"`{name}` must be at most {high}, got {number}")
    return number


def _given(statement: str, name: str, value: Any) -> Any:
    """VALUE, which the cell wrote explicitly (a left-out attribute gets its default):
    null there is most often a misspelt variable, and must not quietly mean the default
    (`ttl = $tll` would store a key that never expires)."""
    if value is None:
        raise _input_error(statement, f"`{name}` is null: give a number, or leave `{name}` "
                                      "out for its default")
    return value


def _amount(statement: str, value: Any) -> int | float:
    """The ``by`` of incr/decr: an int, or a decimal (which switches to INCRBYFLOAT)."""
    number: Any = _given(statement, "by", value)
    if isinstance(value, str):
        number = parse_number(value)
    if isinstance(number, float) and math.isfinite(number):
        return number
    if isinstance(number, int) and not isinstance(number, bool):
        return _integer(statement, "by", number, 1)
    raise _input_error(statement, f"`by` must be a number, got {_shown(value)}")


# -- talking to the store -----------------------------------------------------------------


class Wanted(enum.Enum):
    """What a statement needs its key to hold, as its refusal message says it."""

    VALUE = "a value"
    SINGLE = "a single value"
    NUMBER = "a number"
    LIST = "a list"
    COUNTER = "a counter"


def _do(call: Call, statement: str, wanted: Wanted, action: Callable[[KeyValueStore], T]) -> T:
    """Run ACTION on the session's store; a key holding something other than WANTED
    becomes a ``standard`` error naming STATEMENT, the key and what it holds."""
    try:
        return action(call.services.redis)
    except StoreRefused as refused:
        raise _refusal(statement, wanted, refused) from None


def _refusal(statement: str, wanted: Wanted, refused: StoreRefused) -> XsError:
    key = json.dumps(refused.key, ensure_ascii=False)
    if refused.reason is Refusal.OVERFLOW:
        return XsError("standard", f"{statement}: the new value of key {key} would be out "
                       f"of range (it holds {refused.holds.value})")
    hint = None
    if refused.holds is Holds.LIST:
        hint = "read a list with redis.range, redis.pop or redis.shift"
    elif wanted is Wanted.LIST:
        hint = "read a single value with redis.get"
    return XsError("standard", f"{statement}: key {key} holds {refused.holds.value}, "
                   f"not {wanted.value}", hint=hint)


# -- values -------------------------------------------------------------------------------


@builtin("redis.set", KEY,
         Param("data", "any", required=True, doc="the value to store (any type)"),
         Param("ttl", "any", default=0, doc="seconds until the key expires; 0 = never"),
         returns=False, rejected={"value": "data", "expire": "ttl"})
def redis_set(call: Call, key: Any = None, data: Any = None, ttl: Any = 0) -> None:
    """Store `data` under `key`, replacing whatever the key held.

    The value keeps its type: text, numbers, bools, null, arrays and objects come back
    from `redis.get` as they went in. `ttl` > 0 makes the key expire after that many
    seconds; 0 (the default) stores it without expiry and clears an earlier one.
    """
    name = _key("redis.set", key)
    seconds = _integer("redis.set", "ttl", _given("redis.set", "ttl", ttl), 0, low=0,
                       high=MAX_TTL)
    _do(call, "redis.set", Wanted.VALUE, lambda store: store.set(name, data, seconds))


@builtin("redis.get", KEY, fresh_result=True)
def redis_get(call: Call, key: Any = None) -> Any:
    """The value stored under `key`, with the type it was stored with; null when missing."""
    name = _key("redis.get", key)
    return _do(call, "redis.get", Wanted.SINGLE, lambda store: store.get(name))


@builtin("redis.has", KEY)
def redis_has(call: Call, key: Any = None) -> bool:
    """True when `key` exists (also when it holds null), false otherwise."""
    name = _key("redis.has", key)
    return _do(call, "redis.has", Wanted.VALUE, lambda store: store.has(name))


@builtin("redis.del", KEY, returns=False)
def redis_del(call: Call, key: Any = None) -> None:
    """Delete `key` (a value, a list or a rate-limit counter); a missing key is fine."""
    name = _key("redis.del", key)
    _do(call, "redis.del", Wanted.VALUE, lambda store: store.delete(name))


@builtin("redis.incr", KEY, Param("by", "any", default=1, doc="amount to add (default 1)"))
def redis_incr(call: Call, key: Any = None, by: Any = 1) -> int | float:
    """Add `by` to the number under `key` and give the new number.

    A missing key counts from 0; the key's expiry is kept. A decimal `by` (or a decimal
    stored value) gives a decimal result.
    """
    name, amount = _key("redis.incr", key), _amount("redis.incr", by)
    return _do(call, "redis.incr", Wanted.NUMBER, lambda store: store.incr(name, amount))


@builtin("redis.decr", KEY, Param("by", "any", default=1, doc="amount to subtract (default 1)"))
def redis_decr(call: Call, key: Any = None, by: Any = 1) -> int | float:
    """Subtract `by` from the number under `key` and give the new number.

    A missing key counts from 0; the key's expiry is kept.
    """
    name, amount = _key("redis.decr", key), _amount("redis.decr", by)
    return _do(call, "redis.decr", Wanted.NUMBER, lambda store: store.decr(name, amount))


# -- lists --------------------------------------------------------------------------------

VALUE = Param("value", "any", required=True, doc="the element (any type)")
COUNT_TAKE = Param("count", "any", default=None,
                   doc="take this many elements and give an array")


@builtin("redis.push", KEY, VALUE)
def redis_push(call: Call, key: Any = None, value: Any = None) -> int:
    """Append `value` to the list at `key` (creating it) and give the new length.

    An array is one element: pushing `[1,2]` adds a single element.
    """
    name = _key("redis.push", key)
    return _do(call, "redis.push", Wanted.LIST, lambda store: store.push(name, value))


@builtin("redis.unshift", KEY, VALUE)
def redis_unshift(call: Call, key: Any = None, value: Any = None) -> int:
    """Insert `value` at the front of the list at `key` and give the new length."""
    name = _key("redis.unshift", key)
    return _do(call, "redis.unshift", Wanted.LIST, lambda store: store.unshift(name, value))


@builtin("redis.pop", KEY, COUNT_TAKE, fresh_result=True)
def redis_pop(call: Call, key: Any = None, count: Any = None) -> Any:
    """Remove and give the last element of the list at `key`; null when it is empty.

    With `count`, remove up to that many from the end and give them as an array.
    """
    name = _key("redis.pop", key)
    n = None if count is None else _integer("redis.pop", "count", count, 1, low=0)
    return _do(call, "redis.pop", Wanted.LIST, lambda store: store.pop(name, n))


@builtin("redis.shift", KEY, COUNT_TAKE, fresh_result=True)
def redis_shift(call: Call, key: Any = None, count: Any = None) -> Any:
    """Remove and give the first element of the list at `key`; null when it is empty.

    With `count`, remove up to that many from the front and give them as an array.
    """
    name = _key("redis.shift", key)
    n = None if count is None else _integer("redis.shift", "count", count, 1, low=0)
    return _do(call, "redis.shift", Wanted.LIST, lambda store: store.shift(name, n))


@builtin("redis.range", KEY,
         Param("start", "any", default=0, doc="first index (negative counts from the end)"),
         Param("stop", "any", default=-1, doc="last index, included (-1 = the last)"),
         fresh_result=True)
def redis_range(call: Call, key: Any = None, start: Any = 0, stop: Any = -1) -> list[Any]:
    """The elements of the list at `key` from `start` to `stop`, both included.

    Negative indexes count from the end (-1 is the last element); [] when missing.
    """
    name = _key("redis.range", key)
    first = _integer("redis.range", "start", start, 0)
    last = _integer("redis.range", "stop", stop, -1)
    return _do(call, "redis.range", Wanted.LIST, lambda store: store.range(name, first, last))


@builtin("redis.count", KEY)
def redis_count(call: Call, key: Any = None) -> int:
    """The number of elements in the list at `key`; 0 when missing."""
    name = _key("redis.count", key)
    return _do(call, "redis.count", Wanted.LIST, lambda store: store.count(name))


@builtin("redis.remove", KEY, VALUE,
         Param("count", "any", default=0,
               doc="0 removes all; n > 0 the first n; n < 0 the last n"))
def redis_remove(call: Call, key: Any = None, value: Any = None, count: Any = 0) -> int:
    """Remove elements equal to `value` (same type and content) from the list at `key`.

    `count` 0 removes every match, a positive count that many from the front, a
    negative count that many from the end. Gives the number removed.
    """
    name = _key("redis.remove", key)
    n = _integer("redis.remove", "count", count, 0)
    return _do(call, "redis.remove", Wanted.LIST, lambda store: store.remove(name, value, n))


# -- keys and rate limits -----------------------------------------------------------------


@builtin("redis.keys",
         Param("search", "any", default="*",
               doc="glob pattern: * any text, ? one character, [abc] one of"),
         fresh_result=True)
def redis_keys(call: Call, search: Any = "*") -> list[str]:
    """The sorted names of the keys matching the glob `search` (all keys by default)."""
    if isinstance(search, (list, dict, bool)):
        raise _input_error("redis.keys", f"`search` must be text, got {_shown(search)}")
    pattern = to_text(search) or "*"
    return _do(call, "redis.keys", Wanted.VALUE, lambda store: store.keys(pattern))


@builtin("redis.ratelimit", KEY,
         Param("max", "any", default=5, doc="calls allowed per window (default 5)"),
         Param("ttl", "any", default=60, doc="window length in seconds (default 60)"),
         Param("error", "any", default=None, doc="message of the error thrown when over"),
         rejected={"limit": "max", "window": "ttl"})
def redis_ratelimit(call: Call, key: Any = None, max: Any = 5, ttl: Any = 60,
                    error: Any = None) -> bool:
    """Count a call against `key`: true while at most `max` calls fell in the window.

    The window lasts `ttl` seconds from the first call and the counter lives at `key`
    itself (so `redis.del` resets it). Over the limit, a `toomanyrequests` error with
    `error` as its message is thrown when `error` is given; otherwise the result is false.
    """
    name = _key("redis.ratelimit", key)
    limit = _integer("redis.ratelimit", "max", _given("redis.ratelimit", "max", max), 5, low=0)
    window = _integer("redis.ratelimit", "ttl", _given("redis.ratelimit", "ttl", ttl), 60,
                      low=1, high=MAX_TTL)
    hits = _do(call, "redis.ratelimit", Wanted.COUNTER, lambda store: store.ratelimit(name, window))
    if hits <= limit:
        return True
    message = to_text(error)
    if message:
        raise XsError("toomanyrequests", message)
    return False
