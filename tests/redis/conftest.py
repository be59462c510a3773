"""Fixtures for the redis suite: every store-level and statement-level test runs against
both back-ends, the embedded fakeredis and the real server.

The real server is ``XS_TEST_REDIS_URL`` (default ``redis://127.0.0.1:6379/0``). When it
does not answer, the server half is skipped with a reason, except in CI (``CI=true``), where
a missing server fails the run. Server tests work under a key prefix unique to the test
run and to the test, and delete their keys afterwards (SCAN MATCH + DEL; never FLUSHDB).
"""

from __future__ import annotations

import itertools
import os
import uuid
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, Callable, Iterator

import pytest
import redis

from xs_kernel.backends.redis_store import RedisStore
from xs_kernel.registry import Call, load_builtins

REAL_URL = os.environ.get("XS_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
RUN_PREFIX = f"xs-test:{uuid.uuid4().hex[:8]}:"
_serial = itertools.count()


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def _server_answers(url: str) -> str | None:
    """None when the server at URL answers PING, else why not."""
    client = redis.Redis.from_url(url, protocol=2, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
        return None
    except redis.RedisError as exc:
        return str(exc)
    finally:
        client.close()


@pytest.fixture(scope="session")
def real_url() -> str:
    """The real server's URL; skip (fail in CI) when it does not answer."""
    problem = _server_answers(REAL_URL)
    if problem is not None:
        message = f"real Redis server {REAL_URL} does not answer PING: {problem}"
        if in_ci():
            pytest.fail(f"{message} (CI=true: the real-server suite must run)")
        pytest.skip(message)
    return REAL_URL


def delete_prefixed(url: str, prefix: str) -> int:
    """Delete every key under PREFIX on the server at URL; how many there were."""
    client = redis.Redis.from_url(url, protocol=2)
    try:
        pattern = "".join("\\" + c if c in "*?[]\\" else c for c in prefix) + "*"
        names = list(client.scan_iter(match=pattern, count=1000))
        if names:
            client.delete(*names)
        return len(names)
    finally:
        client.close()


def fresh_prefix() -> str:
    return f"{RUN_PREFIX}{next(_serial)}:"


@dataclass
class Backend:
    """Where a test's store lives: ``url`` None is the embedded store."""

    name: str
    url: str | None
    prefix: str

    def store(self, prefix: str | None = None) -> RedisStore:
        return RedisStore(self.url, prefix=self.prefix if prefix is None else prefix)


@pytest.fixture(params=["embedded", pytest.param("server", marks=pytest.mark.live_redis)])
def backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    if request.param == "embedded":
        yield Backend("embedded", None, "")
        return
    url = request.getfixturevalue("real_url")
    prefix = fresh_prefix()
    yield Backend("server", url, prefix)
    delete_prefixed(url, prefix)


@pytest.fixture
def store(backend: Backend) -> Iterator[RedisStore]:
    st = backend.store()
    yield st
    st.close()


@pytest.fixture
def raw(backend: Backend, store: RedisStore) -> Any:
    """A plain redis-py client on the same data as STORE (for interop checks)."""
    return store._client  # the same connection pool / FakeServer the store uses


@pytest.fixture
def new_prefix() -> Iterator[Callable[[str | None], str]]:
    """new_prefix(url) gives a fresh key prefix, whose keys on the server at URL (if any)
    are deleted after the test."""
    pending: list[tuple[str, str]] = []

    def make(url: str | None) -> str:
        prefix = fresh_prefix()
        if url:
            pending.append((url, prefix))
        return prefix

    yield make
    for url, prefix in pending:
        delete_prefixed(url, prefix)


Runner = Callable[..., Any]


@pytest.fixture
def run(store: RedisStore) -> Runner:
    """run("redis.get", key="k") calls the registered statement on STORE."""
    registry = load_builtins()
    call = Call(services=SimpleNamespace(redis=store), emit=lambda kind, value: None)

    def invoke(name: str, **attributes: Any) -> Any:
        return registry.function(name).impl(call, **attributes)

    return invoke
