"""%db, %outbox, %call, %task and %test through the cell front end."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from xs_platform_backends import pg_url

from xs_kernel.magics.dispatch import run_cell
from xs_kernel.services import Services
from xs_kernel.session import Session

API = '''
table "user" {
  schema {
    int id
    text name
    enum role?="member" {
      values = ["member", "admin"]
    }
  }
}
query "users/{user_id}" verb=GET {
  input {
    int user_id
    bool verbose?=false
  }
  stack {
    db.get "user" { field_value = $input.user_id } as $u
    precondition ($u != null) {
      error_type = "notfound"
      error = "no such user"
    }
  }
  response = { user: $u, verbose: $input.verbose }
}
query "users/{user_id}" verb=DELETE {
  auth = "user"
  input {
    int user_id
  }
  stack {
    precondition ($auth.role == "admin") {
      error_type = "accessdenied"
      error = "admins only"
    }
    db.del "user" { field_value = $input.user_id }
  }
  response = { deleted: $input.user_id, by: $auth.id }
}
task "welcome_everyone" {
  stack {
    db.query "user" { sort = { id: "asc" } } as $everyone
    foreach ($everyone) {
      each as $person {
        util.send_email {
          to = $person.name ~ "@example.com"
          from = "team@example.com"
          subject = "Welcome " ~ $person.name
          message = "Hello"
        }
      }
    }
  }
}
db.bulk.add "user" { items = [{name: "ann", role: "admin"}, {name: "bob"}] }
'''

FUNCTION = '''
function "discount" {
  input {
    decimal price
    int percent?=10
  }
  stack {
    precondition ($input.percent <= 90) {
      error_type = "inputerror"
      error = "discount too large"
    }
    var $cut { value = $input.price * $input.percent / 100 }
  }
  response = { price: $input.price - $cut, cut: $cut }

  test "ten percent by default" {
    input = { price: 200 }
    expect.to_equal ($response.price) { value = 180 }
    expect.to_be_greater_than ($response.cut) { value = 0 }
  }
  test "wrong on purpose" {
    input = { price: 100, percent: 50 }
    expect.to_equal ($response.price) { value = 60 }
  }
  test "refuses big cuts" {
    input = { price: 100, percent: 95 }
    expect.to_throw { value = "too large" }
  }
  test "expects an error that does not come" {
    input = { price: 100 }
    expect.to_throw
  }
  test "missing input" {
    input = {}
    expect.to_be_null ($response)
  }
}
'''


@pytest.fixture
def session() -> Session:
    svc = Services(redis_url=None, db_url=None)
    svc.use_redis(None)
    svc.use_db(None)
    s = Session(services=svc)
    ok(s, API)
    return s


def ok(session: Session, cell: str) -> Any:
    outcome = run_cell(session, cell)
    assert outcome.error is None, outcome.error and outcome.error.message
    return outcome.value


def fails(session: Session, cell: str) -> Any:
    outcome = run_cell(session, cell)
    assert outcome.error is not None, f"expected an error, got {outcome.value!r}"
    return outcome.error


# ---------------------------------------------------------------- %call


@pytest.mark.parametrize("cell, expected", [
    ("%call GET users/1", {"name": "ann", "verbose": False}),
    ("%call GET /users/2?verbose=true", {"name": "bob", "verbose": True}),
    ('%call GET users/{user_id} {"user_id": 2, "verbose": "yes"}', {"name": "bob",
                                                                    "verbose": True}),
    ('%call get users/1 {\n  "verbose": 1\n}', {"name": "ann", "verbose": True}),
])
def test_call_runs_the_endpoint_with_input(session: Session, cell: str, expected: dict) -> None:
    got = ok(session, cell)
    assert got["user"]["name"] == expected["name"] and got["verbose"] is expected["verbose"]


@pytest.mark.parametrize("cell, kind, words", [
    ("%call GET users/9", "notfound", "no such user"),
    ("%call GET users/abc", "inputerror", "user_id"),
    ("%call GET orders/1", "notfound", "no endpoint GET orders/1"),
    ("%call POST users/1", "notfound", "no endpoint"),
    ("%call users/1", "inputerror", "usage"),
    ("%call GET users/1 [1]", "inputerror", "JSON object"),
    ("%call DELETE users/2", "unauthorized", "authenticated"),
    ('%call DELETE users/2 --auth {"id": 5, "role": "member"}', "accessdenied", "admins only"),
    ("%call DELETE users/2 --token nonsense", "accessdenied", "invalid token"),
])
def test_call_errors(session: Session, cell: str, kind: str, words: str) -> None:
    err = fails(session, cell)
    assert err.type == kind and words in err.message


def test_call_with_auth_option_token_or_session_auth(session: Session) -> None:
    got = ok(session, '%call DELETE users/2 --auth {"id": 1, "role": "admin"}')
    assert got == {"deleted": 2, "by": 1}
    ok(session, 'db.add "user" { data = { name: "cy" } }\n1')
    token = ok(session, 'security.create_auth_token { table = "user" id = 1 '
                        'extras = { role: "admin" } expiration = 600 } as $token')
    assert ok(session, f"%call DELETE users/3 --token {token}") == {"deleted": 3, "by": 1}
    ok(session, '%auth {"id": 8, "role": "admin"}')
    assert ok(session, "%call DELETE users/1")["by"] == 8
    assert session.services.db.count("user") == 0


# ---------------------------------------------------------------- %task and %outbox


def test_task_runs_its_stack_and_the_outbox_shows_the_mail(session: Session) -> None:
    assert run_cell(session, "%outbox").events[0].text == "the outbox is empty"
    outcome = run_cell(session, "%task welcome_everyone")
    assert outcome.error is None and outcome.events[-1].text == "task welcome_everyone finished"
    shown = ok(session, "%outbox")
    assert [(m["to"], m["subject"]) for m in shown] == [
        ("ann@example.com", "Welcome ann"), ("bob@example.com", "Welcome bob")]
    assert run_cell(session, "%outbox clear").events[0].text == "outbox cleared (2 messages)"
    assert session.services.outbox == []
    assert fails(session, "%task nope").type == "notfound"
    assert fails(session, "%outbox everything").type == "inputerror"


# ---------------------------------------------------------------- %test


def test_test_reports_passes_and_failures(session: Session) -> None:
    ok(session, FUNCTION)
    rows = ok(session, "%test discount")
    assert [(r["test"], r["result"]) for r in rows] == [
        ("ten percent by default", "pass"), ("wrong on purpose", "FAIL"),
        ("refuses big cuts", "pass"), ("expects an error that does not come", "FAIL"),
        ("missing input", "FAIL")]
    messages = {r["test"]: r["message"] for r in rows}
    assert messages["wrong on purpose"] == "expected 60, got 50"
    assert "expected an error" in messages["expects an error that does not come"]
    assert "price" in messages["missing input"]
    assert {r["construct"] for r in rows} == {"function discount"}
    assert len(ok(session, "%test")) == 5
    assert fails(session, "%test nothing_here").type == "notfound"


def test_test_uses_mocks_named_after_the_test(session: Session) -> None:
    ok(session, '''function "weather" {
  input {
    text city
  }
  stack {
    api.request {
      url = "http://127.0.0.1:1/weather"
      params = { city: $input.city }
      mock = {
        "sunny in Paris": { response: { result: "sunny" } },
        "rain in Oslo": { response: { result: "rain" } }
      }
    } as $report
  }
  response = $report.response.result

  test "sunny in Paris" {
    input = { city: "Paris" }
    expect.to_equal ($response) { value = "sunny" }
  }
  test "rain in Oslo" {
    input = { city: "Oslo" }
    expect.to_equal ($response) { value = "rain" }
  }
}''')
    rows = ok(session, "%test weather")
    assert [r["result"] for r in rows] == ["pass", "pass"]
    # Outside a test the mock does not apply: the request really goes out (and fails).
    err = fails(session, 'function.run "weather" { input = { city: "Rome" } } as $w')
    assert err.name == "NetworkError"


# ---------------------------------------------------------------- %db


def test_db_shows_the_database_and_its_tables(session: Session) -> None:
    shown = ok(session, "%db")
    assert shown["database"] == "embedded SQLite, in memory"
    assert shown["tables"] == [{"table": "user", "records": 2, "fields": "id, created_at, name, role"}]
    assert fails(session, "%db launch").type == "inputerror"


def test_db_connect_a_sqlite_file_and_back(session: Session, tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'notebook.db'}"
    shown = ok(session, f"%db connect {url}")
    assert shown["database"] == "embedded SQLite" and shown["url"].endswith("notebook.db")
    assert shown["tables"] == [{"table": "user", "records": 0, "fields": "id, created_at, name, role"}]
    ok(session, 'db.add "user" { data = { name: "dee" } }\n1')
    assert ok(session, "%db embedded")["tables"][0]["records"] == 0
    assert ok(session, f"%db connect {url}")["tables"][0]["records"] == 1


def test_db_connect_to_an_unreachable_server_keeps_the_current_database(
        session: Session) -> None:
    err = fails(session, "%db connect postgresql://nobody@127.0.0.1:1/none")
    assert err.type == "standard" and "unavailable" in err.message
    assert ok(session, "%db")["tables"][0]["records"] == 2


def test_db_connect_postgresql() -> None:
    url = pg_url()
    name = f"xs_magic_{uuid.uuid4().hex[:8]}"
    svc = Services(redis_url=None, db_url=None)
    svc.use_redis(None)
    session = Session(services=svc)
    try:
        shown = ok(session, f"%db connect {url}")
        assert shown["database"] == "PostgreSQL"
        ok(session, f'table "{name}" {{\n  schema {{\n    int id\n    text v\n  }}\n}}\n'
                    f'db.add "{name}" {{ data = {{ v: "on the server" }} }} as $row')
        assert ok(session, f'db.query "{name}" {{ return = {{type: "single"}} }} as $r'
                  )["v"] == "on the server"
        assert ok(session, "%db")["tables"] == [
            {"table": name, "records": 1, "fields": "id, created_at, v"}]
    finally:
        session.reset()  # drops the table on the server
        svc.close()


def test_workflow_tests_run_as_one_test_each(session: Session) -> None:
    ok(session, '''workflow_test "users exist" {
  stack {
    db.query "user" { return = {type: "count"} } as $n
    expect.to_equal ($n) { value = 2 }
  }
}
workflow_test "counts wrongly" {
  stack {
    db.query "user" { return = {type: "count"} } as $n
    expect.to_be_greater_than ($n) { value = 5 }
  }
}''')
    rows = ok(session, "%test")
    assert [(r["construct"], r["result"]) for r in rows] == [
        ("workflow_test users exist", "pass"), ("workflow_test counts wrongly", "FAIL")]
    assert rows[1]["message"] == "expected a value greater than 5, got 2"
    assert [r["result"] for r in ok(session, '%test "users exist"')] == ["pass"]


def test_xs_db_url_chooses_the_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    monkeypatch.setenv("XS_DB_URL", f"sqlite:///{tmp_path / 'from_env.db'}")
    svc = Services(redis_url=None)
    svc.use_redis(None)
    session = Session(services=svc)
    try:
        shown = ok(session, "%db")
        assert shown["database"] == "embedded SQLite" and shown["url"].endswith("from_env.db")
    finally:
        svc.close()
