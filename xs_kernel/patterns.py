"""Regular expressions written in a cell, matched with a time limit.

Every user pattern (the regex filters, `filters=pattern:…` in an input declaration,
`expect.to_match`, `~` in a db where clause on SQLite) runs here, on the ``regex`` package
rather than the standard ``re``: a pattern such as ``^(a|aa)+$`` can backtrack for hours,
and ``re`` can be neither bounded nor interrupted while it does, which would hang the
kernel. Each match gets ``MATCH_TIMEOUT`` seconds (PHP's PCRE likewise gives up at its
backtrack limit) and then raises ``RunawayPattern``, which each caller words as its own
XanoScript error.
"""

from __future__ import annotations

from typing import Any, Callable

import regex

MATCH_TIMEOUT = 2.0  # seconds; far beyond any sane pattern on sane text

PatternError = regex.error
IGNORECASE, MULTILINE, DOTALL, VERBOSE = regex.I, regex.M, regex.S, regex.X


class RunawayPattern(Exception):
    """A match ran past ``MATCH_TIMEOUT`` and was stopped."""

    def __init__(self) -> None:
        super().__init__(f"the pattern ran for more than {MATCH_TIMEOUT:g} s and was stopped")


def compile_pattern(source: str, flags: int = 0) -> Any:
    """SOURCE compiled with Python's (``re``-compatible) syntax; PatternError if it is bad."""
    return regex.compile(source, flags | regex.V0)


def bounded(run: Callable[..., Any], *args: Any) -> Any:
    """RUN(*ARGS) — a compiled pattern's ``search``, ``sub``, ``finditer``… — within the
    time limit; an iterator is consumed inside it, so the whole scan is bounded."""
    try:
        result = run(*args, timeout=MATCH_TIMEOUT)
        return list(result) if hasattr(result, "__next__") else result
    except TimeoutError:
        raise RunawayPattern() from None


def search(source: str, text: str, flags: int = 0) -> Any:
    """The first match of SOURCE in TEXT, or None (PatternError, RunawayPattern)."""
    return bounded(compile_pattern(source, flags).search, text)
