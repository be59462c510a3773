"""Browsing and deleting a session's stored keys: what ``%redis keys`` and ``%redis del``
(and ``%reset --keys``) do, on a redis-py client and the session's key prefix.

Only ``client.scan_iter(match=..., count=...)``, ``client.pipeline(transaction=False)``
and single-key commands are used, so the same code works on ``redis.Redis``, fakeredis
and ``redis.cluster.RedisCluster`` (whose ``scan_iter`` walks every primary, and whose
non-transactional pipeline splits commands by slot). Values read back through the
store's codec (``redis_codec``). Nothing here catches redis-py's exceptions: the store
(``redis_store``) wraps every call in its one translation.

Bounds (why): a SCAN walks the whole keyspace, so it asks for ``SCAN_COUNT`` keys a
batch and stops after ``MAX_SCANNED`` matching names, saying so; only the keys of the
page shown are then read, in two pipelined round trips, so browsing a big database costs
the scan and one page, never every value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..keyvalue import Holds
from ..values import type_name
from .redis_codec import decode, glob_escape

SCAN_COUNT = 1000  # keys a SCAN batch looks at
MAX_SCANNED = 100_000  # matching names collected at most; past it the listing says so
FIRST = 3  # members, fields or items shown in a value summary
DELETE_BATCH = 500  # DELs per pipelined round trip
NO_EXPIRY = "—"  # the ttl column of a key that never expires

@dataclass
class Scan:
    """Matching names (prefix hidden, sorted) and whether the scan saw them all."""

    names: list[str]
    complete: bool = True


@dataclass
class Page:
    """One page of a listing: its rows and where it sits among all the matches."""

    pattern: str
    number: int
    limit: int
    scan: Scan
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.scan.names)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.limit))

    def caption(self, options: str = "") -> str:
        """``page 2 of 7, keys 51–100 of 301`` (and how to go on, when there is more);
        OPTIONS (e.g. `` --limit 10``) are repeated in the command for the next page."""
        if not self.total:
            return f"no keys match {self.pattern!r}"
        of = f"{self.total:,}" if self.scan.complete else f"at least {self.total:,}"
        if self.pages == 1 and self.scan.complete:
            text = f"{of} key{'s' * (self.total != 1)} matching {self.pattern!r}"
        else:
            first = (self.number - 1) * self.limit + 1
            last = first + len(self.rows) - 1
            text = f"page {self.number} of {self.pages}, keys {first:,}–{last:,} of {of}"
        if self.number < self.pages:
            text += f" (next: %redis keys {self.pattern} --page {self.number + 1}{options})"
        if not self.scan.complete:
            text += "\n" + stopped_note()
        return text


def stopped_note() -> str:
    return (f"the scan stopped after {MAX_SCANNED:,} matching keys: a narrower PATTERN "
            "lists the rest")


def _text(raw: Any) -> str:
    return raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else str(raw)


def _bkey(prefix: str, name: str) -> bytes:
    return (prefix + name).encode("utf-8", errors="surrogatepass")


def scan(client: Any, prefix: str, pattern: str, cap: int | None = None) -> Scan:
    """The names under PREFIX matching the glob PATTERN, at most CAP (``MAX_SCANNED``)."""
    cap = cap or MAX_SCANNED
    match = glob_escape(prefix).encode("utf-8") + pattern.encode("utf-8")
    cut = len(prefix.encode("utf-8"))
    found: set[str] = set()  # SCAN may return a key twice
    for raw in client.scan_iter(match=match, count=SCAN_COUNT):
        raw = raw if isinstance(raw, bytes) else str(raw).encode("utf-8")
        found.add(raw[cut:].decode("utf-8", errors="replace"))
        if len(found) >= cap:
            return Scan(sorted(found), complete=False)
    return Scan(sorted(found))


def page(client: Any, prefix: str, pattern: str, number: int = 1, limit: int = 50) -> Page:
    """Page NUMBER (from 1) of LIMIT rows of the keys matching PATTERN: each key, what it
    holds, its time to live and a summary of its value."""
    found = scan(client, prefix, pattern)
    result = Page(pattern, number, limit, found)
    names = found.names[(number - 1) * limit: number * limit]
    result.rows = rows(client, prefix, names)
    return result


def rows(client: Any, prefix: str, names: list[str]) -> list[dict[str, Any]]:
    """The listing rows of NAMES (two pipelined round trips)."""
    if not names:
        return []
    pipe = client.pipeline(transaction=False)
    for name in names:
        pipe.type(_bkey(prefix, name))
        pipe.pttl(_bkey(prefix, name))
    meta = pipe.execute()
    kinds = [_text(k) for k in meta[::2]]
    pipe = client.pipeline(transaction=False)
    wanted = []
    for name, kind in zip(names, kinds):
        reader = _READERS.get(kind)
        wanted.append(reader(pipe, _bkey(prefix, name)) if reader else 0)
    replies = iter(pipe.execute())
    out = []
    for name, kind, pttl, n in zip(names, kinds, meta[1::2], wanted):
        holds, value = _summary(kind, [next(replies) for _ in range(n)])
        out.append({"key": name, "holds": holds, "ttl": ttl_text(pttl), "value": value})
    return out


def ttl_text(pttl: Any) -> Any:
    """Seconds left (rounded up) as ``"60 s"``, or ``—`` for a key without expiry."""
    if pttl is None or int(pttl) < 0:
        return NO_EXPIRY
    return f"{-(-int(pttl) // 1000):,} s"


# What each kind of key needs read for its summary: queue the commands, say how many.
def _read_string(pipe: Any, key: bytes) -> int:
    pipe.get(key)
    return 1


def _read_list(pipe: Any, key: bytes) -> int:
    pipe.llen(key)
    pipe.lrange(key, 0, FIRST - 1)
    return 2


def _read_hash(pipe: Any, key: bytes) -> int:
    pipe.hlen(key)
    pipe.hscan(key, 0, count=FIRST * 4)
    return 2


def _read_set(pipe: Any, key: bytes) -> int:
    pipe.scard(key)
    pipe.sscan(key, 0, count=FIRST * 4)
    return 2


def _read_zset(pipe: Any, key: bytes) -> int:
    pipe.zcard(key)
    pipe.zrange(key, 0, FIRST - 1, withscores=True)
    return 2


def _read_stream(pipe: Any, key: bytes) -> int:
    pipe.xlen(key)
    pipe.xrevrange(key, count=1)
    return 2


_READERS = {"string": _read_string, "list": _read_list, "hash": _read_hash,
            "set": _read_set, "zset": _read_zset, "stream": _read_stream}


def _summary(kind: str, replies: list[Any]) -> tuple[str, Any]:
    """(holds, value) of one key from the replies its reader queued."""
    if kind == "string":
        value = decode(replies[0])
        return Holds.of_value(type_name(value)).value, value
    holds = Holds.of_redis_type(kind).value
    if kind not in _READERS:
        return holds, None
    size, first = int(replies[0]), replies[1]
    if kind == "list":
        shown = [decode(item) for item in first]
        return f"{holds} of {size:,}", shown + (["…"] if size > len(shown) else [])
    if kind == "hash":
        fields = sorted(first[1].items())[:FIRST]
        value = {_text(f): decode(v) for f, v in fields}
        if size > len(fields):
            value["…"] = f"{size - len(fields):,} more"
        return f"{holds} of {size:,} field{'s' * (size != 1)}", value
    if kind == "set":
        members = [decode(m) for m in sorted(first[1])[:FIRST]]
        return f"{holds} of {size:,}", members + (["…"] if size > len(members) else [])
    if kind == "zset":
        ranked = {_text(m): _number(s) for m, s in first}
        if size > len(ranked):
            ranked["…"] = f"{size - len(ranked):,} more"
        return f"{holds} of {size:,}", ranked
    last = {"last id": _text(first[0][0])} if first else {}
    return f"{holds} of {size:,} entr{'ies' if size != 1 else 'y'}", last or None


def _number(score: Any) -> Any:
    score = float(score)
    return int(score) if score.is_integer() else score


# -- deleting


@dataclass
class Deletion:
    """What ``%redis del`` found (and, when confirmed, deleted)."""

    pattern: str
    scan: Scan
    deleted: int = 0

    @property
    def total(self) -> int:
        return len(self.scan.names)


def delete_matching(client: Any, prefix: str, pattern: str, confirm: bool) -> Deletion:
    """The keys under PREFIX matching PATTERN; deleted (one DEL per key, pipelined) when
    CONFIRM, else only listed."""
    found = Deletion(pattern, scan(client, prefix, pattern))
    if confirm:
        found.deleted = delete_names(client, prefix, found.scan.names)
    return found


def delete_names(client: Any, prefix: str, names: list[str]) -> int:
    """Delete NAMES (under PREFIX); how many existed."""
    deleted = 0
    for start in range(0, len(names), DELETE_BATCH):
        pipe = client.pipeline(transaction=False)
        for name in names[start: start + DELETE_BATCH]:
            pipe.delete(_bkey(prefix, name))
        deleted += sum(int(n) for n in pipe.execute())
    return deleted
