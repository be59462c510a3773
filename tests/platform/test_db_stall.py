"""A PostgreSQL server that accepts connections and never answers gives a clear error,
instead of holding the cell for libpq's default of minutes."""

from __future__ import annotations

import socket
import threading

import pytest

from xs_kernel.backends.db_store import CONNECT_TIMEOUT
from xs_kernel.magics.dispatch import run_cell
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
