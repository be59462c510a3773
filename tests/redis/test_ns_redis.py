"""The redis.* statements, called through the registry on both back-ends.

Every row of the statement table and its edge cases: missing keys, empty lists, negative
indexes, expiry, type round trips, keys holding the wrong kind, argument checks and the
rate-limit window. Messages are compared exactly: both back-ends must word them the same.
"""

from __future__ import annotations

import time

import pytest

from xs_kernel.errors import XsError
from xs_kernel.registry import load_builtins

def _error(run, name, **attributes) -> XsError:
    with pytest.raises(XsError) as info:
        run(name, **attributes)
    return info.value


def _ttl(store, key: str) -> int:
    return store._client.ttl((store.prefix + key).encode())


# -- the registry entries -----------------------------------------------------------------


def test_every_statement_has_help() -> None:
    # Which statements exist, and that each runs and is documented: test_contract.py.
    registry = load_builtins()
    for spec in registry.namespace("redis."):
        assert spec.doc.strip(), spec.name


@pytest.mark.parametrize("name, required, optional, returns", [
    ("redis.set", {"key", "data"}, {"ttl"}, False),
    ("redis.get", {"key"}, set(), True),
    ("redis.has", {"key"}, set(), True),
    ("redis.del", {"key"}, set(), False),
    ("redis.incr", {"key"}, {"by"}, True),
    ("redis.decr", {"key"}, {"by"}, True),
    ("redis.push", {"key", "value"}, set(), True),
    ("redis.unshift", {"key", "value"}, set(), True),
    ("redis.pop", {"key"}, {"count"}, True),
    ("redis.shift", {"key"}, {"count"}, True),
    ("redis.range", {"key"}, {"start", "stop"}, True),
    ("redis.count", {"key"}, set(), True),
    ("redis.remove", {"key", "value"}, {"count"}, True),
    ("redis.keys", set(), {"search"}, True),
    ("redis.ratelimit", {"key"}, {"max", "ttl", "error"}, True),
])
def test_parameters(name, required, optional, returns) -> None:
    spec = load_builtins().function(name)
    assert {p.name for p in spec.params if p.required} == required
    assert {p.name for p in spec.params if not p.required} == optional
    assert spec.returns is returns


@pytest.mark.parametrize("name, param, default", [
    ("redis.set", "ttl", 0), ("redis.incr", "by", 1), ("redis.decr", "by", 1),
    ("redis.range", "start", 0), ("redis.range", "stop", -1), ("redis.remove", "count", 0),
    ("redis.ratelimit", "max", 5), ("redis.ratelimit", "ttl", 60), ("redis.keys", "search", "*"),
])
def test_defaults(name, param, default) -> None:
    assert load_builtins().function(name).param(param).default == default


@pytest.mark.parametrize("name, aliases", [
    ("redis.set", {"value": "data", "expire": "ttl"}),
    ("redis.ratelimit", {"limit": "max", "window": "ttl"}),
])
def test_aliases_are_rejected_with_the_right_name(name, aliases) -> None:
    assert load_builtins().function(name).rejected == aliases


# -- values keep their type ---------------------------------------------------------------

VALUES = [
    "hello", "", "42", "-3.5", "true", "null", "[1]", "h\u00e9llo \u2713", "line\nbreak",
    0, 42, -7, 2**62, 5.5, 2.0, -0.25, 1e20, True, False, None, [], {},
    [1, "two", 3.0, None, False, [4]], {"b": 1, "a": {"n": [1, {"x": None}]}, "t": "42"},
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_set_then_get_keeps_value_and_type(run, value) -> None:
    assert run("redis.set", key="k", data=value) is None
    back = run("redis.get", key="k")
    assert back == value and type(back) is type(value)
    if isinstance(value, dict):
        assert list(back) == list(value)


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_list_elements_keep_value_and_type(run, value) -> None:
    run("redis.push", key="l", value=value)
    run("redis.unshift", key="l", value=value)
    both = run("redis.range", key="l")
    assert both == [value, value] and all(type(v) is type(value) for v in both)
    assert run("redis.shift", key="l") == value and run("redis.pop", key="l") == value


# -- set / get / has / del ----------------------------------------------------------------


def test_get_has_del_on_missing_keys(run) -> None:
    assert run("redis.get", key="nope") is None
    assert run("redis.has", key="nope") is False
    assert run("redis.del", key="nope") is None


def test_has_is_true_for_a_stored_null_and_false_after_del(run) -> None:
    run("redis.set", key="k", data=None)
    assert run("redis.has", key="k") is True and run("redis.get", key="k") is None
    run("redis.del", key="k")
    assert run("redis.has", key="k") is False


def test_set_replaces_a_list(run) -> None:
    run("redis.push", key="k", value=1)
    run("redis.set", key="k", data="now text")
    assert run("redis.get", key="k") == "now text"


@pytest.mark.parametrize("ttl", [100, "100", 100.0])
def test_set_with_ttl_expires_later(run, store, ttl) -> None:
    run("redis.set", key="k", data=1, ttl=ttl)
    assert 0 < _ttl(store, "k") <= 100


@pytest.mark.parametrize("name, attrs", [
    ("redis.set", {"data": 1, "ttl": None}), ("redis.incr", {"by": None}),
    ("redis.decr", {"by": None}), ("redis.ratelimit", {"ttl": None}),
    ("redis.ratelimit", {"max": None}),
])
def test_null_where_a_number_is_written_is_an_input_error(run, name, attrs) -> None:
    # `ttl = $tll` (a misspelt variable) must not quietly mean "never expire".
    (attribute,) = [k for k, v in attrs.items() if v is None]
    err = _error(run, name, key="k", **attrs)
    assert (err.type, err.message) == ("inputerror", f"{name}: `{attribute}` is null: give a "
                                       f"number, or leave `{attribute}` out for its default")
    assert run("redis.has", key="k") is False


@pytest.mark.parametrize("ttl", [0, "0"])
def test_set_without_ttl_clears_an_old_one(run, store, ttl) -> None:
    run("redis.set", key="k", data=1, ttl=100)
    run("redis.set", key="k", data=2, ttl=ttl)
    assert _ttl(store, "k") == -1 and run("redis.get", key="k") == 2


@pytest.mark.parametrize("key, name", [(5, "5"), (2.5, "2.5"), ("a b:c", "a b:c")])
def test_number_and_odd_text_keys(run, key, name) -> None:
    run("redis.set", key=key, data="v")
    assert run("redis.get", key=name) == "v" and name in run("redis.keys")


# -- counters -----------------------------------------------------------------------------


@pytest.mark.parametrize("steps, results", [
    ([("redis.incr", {})], [1]),
    ([("redis.incr", {"by": 5}), ("redis.incr", {"by": -2})], [5, 3]),
    ([("redis.decr", {})], [-1]),
    ([("redis.decr", {"by": 4}), ("redis.decr", {"by": "-10"})], [-4, 6]),
    ([("redis.incr", {"by": "3"}), ("redis.incr", {"by": 2.0})], [3, 5.0]),
    ([("redis.incr", {"by": 0.5}), ("redis.incr", {"by": 0.25})], [0.5, 0.75]),
    ([("redis.decr", {"by": 1.5})], [-1.5]),
])
def test_incr_decr_from_a_missing_key(run, steps, results) -> None:
    got = [run(name, key="c", **attrs) for name, attrs in steps]
    assert got == results and [type(g) for g in got] == [type(r) for r in results]


def test_incr_works_on_a_number_stored_by_set(run) -> None:
    run("redis.set", key="c", data=41)
    assert run("redis.incr", key="c") == 42
    assert run("redis.decr", key="c", by=10) == 32
    assert run("redis.get", key="c") == 32


def test_incr_on_a_stored_decimal_gives_a_decimal(run) -> None:
    run("redis.set", key="c", data=5.5)
    assert run("redis.incr", key="c") == 6.5
    assert run("redis.decr", key="c", by=2) == 4.5
    assert run("redis.get", key="c") == 4.5


def test_incr_keeps_the_ttl(run, store) -> None:
    run("redis.set", key="c", data=1, ttl=100)
    run("redis.incr", key="c")
    assert 0 < _ttl(store, "c") <= 100


def test_incr_past_the_64_bit_range(run) -> None:
    run("redis.set", key="c", data=2**63 - 1)
    err = _error(run, "redis.incr", key="c")
    assert (err.type, err.message) == (
        "standard", 'redis.incr: the new value of key "c" would be out of range (it holds an int)')


# -- lists --------------------------------------------------------------------------------


def test_push_unshift_give_the_new_length(run) -> None:
    assert run("redis.push", key="l", value="b") == 1
    assert run("redis.push", key="l", value="c") == 2
    assert run("redis.unshift", key="l", value="a") == 3
    assert run("redis.push", key="l", value=[1, 2, 3]) == 4  # an array is one element
    assert run("redis.range", key="l") == ["a", "b", "c", [1, 2, 3]]


def test_pop_and_shift_until_empty(run) -> None:
    for v in (1, 2, 3):
        run("redis.push", key="l", value=v)
    assert run("redis.pop", key="l") == 3
    assert run("redis.shift", key="l") == 1
    assert run("redis.pop", key="l") == 2
    assert run("redis.pop", key="l") is None and run("redis.shift", key="l") is None
    assert run("redis.has", key="l") is False  # the last element took the key with it


@pytest.mark.parametrize("name, count, taken, left", [
    ("redis.pop", 2, [5, 4], [1, 2, 3]),
    ("redis.shift", 2, [1, 2], [3, 4, 5]),
    ("redis.shift", "9", [1, 2, 3, 4, 5], []),
    ("redis.pop", 0, [], [1, 2, 3, 4, 5]),
])
def test_pop_shift_with_count_give_an_array(run, name, count, taken, left) -> None:
    for v in (1, 2, 3, 4, 5):
        run("redis.push", key="l", value=v)
    assert run(name, key="l", count=count) == taken
    assert run("redis.range", key="l") == left


@pytest.mark.parametrize("name", ["redis.pop", "redis.shift"])
def test_pop_shift_with_count_on_a_missing_key(run, name) -> None:
    assert run(name, key="none", count=3) == []


@pytest.mark.parametrize("start, stop, expected", [
    (None, None, list(range(10))),
    (0, 2, [0, 1, 2]),
    (0, 0, [0]),
    (-3, -1, [7, 8, 9]),
    (-1, -1, [9]),
    (5, 2, []),
    (8, 100, [8, 9]),
    (100, 200, []),
    (-100, 1, [0, 1]),
    ("2", "4.0", [2, 3, 4]),
])
def test_range(run, start, stop, expected) -> None:
    for v in range(10):
        run("redis.push", key="l", value=v)
    assert run("redis.range", key="l", start=start, stop=stop) == expected


def test_range_and_count_of_missing_keys(run) -> None:
    assert run("redis.range", key="none") == []
    assert run("redis.count", key="none") == 0


def test_count(run) -> None:
    for v in ("x", "y", "z"):
        run("redis.push", key="l", value=v)
    assert run("redis.count", key="l") == 3


@pytest.mark.parametrize("count, removed, left", [
    (0, 3, ["b", "c"]),
    (None, 3, ["b", "c"]),
    (1, 1, ["b", "a", "c", "a"]),
    (2, 2, ["b", "c", "a"]),
    (-1, 1, ["a", "b", "a", "c"]),
    (-2, 2, ["a", "b", "c"]),
    ("-2", 2, ["a", "b", "c"]),
])
def test_remove_counts_from_head_or_tail(run, count, removed, left) -> None:
    for v in ("a", "b", "a", "c", "a"):
        run("redis.push", key="l", value=v)
    assert run("redis.remove", key="l", value="a", count=count) == removed
    assert run("redis.range", key="l") == left


def test_remove_matches_type_and_content_exactly(run) -> None:
    for v in (1, "1", {"id": 1, "n": "x"}, [1]):
        run("redis.push", key="l", value=v)
    assert run("redis.remove", key="l", value="1") == 1
    assert run("redis.remove", key="l", value={"n": "x", "id": 1}) == 0  # other key order
    assert run("redis.remove", key="l", value={"id": 1, "n": "x"}) == 1
    assert run("redis.range", key="l") == [1, [1]]


def test_remove_on_a_missing_key_and_removing_everything(run) -> None:
    assert run("redis.remove", key="none", value="x") == 0
    run("redis.push", key="l", value="x")
    assert run("redis.remove", key="l", value="x") == 1
    assert run("redis.has", key="l") is False


# -- keys ---------------------------------------------------------------------------------

NAMES = ["user_1", "user_2", "user_10", "User_3", "admin", "a*b", "bat", "bet", "bit", "user"]


@pytest.mark.parametrize("search, expected", [
    (None, sorted(NAMES)),
    ("", sorted(NAMES)),
    ("*", sorted(NAMES)),
    ("user_*", ["user_1", "user_10", "user_2"]),
    ("user_?", ["user_1", "user_2"]),
    ("User*", ["User_3"]),
    ("user", ["user"]),
    ("b[ae]t", ["bat", "bet"]),
    ("b[^e]t", ["bat", "bit"]),
    ("a\\*b", ["a*b"]),
    ("zzz*", []),
])
def test_keys(run, search, expected) -> None:
    for name in NAMES:
        run("redis.set", key=name, data=1)
    attrs = {} if search is None else {"search": search}
    assert run("redis.keys", **attrs) == expected


def test_keys_lists_lists_and_counters_too(run) -> None:
    run("redis.push", key="q", value=1)
    run("redis.ratelimit", key="rl")
    assert run("redis.keys", search="*") == ["q", "rl"]


# -- rate limits --------------------------------------------------------------------------


def test_ratelimit_without_error_returns_false_over_the_limit(run) -> None:
    assert [run("redis.ratelimit", key="rl", max=3, ttl=60) for _ in range(5)] == [
        True, True, True, False, False]


def test_ratelimit_with_error_throws_exactly_that_message(run) -> None:
    for _ in range(2):
        assert run("redis.ratelimit", key="rl", max=2, error="Slow down!") is True
    err = _error(run, "redis.ratelimit", key="rl", max=2, error="Slow down!")
    assert (err.type, err.message) == ("toomanyrequests", "Slow down!")


def test_ratelimit_empty_error_means_no_error(run) -> None:
    run("redis.ratelimit", key="rl", max=0, error="")
    assert run("redis.ratelimit", key="rl", max=0, error="") is False


def test_ratelimit_default_max_is_five(run) -> None:
    assert [run("redis.ratelimit", key="rl") for _ in range(6)] == [True] * 5 + [False]


def test_del_resets_the_ratelimit(run) -> None:
    for _ in range(3):
        run("redis.ratelimit", key="rl", max=2)
    assert run("redis.get", key="rl") == 3
    run("redis.del", key="rl")
    assert run("redis.ratelimit", key="rl", max=2) is True


def test_ratelimit_window_is_the_ttl(run, store) -> None:
    run("redis.ratelimit", key="rl", ttl=30)
    assert 0 < _ttl(store, "rl") <= 30


def test_ttl_expiry_and_window_reset(run) -> None:
    """One wait covers every 1-second expiry so the suite stays fast."""
    run("redis.set", key="gone", data={"a": 1}, ttl=1)
    run("redis.set", key="counter", data=1, ttl=1)
    run("redis.incr", key="counter")
    run("redis.set", key="kept", data="stays")
    assert [run("redis.ratelimit", key="rl", max=1, ttl=1) for _ in range(2)] == [True, False]
    assert run("redis.has", key="gone") is True
    time.sleep(1.2)
    assert run("redis.get", key="gone") is None and run("redis.has", key="gone") is False
    assert run("redis.get", key="counter") is None  # incr kept the TTL, so it expired too
    assert run("redis.get", key="kept") == "stays"
    assert run("redis.ratelimit", key="rl", max=1, ttl=1) is True  # a new window


# -- what a key holds ---------------------------------------------------------------------


def _text(run):
    run("redis.set", key="k", data="some text")


def _object(run):
    run("redis.set", key="k", data={"a": 1})


def _numeric_text(run):
    run("redis.set", key="k", data="5")


def _list(run):
    run("redis.push", key="k", value=1)


@pytest.mark.parametrize("setup, name, attrs, message", [
    (_text, "redis.count", {}, 'redis.count: key "k" holds text, not a list'),
    (_text, "redis.push", {"value": 1}, 'redis.push: key "k" holds text, not a list'),
    (_text, "redis.unshift", {"value": 1}, 'redis.unshift: key "k" holds text, not a list'),
    (_object, "redis.pop", {}, 'redis.pop: key "k" holds an object, not a list'),
    (_object, "redis.shift", {"count": 2}, 'redis.shift: key "k" holds an object, not a list'),
    (_text, "redis.range", {}, 'redis.range: key "k" holds text, not a list'),
    (_text, "redis.remove", {"value": 1}, 'redis.remove: key "k" holds text, not a list'),
    (_object, "redis.incr", {}, 'redis.incr: key "k" holds an object, not a number'),
    (_numeric_text, "redis.incr", {}, 'redis.incr: key "k" holds text, not a number'),
    (_text, "redis.decr", {"by": 0.5}, 'redis.decr: key "k" holds text, not a number'),
    (_list, "redis.incr", {}, 'redis.incr: key "k" holds a list, not a number'),
    (_list, "redis.get", {}, 'redis.get: key "k" holds a list, not a single value'),
    (_list, "redis.ratelimit", {}, 'redis.ratelimit: key "k" holds a list, not a counter'),
    (_object, "redis.ratelimit", {}, 'redis.ratelimit: key "k" holds an object, not a counter'),
])
def test_a_key_holding_the_wrong_kind(run, setup, name, attrs, message) -> None:
    setup(run)
    err = _error(run, name, key="k", **attrs)
    assert (err.type, err.message) == ("standard", message)
    assert "WRONGTYPE" not in message


def test_wrong_kind_errors_carry_a_hint(run) -> None:
    _list(run)
    assert "redis.range" in _error(run, "redis.get", key="k").hint
    _text(run)
    assert "redis.get" in _error(run, "redis.count", key="k").hint


# -- argument checks (before Redis sees anything) -------------------------------------------

BAD_ARGUMENTS = [
    ("redis.set", {"data": 1, "ttl": "abc"}, '`ttl` must be an integer, got text "abc"'),
    ("redis.set", {"data": 1, "ttl": 1.5}, "`ttl` must be an integer, got decimal 1.5"),
    ("redis.set", {"data": 1, "ttl": True}, "`ttl` must be an integer, got bool true"),
    ("redis.set", {"data": 1, "ttl": [1]}, "`ttl` must be an integer, got array [1]"),
    ("redis.set", {"data": 1, "ttl": -5}, "`ttl` must be 0 or more, got -5"),
    ("redis.set", {"data": 1, "ttl": 10**13},
     "`ttl` must be at most 1000000000000, got 10000000000000"),
    ("redis.incr", {"by": "lots"}, '`by` must be a number, got text "lots"'),
    ("redis.incr", {"by": False}, "`by` must be a number, got bool false"),
    ("redis.decr", {"by": {"n": 1}}, '`by` must be a number, got object {"n":1}'),
    ("redis.incr", {"by": 2**64}, f"`by` must be at most {2**63 - 1}, got {2**64}"),
    ("redis.range", {"start": "x"}, '`start` must be an integer, got text "x"'),
    ("redis.range", {"stop": 0.5}, "`stop` must be an integer, got decimal 0.5"),
    ("redis.pop", {"count": "two"}, '`count` must be an integer, got text "two"'),
    ("redis.shift", {"count": -1}, "`count` must be 0 or more, got -1"),
    ("redis.remove", {"value": 1, "count": 1.5}, "`count` must be an integer, got decimal 1.5"),
    ("redis.ratelimit", {"max": "many"}, '`max` must be an integer, got text "many"'),
    ("redis.ratelimit", {"max": -1}, "`max` must be 0 or more, got -1"),
    ("redis.ratelimit", {"ttl": 0}, "`ttl` must be 1 or more, got 0"),
    ("redis.ratelimit", {"ttl": "1.5"}, '`ttl` must be an integer, got text "1.5"'),
]


@pytest.mark.parametrize("name, attrs, message", BAD_ARGUMENTS)
def test_bad_numeric_arguments_are_input_errors(run, name, attrs, message) -> None:
    run("redis.set", key="k", data=7)
    err = _error(run, name, key="k", **attrs)
    assert (err.type, err.message) == ("inputerror", f"{name}: {message}")
    assert run("redis.get", key="k") == 7  # nothing reached Redis


@pytest.mark.parametrize("name", [spec.name for spec in load_builtins().namespace("redis.")
                                  if spec.param("key") is not None])
@pytest.mark.parametrize("key, message", [
    (None, "`key` is required and must not be null"),
    ("", "`key` must not be empty"),
    ([1], "`key` must be text, got array [1]"),
    (True, "`key` must be text, got bool true"),
])
def test_bad_keys_are_input_errors(run, name, key, message) -> None:
    extra = {"data": 1} if name == "redis.set" else {}
    if name in ("redis.push", "redis.unshift", "redis.remove"):
        extra = {"value": 1}
    err = _error(run, name, key=key, **extra)
    assert (err.type, err.message) == ("inputerror", f"{name}: {message}")


def test_keys_search_must_be_text(run) -> None:
    err = _error(run, "redis.keys", search=["a"])
    assert (err.type, err.message) == (
        "inputerror", 'redis.keys: `search` must be text, got array ["a"]')
