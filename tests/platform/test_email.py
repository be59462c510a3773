"""util.send_email: recorded in the outbox, never sent, validated, returned."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from xs_kernel.errors import XsError
from xs_kernel.namespaces.email import util_send_email
from xs_kernel.registry import Call, load_builtins
from xs_kernel.session import Session


def call() -> Call:
    return Call(services=SimpleNamespace(outbox=[]), emit=lambda kind, value: None)


def send(c: Call, **attrs: Any) -> dict:
    base = {"service_provider": "resend", "api_key": "secret-key", "to": "a@example.com",
            "from_": "me@example.com", "subject": "Hi", "message": "Body"}
    base.update(attrs)
    return util_send_email(c, **base)


def test_records_and_returns_the_message() -> None:
    c = call()
    result = send(c)
    assert result == {"id": 1, "provider": "resend", "to": "a@example.com",
                      "from": "me@example.com", "subject": "Hi", "message": "Body"}
    assert c.services.outbox == [result]
    second = send(c, to=["b@example.com", "c@example.com"], cc="d@example.com",
                  reply_to="r@example.com")
    assert second["id"] == 2 and second["to"] == ["b@example.com", "c@example.com"]
    assert second["cc"] == "d@example.com" and second["reply_to"] == "r@example.com"


def test_the_api_key_is_never_stored() -> None:
    c = call()
    send(c)
    assert "secret-key" not in repr(c.services.outbox)


def test_the_result_is_a_copy() -> None:
    c = call()
    result = send(c)
    result["subject"] = "changed"
    assert c.services.outbox[0]["subject"] == "Hi"


@pytest.mark.parametrize("attrs, param", [
    ({"to": None}, "to"),
    ({"to": ""}, "to"),
    ({"to": "not-an-address"}, "to"),
    ({"to": ["a@example.com", 3]}, "to"),
    ({"from_": "nobody"}, "from"),
    ({"subject": ""}, "subject"),
    ({"cc": "x"}, "cc"),
])
def test_invalid_messages_are_input_errors(attrs: dict, param: str) -> None:
    c = call()
    with pytest.raises(XsError) as info:
        send(c, **attrs)
    assert info.value.type == "inputerror" and info.value.payload == {"param": param}
    assert c.services.outbox == []


@pytest.mark.parametrize("bad, shown", [
    ([None], "got null"),
    ({"a": 1}, 'got {"a":1}'),
    (["a@example.com", True], "got true"),
])
def test_a_bad_address_is_shown_in_xanoscript_spelling(bad: Any, shown: str) -> None:
    with pytest.raises(XsError) as info:
        send(call(), to=bad)
    assert info.value.message.endswith(shown)


def test_registered_and_runs_from_source() -> None:
    assert load_builtins().function("util.send_email").impl is util_send_email
    session = Session()
    outcome = session.run('''util.send_email {
  service_provider = "postmark"
  api_key = "k"
  to = "x@example.com"
  from = "y@example.com"
  subject = "S"
  message = "M"
} as $r''')
    assert outcome.error is None, outcome.error
    assert outcome.value["provider"] == "postmark" and outcome.value["from"] == "y@example.com"
    assert session.services.outbox[0]["to"] == "x@example.com"
