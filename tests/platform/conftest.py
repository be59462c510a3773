"""Fixtures for the platform suite (db.*, email, api.request, security, expect, magics).

Database tests run on both back-ends: the embedded in-memory SQLite and the real
PostgreSQL server at ``XS_TEST_PG_URL`` (default ``postgresql://root@127.0.0.1:5432/test``,
falling back to user ``postgres``). Each PostgreSQL test works under a table-name prefix
unique to the run and the test and drops its tables afterwards. When the server does not
answer, the PostgreSQL half is skipped with the reason, except in CI (``CI=true``), where a
missing server fails the run.
"""

from __future__ import annotations

import os
import sys
from typing import Iterator

import pytest

sys.path.insert(0, os.path.dirname(__file__))  # for the xs_platform_* helper modules

from xs_platform_backends import make_database  # noqa: E402

from xs_kernel.backends.db_store import Database  # noqa: E402
from xs_kernel.services import Services  # noqa: E402

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
