"""Fixtures shared by every test folder: the real servers our machines provide, and the
Redis deployments the suite starts for itself (cluster, TLS, Sentinel: redis_deployments).

A real-server test asks for ``real_redis_url`` (or ``redis_deployment_url("cluster")``…);
when the server does not answer or cannot start it is skipped with the reason, except in
CI (``CI=true``), where a missing server fails the run.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable, Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import redis_deployments  # noqa: E402  (this folder is not a package)

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
    """Delete every key under PREFIX on the deployment at URL (never a flush); how many.
    One DEL a key, pipelined, so a cluster's keys need not share a slot."""
    from xs_kernel.backends import redis_connect

    client = redis_connect.connect(url, redis_connect.parse(url))
    try:
        pattern = "".join("\\" + c if c in "*?[]\\" else c for c in prefix) + "*"
        names = list(client.scan_iter(match=pattern, count=1000))
        pipe = client.pipeline(transaction=False)
        for name in names:
            pipe.delete(name)
        pipe.execute()
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


# -- the deployments the suite starts ----------------------------------------------------

STARTERS = {"cluster": redis_deployments.start_cluster, "tls": redis_deployments.start_tls,
            "sentinel": redis_deployments.start_sentinel}


@pytest.fixture(scope="session")
def redis_deployments_started(tmp_path_factory) -> Iterator[Callable[[str], object]]:
    """``start(kind)`` gives the running deployment of KIND, started on first use and
    stopped (by pid) when the session ends; skips, or fails in CI, when it cannot start."""
    running: dict[str, redis_deployments.Deployment] = {}

    def start(kind: str) -> redis_deployments.Deployment:
        if kind not in running:
            what = f"a local Redis {kind}"
            require(redis_deployments.missing_binaries(), what)
            try:
                running[kind] = STARTERS[kind](tmp_path_factory.mktemp(f"redis-{kind}"))
            except (RuntimeError, OSError, TimeoutError) as exc:
                require(str(exc) or type(exc).__name__, what)
        return running[kind]

    yield start
    for deployment in running.values():
        deployment.stop()


@pytest.fixture(scope="session")
def redis_deployment_url(real_redis_url_or_none, redis_deployments_started):
    """``url(kind)``: "server" is the machine's server, the others are started here."""
    def url(kind: str) -> str:
        if kind == "server":
            require(real_redis_url_or_none[1], "real Redis server")
            return real_redis_url_or_none[0]
        return redis_deployments_started(kind).url

    return url


@pytest.fixture(scope="session")
def real_redis_url_or_none() -> tuple[str, str | None]:
    return REAL_REDIS_URL, redis_problem(REAL_REDIS_URL)


@pytest.fixture
def scratch_redis_cluster(tmp_path) -> Iterator[Callable[..., redis_deployments.Deployment]]:
    """``start(replicas=0)``: a cluster of this test's own, which it may break (kill a
    primary, move a slot); stopped after the test."""
    started: list[redis_deployments.Deployment] = []

    def start(replicas: int = 0) -> redis_deployments.Deployment:
        require(redis_deployments.missing_binaries(), "a local Redis cluster")
        try:
            started.append(redis_deployments.start_cluster(tmp_path, replicas))
        except (RuntimeError, OSError, TimeoutError) as exc:
            require(str(exc) or type(exc).__name__, "a local Redis cluster")
        return started[-1]

    yield start
    for deployment in started:
        deployment.stop()
