"""backends/redis_browse.py (what %redis keys, %redis del and %reset --keys do), on both
back-ends: through the store, and through the magics of a session on that store."""

from __future__ import annotations

from typing import Any

import pytest

from xs_kernel.backends import redis_browse
from xs_kernel.errors import XsError
from xs_kernel.magics.dispatch import run_cell
from xs_kernel.render import bundle
from xs_kernel.services import Services
from xs_kernel.session import Session


def _fill(store, count: int, stem: str = "n:") -> None:
    pipe = store._client.pipeline(transaction=False)
    for i in range(count):
        pipe.set(store._key(f"{stem}{i:03d}"), str(i))
    pipe.execute()


def test_overview_scans_every_key_and_pages_them(store) -> None:
    _fill(store, 301)
    page = store.overview("n:*", 2, 50)
    assert (page.total, page.pages, page.scan.complete) == (301, 7, True)
    assert [r["key"] for r in page.rows] == [f"n:{i:03d}" for i in range(50, 100)]
    assert page.caption() == ("page 2 of 7, keys 51–100 of 301 "
                              "(next: %redis keys n:* --page 3)")
    last = store.overview("n:*", 7, 50)
    assert [r["key"] for r in last.rows] == ["n:300"]
    assert last.caption() == "page 7 of 7, keys 301–301 of 301"
    assert store.overview("n:00*").caption() == "10 keys matching 'n:00*'"
    assert store.overview("none:*").caption() == "no keys match 'none:*'"


def test_overview_stops_at_the_hard_bound_and_says_so(store, monkeypatch) -> None:
    _fill(store, 30)
    monkeypatch.setattr(redis_browse, "MAX_SCANNED", 12)
    page = store.overview("n:*", 1, 5)
    assert (page.total, page.scan.complete) == (12, False)
    assert "of at least 12" in page.caption()
    assert "the scan stopped after 12 matching keys" in page.caption()
    assert redis_browse.scan(store._client, store.prefix, "n:*", cap=100).complete


def test_overview_summarises_every_kind_of_key(store, raw) -> None:
    store.set("k:obj", {"n": 1}, ttl=60)
    store.set("k:text", "hello")
    for item in (1, "two", 3, 4):
        store.push("k:list", item)
    raw.hset(store._key("k:hash"), mapping={"z": "1", "a": "x", "m": "[1]", "q": "2"})
    raw.sadd(store._key("k:set"), "y", "x", "b", "a")
    raw.zadd(store._key("k:zset"), {"ann": 3, "bob": 1.5})
    raw.expire(store._key("k:zset"), 30)
    first = raw.xadd(store._key("k:stream"), {"f": "v"})
    last = raw.xadd(store._key("k:stream"), {"f": "w"})
    assert first != last
    rows = {r["key"]: r for r in store.overview("k:*").rows}
    assert rows["k:obj"] == {"key": "k:obj", "holds": "an object", "ttl": "60 s",
                             "value": {"n": 1}}
    assert (rows["k:text"]["holds"], rows["k:text"]["ttl"]) == ("text", "—")
    assert rows["k:list"]["holds"] == "a list of 4"
    assert rows["k:list"]["value"] == [1, "two", 3, "…"]
    assert rows["k:hash"]["holds"] == "a Redis hash of 4 fields"
    assert rows["k:hash"]["value"] == {"a": "x", "m": [1], "q": 2, "…": "1 more"}
    assert rows["k:set"] == {"key": "k:set", "holds": "a Redis set of 4", "ttl": "—",
                             "value": ["a", "b", "x", "…"]}
    assert rows["k:zset"]["holds"] == "a Redis sorted set of 2"
    assert rows["k:zset"]["value"] == {"bob": 1.5, "ann": 3}
    assert 0 < int(rows["k:zset"]["ttl"].removesuffix(" s")) <= 30
    assert rows["k:stream"]["holds"] == "a Redis stream of 2 entries"
    assert rows["k:stream"]["value"] == {"last id": last.decode()}
    assert None not in [r["value"] for r in rows.values()]


def test_no_expiry_shows_a_dash_in_text_and_html(store) -> None:
    store.set("d:1", 1)
    shown = bundle(store.overview("d:*").rows)
    assert "—" in shown["text/plain"].splitlines()[1]
    assert "<td>—</td>" in shown["text/html"]


def test_hostile_key_names_render_inert(store) -> None:
    store.set('<script>alert(1)</script>"onload="x', "<b>")
    html = bundle(store.overview("*").rows)["text/html"]
    assert "<script>" not in html and "<b>" not in html and "&lt;script&gt;" in html


def test_delete_matching_lists_first_and_deletes_only_when_confirmed(store) -> None:
    _fill(store, 15, "gone:")
    store.set("kept", 1)
    preview = store.delete_matching("gone:*", confirm=False)
    assert (preview.total, preview.deleted) == (15, 0)
    assert len(store.keys("*")) == 16
    done = store.delete_matching("gone:*", confirm=True)
    assert (done.total, done.deleted) == (15, 15)
    assert store.keys("*") == ["kept"]


def test_delete_matching_stays_under_the_session_prefix(backend) -> None:
    outer = backend.store()
    inner = backend.store(prefix=backend.prefix + "in:")
    inner._client = outer._client  # one keyspace, two prefixes (the embedded store too)
    try:
        outer.set("in:a", 1)
        outer.set("a", 2)
        assert inner.delete_matching("*", confirm=True).deleted == 1
        assert outer.keys("*") == ["a"]
        assert inner.clear(confirm=True).deleted == (1 if backend.url is None else 0)
    finally:
        outer.close()


def test_clear_refuses_a_server_without_a_prefix_and_reset_says_how_to_delete(
        real_url) -> None:
    from xs_kernel.backends.redis_store import RedisStore

    store = RedisStore(real_url, prefix="")
    marker = f"xs-test-unprefixed:{id(store)}"
    store.set(marker, 1)
    try:
        with pytest.raises(XsError) as info:
            store.clear(confirm=True)
        assert info.value.type == "inputerror" and "no key prefix" in info.value.message
        assert store.has(marker)
        assert store.clear(confirm=False).total >= 1  # counting is fine
        session = Session(services=Services(redis_url=real_url, redis_prefix=""))
        out, (shown,) = _cell(session, "%reset")
        assert "%redis del PATTERN --yes" in shown and "%reset --keys" not in shown
        out, _ = _cell(session, "%reset --keys")
        assert out.error.type == "inputerror" and store.has(marker)
        session.services.close()
    finally:
        store.delete(marker)
        store.close()


class _ClusterLike:
    """Only what redis.cluster.RedisCluster offers alike: scan_iter, a non-transactional
    pipeline and single-key commands (a multi-key DEL or a MULTI fails the test)."""

    def __init__(self, client: Any) -> None:
        self._client = client
        self.calls: list[str] = []

    def scan_iter(self, *, match: bytes, count: int):
        self.calls.append("scan_iter")
        return self._client.scan_iter(match=match, count=count)

    def pipeline(self, transaction: bool = True):
        assert transaction is False, "a cluster pipeline cannot be a transaction"
        return _SingleKeyPipe(self._client.pipeline(transaction=False))


class _SingleKeyPipe:
    def __init__(self, pipe: Any) -> None:
        self._pipe = pipe

    def __getattr__(self, name: str):
        command = getattr(self._pipe, name)
        if name == "execute":
            return command

        def single_key(key, *args, **kwargs):
            assert isinstance(key, bytes)
            if name == "delete":
                assert not args, "DEL with several keys may cross slots"
            return command(key, *args, **kwargs)

        return single_key


def test_browsing_needs_only_what_a_cluster_client_offers(store, raw) -> None:
    _fill(store, 7)
    raw.hset(store._key("n:h"), "f", "1")
    client = _ClusterLike(raw)
    page = redis_browse.page(client, store.prefix, "n:*", 1, 5)
    assert [r["key"] for r in page.rows] == ["n:000", "n:001", "n:002", "n:003", "n:004"]
    assert redis_browse.delete_matching(client, store.prefix, "n:*", True).deleted == 8
    assert client.calls == ["scan_iter", "scan_iter"]


# -- the magics, on a session whose store is this back-end


@pytest.fixture
def session(backend) -> Any:
    services = Services(redis_url=backend.url, redis_prefix=backend.prefix)
    yield Session(services=services)
    services.close()


def _cell(session: Any, text: str) -> Any:
    out = run_cell(session, text)
    logs = [e.text for e in out.events if e.kind == "log"]
    return out, logs


def test_redis_keys_magic_pages_with_a_caption(session) -> None:
    _fill(session.services.redis, 301)
    out, logs = _cell(session, "%redis keys n:* --page 2")
    assert out.error is None
    assert logs == ["page 2 of 7, keys 51–100 of 301 (next: %redis keys n:* --page 3)"]
    assert out.value[0] == {"key": "n:050", "holds": "an int", "ttl": "—", "value": 50}
    assert len(out.value) == 50
    out, logs = _cell(session, "%redis keys n:* --limit 100 --page 3")
    assert logs == [] and out.error.type == "inputerror" and "max_rows" in out.error.hint
    out, logs = _cell(session, "%config max_rows=100\n%redis keys n:* --limit 100 --page 3")
    assert logs == [("page 3 of 4, keys 201–300 of 301 "
                     "(next: %redis keys n:* --page 4 --limit 100)")]
    assert len(out.value) == 100


def test_redis_del_magic_asks_for_the_exact_confirming_command(session) -> None:
    _fill(session.services.redis, 12, "tmp:")
    session.services.redis.set("keep", 1)
    _, (shown,) = _cell(session, "%redis del tmp:*")
    assert shown.startswith("12 keys match 'tmp:*'")
    assert "  tmp:000" in shown and "… and 2 more" in shown
    assert shown.endswith("nothing was deleted; to delete them run:\n%redis del tmp:* --yes")
    assert len(session.services.redis.keys("*")) == 13
    _, (shown,) = _cell(session, "%redis del tmp:* --yes")
    assert shown.startswith("deleted 12 keys matching 'tmp:*'")
    assert session.services.redis.keys("*") == ["keep"]


def test_reset_names_the_stored_keys_and_reset_keys_clears_them(session, backend) -> None:
    session.run('var $x { value = 1 }\nredis.set { key = "a" data = 1 }\n'
                'redis.set { key = "b" data = 2 }')
    out, (shown,) = _cell(session, "%reset")
    assert session.variables == {}
    assert shown.endswith("\nstored keys: 2, kept (%reset --keys deletes them too)")
    assert len(session.services.redis.keys("*")) == 2
    session.run('var $x { value = 1 }')
    out, (shown,) = _cell(session, "%reset --keys")
    assert out.error is None and shown.endswith("\nstored keys: 2 deleted")
    assert session.variables == {} and session.services.redis.keys("*") == []
