"""Forms Xano accepts and real exports use: each reads, compiles and means what Xano means."""

from __future__ import annotations

import pytest

from xs_kernel.check import check_all
from xs_kernel.session import Session


def run(code: str) -> Session:
    session = Session()
    outcome = session.run(code)
    assert outcome.error is None, outcome.error.message
    return session


def test_bare_word_defaults_are_text() -> None:
    session = run('function "f" {\n  input {\n    text mode?=incremental\n'
                  '    enum status?=pending { values = ["pending", "done"] }\n'
                  '    int page?=1 int size?=25\n  }\n  stack {}\n  response = $input\n}\n'
                  'function.run "f" as $r')
    assert session.variables["r"] == {"mode": "incremental", "status": "pending", "page": 1,
                                      "size": 25}


@pytest.mark.parametrize("declaration", ["uuid[:10]? ids?", "int[1:] n?", "text[1:5] tags?",
                                         "object[:200] x? { schema { text a } }"])
def test_array_sizes_with_only_a_maximum_or_a_minimum(declaration: str) -> None:
    assert check_all(f'function "f" {{\n  input {{\n    {declaration}\n  }}\n  stack {{}}\n}}',
                     "f.xs") == []


@pytest.mark.parametrize("code", [
    'api.request { url = "https://x" verify_host = false verify_peer = false } as $r',
    'security.jws_decode { token = "t" key = "k" check_claims = {iss: "me"} } as $c',
    'util.send_email { service_provider = "xano" subject = "s" message = "m" }',
])
def test_attributes_exports_use_are_known(code: str) -> None:
    assert [p for p in check_all(code, "a.xs") if not p.warning] == []


def test_send_email_needs_to_except_with_xanos_own_service() -> None:
    session = run('util.send_email { service_provider = "xano" subject = "s" message = "m" } as $m')
    assert session.variables["m"]["to"] is None
    outcome = Session().run('util.send_email { service_provider = "resend" subject = "s" }')
    assert outcome.error.message == "util.send_email: `to` is required"


def test_check_claims_must_match() -> None:
    encode = ('security.jws_encode { headers = {} claims = {iss: "me"} key = "k" '
              'signature_algorithm = "HS256" } as $t\n')
    session = run(encode + 'security.jws_decode { token = $t key = "k" '
                           'check_claims = {iss: "me"} } as $c')
    assert session.variables["c"]["iss"] == "me"
    outcome = Session().run(encode + 'security.jws_decode { token = $t key = "k" '
                                     'check_claims = {iss: "you"} } as $c')
    assert outcome.error.type == "accessdenied" and "`iss`" in outcome.error.message


@pytest.mark.parametrize("code, joined", [
    ('"a"|concat:"b"', "ab"), ('"a"|concat:"b":"-"', "a-b"),
    ('"a"|concat:"b":"c":"-"', "a-b-c"), ('"a"|concat:"b":"c":"d":" "', "a b c d"),
])
def test_concat_takes_one_to_four_arguments(code: str, joined: str) -> None:
    assert run(f"var $j {{ value = {code} }}").variables["j"] == joined


def test_a_wrong_filter_argument_count_warns_at_check_and_fails_when_run() -> None:
    code = 'debug.log { value = "x" }\nvar $y { value = [1]|count:1 }'
    (problem,) = check_all(code, "a.xs")
    assert problem.warning and "filter `count` takes no arguments, got 1" in problem.error.message
    outcome = Session().run(code)
    assert [e.text for e in outcome.events] == ["x"]
    assert outcome.error.message == "filter `count` takes no arguments, got 1"


def test_override_sort_wins_and_db_edit_output_projects() -> None:
    session = run('table "t" {\n  schema {\n    int id\n    text n\n    int v\n  }\n}\n'
                  'db.add t { data = {n: "b", v: 1} }\ndb.add t { data = {n: "a", v: 2} }\n'
                  'db.query "t" { sort = {n: "desc"} override_sort = {n: "asc"} '
                  'output = ["n"] } as $q\n'
                  'db.edit "t" { field_name = "id" field_value = 1 data = {v: 5} '
                  'output = ["id", "v"] } as $e')
    assert session.variables["q"] == [{"n": "a"}, {"n": "b"}]
    assert session.variables["e"] == {"id": 1, "v": 5}
