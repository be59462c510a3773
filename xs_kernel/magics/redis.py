"""The %redis magic: show or switch the session's Redis back-end, browse and delete keys.

Reaches Redis only through ``session.services`` (``describe``, ``use_redis``,
``overview``, ``delete_matching``), so the password masking and the scanning bounds stay
the store's job (``backends/redis_browse``); this module parses the words and says what
happened.
"""

from __future__ import annotations

from typing import Any

from ..errors import XsError
from ..registry import magic
from . import dispatch

MAX_LIMIT = 1000
SHOWN_NAMES = 10  # names listed by a `%redis del` that is not confirmed yet
USAGE = ("use %redis, %redis keys [PATTERN] [--page N] [--limit N], %redis del PATTERN "
         "[--yes], %redis connect URL or %redis embedded")


@magic("redis")
def magic_redis(session: Any, text: str) -> Any:
    """Show the session's Redis back-end (password masked) or switch it; browse its keys.

    `%redis connect redis://host:6379/0` uses a server; `%redis embedded` goes back to
    the in-process store (the variables stay; keys stay where they were written).
    `%redis keys [PATTERN] [--page N] [--limit N]` lists the keys matching the glob
    PATTERN (default *), sorted, a page at a time (say "page 2 of 7, keys 51–100 of 301"):
    what each holds, its time to live (— when it never expires) and a summary of its value
    (a list's, set's or sorted set's first members, a hash's first fields, a stream's
    length). It scans the whole keyspace in batches, up to 100,000 matching keys.
    `%redis del PATTERN` shows the keys that would be deleted and the command that
    deletes them, `%redis del PATTERN --yes`; only keys under the session's prefix are
    ever touched."""
    services = session.services
    command, _, rest = text.strip().partition(" ")
    if not command:
        return services.redis.describe()
    if command == "keys":
        return _keys(session, rest)
    if command == "del":
        return _delete(session, rest)
    if command == "connect":
        url = rest.strip()
        if not url:
            raise XsError("inputerror", "%redis connect needs a URL, e.g. redis://localhost:6379/0")
        return services.use_redis(url).describe()
    if command == "embedded" and not rest.strip():
        return services.use_redis(None).describe()
    raise XsError("inputerror", f"unknown %redis command {text.strip()!r}", hint=USAGE)


def _keys(session: Any, text: str) -> Any:
    words, options = _options(text, {"--page", "--limit"}, "%redis keys")
    if len(words) > 1:
        raise XsError("inputerror", "%redis keys takes one PATTERN (a glob such as user:*)",
                      hint=USAGE)
    max_rows = dispatch.render_options(session).max_rows
    limit = options.get("--limit", min(max_rows, 50))
    if limit > max_rows:
        raise XsError("inputerror", f"--limit {limit} is more rows than a result shows "
                      f"({max_rows})", hint=f"%config max_rows={limit} shows more rows")
    number = options.get("--page", 1)
    found = session.services.redis.overview(words[0] if words else "*", number, limit)
    if number > found.pages:
        raise XsError("inputerror", f"there is no page {number}: {found.total:,} key"
                      f"{'s' * (found.total != 1)} make {found.pages} page"
                      f"{'s' * (found.pages != 1)} of {limit}")
    caption = found.caption(f" --limit {limit}" if "--limit" in options else "")
    if not found.rows:
        return dispatch.Print(caption)
    return dispatch.Outputs((dispatch.Print(caption), found.rows))


def _delete(session: Any, text: str) -> dispatch.Print:
    words, options = _options(text, {"--yes"}, "%redis del")
    if len(words) != 1:
        raise XsError("inputerror", "%redis del needs one PATTERN: %redis del session:*",
                      hint="then %redis del PATTERN --yes deletes what it lists")
    pattern = words[0]
    found = session.services.redis.delete_matching(pattern, "--yes" in options)
    more = "" if found.scan.complete else " (the scan stopped there; run it again for the rest)"
    if not found.total:
        return dispatch.Print(f"no keys match {pattern!r}: nothing to delete")
    if "--yes" in options:
        return dispatch.Print(f"deleted {found.deleted:,} key{'s' * (found.deleted != 1)} "
                              f"matching {pattern!r}{more}")
    names = found.scan.names
    listed = "\n".join("  " + n for n in names[:SHOWN_NAMES])
    if len(names) > SHOWN_NAMES:
        listed += f"\n  … and {len(names) - SHOWN_NAMES:,} more"
    return dispatch.Print(
        f"{found.total:,} key{'s' * (found.total != 1)} match {pattern!r}{more}:\n"
        f"{listed}\nnothing was deleted; to delete them run:\n"
        f"%redis del {pattern} --yes")


def _options(text: str, known: set[str], what: str) -> tuple[list[str], dict[str, int]]:
    """The plain words of TEXT and its ``--name N`` options (``--yes`` takes no number)."""
    words: list[str] = []
    options: dict[str, int] = {}
    tokens = text.split()
    while tokens:
        token = tokens.pop(0)
        if not token.startswith("--"):
            words.append(token)
            continue
        if token not in known:
            raise XsError("inputerror", f"{what} has no option {token}",
                          hint="its options: " + ", ".join(sorted(known)))
        if token == "--yes":
            options[token] = 1
            continue
        value = tokens.pop(0) if tokens else ""
        if not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT * 1000:
            raise XsError("inputerror", f"{token} needs a whole number of 1 or more, "
                          f"e.g. {token} 2")
        options[token] = int(value)
    if options.get("--limit", 1) > MAX_LIMIT:
        raise XsError("inputerror", f"--limit is at most {MAX_LIMIT}")
    return words, options
