"""Back-end helpers of the platform suite: the PostgreSQL server to test against (skipped
when absent, a failure in CI) and fresh Database objects with a per-test table prefix."""

from __future__ import annotations

import itertools
import os
import uuid
from typing import Any

import pytest

from xs_kernel.backends.db_store import Database
from xs_kernel.errors import XsError

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
