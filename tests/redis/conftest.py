"""Fixtures for the redis suite: every store-level and statement-level test runs against
the embedded fakeredis, the machine's real server, and the three deployments the suite
starts itself: a 3-primary Redis Cluster, a TLS server and a Sentinel-managed primary.

The real server is ``XS_TEST_REDIS_URL`` (default ``redis://127.0.0.1:6379/0``), found by
the shared ``real_redis_url`` fixture (tests/conftest.py): when it does not answer, the
server half is skipped with a reason, except in CI (``CI=true``), where it fails the run.
Server tests work under a key prefix unique to the test run and to the test, and delete
their keys afterwards (SCAN MATCH + DEL; never FLUSHDB).
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, Callable, Iterator

import pytest

from xs_kernel.backends.redis_store import RedisStore
from xs_kernel.registry import Call, load_builtins

RUN_PREFIX = f"xs-test:{uuid.uuid4().hex[:8]}:"
_serial = itertools.count()


@pytest.fixture(scope="session")
def real_url(real_redis_url: str) -> str:
    """The real server's URL (the shared fixture skips, or fails in CI, without one)."""
    return real_redis_url


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


DEPLOYMENTS = ("server", "cluster", "tls", "sentinel")


@pytest.fixture(params=["embedded", *(pytest.param(kind, marks=pytest.mark.live_redis)
                                      for kind in DEPLOYMENTS)])
def backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    if request.param == "embedded":
        yield Backend("embedded", None, "")
        return
    url = request.getfixturevalue("redis_deployment_url")(request.param)
    clean = request.getfixturevalue("redis_key_cleaner")
    prefix = fresh_prefix()
    yield Backend(request.param, url, prefix)
    clean(url, prefix)


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
def new_prefix(redis_key_cleaner) -> Iterator[Callable[[str | None], str]]:
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
        redis_key_cleaner(url, prefix)


Runner = Callable[..., Any]


@pytest.fixture
def run(store: RedisStore) -> Runner:
    """run("redis.get", key="k") calls the registered statement on STORE."""
    registry = load_builtins()
    call = Call(services=SimpleNamespace(redis=store), emit=lambda kind, value: None)

    def invoke(name: str, **attributes: Any) -> Any:
        return registry.function(name).impl(call, **attributes)

    return invoke
