"""The Redis back-end of a session: with redis_connect, the only modules that import redis.

``RedisStore(url, prefix)`` talks to an embedded fakeredis server (``url`` None: one
``FakeServer`` per store, so sessions never share keys) or to a real deployment reached by
URL: a single server, a TLS one, a Redis Cluster or a Sentinel-managed primary
(``redis_connect`` reads the URL and builds redis-py's client for it). It works in
XanoScript values, not bytes: ``redis_codec`` decides how each value is stored, every key
gets ``prefix`` in front of it, and redis-py exceptions never leave this module.
Connection trouble becomes a ``standard`` XsError naming where (never the password);
Redis refusing a command because of what a key holds becomes ``StoreRefused``, which the
redis namespace words for the user because only it knows the statement.

A single server (or a Sentinel's primary) is sent each command on one held connection; a
cluster's commands go through ``RedisCluster.execute_command``, which routes each key to
the primary owning its slot and follows MOVED/ASK.
"""

from __future__ import annotations

import math
from typing import Any, Callable
from urllib.parse import unquote, urlsplit

from redis.exceptions import ClusterError, RedisClusterException
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError, ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from ..credentials import mask_credentials
from ..errors import XsError
from ..keyvalue import Holds, Refusal, StoreRefused
from ..values import type_name
from . import redis_browse, redis_connect
from .redis_codec import as_text, decode, encode, glob_escape

SCAN_BATCH = 1000
# Redis refuses a key or value longer than proto-max-bulk-len (512 MB by default) by
# closing the connection, which would read as "cannot reach Redis"; say it before sending.
MAX_BULK = 512 * 1024 * 1024

# INCR, and start the window on the first hit. The TTL == -1 test repairs a counter that
# lost its expiry (e.g. one written by redis.set) without needing EXPIRE NX (Redis >= 7).
RATELIMIT_LUA = """
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('TTL', KEYS[1]) == -1 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
end
return n
"""

# INCRBYFLOAT writes a whole result as "1", which would read back as an int; keep a
# decimal counter decimal by writing "1.0" in the same atomic step (KEEPTTL keeps its ttl).
INCRFLOAT_LUA = """
local v = redis.call('INCRBYFLOAT', KEYS[1], ARGV[1])
if not string.find(v, '[.eEn]') then
  v = v .. '.0'
  redis.call('SET', KEYS[1], v, 'KEEPTTL')
end
return v
"""


# -- the store --------------------------------------------------------------------------


class RedisStore:
    """A session's Redis: embedded (URL None) or the server at URL, with a key PREFIX.
    Implements ``keyvalue.KeyValueStore``, the contract of the redis.* statements."""

    def __init__(self, url: str | None, prefix: str = "") -> None:
        self.prefix = prefix or ""
        self._bprefix = self.prefix.encode("utf-8")
        self.url = url
        if url is None:
            self._deployment = None
            self._client = _embedded_client()
        else:
            self._deployment = redis_connect.parse(url)
            self._client = redis_connect.connect(url, self._deployment)
        self._routed = self._deployment is not None and self._deployment.kind == "cluster"
        self._scripting = True
        self._ratelimit = self._client.register_script(RATELIMIT_LUA)
        self._incrfloat = self._client.register_script(INCRFLOAT_LUA)
        # One connection held for the store's whole life: a session runs one statement at a
        # time, and redis-py's per-command pool checkout costs as much as the round trip.
        self._conn: Any = None

    # -- plumbing

    @property
    def where(self) -> str:
        """``host:port`` (or the socket, the cluster, the sentinels) for messages."""
        return "the embedded store" if self._deployment is None else self._deployment.where

    def _key(self, key: str) -> bytes:
        return _within_limit(self._bprefix + key.encode("utf-8", errors="surrogatepass"), "key")

    def _run(self, key: str | None, *command: Any) -> Any:
        """Send one command and read its raw reply; translate every redis-py exception (see
        module docstring). A connection left in doubt (lost, timed out, or cut by an
        interrupt mid-reply) is dropped; the next command reconnects."""
        if self._routed:
            return self._guard(key, lambda: self._client.execute_command(*command))
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

    def _translated(self, key: str | None, exc: Exception) -> Exception:
        """The one translation of redis-py's exceptions (see the module docstring)."""
        text = _scrub(str(exc), self.url)
        if isinstance(exc, (ClusterError, RedisClusterException)):
            return XsError("standard", f"{self.where} cannot serve this command now ({text}): "
                           "a primary is down or the cluster is resharding; try again "
                           "when every slot has a primary")
        if isinstance(exc, ResponseError):
            return self._refusal(key, exc)
        if "CERTIFICATE_VERIFY_FAILED" in text:
            return XsError("standard", _untrusted_certificate(self.where, text))
        if isinstance(exc, (RedisConnectionError, RedisTimeoutError)):
            hint = (" (a primary that just died is replaced by its replica within seconds; "
                    "try again)") if self._routed else ""
            return XsError("standard", f"cannot reach Redis at {self.where}: {text}{hint}")
        return XsError("standard", f"Redis at {self.where} failed: {text}")

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
            self._run(key, "SET", self._key(key), _stored(value), "EX", ttl)
        else:
            self._run(key, "SET", self._key(key), _stored(value))

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
        name, amount = self._key(key), repr(float(by))
        result = float(self._scripted(key, self._incrfloat, [name], [amount],
                                      lambda: self._run(key, "INCRBYFLOAT", name, amount)))
        if not math.isfinite(result):
            raise StoreRefused(key, Holds.DECIMAL, Refusal.OVERFLOW)
        return result

    # -- lists

    def push(self, key: str, value: Any) -> int:
        return self._run(key, "RPUSH", self._key(key), _stored(value))

    def unshift(self, key: str, value: Any) -> int:
        return self._run(key, "LPUSH", self._key(key), _stored(value))

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
        return self._run(key, "LREM", self._key(key), count, _stored(value))

    # -- keys and rate limits

    def keys(self, search: str) -> list[str]:
        """Names matching the glob SEARCH (prefix hidden), sorted; SCAN, never KEYS. A
        cluster is scanned on every primary (redis-py's cluster ``scan_iter``)."""
        pattern = glob_escape(self.prefix).encode("utf-8") + search.encode("utf-8")
        if self._routed:
            names = self._guard(None, lambda: list(
                self._client.scan_iter(match=pattern, count=SCAN_BATCH)))
        else:
            names = self._scan(pattern)
        cut = len(self._bprefix)
        return sorted({as_text(name[cut:]) for name in names})

    def _scan(self, pattern: bytes) -> list[bytes]:
        names: list[bytes] = []
        cursor = 0
        while True:
            cursor, batch = self._run(None, "SCAN", cursor, "MATCH", pattern, "COUNT", SCAN_BATCH)
            names.extend(batch)
            if int(cursor) == 0:
                return names

    def overview(self, search: str = "*", page: int = 1, limit: int = 50) -> Any:
        """Page PAGE of LIMIT keys matching SEARCH with what each holds, its ttl and a value
        summary (a ``redis_browse.Page``; see that module for the bounds)."""
        return self._guard(None, lambda: redis_browse.page(
            self._client, self.prefix, search, page, limit))

    def delete_matching(self, search: str, confirm: bool) -> Any:
        """The keys matching SEARCH, deleted when CONFIRM (a ``redis_browse.Deletion``)."""
        return self._guard(None, lambda: redis_browse.delete_matching(
            self._client, self.prefix, search, confirm))

    def clear(self, confirm: bool) -> Any:
        """Every key of the session (all of the embedded store's, or those under the prefix
        on a server; never FLUSHDB there), deleted when CONFIRM (a ``Deletion``). A server
        without a prefix is only counted: its keys are not the session's alone."""
        embedded = self._deployment is None
        if confirm and not embedded and not self.prefix:
            raise XsError("inputerror", f"the session has no key prefix on {self.where}, so "
                          "its keys are every key of the database: nothing was deleted",
                          hint="set XS_REDIS_PREFIX, or delete chosen keys with "
                          "%redis del PATTERN --yes")
        return self._guard(None, lambda: redis_browse.delete_matching(
            self._client, "" if embedded else self.prefix, "*", confirm))

    def ratelimit(self, key: str, ttl: int) -> int:
        """Count one hit in KEY's fixed window of TTL seconds; the count so far."""
        return self._scripted(key, self._ratelimit, [self._key(key)], [ttl],
                              lambda: self._guard(key, lambda: self._ratelimit_multi(key, ttl)))

    def _scripted(self, key: str, script: Any, keys: list[bytes], args: list[Any],
                  fallback: Callable[[], Any]) -> Any:
        """Run a Lua SCRIPT, or FALLBACK (its non-atomic equivalent) where Redis has no Lua."""
        if self._scripting:
            try:
                return self._guard(key, lambda: script(keys=keys, args=args))
            except XsError as exc:
                if "unknown command" not in exc.message and "NOSCRIPT" not in exc.message:
                    raise
                self._scripting = False
        return fallback()

    def _ratelimit_multi(self, key: str, ttl: int) -> int:
        pipe = self._client.pipeline(transaction=True)
        pipe.incr(self._key(key))
        pipe.expire(self._key(key), ttl, nx=True)
        return pipe.execute()[0]

    def _guard(self, key: str | None, action: Callable[[], Any]) -> Any:
        """Run ACTION (a script call or a pipeline, which bring their own connection)."""
        try:
            return action()
        except redis_connect.FAILURES as exc:
            raise self._translated(key, exc) from None

    # -- lifetime and display

    def ping(self) -> bool:
        return bool(self._run(None, "PING"))

    def reset_connection(self) -> None:
        """Drop every connection (an interrupt may have cut a reply in half); the next
        command connects afresh."""
        if self._conn is not None:
            self._conn.disconnect()
        self._disconnect_pools()

    def _disconnect_pools(self) -> None:
        if self._routed:
            self._client.disconnect_connection_pools()  # one pool per cluster node
        else:
            self._client.connection_pool.disconnect()

    def close(self) -> None:
        try:
            if self._conn is not None:
                self._conn.disconnect()
                self._client.connection_pool.release(self._conn)
                self._conn = None
            self._client.close()
            self._disconnect_pools()
        except redis_connect.FAILURES:
            pass  # closing a connection to a server that is gone is not the user's problem

    def describe(self) -> dict[str, Any]:
        """What ``%redis`` shows: back-end, where, database and prefix; never the password."""
        if self._deployment is None:
            # No library version here: %redis output must not change with an upgrade.
            return {"backend": "embedded", "engine": "fakeredis", "prefix": self.prefix}
        return redis_connect.describe(self.url or "", self._deployment, self.prefix)


def _embedded_client() -> Any:
    import fakeredis  # imported here: sessions that use a real server never pay for it

    return fakeredis.FakeRedis(server=fakeredis.FakeServer(), protocol=2, decode_responses=False)


def _scrub(text: str, url: str | None) -> str:
    """TEXT with the URL's password (if any) blanked out."""
    if url:
        password = urlsplit(url).password
        if password:
            text = text.replace(password, "***").replace(unquote(password), "***")
    return mask_credentials(text)


def _untrusted_certificate(where: str, text: str) -> str:
    return (f"cannot reach Redis at {where}: its TLS certificate is not trusted here "
            f"({text}). Pass the certificate authority that signed it in the URL, "
            "rediss://host:port/0?ssl_ca_certs=/path/to/ca.pem (ssl_certfile= and "
            "ssl_keyfile= add a client certificate; ssl_cert_reqs=none skips the check, "
            "which is unsafe outside a test)")


def _stored(value: Any) -> bytes:
    return _within_limit(encode(value), "value")


def _within_limit(data: bytes, what: str) -> bytes:
    if len(data) > MAX_BULK:
        raise XsError("inputerror", f"the {what} is {len(data):,} bytes; Redis stores keys and "
                      f"values of at most {MAX_BULK:,} bytes (its proto-max-bulk-len)")
    return data
