"""RedisStore: the codec, URLs and secrets, prefixes, refusals, reconnection, rate limits."""

from __future__ import annotations

import socket
import threading
from contextlib import closing

import pytest

from xs_kernel.backends.redis_store import RedisStore, decode, encode
from xs_kernel.keyvalue import Holds, Refusal, StoreRefused
from xs_kernel.errors import XsError
from xs_kernel.values import to_json


# -- codec (pure) -------------------------------------------------------------------------

STORED = [
    # value, the exact bytes stored
    ("hello", b"hello"),
    ("", b""),
    ("h\u00e9llo \u2713", "h\u00e9llo \u2713".encode()),
    ("42", b'"42"'),
    ("-1.5", b'"-1.5"'),
    ("true", b'"true"'),
    ("null", b'"null"'),
    ('"quoted"', b'"\\"quoted\\""'),
    ("[1,2]", b'"[1,2]"'),
    ('{"a":1}', b'"{\\"a\\":1}"'),
    (" 7 ", b'" 7 "'),
    ("NaN", b"NaN"),
    ("1e999", b"1e999"),
    ("{not json", b"{not json"),
    (42, b"42"),
    (-7, b"-7"),
    (2**70, str(2**70).encode()),
    (5.5, b"5.5"),
    (2.0, b"2.0"),
    (True, b"true"),
    (False, b"false"),
    (None, b"null"),
    ([], b"[]"),
    ({}, b"{}"),
    ([1, "a", None, [True]], b'[1,"a",null,[true]]'),
    ({"b": 1, "a": {"c": [2.5]}}, b'{"b":1,"a":{"c":[2.5]}}'),
]


@pytest.mark.parametrize("value, stored", STORED)
def test_encode_gives_the_documented_bytes(value, stored) -> None:
    assert encode(value) == stored


@pytest.mark.parametrize("value, stored", STORED)
def test_decode_gives_back_value_and_type(value, stored) -> None:
    back = decode(stored)
    assert back == value and type(back) is type(value)
    if isinstance(value, dict):
        assert list(back) == list(value)  # key order survives


@pytest.mark.parametrize("value", [v for v, _ in STORED if not isinstance(v, str)]
                         + [float("nan"), [1, float("inf")], {"x": -float("inf")}], ids=repr)
def test_non_text_values_are_stored_as_values_to_json(value) -> None:
    assert encode(value) == to_json(value).encode()


@pytest.mark.parametrize("raw, value", [
    (None, None),
    (b"plain words", "plain words"),
    (b"123", 123),  # digits written by another client read as a number
    (b"\xff\xfeabc", "\ufffd\ufffdabc"),  # invalid UTF-8 is replaced, not an exception
    (b"NaN", "NaN"),
    (b"Infinity", "Infinity"),
    (b"1e999", "1e999"),
    (b"[" * 100_000, "[" * 100_000),
])
def test_decode_of_foreign_bytes(raw, value) -> None:
    assert decode(raw) == value


# -- URLs, secrets, describe --------------------------------------------------------------


def test_embedded_describe() -> None:
    info = RedisStore(None, prefix="p:").describe()
    assert info["backend"] == "embedded" and info["prefix"] == "p:"
    assert info["engine"] == "fakeredis"  # no version: %redis output stays stable


@pytest.mark.parametrize("url, host, port, db, tls", [
    ("redis://127.0.0.1:6379/0", "127.0.0.1", 6379, 0, False),
    ("redis://:s3cret@cache.example:6380/2", "cache.example", 6380, 2, False),
    ("rediss://user:s3cret@cache.example/3", "cache.example", 6379, 3, True),
    ("redis://localhost", "localhost", 6379, 0, False),
])
def test_server_describe_masks_password(url, host, port, db, tls) -> None:
    store = RedisStore(url, prefix="x:")
    info = store.describe()
    assert (info["host"], info["port"], info["db"], info["tls"]) == (host, port, db, tls)
    assert info["prefix"] == "x:" and info["backend"] == "server"
    assert "s3cret" not in repr(info)
    assert info["password"] == ("***" if "s3cret" in url else None)
    store.close()


@pytest.mark.parametrize("url, fragment", [
    ("http://:s3cret@host:1/0", "must start with"),
    ("redis://:s3cret@host:99999/0", "Port out of range"),
    ("redis://:s3cret@host:6379/abc", "database must be a number"),
])
def test_bad_url_is_an_input_error_without_the_password(url, fragment) -> None:
    with pytest.raises(XsError) as info:
        RedisStore(url)
    assert info.value.type == "inputerror" and fragment in info.value.message
    assert "s3cret" not in info.value.message and "***" in info.value.message


def _free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_server_names_host_and_port_never_the_password() -> None:
    port = _free_port()
    store = RedisStore(f"redis://:pa55word@127.0.0.1:{port}/0")
    with pytest.raises(XsError) as info:
        store.get("k")
    assert info.value.type == "standard"
    assert f"cannot reach Redis at 127.0.0.1:{port}" in info.value.message
    assert "pa55word" not in info.value.message
    store.close()


def test_server_client_settings() -> None:
    """RESP2, short timeouts and no retries (a retried INCR could count twice)."""
    store = RedisStore("redis://127.0.0.1:6379/0")
    connection = store._client.connection_pool.make_connection()
    assert store._client.connection_pool.connection_kwargs["protocol"] == 2
    assert connection.socket_connect_timeout + connection.socket_timeout <= 3
    assert connection.retry._retries == 0
    store.close()


def test_a_server_that_never_answers_times_out_cleanly() -> None:
    with closing(socket.socket()) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # accepts connections (in the kernel backlog) and never replies
        port = silent.getsockname()[1]
        store = RedisStore(f"redis://127.0.0.1:{port}/0")
        with pytest.raises(XsError) as info:
            store.incr("k", 1)
        store.close()
    assert info.value.type == "standard"
    assert info.value.message.startswith(f"cannot reach Redis at 127.0.0.1:{port}: ")


# -- behaviour on both back-ends ----------------------------------------------------------


def test_every_key_gets_the_prefix_and_keys_hides_it(backend, new_prefix) -> None:
    prefix = new_prefix(backend.url) + "a*b?:"  # glob characters in a prefix are literal
    store = backend.store(prefix)
    try:
        store.set("one", 1)
        store.push("two", "x")
        raw = store._client
        assert raw.get((prefix + "one").encode()) == b"1"
        assert raw.exists((prefix + "two").encode()) == 1
        assert raw.exists(b"one") == 0
        assert store.keys("*") == ["one", "two"]
        assert store.keys("t*") == ["two"]
    finally:
        store.close()


def test_two_embedded_stores_do_not_share_keys() -> None:
    first, second = RedisStore(None), RedisStore(None)
    first.set("k", 1)
    assert second.get("k") is None and first.get("k") == 1


def test_text_written_by_another_client_reads_back_as_text(store, raw) -> None:
    raw.set((store.prefix + "foreign").encode(), "caf\u00e9 au lait".encode())
    raw.rpush((store.prefix + "flist").encode(), b"plain", b"7")
    assert store.get("foreign") == "caf\u00e9 au lait"
    assert store.range("flist", 0, -1) == ["plain", 7]


@pytest.mark.parametrize("method, args, holds", [
    ("count", (), Holds.TEXT),
    ("push", ("v",), Holds.TEXT),
    ("range", (0, -1), Holds.TEXT),
    ("incr", (1,), Holds.TEXT),
    ("ratelimit", (60,), Holds.TEXT),
])
def test_wrong_kind_is_a_refusal_saying_what_the_key_holds(store, method, args, holds) -> None:
    store.set("k", "some text")
    with pytest.raises(StoreRefused) as info:
        getattr(store, method)("k", *args)
    assert (info.value.key, info.value.holds, info.value.reason) == ("k", holds, Refusal.WRONG_KIND)


@pytest.mark.parametrize("stored, holds", [
    ({"a": 1}, Holds.OBJECT), ([1], Holds.ARRAY), (True, Holds.BOOL), (None, Holds.NULL),
    ("5", Holds.TEXT),
])
def test_holds_names_the_value_type(store, stored, holds) -> None:
    store.set("k", stored)
    assert store.holds("k") == holds


def test_holds_names_redis_types_the_statements_never_create(store, raw) -> None:
    raw.hset((store.prefix + "h").encode(), "f", "v")
    raw.sadd((store.prefix + "s").encode(), "m")
    store.push("l", 1)
    assert [store.holds(k) for k in ("h", "s", "l", "none")] == [
        Holds.HASH, Holds.SET, Holds.LIST, Holds.NOTHING]


def test_integer_overflow_is_a_refusal(store) -> None:
    store.set("big", 2**63 - 1)
    with pytest.raises(StoreRefused) as info:
        store.incr("big", 1)
    assert info.value.reason is Refusal.OVERFLOW and info.value.holds is Holds.INT
    assert store.get("big") == 2**63 - 1


def test_ratelimit_counter_lives_at_the_key_with_the_window_ttl(store, raw) -> None:
    assert [store.ratelimit("rl", 100) for _ in range(3)] == [1, 2, 3]
    assert store.get("rl") == 3
    assert 0 < raw.ttl((store.prefix + "rl").encode()) <= 100
    store.delete("rl")
    assert store.ratelimit("rl", 100) == 1


def test_ratelimit_repairs_a_counter_without_expiry(store, raw) -> None:
    store.set("rl", 10)  # no TTL
    assert store.ratelimit("rl", 50) == 11
    assert 0 < raw.ttl((store.prefix + "rl").encode()) <= 50


def test_ratelimit_multi_fallback_counts_the_same(store, raw) -> None:
    store._scripting = False  # what a server without scripting forces
    assert [store.ratelimit("rl", 100) for _ in range(4)] == [1, 2, 3, 4]
    assert 0 < raw.ttl((store.prefix + "rl").encode()) <= 100


def test_ratelimit_falls_back_when_the_server_has_no_scripting(store, monkeypatch) -> None:
    real_execute = store._client.execute_command

    def no_scripts(*args, **options):
        if str(args[0]).upper() in ("EVALSHA", "EVAL", "SCRIPT LOAD"):
            from redis.exceptions import ResponseError
            raise ResponseError(f"unknown command '{args[0]}'")
        return real_execute(*args, **options)

    monkeypatch.setattr(store._client, "execute_command", no_scripts)
    assert [store.ratelimit("rl", 100) for _ in range(3)] == [1, 2, 3]
    assert store._scripting is False


# -- reconnection -------------------------------------------------------------------------


@pytest.mark.live_redis
def test_next_command_reconnects_after_the_server_dropped_us(real_url, new_prefix) -> None:
    store = RedisStore(real_url, prefix=new_prefix(real_url))
    store.set("k", "v")
    own_id = store._client.execute_command("CLIENT", "ID")
    store._client.execute_command("CLIENT", "KILL", "ID", own_id, "SKIPME", "no")
    assert store.get("k") == "v"
    assert store._client.execute_command("CLIENT", "ID") != own_id  # a new connection
    store.close()


def test_reset_connection_then_continue(store) -> None:
    store.set("k", 1)
    store.reset_connection()
    assert store.incr("k", 1) == 2


class _Proxy:
    """A TCP relay to the real server that can go down and come back on the same port."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = _free_port()
        self._listener: socket.socket | None = None
        self._sockets: list[socket.socket] = []

    def up(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def down(self) -> None:
        for sock in [self._listener, *self._sockets]:
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
        self._listener, self._sockets = None, []

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self._sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (src, dst):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


@pytest.mark.live_redis
def test_server_goes_away_and_comes_back(real_url, new_prefix) -> None:
    from urllib.parse import urlsplit

    parts = urlsplit(real_url)
    proxy = _Proxy((parts.hostname or "127.0.0.1", parts.port or 6379))
    proxy.up()
    prefix = new_prefix(real_url)
    store = RedisStore(f"redis://127.0.0.1:{proxy.port}{parts.path or '/0'}", prefix=prefix)
    try:
        store.set("k", {"n": 1})
        proxy.down()
        with pytest.raises(XsError) as info:
            store.get("k")
        assert info.value.type == "standard"
        assert f"127.0.0.1:{proxy.port}" in info.value.message
        proxy.up()
        assert store.get("k") == {"n": 1}
    finally:
        proxy.down()
        store.close()


def test_overview_shows_what_each_key_holds_its_ttl_and_value(store) -> None:
    store.set("ov:obj", {"n": 1}, ttl=60)
    store.set("ov:text", "hello")
    store.incr("ov:count", 2)
    for item in (1, "two", 3, 4):
        store.push("ov:list", item)
    rows = store.overview("ov:*").rows
    assert [r["key"] for r in rows] == ["ov:count", "ov:list", "ov:obj", "ov:text"]
    by_key = {r["key"]: r for r in rows}
    assert by_key["ov:obj"]["holds"] == "an object"
    assert 0 < int(by_key["ov:obj"]["ttl"].removesuffix(" s")) <= 60
    assert by_key["ov:obj"]["value"] == {"n": 1}
    assert (by_key["ov:text"]["holds"], by_key["ov:text"]["ttl"]) == ("text", "—")
    assert by_key["ov:count"]["value"] == 2
    assert by_key["ov:list"]["holds"] == "a list of 4"
    assert by_key["ov:list"]["value"] == [1, "two", 3, "…"]
    assert store.overview("ov:nothing*").rows == []
    assert len(store.overview("ov:*", limit=2).rows) == 2


@pytest.mark.parametrize("what, action", [
    ("key", lambda store: store.set("k" * 2000, 1)),
    ("value", lambda store: store.set("k", "v" * 2000)),
    ("value", lambda store: store.push("k", ["v" * 2000])),
])
def test_a_key_or_value_over_redis_limit_is_an_input_error(store, monkeypatch, what,
                                                           action) -> None:
    # The real limit is 512 MB (a server resets the connection past it): a small stand-in.
    monkeypatch.setattr("xs_kernel.backends.redis_store.MAX_BULK", 1000)
    with pytest.raises(XsError) as info:
        action(store)
    assert info.value.type == "inputerror"
    assert info.value.message.startswith(f"the {what} is ") and "at most 1,000 bytes" in \
        info.value.message


def test_a_decimal_counter_stays_decimal_when_it_comes_back_to_a_whole_number(store) -> None:
    store.set("c", 0, ttl=100)
    assert store.incr("c", 0.5) == 0.5
    whole = store.incr("c", 0.5)
    assert (whole, type(whole)) == (1.0, float)
    assert (store.get("c"), type(store.get("c"))) == (1.0, float)  # stored "1.0", not "1"
    assert store.incr("c", 2) == 3.0 and isinstance(store.get("c"), float)
    assert store.decr("c", 3) == 0.0 and isinstance(store.get("c"), float)
    assert 0 < store._client.ttl(store._key("c")) <= 100  # the window survives


@pytest.mark.parametrize("value", ["a\ud800b", "\udfff", ["x", {"t": "\ud83d"}]])
def test_lone_surrogates_round_trip_exactly(store, value) -> None:
    store.set("s", value)
    assert store.get("s") == value
    store.push("l", value)
    assert store.range("l", 0, -1) == [value]
    assert store.keys("s") == ["s"]


def test_a_key_with_a_lone_surrogate_is_listed_as_written(store) -> None:
    store.set("k\udc80", 1)
    assert store.keys("k*") == ["k\udc80"]
