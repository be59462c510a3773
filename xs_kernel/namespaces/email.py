"""``util.send_email``: recorded in the session's outbox, never sent.

A notebook must not mail real people, so each message (provider, to, from, subject,
message and the optional reply_to/cc/bcc) is appended to ``call.services.outbox`` — shown
by ``%outbox`` — and returned as the statement's result. The API key is checked for
presence only and never stored. The rest of ``util.*`` lives in ``util.py`` (interpreter
side).
"""

from __future__ import annotations

from typing import Any

from ..errors import XsError
from ..registry import Call, Param, builtin
from ..values import preview


def _provider(attrs: dict) -> str:
    return str(attrs.get("service_provider") or "xano").lower()


def _addresses(name: str, value: Any, required: bool) -> Any:
    if value is None or value == "" or value == []:
        if required:
            raise XsError("inputerror", f"util.send_email: `{name}` is required",
                          payload={"param": name})
        return None
    items = value if isinstance(value, list) else [value]
    for item in items:
        if not isinstance(item, str) or "@" not in item:
            raise XsError("inputerror", f"util.send_email: `{name}` must be an email address "
                          f"or an array of them, got {preview(item)}", payload={"param": name})
    return value


@builtin(
    "util.send_email",
    Param("service_provider", "text", default="xano", doc="resend, sendgrid, xano, ..."),
    Param("api_key", "text", doc="the provider's key (never stored)"),
    Param("to", doc="recipient address or array of addresses (the xano provider: the "
                    "workspace's own address when left out)"),
    Param("from", "text", doc="sender address"),
    Param("subject", "text", required=True),
    Param("message", "text", doc="the body"),
    Param("reply_to", doc="reply-to address"),
    Param("cc", doc="copy addresses"),
    Param("bcc", doc="blind copy addresses"),
    Param("scheduled_at", doc="accepted; the outbox ignores scheduling"),
    Param("attachments", doc="accepted; recorded as given"),
)
def util_send_email(call: Call, **attrs: Any) -> dict:
    """Record an email in the session outbox (nothing is sent) and return the record.

    Mirrors integrations/utilities.md (Email)."""
    record: dict[str, Any] = {
        "id": len(call.services.outbox) + 1,
        "provider": str(attrs.get("service_provider") or "xano"),
        "to": _addresses("to", attrs.get("to"), _provider(attrs) != "xano"),
        "from": _addresses("from", attrs.get("from_", attrs.get("from")), False),
        "subject": attrs.get("subject") if attrs.get("subject") is not None else "",
        "message": attrs.get("message") if attrs.get("message") is not None else "",
    }
    for name in ("reply_to", "cc", "bcc"):
        value = _addresses(name, attrs.get(name), False)
        if value is not None:
            record[name] = value
    if attrs.get("attachments"):
        record["attachments"] = attrs["attachments"]
    if not isinstance(record["subject"], str) or record["subject"] == "":
        raise XsError("inputerror", "util.send_email: `subject` is required",
                      payload={"param": "subject"})
    call.services.outbox.append(record)
    return dict(record)
