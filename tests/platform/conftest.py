"""Fixtures for the platform suite (db.*, email, api.request, security, expect, magics).

Database tests run on both back-ends: the embedded in-memory SQLite and the real
PostgreSQL server at ``XS_TEST_PG_URL`` (default ``postgresql://root@127.0.0.1:5432/test``,
falling back to user ``postgres``). Each PostgreSQL test works under a table-name prefix
unique to the run and the test and drops its tables afterwards. When the server does not
answer, the PostgreSQL half is skipped with the reason, except in CI (``CI=true``), where a
missing server fails the run.
"""

from __future__ import annotations

import itertools
import os
import sys
import uuid
from typing import Any, Iterator

import pytest

sys.path.insert(0, os.path.dirname(__file__))  # for xs_platform_builders

from xs_kernel.backends.db_store import Database
from xs_kernel.errors import XsError
from xs_kernel.services import Services

PG_URLS = [os.environ["XS_TEST_PG_URL"]] if os.environ.get("XS_TEST_PG_URL") else [
    "postgresql://root@127.0.0.1:5432/test", "postgresql://postgres@127.0.0.1:5432/test"]
RUN = uuid.uuid4().hex[:6]
_serial = itertools.count()
_pg_state: dict[str, Any] = {}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def _find_pg() -> tuple[str | None, str]:
    """The first PostgreSQL URL that answers, or None and why not."""
    problems = []
    for url in PG_URLS:
        db = Database(url)
        try:
            with db.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
            return url, ""
        except XsError as exc:
            problems.append(f"{db.describe()}: {exc.message}")
        finally:
            db.close()
    return None, "; ".join(problems)


def pg_url() -> str:
    """The PostgreSQL URL, or skip (fail in CI) when no server answers."""
    if "url" not in _pg_state:
        _pg_state["url"], _pg_state["why"] = _find_pg()
    if _pg_state["url"] is None:
        message = f"no PostgreSQL server answers: {_pg_state['why']}"
        if in_ci():
            pytest.fail(f"{message} (CI=true: the PostgreSQL suite must run)")
        pytest.skip(message)
    return _pg_state["url"]


def make_database(backend: str) -> Database:
    if backend == "sqlite":
        return Database(None)
    return Database(pg_url(), prefix=f"xs{RUN}_{next(_serial)}_")


BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A fresh Database on each back-end; its tables are dropped afterwards."""
    db = make_database(request.param)
    try:
        yield db
    finally:
        try:
            db.reset()
        finally:
            db.close()


@pytest.fixture(params=BACKENDS)
def services(request: pytest.FixtureRequest) -> Iterator[Services]:
    """Services whose database is a fresh Database on each back-end (embedded redis)."""
    svc = Services(redis_url=None, db_url=None)
    svc.use_redis(None)  # a private embedded redis, whatever XS_REDIS_URL says
    svc._db = make_database(request.param)  # the fixture decides the back-end and prefix
    try:
        yield svc
    finally:
        try:
            svc.db.reset()
        finally:
            svc.close()
