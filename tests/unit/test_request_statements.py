"""The request context and the call statements: util.get_raw_input, util.get_input,
util.set_header, api.call, tool.call, task.call, function.call, middleware, and the input
rules of the types page."""

from __future__ import annotations

import pytest

from xs_kernel.errors import XsError
from xs_kernel.request import Request, call_endpoint
from xs_kernel.session import Session

ENDPOINT = '''
query "notes/{id}" verb=PATCH {
  api_group = "notes"
  input {
    int id
    text? title?
    text? body?
  }
  stack {
    util.get_raw_input { encoding = "json" } as $sent
    util.get_raw_input { encoding = "text" } as $text
    util.get_input as $raw
    util.set_header { value = "X-A: 1" }
    util.set_header { value = "X-A: 2" duplicates = "add" }
    util.set_header { value = "X-B: 1" }
    util.set_header { value = "X-B: 3" duplicates = "replace" }
  }
  response = {sent: $sent, text: $text, raw: $raw, id: $input.id, method: $env.$request_method}
}
'''


@pytest.fixture
def session():
    s = Session()
    assert s.run(ENDPOINT).error is None
    yield s
    s.services.close()


def run(session: Session, code: str):
    outcome = session.run(code)
    if outcome.error is not None:
        raise outcome.error
    return outcome


def test_raw_input_is_what_was_sent_not_what_the_input_block_made(session) -> None:
    request = Request()
    response = call_endpoint(session, "PATCH", "notes/7", {"title": "t", "extra": 1},
                             request=request)
    assert response["sent"] == {"id": "7", "title": "t", "extra": 1}
    assert response["raw"] == response["sent"]
    assert response["text"] == '{"id":"7","title":"t","extra":1}'
    assert response["id"] == 7
    assert response["method"] == "PATCH"
    assert request.response_headers == [("X-A", "1"), ("X-A", "2"), ("X-B", "3")]


def test_raw_input_in_a_cell_is_the_cell_input(session) -> None:
    session.set_root("input", {"a": 1})
    run(session, 'util.get_raw_input { encoding = "json" } as $r')
    assert session.variables["r"] == {"a": 1}


def test_set_header_rejects_a_line_without_a_colon(session) -> None:
    outcome = session.run('util.set_header { value = "nothing" }')
    assert outcome.error.type == "inputerror"
    assert "Name: value" in outcome.error.message
    outcome = session.run('util.set_header { value = "A: b" duplicates = "merge" }')
    assert "replace or add" in outcome.error.message


def test_api_call_fills_the_path_from_the_input(session) -> None:
    run(session, 'api.call "notes/{id}" verb=PATCH { api_group = "notes" '
                 'input = {id: 3, title: "x"} } as $r')
    assert session.variables["r"]["id"] == 3


def test_api_call_of_a_missing_endpoint_or_group(session) -> None:
    outcome = session.run('api.call "notes/1" verb=GET as $r')
    assert (outcome.error.type, outcome.error.span.line) == ("notfound", 1)
    assert "PATCH notes/{id}" in outcome.error.hint
    outcome = session.run('api.call "notes/1" verb=PATCH { api_group = "other" } as $r')
    assert "in api group 'other'" in outcome.error.message


def test_api_call_checks_auth_and_passes_the_callers(session) -> None:
    run(session, 'query who verb=GET {\n  auth = "user"\n  stack {}\n  response = $auth.id\n}')
    assert session.run('api.call who verb=GET as $w').error.type == "unauthorized"
    session.set_root("auth", {"id": 9})
    run(session, 'api.call who verb=GET as $w')
    assert session.variables["w"] == 9


def test_tool_task_function_calls(session) -> None:
    run(session, 'tool twice {\n  input { int n }\n  stack {}\n  response = $input.n * 2\n}\n'
                 'task tick {\n  stack {\n    debug.log { value = "tick" }\n  }\n}\n'
                 'function "inc" {\n  input { int n }\n  stack {}\n  response = $input.n + 1\n}')
    outcome = run(session, 'tool.call twice { input = {n: 4} } as $a\n'
                           'task.call tick as $b\n'
                           'function.call "inc" { input = {n: 1} } as $c')
    assert (session.variables["a"], session.variables["c"]) == (8, 2)
    assert [e.text for e in outcome.events] == ["tick"]
    outcome = session.run('tool.call nope as $x')
    assert outcome.error.type == "notfound" and "twice" in outcome.error.hint
    assert session.run('tool.call twice { input = 3 } as $x').error.type == "inputerror"


MIDDLEWARE = '''
middleware tag {
  input { json vars
    text type }
  stack {}
  response = {tagged: $input.type}
}
middleware broken {
  exception_policy = "%s"
  stack { throw { name = "Bad" value = "middleware failed" } }
  response = null
}
branch v1 {
  middleware = {query: {pre: ["broken"], post: ["tag"]}}
}
query ping verb=GET {
  stack {}
  response = {pong: true}
}
'''


def test_branch_middleware_runs_around_an_endpoint() -> None:
    session = Session()
    assert session.run(MIDDLEWARE % "silent").error is None
    assert call_endpoint(session, "GET", "ping") == {"pong": True, "tagged": "post"}
    assert session.run(MIDDLEWARE % "rethrow").error is None
    with pytest.raises(XsError) as info:
        call_endpoint(session, "GET", "ping")
    assert info.value.message == "middleware failed"


@pytest.mark.parametrize("decl, value, ok", [
    ("text name", "", False), ("text? name", "", False), ("text name?", "", True),
    ("text? name?", "", True), ("text? name", None, True), ("text name?", None, False),
])
def test_text_inputs_follow_the_types_page(decl: str, value, ok: bool) -> None:
    session = Session()
    run(session, f'function "f" {{\n  input {{\n    {decl}\n  }}\n  stack {{}}\n'
                 '  response = "ok"\n}')
    session.set_root("input", {"v": value})
    outcome = session.run('function.run "f" { input = {name: $input.v} } as $r')
    assert (outcome.error is None) == ok, outcome.error and outcome.error.message


def test_blank_moments_are_null_and_now_is_today() -> None:
    session = Session()
    run(session, 'table "moments_t" {\n  schema {\n    int id\n    date? day?\n'
                 '    timestamp? at?\n  }\n}\n'
                 'db.add moments_t { data = {day: "", at: ""} } as $a\n'
                 'db.add moments_t { data = {day: "now"} } as $b')
    assert (session.variables["a"]["day"], session.variables["a"]["at"]) == (None, None)
    assert len(session.variables["b"]["day"]) == 10
    session.services.db.reset()


def test_columns_differing_only_in_case_are_queried_apart() -> None:
    session = Session()
    run(session, 'table "case_t" {\n  schema {\n    int id\n    text Code?\n    text code?\n'
                 '  }\n}\n'
                 'db.add case_t { data = {Code: "A", code: "a"} }\n'
                 'db.add case_t { data = {Code: "B", code: "a"} }\n'
                 'db.query case_t { where = $db.case_t.Code == "B" } as $rows')
    assert [(r["Code"], r["code"]) for r in session.variables["rows"]] == [("B", "a")]
    session.services.db.reset()


def test_load_magic_shows_a_table(tmp_path) -> None:
    from pathlib import Path

    from xs_kernel.magics.dispatch import run_cell

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "workspace"
    session = Session()
    outcome = run_cell(session, f"%load {fixture} --run")
    assert outcome.error is None
    rows = outcome.value
    assert {r["status"] for r in rows} == {"loaded"}
    assert {r.get("run") for r in rows if r["kind"] == "query"} == {"ok"}
    assert session.run('function.run "shop/price_label" { input = {price: 2} } as $p'
                       ).error is None
    assert session.variables["p"] == "2.00 EUR"
    assert run_cell(session, "%load").error.type == "inputerror"
    session.services.db.reset()


def test_request_magic_sets_what_cells_see() -> None:
    from xs_kernel.magics.dispatch import run_cell

    session = Session()
    shown = run_cell(session, '%request PATCH notes/3 --header "X-Key: abc"\n'
                              'util.set_header { value = "X-Out: 1" }\n'
                              '[$env.$request_method, $env.$request_uri, '
                              '$env.$http_headers["X-Key"]]')
    assert shown.error is None
    assert shown.value == ["PATCH", "/notes/3", "abc"]
    state = run_cell(session, "%request").value
    assert state["response_headers"] == ["X-Out: 1"]
    assert run_cell(session, "%request FETCH x").error.type == "inputerror"
    assert run_cell(session, "%request GET x --header nocolon").error.type == "inputerror"
    run_cell(session, "%request clear")
    assert session.run("$env.$request_method").value == "POST"


def test_percent_call_runs_an_endpoint_as_a_request(session) -> None:
    from xs_kernel.magics.dispatch import run_cell

    outcome = run_cell(session, '%call PATCH notes/4 {"title": "t"}')
    assert outcome.error is None
    assert outcome.value["sent"] == {"id": "4", "title": "t"}
    assert outcome.value["method"] == "PATCH"


def test_absent_optional_fields_of_an_object_input_stay_absent() -> None:
    session = Session()
    run(session, 'function "inner" {\n  input {\n    object[] rows? {\n      schema {\n'
                 '        text[] tags? filters=trim\n      }\n    }\n  }\n  stack {}\n'
                 '  response = $input.rows\n}\n'
                 'function "outer" {\n  input {\n    object[] rows? {\n      schema {\n'
                 '        text[] tags? filters=trim\n      }\n    }\n  }\n  stack {\n'
                 '    function.run inner { input = {rows: $input.rows} } as $r\n  }\n'
                 '  response = $r\n}')
    run(session, 'function.run outer { input = {rows: [{}]} } as $out')
    assert session.variables["out"] == [{}]
