"""How long a database statement may run, and stopping one: ``XS_DB_STATEMENT_TIMEOUT``;
and text a database cannot hold (NUL on PostgreSQL, lone surrogates anywhere).

PostgreSQL applies the limit itself (``SET statement_timeout`` on each new connection)
and cancels the statement; a Ctrl-C makes psycopg cancel it too. SQLite runs
inside the kernel, so a progress handler (called every ``PROGRESS_STEPS`` virtual-machine
steps) stops a statement past its deadline, and also one a Ctrl-C arrived during: Python
runs the signal handler inside that callback, the raised KeyboardInterrupt aborts the
statement ("interrupted"), and ``Database`` turns it back into the interrupt it was.
"""

from __future__ import annotations

import math
import os
import time
from typing import Any

from sqlalchemy import event

from ..errors import XsError

ENV = "XS_DB_STATEMENT_TIMEOUT"
DEFAULT = 30.0  # seconds a statement may run (0/off: no limit)
PROGRESS_STEPS = 20_000  # SQLite VM steps between two looks at the clock (well under 1 ms)
HINT = "e.g. 30, 2.5, or 0/off for no limit"


def statement_timeout(value: str | float | None = None) -> float | None:
    """Seconds a statement may run: VALUE, else ``$XS_DB_STATEMENT_TIMEOUT``, else 30;
    None for 0/"off". An unreadable setting is an inputerror naming it."""
    if value is None:
        value = os.environ.get(ENV, "").strip() or DEFAULT
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("off", "none", "no", "false"):
            return None
        try:
            value = float(text.removesuffix("s"))
        except ValueError:
            raise XsError("inputerror", f"{ENV}={value!r} is not a number of seconds",
                          hint=HINT) from None
    if isinstance(value, bool) or not math.isfinite(value) or value < 0:
        raise XsError("inputerror", f"{ENV}={value!r} is not a number of seconds", hint=HINT)
    return float(value) or None


def timeout_error(timeout: float | None) -> XsError:
    limit = f"{timeout:g} s" if timeout else "the server's statement_timeout"
    return XsError("standard", f"the database statement ran for more than {limit} and was "
                   "stopped", hint=f"raise {ENV} (seconds; 0 for no limit) before starting "
                   "the kernel, or make the query cheaper")


def pg_statement_timeout(engine: Any, timeout: float | None) -> None:
    """Each new PostgreSQL connection of ENGINE sets ``statement_timeout`` for its session
    (a SET rather than the ``options`` startup parameter, which poolers such as PgBouncer
    refuse); the server then cancels a statement past it."""
    if not timeout:
        return
    milliseconds = max(1, round(timeout * 1000))

    def connected(dbapi_conn: Any, _record: Any) -> None:
        autocommit, dbapi_conn.autocommit = dbapi_conn.autocommit, True
        try:
            cursor = dbapi_conn.cursor()
            cursor.execute(f"SET statement_timeout = {milliseconds}")
            cursor.close()
        finally:
            dbapi_conn.autocommit = autocommit
    event.listen(engine, "connect", connected)


def is_interrupted(exc: Exception) -> bool:
    """Whether EXC is SQLite's "interrupted": the progress handler stopped the statement."""
    orig = getattr(exc, "orig", None)
    return orig is not None and str(orig).strip() == "interrupted"


class SqliteGuard:
    """The progress handler of a SQLite engine's connections (see the module docstring)."""

    def __init__(self, timeout: float | None) -> None:
        self.timeout = timeout
        self.deadline = math.inf
        self.expired = False

    def attach(self, engine: Any) -> None:
        event.listen(engine, "connect", self._connected)
        event.listen(engine, "before_cursor_execute", self._starting)

    def _connected(self, dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.set_progress_handler(self, PROGRESS_STEPS)

    def _starting(self, *_args: Any) -> None:
        self.expired = False
        self.deadline = time.monotonic() + self.timeout if self.timeout else math.inf

    def __call__(self) -> int:
        if time.monotonic() > self.deadline:
            self.expired = True
            return 1
        return 0


def lone_surrogate() -> XsError:
    return XsError("inputerror", "the text contains a lone surrogate (a \\ud800-\\udfff "
                   "code unit without its pair), which is not valid Unicode: the database "
                   "cannot store or search for it",
                   hint="such text comes from a JSON escape like \"\\ud800\"; pair it "
                   "or remove it before it reaches a table")


def unstorable(detail: str) -> XsError | None:
    """The inputerror for PostgreSQL refusing text it cannot hold (NUL, bad surrogates in
    json), or None for any other failure."""
    if "cannot contain NUL" in detail or "\\u0000 cannot be converted" in detail:
        return XsError("inputerror", "the text contains a NUL character (\\u0000), which "
                       "PostgreSQL cannot store", hint="remove it first, e.g. "
                       "|replace:\"\\u0000\":\"\" (SQLite stores it)")
    if "surrogate" in detail and "Unicode" in detail:
        return lone_surrogate()
    return None
