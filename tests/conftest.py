"""Fixtures shared by every test folder: the real servers our machines provide.

A real-server test asks for ``real_redis_url``; when the server does not answer it is
skipped with the reason, except in CI (``CI=true``), where a missing server fails the run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
REAL_REDIS_URL = os.environ.get("XS_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def require(problem: str | None, what: str) -> None:
    """Skip (outside CI) or fail (in CI) when PROBLEM says a needed resource is missing."""
    if problem is None:
        return
    if in_ci():
        pytest.fail(f"{what}: {problem} (CI=true: this part of the suite must run)")
    pytest.skip(f"{what}: {problem}")


def redis_problem(url: str) -> str | None:
    import redis

    client = redis.Redis.from_url(url, protocol=2, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
        return None
    except redis.RedisError as exc:
        return f"{url} does not answer PING ({exc})"
    finally:
        client.close()


def delete_redis_keys(url: str, prefix: str) -> int:
    """Delete every key under PREFIX on the server at URL (never a flush); how many."""
    import redis

    client = redis.Redis.from_url(url, protocol=2)
    try:
        pattern = "".join("\\" + c if c in "*?[]\\" else c for c in prefix) + "*"
        names = list(client.scan_iter(match=pattern, count=1000))
        if names:
            client.delete(*names)
        return len(names)
    finally:
        client.close()


@pytest.fixture(scope="session")
def real_redis_url() -> str:
    require(redis_problem(REAL_REDIS_URL), "real Redis server")
    return REAL_REDIS_URL


@pytest.fixture(scope="session")
def spec_path() -> Path:
    """The redis spec, which sits beside the repository in ../shared/spec/."""
    path = REPO.parent / "shared" / "spec" / "redis-integration.md"
    require(None if path.exists() else f"{path} is missing", "redis spec")
    return path


@pytest.fixture(scope="session")
def redis_key_cleaner():
    """``clean(url, prefix)`` deletes what a test left under its prefix."""
    return delete_redis_keys
