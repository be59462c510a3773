"""A PostgreSQL server that accepts connections and never answers gives a clear error,
instead of holding the cell for libpq's default of minutes; a statement past
XS_DB_STATEMENT_TIMEOUT is stopped, and Ctrl-C stops one, on both back-ends."""

from __future__ import annotations

import os
import signal
import socket
import threading

import pytest

from xs_platform_backends import pg_url

from xs_kernel.backends import db_limits
from xs_kernel.backends.db_store import CONNECT_TIMEOUT, Database
from xs_kernel.errors import XsError
from xs_kernel.magics.dispatch import run_cell
from xs_kernel.services import Services
from xs_kernel.session import Session

pytest.importorskip("psycopg")


@pytest.fixture
def silent_server():
    """A TCP port that accepts and then says nothing."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept())
            except OSError:
                continue
    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn, _ in held:
        conn.close()
    server.close()


def test_a_silent_server_is_a_clear_error_not_a_stall(silent_server: int) -> None:
    assert CONNECT_TIMEOUT < 5
    done: list = []
    worker = threading.Thread(target=lambda: done.append(run_cell(
        Session(), f"%db connect postgresql://u@127.0.0.1:{silent_server}/x")), daemon=True)
    worker.start()
    worker.join(timeout=60)  # a guard against a hang, not a measurement: 130 s before
    assert done, "the cell is still waiting on the silent server"
    error = done[0].error
    assert error.type == "standard"
    assert error.message == "database unavailable: connection timeout expired"


# -- statements that run too long, and Ctrl-C while one runs (both back-ends)

# A statement of about a minute on each back-end (SQLite: a recursive count).
SLOW = {
    "sqlite": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
              "LIMIT 500000000) SELECT count(*) AS n FROM c",
    "postgres": "SELECT pg_sleep(60) AS n",
}


def session_on(backend: str, timeout: str) -> Session:
    url = None if backend == "sqlite" else pg_url()
    services = Services(redis_url=None, db_url=url)
    services._db = Database(url, timeout=timeout)
    return Session(services=services)


def run_slow(session: Session, backend: str):
    session.variables["sql"] = SLOW[backend]
    return session.run("db.direct_query { sql = $sql } as $rows\n$rows")


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_statement_past_the_timeout_is_stopped_with_a_clear_error(backend: str) -> None:
    session = session_on(backend, "0.5")
    error = run_slow(session, backend).error
    assert error is not None and error.type == "standard"
    assert error.message.endswith("the database statement ran for more than 0.5 s and "
                                  "was stopped")
    assert "XS_DB_STATEMENT_TIMEOUT" in error.hint
    assert error.span is not None and error.span.line == 1
    again = session.run('db.direct_query { sql = "SELECT 2 AS n" } as $r\n$r')
    assert again.error is None and again.value == [{"n": 2}]
    session.services.close()


def interrupt_soon() -> threading.Timer:
    timer = threading.Timer(0.4, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    return timer


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX")
@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_ctrl_c_stops_a_running_statement(backend: str) -> None:
    session = session_on(backend, "off")
    session.run('db.direct_query { sql = "SELECT 1 AS n" } as $r')  # connect first
    timer = interrupt_soon()
    outcome = run_slow(session, backend)  # a minute without the interrupt (78 s before)
    timer.join()
    assert outcome.error is not None and outcome.error.type == "KeyboardInterrupt"
    again = session.run('db.direct_query { sql = "SELECT 3 AS n" } as $r\n$r')
    assert again.error is None and again.value == [{"n": 3}]
    session.services.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_ctrl_c_stops_waiting_for_a_silent_server(silent_server: int) -> None:
    session = Session(services=Services(redis_url=None,
                                        db_url=f"postgresql://u@127.0.0.1:{silent_server}/x"))
    timer = interrupt_soon()
    outcome = session.run('db.direct_query { sql = "SELECT 1 AS n" } as $r')
    timer.join()
    assert outcome.error is not None and outcome.error.type == "KeyboardInterrupt"
    session.services.close()


@pytest.mark.parametrize("text, seconds", [
    ("30", 30.0), ("2.5", 2.5), ("10s", 10.0), ("0", None), ("off", None), (" OFF ", None)])
def test_statement_timeout_settings(text: str, seconds: float | None) -> None:
    assert db_limits.statement_timeout(text) == seconds


@pytest.mark.parametrize("text", ["soon", "-1", "inf", "nan"])
def test_a_wrong_statement_timeout_is_an_inputerror_naming_it(text: str) -> None:
    with pytest.raises(XsError, match="XS_DB_STATEMENT_TIMEOUT") as caught:
        db_limits.statement_timeout(text)
    assert caught.value.type == "inputerror"


def test_the_default_statement_timeout_is_30_s(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XS_DB_STATEMENT_TIMEOUT", raising=False)
    assert db_limits.statement_timeout() == 30.0
    monkeypatch.setenv("XS_DB_STATEMENT_TIMEOUT", "7")
    assert Database(None).timeout == 7.0


def test_the_timeout_is_the_postgres_sessions_statement_timeout() -> None:
    database = Database(pg_url(), timeout="2.5")
    try:
        with database.connect() as conn:
            assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "2500ms"
    finally:
        database.close()
