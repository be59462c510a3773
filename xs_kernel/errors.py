"""The XanoScript error family and the one formatter every front end uses.

Every error a user can see is an ``XsError``: it carries a XanoScript error type
(``inputerror``, ``accessdenied``, ``notfound``, ``standard``, ...), a message, an optional
payload and the span of the code that raised it.
"""

from __future__ import annotations

import re
from typing import Any

from .credentials import mask_credentials
from .source import Span, excerpt

# The error types the docs name, with the HTTP status Xano gives them.
HTTP_STATUS = {
    "inputerror": 400,
    "badrequest": 400,
    "unauthorized": 401,
    "accessdenied": 403,
    "notfound": 404,
    "toomanyrequests": 429,
    "standard": 500,
    "servererror": 500,
    "syntaxerror": 400,
    "unsupported": 501,  # a statement this kernel cannot run (cloud services, AI providers)
}


_SURROGATE = re.compile("[\ud800-\udfff]")


def _printable(text: str) -> str:
    """A lone surrogate (no UTF-8 output carries one) as its escape, ``\\ud800``; the same
    form as ``values.printable``, which errors may not import."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class XsError(Exception):
    """A XanoScript error: TYPE (e.g. ``notfound``), MESSAGE, optional PAYLOAD and SPAN."""

    def __init__(
        self,
        type: str,
        message: str,
        *,
        span: Span | None = None,
        payload: Any = None,
        name: str | None = None,
        hint: str | None = None,
    ) -> None:
        # Every message a user can see passes here: no credential survives it.
        message = _printable(mask_credentials(message))
        super().__init__(message)
        self.type = type
        self.message = message
        self.span = span
        self.payload = payload
        self.name = name if name is not None else type
        self.hint = _printable(mask_credentials(hint)) if hint else hint
        self.cell: str | None = None
        self.source: str | None = None

    def at(self, span: Span | None) -> "XsError":
        """Attach SPAN unless the error already knows where it happened."""
        if self.span is None and span is not None:
            self.span = span
        return self

    def located(self, cell: str, source: str) -> "XsError":
        if self.cell is None:
            self.cell, self.source = cell, source
        return self

    def as_value(self) -> dict[str, Any]:
        """The ``$error`` object a ``catch`` block sees."""
        return {
            "name": self.name,
            "message": self.message,
            "type": self.type,
            "code": self.type,
            "status": HTTP_STATUS.get(self.type, 500),
            "payload": self.payload,
        }

    def __str__(self) -> str:
        return self.message


class XsSyntaxError(XsError):
    """The cell does not parse."""

    def __init__(self, message: str, *, span: Span | None = None, hint: str | None = None):
        super().__init__("syntaxerror", message, span=span, hint=hint)


class XsInterrupt(XsError):
    """The user interrupted a running cell; the session survives."""

    def __init__(self, span: Span | None = None):
        super().__init__("KeyboardInterrupt", "execution interrupted by the user", span=span)


def format_error(err: XsError) -> list[str]:
    """Lines for a user: ``<type>: message``, the location, the source line and a caret, a hint."""
    lines = [f"{err.type}: {err.message}"]
    if err.span is not None and err.span.line > 0:
        where = err.cell or "<cell>"
        lines.append(f"  at {where}, line {err.span.line}, column {err.span.column}")
        if err.source is not None:
            lines.extend(mask_credentials(line) for line in excerpt(err.source, err.span))
    if err.hint:
        lines.append(f"hint: {err.hint}")
    return lines
