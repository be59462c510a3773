"""The three caching/queue patterns of the redis spec, end to end in one session:
session caching guarded by an accessdenied precondition, an API response cache in front of
db.query on a real table, and an email queue drained into the outbox. Written in our own
words; each runs on both database back-ends."""

from __future__ import annotations

from typing import Any

import pytest

from xs_kernel.magics.dispatch import run_cell
from xs_kernel.services import Services
from xs_kernel.session import Outcome, Session

CATALOGUE = '''
table "product" {
  schema {
    int id
    text name
    text category
    decimal price?
  }
}
db.bulk.add "product" {
  items = [
    {name: "Hammer", category: "tools", price: 12},
    {name: "Saw", category: "tools", price: 20},
    {name: "Kite", category: "toys", price: 9}
  ]
}
'''

STORE_SESSION = '''
redis.set {
  key = "sess:" ~ $login_token
  data = { user_id: $member.id, role: $member.role }
  ttl = 3600
}
'''

CHECK_SESSION = '''
redis.get { key = "sess:" ~ $input.token } as $sess
precondition ($sess != null) {
  error_type = "accessdenied"
  error = "Session expired or unknown"
}
$sess
'''

CACHED_LIST = '''
redis.get { key = "catalogue:" ~ $input.category } as $hit
conditional {
  if ($hit != null) {
    var $items { value = $hit }
    var $source { value = "cache" }
  }
  else {
    db.query "product" {
      where = $db.product.category == $input.category
      sort = { name: "asc" }
    } as $items
    redis.set {
      key = "catalogue:" ~ $input.category
      data = $items
      ttl = 120
    }
    var $source { value = "database" }
  }
}
'''

ENQUEUE = '''
redis.push {
  key = "mail:queue"
  value = { to: $member.email, subject: "Hello there", body: $greeting }
}
'''

DRAIN_ONE = '''
redis.shift { key = "mail:queue" } as $job
conditional {
  if ($job != null) {
    util.send_email {
      service_provider = "resend"
      api_key = $env.MAIL_KEY
      to = $job.to
      from = "robot@example.com"
      subject = $job.subject
      message = $job.body
    } as $sent
  }
}
'''


@pytest.fixture
def session(services: Services) -> Session:
    s = Session(services=services)
    s.set_root("env", {"MAIL_KEY": "key-not-stored"})
    s.variables.update({"login_token": "t-42", "greeting": "Welcome aboard",
                        "member": {"id": 42, "role": "editor", "email": "pat@example.com"}})
    ok(s, CATALOGUE)
    return s


def ok(session: Session, code: str) -> Outcome:
    outcome = run_cell(session, code)
    assert outcome.error is None, outcome.error and outcome.error.message
    return outcome


def test_session_caching(session: Session) -> None:
    ok(session, STORE_SESSION)
    session.set_root("input", {"token": "t-42"})
    assert ok(session, CHECK_SESSION).value == {"user_id": 42, "role": "editor"}
    ok(session, 'redis.del { key = "sess:t-42" }')
    failed = run_cell(session, CHECK_SESSION)
    assert failed.error is not None and failed.error.type == "accessdenied"
    assert failed.error.message == "Session expired or unknown"
    session.set_root("input", {"token": "nobody"})
    assert run_cell(session, CHECK_SESSION).error.type == "accessdenied"


def test_api_response_caching(session: Session) -> None:
    session.set_root("input", {"category": "tools"})
    ok(session, CACHED_LIST)
    assert session.variables["source"] == "database"
    assert [p["name"] for p in session.variables["items"]] == ["Hammer", "Saw"]
    served = session.variables["items"]
    # Change the table: the second call must still answer from redis.
    ok(session, 'db.del "product" { field_name = "name" field_value = "Saw" }')
    ok(session, CACHED_LIST)
    assert session.variables["source"] == "cache"
    assert session.variables["items"] == served
    session.set_root("input", {"category": "toys"})
    ok(session, CACHED_LIST)
    assert session.variables["source"] == "database"
    assert [p["name"] for p in session.variables["items"]] == ["Kite"]


def test_queue_processing_lands_in_the_outbox(session: Session) -> None:
    ok(session, ENQUEUE)
    ok(session, DRAIN_ONE)
    assert session.services.outbox == [{
        "id": 1, "provider": "resend", "to": "pat@example.com", "from": "robot@example.com",
        "subject": "Hello there", "message": "Welcome aboard"}]
    assert session.variables["sent"]["to"] == "pat@example.com"
    ok(session, DRAIN_ONE)  # the queue is empty now: nothing more is sent
    assert len(session.services.outbox) == 1
    shown: Any = run_cell(session, "%outbox").value
    assert [m["subject"] for m in shown] == ["Hello there"]
    assert all("key-not-stored" not in str(m) for m in shown)
