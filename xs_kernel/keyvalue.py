"""The contract between the ``redis.*`` statements and a key-value store.

``KeyValueStore`` lists, typed, every operation a statement may ask of a store; the
statements (``namespaces/redis.py``) call these methods and nothing else, and every
back-end (``backends/redis_store.RedisStore``, embedded or on a server) implements them.
A new statement is a function there and, when it needs one, a method here and in the
store; ``tests/redis/test_contract.py`` fails, naming the missing step, when one is left
out. What a key holds and why a store refused a command are enums, never phrases
compared as text.
"""

from __future__ import annotations

import enum
from typing import Any, Protocol, runtime_checkable


class Holds(enum.Enum):
    """What a key holds; the value is how messages say it."""

    NOTHING = "nothing"
    TEXT = "text"
    NULL = "null"
    INT = "an int"
    DECIMAL = "a decimal"
    BOOL = "a bool"
    ARRAY = "an array"
    OBJECT = "an object"
    LIST = "a list"
    HASH = "a Redis hash"
    SET = "a Redis set"
    SORTED_SET = "a Redis sorted set"
    STREAM = "a Redis stream"
    OTHER = "another kind of Redis value"

    @classmethod
    def of_value(cls, type_name: str) -> "Holds":
        """A stored value by its XanoScript type name (``values.type_name``)."""
        return _BY_TYPE_NAME[type_name]

    @classmethod
    def of_redis_type(cls, kind: str) -> "Holds":
        """A key by what Redis's TYPE answers (a "string" needs its value read first)."""
        return _BY_REDIS_TYPE.get(kind, cls.OTHER)


_BY_TYPE_NAME = {"text": Holds.TEXT, "null": Holds.NULL, "int": Holds.INT,
                 "decimal": Holds.DECIMAL, "bool": Holds.BOOL, "array": Holds.ARRAY,
                 "object": Holds.OBJECT}
_BY_REDIS_TYPE = {"none": Holds.NOTHING, "list": Holds.LIST, "hash": Holds.HASH,
                  "set": Holds.SET, "zset": Holds.SORTED_SET, "stream": Holds.STREAM}


class Refusal(enum.Enum):
    WRONG_KIND = "wrongkind"  # the key holds something the command cannot work on
    OVERFLOW = "overflow"  # the new number would leave the store's range


class StoreRefused(Exception):
    """The store refused a command on KEY because of what the key HOLDS; the statement
    words it for the user, since only it knows what it expected."""

    def __init__(self, key: str, holds: Holds, reason: Refusal = Refusal.WRONG_KIND) -> None:
        super().__init__(f"key {key!r} holds {holds.value} ({reason.value})")
        self.key = key
        self.holds = holds
        self.reason = reason


@runtime_checkable
class KeyValueStore(Protocol):
    """What the ``redis.*`` statements ask of a store. Values are XanoScript values; keys
    are given without the store's prefix. A command on a key holding the wrong kind of
    value raises ``StoreRefused``; trouble reaching the store raises an ``XsError``."""

    def set(self, key: str, value: Any, ttl: int = 0) -> None: ...
    def get(self, key: str) -> Any: ...
    def has(self, key: str) -> bool: ...
    def delete(self, key: str) -> None: ...
    def incr(self, key: str, by: int | float) -> int | float: ...
    def decr(self, key: str, by: int | float) -> int | float: ...
    def push(self, key: str, value: Any) -> int: ...
    def unshift(self, key: str, value: Any) -> int: ...
    def pop(self, key: str, count: int | None = None) -> Any: ...
    def shift(self, key: str, count: int | None = None) -> Any: ...
    def range(self, key: str, start: int, stop: int) -> list[Any]: ...
    def count(self, key: str) -> int: ...
    def remove(self, key: str, value: Any, count: int = 0) -> int: ...
    def keys(self, search: str) -> list[str]: ...
    def ratelimit(self, key: str, ttl: int) -> int: ...
