"""The %redis magic: show or switch the session's Redis back-end.

Reaches Redis only through ``session.services`` (``describe``, ``use_redis``), so the
password masking stays the store's job.
"""

from __future__ import annotations

from typing import Any

from ..errors import XsError
from ..registry import magic


@magic("redis")
def magic_redis(session: Any, text: str) -> Any:
    """Show the Redis back-end of the session (password masked), or switch it:
    `%redis connect redis://host:6379/0` uses a server, `%redis embedded` goes back to the
    in-process store. Switching keeps the session's variables; stored keys stay where they
    were written. `%redis keys [PATTERN]` browses the stored keys: what each holds, its
    time to live and its value (the first 100 keys matching the glob PATTERN, default *)."""
    services = session.services
    command, _, rest = text.strip().partition(" ")
    if not command:
        return services.redis.describe()
    if command == "keys":
        return services.redis.overview(rest.strip() or "*")
    if command == "connect":
        url = rest.strip()
        if not url:
            raise XsError("inputerror", "%redis connect needs a URL, e.g. redis://localhost:6379/0")
        return services.use_redis(url).describe()
    if command == "embedded" and not rest.strip():
        return services.use_redis(None).describe()
    raise XsError("inputerror", f"unknown %redis command {text.strip()!r}",
                  hint="use %redis, %redis keys [PATTERN], %redis connect URL or %redis embedded")
