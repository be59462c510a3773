"""Statements Xano documents that only its servers run (cloud services, AI providers,
file storage, the JavaScript runtime…) and that this runtime has no local version of.

Such a statement compiles (a workspace that uses it still loads, and everything before
it runs) and stops with an ``unsupported`` error, naming it, when it is reached;
``xs check`` reports it as a warning. A statement a later module implements (registered
in the registry) is never treated as unsupported.
"""

from __future__ import annotations

from typing import Any, Callable

from .errors import XsError

CLOUD_ONLY = ("cloud.", "ai.", "storage.", "zip.", "stream.", "db.external.",
              "api.lambda", "api.stream", "api.realtime_event", "util.template_engine",
              "util.ip_lookup", "util.post_process", "db.direct_query", "db.schema",
              "security.create_rsa_key", "security.create_curve_key", "redis.ratelimit")


def is_cloud_only(name: str) -> bool:
    return name.startswith(CLOUD_ONLY)


def message(name: str) -> str:
    return f"`{name}` runs only on Xano's servers; there is no local version of it"


def runner(name: str, span: Any) -> Callable[[Any], None]:
    """A compiled statement that stops with the `unsupported` error when reached."""
    def run_unsupported(frame: Any) -> None:
        raise XsError("unsupported", message(name), span=span,
                      hint="the statements before it ran; see the README's Limits")
    return run_unsupported
