"""The session's connections to the outside world, created on first use.

``Services`` owns one redis store, one database and the email outbox for a session. Each
back-end lives in ``backends/`` (the only modules that import redis, fakeredis or
SQLAlchemy); namespace modules reach them only through ``call.services``. Creating them
lazily keeps kernel start-up fast for cells that never touch Redis or a table.
"""

from __future__ import annotations

import os
import secrets
from typing import Any


class Services:
    """Back-ends of one session: ``redis``, ``db`` and the ``outbox`` of sent emails."""

    def __init__(self, *, redis_url: str | None = None, redis_prefix: str | None = None,
                 db_url: str | None = None) -> None:
        self._redis_url = redis_url if redis_url is not None else os.environ.get("XS_REDIS_URL") or None
        self._redis_prefix = (redis_prefix if redis_prefix is not None
                              else os.environ.get("XS_REDIS_PREFIX", ""))
        self._db_url = db_url if db_url is not None else os.environ.get("XS_DB_URL") or None
        self._redis: Any = None
        self._db: Any = None
        self.outbox: list[dict[str, Any]] = []
        self._auth_secret: str | None = None

    @property
    def auth_secret(self) -> str:
        """The key this session signs auth tokens with: ``XS_AUTH_SECRET``, or a random one
        made on first use (tokens then last as long as the session)."""
        if self._auth_secret is None:
            self._auth_secret = os.environ.get("XS_AUTH_SECRET") or secrets.token_urlsafe(32)
        return self._auth_secret

    @property
    def redis(self) -> Any:
        if self._redis is None:
            from .backends.redis_store import RedisStore

            self._redis = RedisStore(self._redis_url, prefix=self._redis_prefix)
        return self._redis

    def reset_redis_connection(self) -> None:
        """Drop the Redis connection (after an interrupt cut a command short); the next
        statement reconnects. Never creates a store that was not in use."""
        if self._redis is not None:
            self._redis.reset_connection()

    def use_redis(self, url: str | None, prefix: str | None = None) -> Any:
        """Switch to the server at URL (None: the embedded store) and return the new store.

        A server must answer first: when it does not, the error says so and the session
        keeps the store it had, rather than failing later at some statement."""
        from .backends.redis_store import RedisStore

        chosen_prefix = self._redis_prefix if prefix is None else prefix
        store = RedisStore(url or None, prefix=chosen_prefix)
        if url:
            try:
                store.ping()
            except BaseException:
                store.close()
                raise
        if self._redis is not None:
            self._redis.close()
        self._redis, self._redis_url, self._redis_prefix = store, url or None, chosen_prefix
        return store

    @property
    def db_in_use(self) -> bool:
        """Whether a database was made (reading ``db`` would make one)."""
        return self._db is not None

    @property
    def db(self) -> Any:
        if self._db is None:
            from .backends.db_store import Database

            self._db = Database(self._db_url)
        return self._db

    def use_db(self, url: str | None) -> Any:
        """Switch to the database at URL (None: a fresh in-memory one) and return it.

        Like ``use_redis``, the new database must answer before the current one is
        dropped, so a wrong URL leaves the session as it was."""
        from .backends.db_store import Database

        database = Database(url or None)
        try:
            with database.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except BaseException:
            database.close()
            raise
        if self._db is not None:
            self._db.close()
        self._db, self._db_url = database, url or None
        return database

    def close(self) -> None:
        for backend in (self._redis, self._db):
            if backend is not None:
                backend.close()
        self._redis = self._db = None
