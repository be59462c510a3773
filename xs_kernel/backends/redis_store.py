"""The Redis back-end of a session: the only module that imports redis or fakeredis.

``RedisStore(url, prefix)`` talks to an embedded fakeredis server (``url`` None: one
``FakeServer`` per store, so sessions never share keys) or to a real server reached by a
``redis://``, ``rediss://`` or ``unix://`` URL. It works in XanoScript values, not bytes:
the codec below decides how each value is stored, every key gets ``prefix`` in front of it,
and redis-py exceptions never leave this module. Connection trouble becomes a ``standard``
XsError naming host and port (never the password); Redis refusing a command because of
what a key holds becomes ``StoreRefused``, which the redis namespace words for the user
because only it knows the statement.

Codec (why): text is stored as its own bytes so other clients read it naturally, unless
those bytes would decode as JSON (``"42"``, ``"true"``), in which case it is stored
JSON-quoted so it still comes back as text; every other value is compact JSON, so numbers
are stored as digits that INCRBY accepts and objects/arrays/bools keep their type. A read
decodes JSON and falls back to the raw text, which also covers values written by others.
"""

from __future__ import annotations

import json
import math
from typing import Any, Callable
from urllib.parse import unquote, urlsplit

import redis
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError, ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

from ..credentials import mask_credentials
from ..errors import XsError
from ..keyvalue import Holds, Refusal, StoreRefused
from ..values import to_json, type_name
from . import redis_browse

# A server that is down, or accepts and then stalls, costs at most connect + one read, so
# 1.5 s each keeps its error inside three seconds; no retry, because retrying INCR/RPUSH/
# LPOP after a timeout could apply them twice.
CONNECT_TIMEOUT = 1.5
SOCKET_TIMEOUT = 1.5
SCAN_BATCH = 1000

# INCR, and start the window on the first hit. The TTL == -1 test repairs a counter that
# lost its expiry (e.g. one written by redis.set) without needing EXPIRE NX (Redis >= 7).
RATELIMIT_LUA = """
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('TTL', KEYS[1]) == -1 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
end
return n
"""

# -- codec ------------------------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a XanoScript value")


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError("number out of range")
    return number


_DECODER = json.JSONDecoder(parse_constant=_reject_constant, parse_float=_finite_float)
_SCAN = _DECODER.scan_once
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _loads(text: str) -> Any:
    """Strict JSON (no NaN/Infinity, no out-of-range floats); ValueError otherwise."""
    return _DECODER.decode(text)


# A JSON text starts with one of these (after optional whitespace); anything else is
# plain text, which skips a failing parse on the common path.
_JSON_START = frozenset('{["-0123456789tfn \t\n\r')


def _is_json(text: str) -> bool:
    if not text or text[0] not in _JSON_START:
        return False
    try:
        _loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def encode(value: Any) -> bytes:
    """The bytes stored for VALUE (see the module docstring)."""
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False) if _is_json(value) else value
    else:
        try:  # the C encoder; same output as values.to_json for every finite value
            text = _ENCODER.encode(value)
        except (ValueError, TypeError):
            text = to_json(value)  # NaN/Infinity become null, odd types become text
    return text.encode("utf-8", errors="surrogatepass")


def decode(raw: bytes | None) -> Any:
    """The value stored as RAW; None (a missing key) is null."""
    if raw is None:
        return None
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else str(raw)
    if not text or text[0] not in _JSON_START:
        return text
    try:
        # The C scanner alone (what json.loads wraps) halves the cost for what we wrote:
        # one value filling the whole text. Anything else takes the full strict path.
        value, end = _SCAN(text, 0)
        if end == len(text):
            return value
    except StopIteration:
        pass
    except (ValueError, RecursionError):
        return text
    try:
        return _loads(text)
    except (ValueError, RecursionError):
        return text


def _glob_escape(text: str) -> str:
    """TEXT as a literal inside a Redis MATCH pattern."""
    return "".join("\\" + c if c in "*?[]\\" else c for c in text)


# -- connection settings ----------------------------------------------------------------


def _endpoint(url: str) -> dict[str, Any]:
    """Host, port, db, TLS and password of URL; a bad URL is an XsError without secrets."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (reading it validates host and port)
    except ValueError as exc:
        raise XsError("inputerror", f"invalid Redis URL {url!r}: {_reason(exc)}") from None
    scheme = parts.scheme.lower()
    if scheme not in ("redis", "rediss", "unix"):
        raise XsError("inputerror", f"invalid Redis URL {_mask(url)!r}: it must start with "
                      "redis://, rediss:// or unix://")
    try:
        port = parts.port
    except ValueError:
        raise XsError("inputerror", f"invalid Redis URL {_mask(url)!r}: bad port") from None
    path = unquote(parts.path or "")
    db = path.lstrip("/") if scheme != "unix" else ""
    if db and not db.isdigit():
        raise XsError("inputerror",
                      f"invalid Redis URL {_mask(url)!r}: the database must be a number")
    return {
        "scheme": scheme,
        "host": parts.hostname or ("localhost" if scheme != "unix" else ""),
        "port": (port or 6379) if scheme != "unix" else None,
        "path": path if scheme == "unix" else None,
        "db": int(db) if db else 0,
        "password": unquote(parts.password) if parts.password else None,
    }


def _reason(exc: Exception) -> str:
    """Why redis-py or urllib refused a URL, in words (their text, when it is words)."""
    text = str(exc)
    if isinstance(exc, TypeError) or "invalid literal" in text:
        return "one of its options or numbers is not valid for Redis"
    return mask_credentials(text) or "it does not parse"


def _mask(url: str) -> str:
    """URL with its credentials replaced by ``***``."""
    return mask_credentials(url)


# -- the store --------------------------------------------------------------------------


class RedisStore:
    """A session's Redis: embedded (URL None) or the server at URL, with a key PREFIX.
    Implements ``keyvalue.KeyValueStore``, the contract of the redis.* statements."""

    def __init__(self, url: str | None, prefix: str = "") -> None:
        self.prefix = prefix or ""
        self._bprefix = self.prefix.encode("utf-8")
        self.url = url
        if url is None:
            self._endpoint: dict[str, Any] = {"scheme": "embedded"}
            self._client = _embedded_client()
        else:
            self._endpoint = _endpoint(url)
            self._client = self._server_client(url)
        self._scripting = True
        self._ratelimit = self._client.register_script(RATELIMIT_LUA)
        # One connection held for the store's whole life: a session runs one statement at a
        # time, and redis-py's per-command pool checkout costs as much as the round trip.
        self._conn: Any = None

    @staticmethod
    def _server_client(url: str) -> redis.Redis:
        try:
            client = redis.Redis.from_url(
                url, protocol=2, decode_responses=False,
                socket_connect_timeout=CONNECT_TIMEOUT, socket_timeout=SOCKET_TIMEOUT,
                retry=Retry(NoBackoff(), 0), health_check_interval=0)
            # An unknown option (`?bogus=1`) is only refused when a connection object is
            # made: make one now (it does not connect) so the URL is refused here.
            pool = client.connection_pool
            pool.connection_class(**pool.connection_kwargs)
            return client
        except (ValueError, TypeError, RedisError) as exc:
            raise XsError("inputerror", f"invalid Redis URL {_mask(url)!r}: "
                          f"{_reason(exc)}") from None

    # -- plumbing

    @property
    def where(self) -> str:
        """``host:port`` (or the socket path, or "embedded") for messages."""
        ep = self._endpoint
        if ep["scheme"] == "embedded":
            return "the embedded store"
        if ep["scheme"] == "unix":
            return f"unix:{ep['path']}"
        return f"{ep['host']}:{ep['port']}"

    def _key(self, key: str) -> bytes:
        return self._bprefix + key.encode("utf-8", errors="surrogatepass")

    def _run(self, key: str | None, *command: Any) -> Any:
        """Send one command on the held connection and read its raw reply; translate every
        redis-py exception (see module docstring). A connection left in doubt (lost, timed
        out, or cut by an interrupt mid-reply) is dropped; the next command reconnects."""
        conn = self._conn
        try:
            if conn is None:  # argument-free since redis-py 5.3; the pool may connect here
                conn = self._conn = self._client.connection_pool.get_connection()
            conn.send_command(*command)
            return conn.read_response()
        except ResponseError as exc:  # the reply was read whole: the connection is fine
            raise self._translated(key, exc) from None
        except RedisError as exc:
            self._drop(conn)
            raise self._translated(key, exc) from None
        except BaseException:
            self._drop(conn)
            raise

    @staticmethod
    def _drop(conn: Any) -> None:
        if conn is not None:
            conn.disconnect()

    def _translated(self, key: str | None, exc: RedisError) -> Exception:
        """The one translation of redis-py's exceptions (see the module docstring)."""
        if isinstance(exc, ResponseError):
            return self._refusal(key, exc)
        if isinstance(exc, (RedisConnectionError, RedisTimeoutError)):
            return XsError("standard", f"cannot reach Redis at {self.where}: "
                           f"{_scrub(str(exc), self.url)}")
        return XsError("standard", f"Redis at {self.where} failed: "
                       f"{_scrub(str(exc), self.url)}")

    def _refusal(self, key: str | None, exc: ResponseError) -> Exception:
        text = str(exc)
        if key is not None and ("WRONGTYPE" in text or "not an integer" in text
                                or "not a valid float" in text):
            return StoreRefused(key, self.holds(key))
        if key is not None and ("overflow" in text or "NaN or Infinity" in text):
            return StoreRefused(key, self.holds(key), Refusal.OVERFLOW)
        return XsError("standard", f"Redis at {self.where} refused the command: "
                       f"{_scrub(text, self.url)}")

    def holds(self, key: str) -> Holds:
        """What KEY holds."""
        kind = self._run(None, "TYPE", self._key(key))
        kind = kind.decode() if isinstance(kind, bytes) else str(kind)
        if kind != "string":
            return Holds.of_redis_type(kind)
        return Holds.of_value(type_name(decode(self._run(None, "GET", self._key(key)))))

    # -- values

    def set(self, key: str, value: Any, ttl: int = 0) -> None:
        """SET, with EX when TTL > 0; TTL 0 stores without expiry (clearing an old one)."""
        if ttl > 0:
            self._run(key, "SET", self._key(key), encode(value), "EX", ttl)
        else:
            self._run(key, "SET", self._key(key), encode(value))

    def get(self, key: str) -> Any:
        return decode(self._run(key, "GET", self._key(key)))

    def has(self, key: str) -> bool:
        return bool(self._run(key, "EXISTS", self._key(key)))

    def delete(self, key: str) -> None:
        self._run(key, "DEL", self._key(key))

    def incr(self, key: str, by: int | float) -> int | float:
        """Add BY (may be negative); a missing key counts from 0 and the TTL is kept.

        An int BY on a stored decimal, and any decimal BY, go through INCRBYFLOAT.
        """
        if isinstance(by, float):
            return self._incr_float(key, by)
        try:
            return self._run(key, "INCRBY", self._key(key), by)
        except StoreRefused as refused:
            if refused.holds is Holds.DECIMAL:
                return self._incr_float(key, by)
            raise

    def decr(self, key: str, by: int | float) -> int | float:
        if isinstance(by, float):
            return self._incr_float(key, -by)
        try:
            return self._run(key, "DECRBY", self._key(key), by)
        except StoreRefused as refused:
            if refused.holds is Holds.DECIMAL:
                return self._incr_float(key, -by)
            raise

    def _incr_float(self, key: str, by: int | float) -> float:
        result = float(self._run(key, "INCRBYFLOAT", self._key(key), repr(float(by))))
        if not math.isfinite(result):
            raise StoreRefused(key, Holds.DECIMAL, Refusal.OVERFLOW)
        return result

    # -- lists

    def push(self, key: str, value: Any) -> int:
        return self._run(key, "RPUSH", self._key(key), encode(value))

    def unshift(self, key: str, value: Any) -> int:
        return self._run(key, "LPUSH", self._key(key), encode(value))

    def pop(self, key: str, count: int | None = None) -> Any:
        return self._take("RPOP", key, count)

    def shift(self, key: str, count: int | None = None) -> Any:
        return self._take("LPOP", key, count)

    def _take(self, command: str, key: str, count: int | None) -> Any:
        if count is None:
            return decode(self._run(key, command, self._key(key)))
        raw = self._run(key, command, self._key(key), count)
        return [decode(item) for item in raw or ()]

    def range(self, key: str, start: int, stop: int) -> list[Any]:
        return [decode(item) for item in self._run(key, "LRANGE", self._key(key), start, stop)]

    def count(self, key: str) -> int:
        return self._run(key, "LLEN", self._key(key))

    def remove(self, key: str, value: Any, count: int = 0) -> int:
        return self._run(key, "LREM", self._key(key), count, encode(value))

    # -- keys and rate limits

    def keys(self, search: str) -> list[str]:
        """Names matching the glob SEARCH (prefix hidden), sorted; SCAN, never KEYS."""
        pattern = _glob_escape(self.prefix).encode("utf-8") + search.encode("utf-8")
        found: set[str] = set()
        cursor = 0
        while True:
            cursor, batch = self._run(None, "SCAN", cursor, "MATCH", pattern, "COUNT", SCAN_BATCH)
            cut = len(self._bprefix)
            found.update(name[cut:].decode("utf-8", errors="replace") for name in batch)
            if int(cursor) == 0:
                return sorted(found)

    def overview(self, search: str = "*", page: int = 1, limit: int = 50) -> Any:
        """Page PAGE of LIMIT keys matching SEARCH with what each holds, its ttl and a value
        summary (a ``redis_browse.Page``; see that module for the bounds)."""
        return self._guard(None, lambda: redis_browse.page(
            self._client, self.prefix, search, decode, page, limit))

    def delete_matching(self, search: str, confirm: bool) -> Any:
        """The keys matching SEARCH, deleted when CONFIRM (a ``redis_browse.Deletion``)."""
        return self._guard(None, lambda: redis_browse.delete_matching(
            self._client, self.prefix, search, confirm))

    def clear(self, confirm: bool) -> Any:
        """Every key of the session (all of the embedded store's, or those under the prefix
        on a server; never FLUSHDB there), deleted when CONFIRM (a ``Deletion``). A server
        without a prefix is only counted: its keys are not the session's alone."""
        embedded = self._endpoint["scheme"] == "embedded"
        if confirm and not embedded and not self.prefix:
            raise XsError("inputerror", f"the session has no key prefix on {self.where}, so "
                          "its keys are every key of the database: nothing was deleted",
                          hint="set XS_REDIS_PREFIX, or delete chosen keys with "
                          "%redis del PATTERN --yes")
        return self._guard(None, lambda: redis_browse.delete_matching(
            self._client, "" if embedded else self.prefix, "*", confirm))

    def ratelimit(self, key: str, ttl: int) -> int:
        """Count one hit in KEY's fixed window of TTL seconds; the count so far."""
        if self._scripting:
            try:
                return self._guard(key, lambda: self._ratelimit(keys=[self._key(key)], args=[ttl]))
            except XsError as exc:
                if "unknown command" not in exc.message and "NOSCRIPT" not in exc.message:
                    raise
                self._scripting = False  # no Lua here: fall back to one MULTI round trip
        return self._guard(key, lambda: self._ratelimit_multi(key, ttl))

    def _ratelimit_multi(self, key: str, ttl: int) -> int:
        pipe = self._client.pipeline(transaction=True)
        pipe.incr(self._key(key))
        pipe.expire(self._key(key), ttl, nx=True)
        return pipe.execute()[0]

    def _guard(self, key: str | None, action: Callable[[], Any]) -> Any:
        """Run ACTION (a script call or a pipeline, which bring their own connection)."""
        try:
            return action()
        except RedisError as exc:
            raise self._translated(key, exc) from None

    # -- lifetime and display

    def ping(self) -> bool:
        return bool(self._run(None, "PING"))

    def reset_connection(self) -> None:
        """Drop every connection (an interrupt may have cut a reply in half); the next
        command connects afresh."""
        if self._conn is not None:
            self._conn.disconnect()
        self._client.connection_pool.disconnect()

    def close(self) -> None:
        try:
            if self._conn is not None:
                self._conn.disconnect()
                self._client.connection_pool.release(self._conn)
                self._conn = None
            self._client.close()
            self._client.connection_pool.disconnect()
        except RedisError:
            pass  # closing a connection to a server that is gone is not the user's problem

    def describe(self) -> dict[str, Any]:
        """What ``%redis`` shows: back-end, where, database and prefix; never the password."""
        ep = self._endpoint
        if ep["scheme"] == "embedded":
            # No library version here: %redis output must not change with an upgrade.
            return {"backend": "embedded", "engine": "fakeredis", "prefix": self.prefix}
        info: dict[str, Any] = {"backend": "server", "url": _mask(self.url or ""),
                                "tls": ep["scheme"] == "rediss"}
        if ep["scheme"] == "unix":
            info["path"] = ep["path"]
        else:
            info.update(host=ep["host"], port=ep["port"])
        info.update(db=ep["db"], prefix=self.prefix,
                    password="***" if ep["password"] else None)
        return info


def _embedded_client() -> redis.Redis:
    import fakeredis  # imported here: sessions that use a real server never pay for it

    return fakeredis.FakeRedis(server=fakeredis.FakeServer(), protocol=2, decode_responses=False)


def _scrub(text: str, url: str | None) -> str:
    """TEXT with the URL's password (if any) blanked out."""
    if url:
        password = urlsplit(url).password
        if password:
            text = text.replace(password, "***").replace(unquote(password), "***")
    return mask_credentials(text)
