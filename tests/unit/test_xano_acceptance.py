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


# ---------------------------------------------------------------- typed constants

@pytest.mark.parametrize("written,expected", [
    ('!int "42"', 42),
    ('!decimal "2.50"', 2.5),
    ('!bool "false"', False),
    ('!bool "true"', True),
    ('!text 42', "42"),
    ('!text "[1, 2]"', "[1, 2]"),
    ('!text "[\\n  1,\\n  2\\n]"|json_decode', [1, 2]),
    ('!json "{\\"a\\": [1]}"', {"a": [1]}),
    ('!object {a: 1}', {"a": 1}),
    ('!array [1, "x"]', [1, "x"]),
    ('!timestamp "2024-01-02 00:00:00+0000"', 1704153600000),
    ('!expr "2 * 3 + 1"', 7),
    ('[!int "1", !int "2"]', [1, 2]),
])
def test_typed_constants_read_as_their_type(written: str, expected: object) -> None:
    session = run(f"var $x {{ value = {written} }}")
    assert session.variables["x"] == expected
    assert type(session.variables["x"]) is type(expected)


def test_a_bang_before_a_value_is_still_not() -> None:
    session = run('var $t { value = "x" }\nvar $x { value = !$t }\n'
                  'var $y { value = !(1 == 2) }\nvar $z { value = !true }')
    assert (session.variables["x"], session.variables["y"], session.variables["z"]) == (
        False, True, False)


# ---------------------------------------------------------------- branches with no body

CONTROLS = '''var $log { value = [] }
conditional {
  description = "pick a branch"
  if ($a == 12) {
    array.push $log { value = "twelve" }
  }

  elseif ($a > 5)
  else {
    array.push $log { value = "small" }
  }
}
switch ($a) {
  case (7) break
  case (24) {
    array.push $log { value = "24" }
  } break
  default {
    array.push $log { value = "default" }
  }
}
conditional {
  if ($a == 3)
  elseif ($a == 24) {
    array.push $log { value = "elseif" }
  }
}
'''


@pytest.mark.parametrize("a,log", [(12, ["twelve", "default"]), (7, []),
                                   (1, ["small", "default"]), (24, ["24", "elseif"]),
                                   (3, ["small", "default"])])
def test_if_elseif_and_case_without_a_body_are_no_ops(a: int, log: list) -> None:
    session = run(f"var $a {{ value = {a} }}\n" + CONTROLS)
    assert session.variables["log"] == log


def test_array_entries_may_end_with_spaces() -> None:
    session = run('var $rows { value = [\n  {a: 1}   \n  {a: 2}\t\n] }')
    assert session.variables["rows"] == [{"a": 1}, {"a": 2}]


# ---------------------------------------------------------------- variable keys

def test_a_variable_as_an_object_key_is_its_value() -> None:
    session = run('var $k { value = "color" }\nvar $n { value = 3 }\n'
                  'var $x { value = {$k: "red", $n: true, size: 2} }')
    assert session.variables["x"] == {"color": "red", "3": True, "size": 2}


def test_a_variable_key_that_is_not_text_is_an_error() -> None:
    outcome = Session().run('var $k { value = [1] }\nvar $x { value = {$k: 1} }')
    assert outcome.error is not None and outcome.error.type == "inputerror"
    assert "object key $k" in outcome.error.message


# ---------------------------------------------------------------- input filter arguments

FILTERED = '''function "f" {
  input {
    text name? filters=trim|pattern:"/^[\\\\p{L} ]{1,10}$/u":"Invalid name"
    text code? filters=pattern:"/^ab$/i"
    int shelf_id? filters=@:dbo=36
    int? other_id? filters=@:"dbo=897322"
    uuid ?token?
  }
  stack {
  }
  response = $input
}
'''


def test_pattern_with_message_and_datasource_marks() -> None:
    session = run(FILTERED)
    ok = session.run('function.run "f" { input = {name: " Zoë ", code: "AB", shelf_id: 3} }'
                     ' as $r')
    assert ok.error is None
    assert session.variables["r"] == {"name": "Zoë", "code": "AB", "shelf_id": 3}
    bad = session.run('function.run "f" { input = {name: "R2D2"} }')
    assert (bad.error.type, bad.error.message, bad.error.payload) == (
        "inputerror", "Invalid name", {"param": "name"})
    plain = session.run('function.run "f" { input = {code: "abc"} }')
    assert plain.error.message.startswith("input `code` does not match the pattern")


def test_every_new_form_checks_clean() -> None:
    code = FILTERED + 'var $x { value = {$k: !int "1"} }\n' + CONTROLS
    assert [p for p in check_all(code, "a.xs") if not p.warning] == []


# ---------------------------------------------------------------- more forms of real exports

def test_bare_text_items_of_several_words() -> None:
    session = run('var $v { value = {id: 7} }\n'
                  'var $m { value = [Shopify variant,$v.id,added to BoM]|join:" " }')
    assert session.variables["m"] == "Shopify variant 7 added to BoM"


def test_a_member_name_with_dashes() -> None:
    session = run('var $h { value = {"X-Shop-Domain": "s.example"} }\n'
                  'var $d { value = $h.X-Shop-Domain }\nvar $n { value = $h.x - 1 }')
    assert (session.variables["d"], session.variables["n"]) == ("s.example", -1)


def test_loops_may_carry_a_description() -> None:
    session = run('var $n { value = 0 }\nfor (3) {\n  description = "thrice"\n'
                  '  each as $i {\n    math.add $n { value = 1 }\n  }\n}\n'
                  'foreach ([1, 2]) {\n  description = "each"\n  each as $x {\n'
                  '    math.add $n { value = $x }\n  }\n}')
    assert session.variables["n"] == 6


def test_an_empty_precondition_fails() -> None:
    outcome = Session().run('precondition () {\n  error_type = "notfound"\n  error = "none"\n}')
    assert (outcome.error.type, outcome.error.message) == ("notfound", "none")


def test_await_gives_the_results_back() -> None:
    session = run('await {\n  ids = []|push:1|push:2\n  timeout = 10\n} as $done')
    assert session.variables["done"] == [1, 2]


@pytest.mark.parametrize("code,name", [
    ('webflow.request { path = "/x" method = "PUT" params = {} follow_location = false }',
     "webflow.request"),
    ('security.jwe_decode { token = "" key = "" check_claims = {} key_algorithm = "A256KW" '
     'content_algorithm = "A256CBC-HS512" timeDrift = 0 } as $c', "security.jwe_decode"),
    ('cloud.elasticsearch.document { auth_type = "API Key" method = "PATCH" index = "i" '
     'doc_id = 1 doc = {} } as $d', "cloud.elasticsearch.document"),
    ('cloud.elasticsearch.query { index = "i" included_fields = ["a"] } as $q',
     "cloud.elasticsearch.query"),
    ('action.call "send" { input = {} registry = {key: "k"} } as $a', "action.call"),
])
def test_cloud_only_statements_read_and_fail_clearly(code: str, name: str) -> None:
    assert [p for p in check_all(code, "a.xs") if not p.warning] == []
    outcome = Session().run(code)
    assert outcome.error.type == "unsupported" and name in outcome.error.message


def test_a_blank_enum_written_to_an_optional_column_takes_its_default() -> None:
    session = run('table t {\n  schema {\n    int id\n    enum st?=pending {\n'
                  '      values = ["pending", "done"]\n    }\n  }\n}\n'
                  'db.add t { data = {st: ""} } as $r')
    assert session.variables["r"]["st"] == "pending"
    outcome = session.run('db.add t { data = {st: "later"} } as $r')
    assert outcome.error is not None and outcome.error.type == "inputerror"


def test_a_pattern_without_flags_keeps_working() -> None:
    session = run('function "p" {\n  input {\n    text code filters=pattern:"/^[A-Z]+\\\\d+$/"\n'
                  '  }\n  stack {\n  }\n  response = $input.code\n}\n'
                  'function.run "p" { input = {code: "AB12"} } as $r')
    assert session.variables["r"] == "AB12"
