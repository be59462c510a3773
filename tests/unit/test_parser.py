"""Statements and constructs: what must parse (valid_* tables) and the AST it gives."""

from __future__ import annotations

import pytest

from xs_kernel import nodes as n
from xs_kernel.errors import XsSyntaxError
from xs_kernel.parsing import parse


def one(text: str):
    prog = parse(text)
    assert len(prog.items) == 1, prog.items
    return prog.items[0]


# ---------------------------------------------------------------- valid tables

valid_var = [
    "var $x { value = 1 }",
    "var $x {\n  value = 1\n}",
    'var $x {\n  value = 1\n  description = "a counter"\n}',
    "var $items { value = [] }",
    "var $data { value = { key: \"value\" } }",
    "!var $x { value = 1 }",
    "var $x { value = 1 } // trailing comment",
]

valid_var_update = [
    "var.update $x { value = 2 }",
    "var.update $data.items[0].name { value = \"a\" }",
    "var.update $var.count { value = $count + 1 }",
    'var.update $obj["k"] { value = null }',
]

valid_conditional = [
    "conditional {\n  if ($a) {\n    var $x { value = 1 }\n  }\n}",
    "conditional {\n  if ($a) {\n  }\n  elseif ($b) {\n  }\n  elseif ($c) {\n  }\n  else {\n  }\n}",
    "conditional {\n  if ($a) { var $x { value = 1 } }\n  else { var $x { value = 2 } }\n}",
    "conditional {\n  if ($a) {\n  } else {\n  }\n}",
    "conditional {\n  if ($item.skip) { continue }\n  if ($item.done) { break }\n}",
]

valid_switch = [
    'switch ($s) {\n  case ("a") {\n    var $m { value = 1 }\n  } break\n  default {\n    var $m { value = 0 }\n  }\n}',
    "switch ($n) {\n  case (1) {\n  } break\n  case (2) {\n  }\n  break\n}",
    "switch ($n) {\n  case (1) {\n  }\n  case (2) {\n  } break\n}",
]

valid_loops = [
    "foreach ($input.items) {\n  each as $item {\n    debug.log { value = $item }\n  }\n}",
    "foreach ($list) {\n  each {\n    debug.log { value = 1 }\n  }\n}",
    "for (10) {\n  each as $i {\n    math.add $n { value = $i }\n  }\n}",
    "while ($n < 10) {\n  each {\n    math.add $n { value = 1 }\n  }\n}",
    "foreach ($l) {\n  each as $x {\n    conditional {\n      if ($x == 1) {\n        break\n      }\n    }\n    continue\n  }\n}",
    "foreach ($l) {\n  each as $x {\n    foreach.remove\n  }\n}",
    "foreach ((0..(($input.nums|count) - 1))) {\n  each as $i {\n  }\n}",
]

valid_try_catch = [
    "try_catch {\n  try {\n    throw { name = \"E\" value = \"m\" }\n  }\n  catch {\n    debug.log { value = $error.message }\n  }\n}",
    "try_catch {\n  try {\n  }\n  catch {\n  }\n  finally {\n  }\n}",
    "try_catch {\n  try {\n  } catch {\n  } finally {\n  }\n}",
    "try_catch {\n  try {\n  }\n  finally {\n  }\n}",
]

valid_precondition = [
    'precondition ($input.id > 0) {\n  error_type = "notfound"\n  error = "missing"\n}',
    'precondition ($x) { error_type = "notfound" error = "x" }',
    'precondition ($x) { error_type = "inputerror", error = "x", payload = { a: 1 } }',
    "precondition ($x)",
]

valid_generic = [
    "throw {\n  name = \"ValidationError\"\n  value = \"bad\"\n}",
    'throw { name = "E", value = "m" }',
    "return { value = $total }",
    "debug.log { value = \"hi\" }",
    "group {\n  description = \"setup\"\n  stack {\n    var $a { value = 1 }\n  }\n}",
    'redis.set {\n  key = "k"\n  data = 1\n  ttl = 60\n}',
    'redis.get { key = "k" } as $v',
    'redis.incr { key = "hits", by = 2 } as $n',
    'redis.keys { search = "user:*" } as $keys',
    'db.get "user" {\n  field_name = "id"\n  field_value = $input.id\n} as $user',
    "db.get user { field_name = \"id\" field_value = 1 } as $u",
    'db.query "user" {\n  where = $db.user.active == true && $db.user.role in ["a", "b"]\n  sort = { created_at: "desc" }\n  return = { type: "list" }\n} as $users',
    "array.push $list { value = 1 }",
    "array.pop $list as $last",
    "math.add $n { value = 5 }",
    "text.append $s { value = \"!\" }",
    "array.filter ($arr) if ($this > 2) as $out",
    "array.map ($arr) { by = $this.x } as $out",
    'function.run "utils/format" { input = { v: 1 } } as $r',
    "function.run format as $r",
    'api.call "users" verb=GET { input = {} } as $r',
    'api.request {\n  url = "https://x"\n  method = "POST"\n  params = $p\n  headers = [\n    "A: 1",\n    "B: " ~ $env.KEY\n  ]\n} as $resp',
    "util.get_env as $e",
    "security.create_uuid as $id",
    "db.transaction {\n  stack {\n    db.edit \"a\" { data = {} }\n  }\n}",
    "expect.to_equal ($response.total) { value = 3 }",
    "util.sleep { value = 1 }",
    "!debug.log { value = 1 }",
    "redis.get { key = \"k\" } as $v|json_decode",
    "db.del \"user\" { field_name = \"id\", field_value = 1 }",
    "stream.close",
]

valid_function = [
    'function "add" {\n  input {\n    int a\n    int b\n  }\n  stack {\n    var $r { value = $input.a + $input.b }\n  }\n  response = $r\n}',
    'function "noop" {\n  input {\n  }\n  stack {\n  }\n  response = null\n}',
    'function "noop" {\n  input {}\n  stack {}\n  response = null\n}',
    'function noop {\n  input\n  stack {\n  }\n  response = 1\n}',
    'function "t" {\n  input {\n    int n\n  }\n  stack {\n  }\n  response = $input.n\n  test "doubles" {\n    input = { n: 2 }\n    expect.to_equal ($response) { value = 2 }\n  }\n}',
    'function "g" {\n  description = "d"\n  guid = "abc"\n  stack {\n  }\n  response = 1\n}',
]

valid_constructs = [
    'query "users/{id}" verb=GET {\n  api_group = "users"\n  auth = "user"\n  input {\n    int id\n  }\n  stack {\n    db.get "user" { field_name = "id" field_value = $input.id } as $u\n  }\n  response = $u\n}',
    'query users verb=POST {\n  input { text name  email email }\n  stack {\n  }\n  response = null\n}',
    'task "nightly" {\n  active = true\n  stack {\n    debug.log { value = now }\n  }\n  schedule = [{starts_on: 2025-01-01 09:00:00+0000, freq: 86400}]\n}',
    'table "user" {\n  auth = false\n  schema {\n    int id\n    text name filters=trim\n    email? email {\n      sensitive = true\n    }\n    timestamp created_at?=now\n  }\n  index = [\n    {type: "primary", field: [{name: "id"}]}\n    {type: "btree", field: [{name: "email"}]}\n  ]\n}',
    'middleware "log" {\n  input {\n    json vars\n    enum type {\n      values = ["pre", "post"]\n    }\n  }\n  stack {\n  }\n  response = $input.vars\n}',
    'tool "lookup" {\n  description = "d"\n  input {\n    text q\n  }\n  stack {\n  }\n  response = []\n}',
    'addon "extra" {\n  input {\n    int id\n  }\n  stack {\n  }\n}',
    'workflow_test "flow" {\n  stack {\n    function.call "add" { input = { a: 1, b: 2 } } as $r\n    expect.to_equal ($r) { value = 3 }\n  }\n}',
    'run.job "nightly" {\n  main = { name: "fn", input: {} }\n}',
    'api_group "users" {\n  canonical = "users"\n}',
]

valid_inputs = [
    "input {\n  text name\n}",
    "input {\n  text? name?=\"x\" filters=trim|min:3 {\n    description = \"the name\"\n  }\n}",
    "input {\n  text[] tags\n  int[1:10] scores filters=min:0|max:100\n}",
    "input {\n  object addr {\n    schema {\n      text street\n      text? city\n    }\n  }\n}",
    "input {\n  enum status?=\"active\" {\n    values = [\"active\", \"inactive\"]\n  }\n}",
    "input {\n  text phone filters=trim|pattern:^\\+?[1-9]\\d{1,14}$\n  text hex filters=ok:0123456789abcdef\n}",
    "input {\n  int page?=1  int per_page?=25\n}",
    "input {\n  dblink {\n    table = \"user\"\n  }\n}",
    "input {\n  file? avatar\n  !text unused\n}",
]

valid_comments = [
    "// a comment\nvar $x { value = 1 }",
    "# a hash comment line\nvar $x { value = 1 }",
    "var $x {\n  // inside a block\n  value = 1 // trailing\n}",
    "var $x {\n  value = {\n    a: 1 // in an object\n    // own line in an object\n    b: 2\n  }\n}",
    'var $u { value = "https://example.com/path" }',
    "var $x {\n  value = [\n    1, // one\n    2\n  ]\n}",
]

valid_bare_expressions = [
    "$total",
    "$list|count",
    "1 + 1",
    '"hello"',
    "[1, 2, 3]|count",
    "var $a { value = 1 }\n$a",
    "$a\n$b\n[1]\n-1",
    "{a: 1}|set:\"b\":2",
]

valid_fragments = [
    "text name filters=trim|lower",
    "bool is_active?=true",
    "file? document\nfile[]? attachments",
    "response = $result",
    'stack {\n  var $a { value = 1 }\n}',
]

VALID = [
    (name, code)
    for name, table in [
        ("var", valid_var), ("var_update", valid_var_update),
        ("conditional", valid_conditional), ("switch", valid_switch), ("loops", valid_loops),
        ("try_catch", valid_try_catch), ("precondition", valid_precondition),
        ("generic", valid_generic), ("function", valid_function),
        ("constructs", valid_constructs), ("inputs", valid_inputs),
        ("comments", valid_comments), ("bare_expressions", valid_bare_expressions),
        ("fragments", valid_fragments),
    ]
    for code in table
]


@pytest.mark.parametrize("kind,code", VALID, ids=[f"{k}-{i}" for i, (k, _) in enumerate(VALID)])
def test_valid(kind, code):
    prog = parse(code)
    assert isinstance(prog, n.Program) and prog.items


# ---------------------------------------------------------------- invalid tables

invalid = [
    "var x { value = 1 }",
    "var $x { }",
    "var $x { description = \"no value\" }",
    "var $x",
    "conditional {\n}",
    "conditional {\n  elseif ($a) {\n  }\n}",
    "conditional {\n  if ($a) {\n  }\n  else if ($b) {\n  }\n}",
    "foreach ($x) {\n  var $a { value = 1 }\n}",
    "while ($x) {\n}",
    "switch ($x) {\n  break\n}",
    "try_catch {\n  catch {\n  }\n}",
    "debug.log { value: 1 }",
    "var $x { value = { a = 1 } }",
    "var $x { value = 1 };",
    "$x = 1",
    "var $x { value = math.add(1, 2) }",
    "var $x { value = $a|count > 0 }",
    "input {\n  string name\n}",
    "input {\n  var $x { value = 1 }\n}",
    "db.get \"x\" as x",
    "var $x { value = 1",
    "var $x { value = \"abc }",
    "}",
    "function \"f\" {\n  stack {\n  }\n} as $x",
    "debug.log? { value = 1 }",
]


@pytest.mark.parametrize("code", invalid)
def test_invalid(code):
    with pytest.raises(XsSyntaxError):
        parse(code)


# ---------------------------------------------------------------- AST shapes


def test_var_decl_shape():
    v = one("!var $total { value = 1 }")
    assert isinstance(v, n.VarDecl) and v.name == "total" and v.disabled
    assert v.value == n.Literal(v.value.span, 1)


def test_var_mock_attribute_is_kept():
    v = one('var $x {\n  value = 1\n  mock = { "with a mock": 2 }\n}')
    assert v.mock.entries[0].key == "with a mock"
    assert one("var $x { value = 1 }").mock is None
    assert one("var.update $x { value = 1 mock = {t: 3} }").mock.entries[0].key == "t"


def test_var_update_keeps_the_path():
    u = one('var.update $data.items[0].name { value = "a" }')
    assert isinstance(u, n.VarUpdate)
    t = u.target
    assert isinstance(t, n.Member) and t.name == "name"
    assert isinstance(t.obj, n.Index) and t.obj.index.value == 0
    assert isinstance(t.obj.obj, n.Member) and t.obj.obj.name == "items"
    assert t.obj.obj.obj.name == "data"
    assert one("var.update $var.x { value = 1 }").target.name == "x"


def test_conditional_shape():
    c = one("conditional {\n  if ($a) {\n    var $x { value = 1 }\n  }\n  elseif ($b) {\n  }\n  else {\n    break\n  }\n}")
    assert isinstance(c, n.Conditional)
    assert [b.cond.name for b in c.branches] == ["a", "b"]
    assert isinstance(c.branches[0].body[0], n.VarDecl)
    assert c.branches[1].body == ()
    assert isinstance(c.otherwise[0], n.Break)
    assert one("conditional {\n  if ($a) {\n  }\n}").otherwise is None


def test_switch_shape_and_break_placement():
    s = one('switch ($s) {\n  case ("a") {\n    var $m { value = 1 }\n  } break\n  case ("b") {\n  }\n  default {\n    var $m { value = 0 }\n  }\n}')
    assert isinstance(s, n.Switch) and s.subject.name == "s"
    assert [c.value.value for c in s.cases] == ["a", "b"]
    assert [c.has_break for c in s.cases] == [True, False]
    assert isinstance(s.default[0], n.VarDecl)


def test_loop_shapes():
    f = one("foreach ($xs) {\n  each as $x {\n    foreach.remove\n  }\n}")
    assert isinstance(f, n.Foreach) and f.item == "x" and isinstance(f.body[0], n.ForeachRemove)
    assert one("foreach ($xs) {\n  each {\n  }\n}").item is None
    loop = one("for (3) {\n  each as $i {\n    continue\n  }\n}")
    assert isinstance(loop, n.For) and loop.count.value == 3 and isinstance(loop.body[0], n.Continue)
    w = one("while ($n < 3) {\n  each {\n    break\n  }\n}")
    assert isinstance(w, n.While) and isinstance(w.cond, n.Binary) and isinstance(w.body[0], n.Break)


def test_try_catch_shape():
    t = one("try_catch {\n  try {\n    var $a { value = 1 }\n  }\n  catch {\n  }\n}")
    assert isinstance(t, n.TryCatch) and len(t.try_body) == 1
    assert t.catch_body == () and t.finally_body is None


def test_precondition_shape():
    p = one('precondition ($x != null) { error_type = "notfound" error = "gone" }')
    assert isinstance(p, n.Precondition)
    assert [(a.name, a.value.value) for a in p.items] == [("error_type", "notfound"), ("error", "gone")]


def test_generic_statement_shape():
    s = one('!redis.incr { key = "hits", by = 2 } as $n|to_int')
    assert isinstance(s, n.Statement) and s.name == "redis.incr" and s.disabled
    assert s.target is None and s.alias == "n"
    assert [a.name for a in s.items] == ["key", "by"]
    assert len(s.alias_filters) == 1 and s.alias_filters[0].name == "to_int"
    assert s.alias_filters[0].operand is None


@pytest.mark.parametrize("code,kind,value", [
    ('db.get "user" { }', n.Literal, "user"),
    ("db.get user { }", n.Literal, "user"),
    ("math.add $n { value = 1 }", n.Variable, "n"),
    ("array.push $a.list { value = 1 }", n.Member, "list"),
    ("array.map ($a|first) { by = $this }", n.FilterApply, "first"),
])
def test_statement_targets(code, kind, value):
    t = one(code).target
    assert isinstance(t, kind)
    assert getattr(t, "value", None) == value or getattr(t, "name", None) == value


def test_header_options_and_if_clause_become_attrs():
    s = one("array.filter ($arr) if ($this > 2) as $out")
    assert s.items[0].name == "if" and isinstance(s.items[0].value, n.Binary)
    q = one('api.call "users" verb=GET { input = {} } as $r')
    assert [(a.name, a.value.value if isinstance(a.value, n.Literal) else None) for a in q.items][0] == ("verb", "GET")


def test_disabled_attribute():
    s = one('debug.log {\n  value = 1\n  !value = 2\n}')
    assert [(a.name, a.disabled) for a in s.items] == [("value", False), ("value", True)]


def test_nested_blocks_inside_statements():
    g = one("group {\n  description = \"x\"\n  stack {\n    var $a { value = 1 }\n  }\n}")
    assert isinstance(g, n.Statement) and g.name == "group"
    assert isinstance(g.items[0], n.Attr)
    stack = g.items[1]
    assert isinstance(stack, n.Block) and stack.name == "stack"
    assert isinstance(stack.items[0], n.VarDecl)


def test_function_construct_shape():
    f = one('function "math/add" {\n  description = "adds"\n  input {\n    int a\n    int? b?=2\n  }\n  stack {\n    var $r { value = $input.a + $input.b }\n  }\n  response = $r\n  test "adds" {\n    input = { a: 1 }\n    expect.to_equal ($response) { value = 3 }\n  }\n}')
    assert isinstance(f, n.Construct) and f.kind == "function" and f.name == "math/add"
    inp = f.block("input")
    assert [(x.type, x.name, x.nullable, x.optional) for x in inp.items] == [
        ("int", "a", False, False), ("int", "b", True, True)]
    assert inp.items[1].default.value == 2
    assert isinstance(f.block("stack").items[0], n.VarDecl)
    assert isinstance(f.attr("response").value, n.Variable)
    test = f.block("test")
    assert test.items[0] == n.Attr(test.items[0].span, "name", test.items[0].value)
    assert test.items[0].value.value == "adds"
    assert isinstance(test.items[2], n.Statement) and test.items[2].name == "expect.to_equal"


def test_query_construct_header():
    q = one('query "users/{id}" verb=GET {\n  stack {\n  }\n  response = 1\n}')
    assert q.kind == "query" and q.name == "users/{id}"
    assert [(a.name, a.value.value) for a in q.header] == [("verb", "GET")]


def test_input_field_details():
    f = one('function "f" {\n  input {\n    text? name?="x" filters=trim|min:3|!max:5 {\n      description = "n"\n    }\n    text[] tags\n    object addr {\n      schema {\n        text street\n      }\n    }\n  }\n}')
    name, tags, addr = f.block("input").items
    assert (name.type, name.name, name.nullable, name.optional, name.is_array) == ("text", "name", True, True, False)
    assert name.default.value == "x"
    assert [(x.name, tuple(a.value for a in x.args)) for x in name.filters] == [("trim", ()), ("min", (3,))]
    assert name.items[0].name == "description"
    assert tags.is_array and tags.type == "text"
    schema = addr.items[0]
    assert isinstance(schema, n.Block) and schema.name == "schema"
    assert schema.items[0].name == "street"


def test_table_schema_is_fields():
    t = one('table "user" {\n  schema {\n    int id\n    timestamp created_at?=now\n  }\n}')
    schema = t.block("schema")
    assert [(x.type, x.name) for x in schema.items] == [("int", "id"), ("timestamp", "created_at")]
    assert isinstance(schema.items[1].default, n.Now)


def test_bare_input_is_an_empty_block():
    f = one('function "f" {\n  input\n  stack {\n  }\n}')
    assert f.block("input") == n.Block(f.block("input").span, "input", ())


def test_program_mixes_statements_and_constructs():
    prog = parse('function "f" {\n  stack {\n  }\n}\nfunction.run "f" as $r\n$r')
    kinds = [type(x).__name__ for x in prog.items]
    assert kinds == ["Construct", "Statement", "ExprStmt"]


def test_commas_newlines_and_spaces_separate_attributes():
    for code in [
        'throw {\n  name = "E"\n  value = "m"\n}',
        'throw { name = "E", value = "m" }',
        'throw { name = "E" value = "m" }',
    ]:
        assert [a.name for a in one(code).items] == ["name", "value"]


def test_empty_program():
    assert parse("").items == ()
    assert parse("// nothing\n\n").items == ()
