"""An exported workspace (tests/fixtures/workspace, written for the project) loads and runs
on both databases: tables as Xano exports them, endpoints through api.call with their
input block, auth, headers and branch middleware, tools, tasks and a workflow test."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from xs_kernel.errors import XsError
from xs_kernel.request import Request, call_endpoint
from xs_kernel.session import Session
from xs_kernel.smoke import run_loaded
from xs_kernel.workspace import load_workspace, summary

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "workspace"


@pytest.fixture
def loaded(services):
    session = Session(services=services)
    rows = load_workspace(session, FIXTURE)
    return session, rows


def test_every_construct_loads_in_dependency_order(loaded):
    _, rows = loaded
    assert [r.reason for r in rows if r.status != "loaded"] == []
    kinds = [r.kind for r in rows]
    assert kinds[:3] == ["table", "table", "function"]
    assert summary(rows)["query"] == (5, 5)
    assert summary(rows)["addon"] == (1, 1)


def test_exported_table_shapes(loaded):
    session, _ = loaded
    schema = session.services.db.schema("shelf")
    assert [i.fields for i in schema.indexes if i.plain] == [("label",), ("created_at",)]
    assert "xdo" not in {f for i in schema.indexes for f in i.fields}
    shelf = call_endpoint(session, "POST", "shelves", {"label": " Maps "})
    assert (shelf["label"], shelf["Label"]) == ("Maps", " MAPS ")
    assert shelf["opened_on"] == time.strftime("%Y-%m-%d", time.gmtime())
    assert abs(shelf["restocked_at"] - time.time() * 1000) < 60_000


def test_endpoints_run_with_headers_and_middleware(loaded):
    session, _ = loaded
    shelf = call_endpoint(session, "POST", "shelves", {"label": "Novels"})
    request = Request()
    made = call_endpoint(session, "POST", "books",
                         {"title": "Dune", "shelf_id": shelf["id"], "price": 9},
                         request=request)
    headers = request.response_headers
    assert headers == [("X-Book", str(made["book"]["id"]))]
    assert made["label"] == "9.00 EUR"
    assert made["served_by"] == "fixture"  # the branch's post middleware merged in
    shelves = call_endpoint(session, "GET", "shelves", {})
    assert [(s["label"], s["books"]) for s in shelves] == [("Novels", 1)]
    page = call_endpoint(session, "GET", "books", {})
    assert page["itemsReceived"] == 1
    assert set(page["items"][0]) == {"id", "title"}


def test_patch_changes_only_what_was_sent(loaded):
    session, _ = loaded
    shelf = call_endpoint(session, "POST", "shelves", {"label": "Essays"})
    made = call_endpoint(session, "POST", "books",
                         {"title": "Walden", "shelf_id": shelf["id"]})["book"]
    session.run(f'db.edit book {{ field_name = "id" field_value = {made["id"]} '
                'data = {note: "kept"} }')
    with pytest.raises(XsError) as info:
        call_endpoint(session, "PATCH", f"books/{made['id']}", {"title": "x"}, auth={})
    assert info.value.type == "unauthorized"
    changed = call_endpoint(session, "PATCH", f"books/{made['id']}", {"title": "Walden II"},
                            auth={"id": 1})
    assert (changed["title"], changed["note"]) == ("Walden II", "kept")


def test_smoke_run_of_everything(loaded):
    session, rows = loaded
    ran = run_loaded(session, rows)
    assert {r.row.name: r.reason for r in ran if r.outcome != "ok"} == {}
    assert {r.row.kind for r in ran} == {"function", "query", "task", "tool", "workflow_test"}


def test_workflow_test_and_tool_run(loaded):
    session, rows = loaded
    workflow = next(r.definition for r in rows if r.kind == "workflow_test")
    session.invoke(workflow)  # raises when an expectation fails
    assert session.run('tool.call shelf_count { input = {via_api: true} } as $n').error is None
    assert session.variables["n"] == 1


def test_forms_real_exports_use(loaded):
    """Typed constants, branches without a body, a variable as a key, an aggregate query,
    a pattern with its own message and a datasource mark (`@:dbo=36`)."""
    session, _ = loaded
    with pytest.raises(XsError) as info:
        call_endpoint(session, "POST", "shelves", {"label": "<b>"})
    assert (info.value.type, info.value.message) == (
        "inputerror", "A shelf label is letters, digits and spaces")
    first = call_endpoint(session, "POST", "shelves", {"label": "Poetry"})
    second = call_endpoint(session, "POST", "shelves", {"label": "Drama 2"})
    for title, shelf, price in (("A", first, 4), ("B", first, 9), ("C", second, 6)):
        call_endpoint(session, "POST", "books",
                      {"title": title, "shelf_id": shelf["id"], "price": price})
    outcome = session.run('function.run "shop/shelf_report" as $report')
    assert outcome.error is None, outcome.error and outcome.error.message
    report = session.variables["report"]
    assert report["mode"] == "detail" and report["conditions"] == ["new", "used"]
    assert report["books"] == 3
    assert [(r["shelf_id"], r["books"], r["cheapest"], r["dearest"]) for r in report["shelf"]] \
        == [(first["id"], 2, 4, 9), (second["id"], 1, 6, 6)]


def test_sample_runs_fill_linked_inputs(services, tmp_path):
    """`dblink` inputs get the table's columns, an array input's bare default becomes an
    array, a text input named password a long enough password, a file input a stored
    sample file; an index on a deleted field is left out."""
    (tmp_path / "tables").mkdir()
    (tmp_path / "apis" / "g").mkdir(parents=True)
    (tmp_path / "tables" / "7_member.xs").write_text(
        'table member {\n  auth = true\n  schema {\n    int id\n    text name\n'
        '    password password filters=min:8\n    enum kind?=a {\n      values = ["a", "b"]\n'
        '    }\n  }\n  index = [\n    {type: "btree", field: [{name: "gone", op: "asc"}]}\n'
        '  ]\n}\n')
    (tmp_path / "apis" / "g" / "1_member_POST.xs").write_text(
        'query member verb=POST {\n  api_group = "g"\n  input {\n    dblink {\n'
        '      table = "member"\n    }\n  }\n  stack {\n    db.add member {\n'
        '      data = {name: $input.name, password: $input.password}\n    } as $m\n  }\n'
        '  response = $m\n}\n')
    (tmp_path / "apis" / "g" / "2_signup_POST.xs").write_text(
        'query signup verb=POST {\n  api_group = "g"\n  input {\n    text password?\n'
        '    enum[] kinds?=a {\n      values = ["a", "b"]\n    }\n  }\n  stack {\n'
        '    db.add member {\n      data = {name: "x", password: $input.password}\n'
        '    } as $m\n  }\n  response = $input.kinds\n}\n')
    (tmp_path / "apis" / "g" / "3_upload_POST.xs").write_text(
        'query upload verb=POST {\n  api_group = "g"\n  input {\n    file doc\n  }\n'
        '  stack {\n    storage.create_attachment {\n      value = $input.doc\n'
        '      access = "public"\n      filename = ""\n    } as $f\n  }\n'
        '  response = $f.name\n}\n')
    session = Session(services=services)
    rows = load_workspace(session, tmp_path)
    assert [r.status for r in rows] == ["loaded"] * 4
    assert [(r.outcome, r.reason) for r in run_loaded(session, rows)] == [("ok", "")] * 3
