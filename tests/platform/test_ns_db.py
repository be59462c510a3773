"""``db.*`` statements end to end through the Session (parser, interpreter, database),
on both back-ends."""

from __future__ import annotations

from typing import Any

import pytest

from xs_kernel.services import Services
from xs_kernel.session import Session

PRODUCT = '''
table "product" {
  schema {
    int id
    text name filters=trim
    text category?
    decimal price?
    int stock?=0 filters=min:0
    text[] tags?
    json meta?
  }
  index = [{type: "btree|unique", field: [{name: "name"}]}]
}
'''

SEED = '''
db.bulk.add "product" {
  items = [
    {name: "Phone", category: "tech", price: 100, tags: ["a", "featured"], meta: {color: "black"}},
    {name: "Chair", category: "home", price: 50, tags: ["b"], meta: {color: "red"}},
    {name: "Laptop", category: "tech", price: 900, tags: ["a", "x"]},
    {name: "Lamp", category: "home", tags: []}
  ]
} as $seeded
'''


@pytest.fixture
def session(services: Services) -> Session:
    s = Session(services=services)
    for code in (PRODUCT, SEED):
        outcome = s.run(code)
        assert outcome.error is None, outcome.error and outcome.error.message
    return s


def value(session: Session, code: str) -> Any:
    outcome = session.run(code)
    assert outcome.error is None, outcome.error and outcome.error.message
    return outcome.value


def error(session: Session, code: str) -> Any:
    outcome = session.run(code)
    assert outcome.error is not None, f"expected an error, got {outcome.value!r}"
    return outcome.error


def names(rows: list) -> list:
    return [r["name"] for r in rows]


def test_table_cell_creates_the_table(session: Session) -> None:
    assert "product" in session.services.db.names()
    assert len(session.variables["seeded"]) == 4


def test_add_get_has(session: Session) -> None:
    added = value(session, 'db.add "product" { data = { name: " Desk ", price: "20" } } as $d')
    assert (added["id"], added["name"], added["price"], added["stock"]) == (5, "Desk", 20.0, 0)
    assert value(session, 'db.get "product" { field_name = "name" field_value = "Desk" } as $g'
                 )["id"] == 5
    assert value(session, 'db.get product { field_value = 2 } as $g')["name"] == "Chair"
    assert value(session, 'db.has "product" { field_name = "name" field_value = "Sofa" } as $h'
                 ) is False


def test_edit_patch_add_or_edit_and_del(session: Session) -> None:
    edited = value(session, '''db.edit "product" {
  field_name = "id"
  field_value = 1
  data = { price: 120 }
} as $e''')
    assert edited["price"] == 120.0 and edited["name"] == "Phone"
    patched = value(session, '''var $changes { value = {} }
var.update $changes.stock { value = 7 }
db.patch "product" { field_value = 2 data = $changes } as $p''')
    assert patched["stock"] == 7
    upserted = value(session, '''db.add_or_edit "product" {
  field_name = "name"
  field_value = "Rug"
  data = { name: "Rug", price: 30 }
} as $u''')
    assert upserted["id"] == 5
    value(session, 'db.del "product" { field_name = "name" field_value = "Rug" }\n1')
    assert session.services.db.count("product") == 4


def test_where_with_inputs_and_null_safe_operators(session: Session) -> None:
    session.set_root("input", {"category": "tech"})
    code = '''db.query "product" {
  where = $db.product.category ==? $input.category && $db.product.price >=? $input.min_price
  sort = { price: "desc" }
} as $rows'''
    assert names(value(session, code)) == ["Laptop", "Phone"]
    session.set_root("input", {"min_price": 60})
    assert names(value(session, code)) == ["Laptop", "Phone"]
    session.set_root("input", {})
    assert len(value(session, code)) == 4


@pytest.mark.parametrize("where, expected", [
    ('$db.product.tags contains "featured"', ["Phone"]),
    ('$db.product.tags overlaps ["x", "b"]', ["Chair", "Laptop"]),
    ('$db.product.name includes "HAIR"', ["Chair"]),
    ('$db.product.name like "L%"', ["Laptop", "Lamp"]),
    ('$db.product.name ilike "l%"', ["Laptop", "Lamp"]),
    ('$db.product.name not ilike "%a%"', ["Phone"]),
    ('$db.product.id in [2, 4]', ["Chair", "Lamp"]),
    ('$db.product.id not in [2, 4]', ["Phone", "Laptop"]),
    ('$db.product.price between 40:200', ["Phone", "Chair"]),
    ('$db.product.name ~ "^La"', ["Laptop", "Lamp"]),
    ('$db.product.meta @> {color: "red"}', ["Chair"]),
    ('$db.product.price == null', ["Lamp"]),
    ('$db.product.category == "home" || $db.product.price > 500', ["Chair", "Laptop", "Lamp"]),
    ('($db.product.name|to_lower) == "phone"', ["Phone"]),
])
def test_where_operators_from_source(session: Session, where: str, expected: list) -> None:
    rows = value(session, f'db.query "product" {{\n  where = {where}\n}} as $rows')
    assert names(rows) == expected


def test_return_types_paging_and_output(session: Session) -> None:
    assert value(session, 'db.query "product" { return = {type: "count"} } as $n') == 4
    assert value(session, '''db.query "product" {
  where = $db.product.name == "Sofa"
  return = {type: "exists"}
} as $x''') is False
    single = value(session, '''db.query "product" {
  where = $db.product.category == "home"
  output = ["id", "name"]
  return = {type: "single"}
} as $one''')
    assert single == {"id": 2, "name": "Chair"}
    page = value(session, '''db.query "product" {
  sort = {name: "asc"}
  return = {type: "list", paging: {page: 2, per_page: 3, totals: true}}
} as $page''')
    assert names(page["items"]) == ["Phone"]
    assert (page["curPage"], page["prevPage"], page["nextPage"], page["itemsTotal"],
            page["pageTotal"]) == (2, 1, None, 4, 2)


def test_join_and_eval_from_source(session: Session) -> None:
    value(session, '''table "review" {
  schema {
    int id
    int product_id
    int stars
  }
}
db.bulk.add "review" { items = [{product_id: 1, stars: 5}, {product_id: 1, stars: 3},
                                {product_id: 3, stars: 4}] }
1''')
    rows = value(session, '''db.query "review" {
  join = {
    product: { table: "product", type: "inner", where: $db.review.product_id == $db.product.id }
  }
  eval = { product_name: $db.product.name }
  where = $db.product.category == "tech" && $db.review.stars >= 4
  output = ["stars", "product_name"]
} as $rows''')
    assert rows == [{"stars": 5, "product_name": "Phone"}, {"stars": 4, "product_name": "Laptop"}]


def test_transaction_rolls_back_on_error(session: Session) -> None:
    code = '''try_catch {
  try {
    db.transaction {
      stack {
        db.add "product" { data = { name: "Temp" } }
        db.edit "product" { field_value = 1 data = { stock: 99 } }
        throw { name = "Abort" value = "stop here" }
      }
    }
  }
  catch {
    var $caught { value = $error.message }
  }
}
db.get "product" { field_value = 1 } as $phone'''
    phone = value(session, code)
    assert phone["stock"] == 0 and session.variables["caught"] == "stop here"
    assert not session.services.db.has("product", "name", "Temp")
    value(session, '''db.transaction {
  stack {
    db.add "product" { data = { name: "Kept" } }
  }
}
1''')
    assert session.services.db.has("product", "name", "Kept")


@pytest.mark.parametrize("code, kind, words", [
    ('db.add "product" { data = { name: "X", stock: -1 } } as $r', "inputerror", "`stock`"),
    ('db.add "product" { data = { price: 3 } } as $r', "inputerror", "`name`"),
    ('db.add "product" { data = { name: "Phone" } } as $r', "inputerror", "duplicate"),
    ('db.add "nothing" { data = {} } as $r', "notfound", "nothing"),
    ('db.edit "product" { field_value = 99 data = {stock: 1} } as $r', "notfound", "99"),
    ('db.query "product" { where = $db.product.weight > 1 } as $r', "inputerror", "weight"),
    ('db.query "product" { return = {type: "pile"} } as $r', "inputerror", "pile"),
])
def test_errors_are_xanoscript_errors(session: Session, code: str, kind: str,
                                      words: str) -> None:
    err = error(session, code)
    assert err.type == kind and words in err.message
    assert err.span is not None and err.span.line == 1


def test_unknown_fields_are_reported_as_warnings(session: Session) -> None:
    outcome = session.run('db.add "product" { data = { name: "Mug", colour: "blue" } } as $m')
    assert outcome.error is None and "colour" not in outcome.value
    assert [e.kind for e in outcome.events] == ["warning"]
    assert "colour" in outcome.events[0].text


def test_bad_schema_is_an_input_error_at_definition() -> None:
    session = Session(services=Services(redis_url=None, db_url=None))
    outcome = session.run('table "t" {\n  schema {\n    text name filters=shout\n  }\n}')
    assert outcome.error is not None and outcome.error.type == "inputerror"
    assert "shout" in outcome.error.message


def test_return_inside_a_transaction_commits(session: Session) -> None:
    value(session, '''function "add_and_leave" {
  input {
  }
  stack {
    db.transaction {
      stack {
        db.add "product" { data = { name: "Early" } } as $early
        return { value = $early.name }
      }
    }
  }
  response = "not reached"
}
1''')
    assert value(session, 'function.run "add_and_leave" as $r') == "Early"
    assert session.services.db.has("product", "name", "Early")


def test_a_runaway_where_regex_on_sqlite_is_stopped(monkeypatch) -> None:
    # SQLite matches REGEXP in Python: with plain `re` this pattern would hang the kernel.
    from xs_kernel import patterns

    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.2)
    s = Session()
    for code in (PRODUCT, 'db.add "product" { data = {name: "' + "a" * 40 + '!"} }'):
        assert s.run(code).error is None
    err = error(s, 'db.query "product" { where = $db.product.name ~ "^(a|aa)+$" } as $hits')
    assert err.type == "standard" and "ran for more than 0.2 s and was stopped" in err.message


def test_aggregate_return_groups_and_aggregates(session: Session) -> None:
    rows = value(session, '''db.query "product" {
  return = {
    type: "aggregate"
    group: {category: $db.product.category}
    eval: {cheapest: $db.product.price|min, dearest: $db.product.price|max,
           n: $db.product.id|count, total: $db.product.price|sum,
           mean: $db.product.price|avg, kinds: $db.product.name|count_distinct}
  }
} as $agg''')
    assert rows == [{"category": "home", "cheapest": 50, "dearest": 50, "n": 2, "total": 50,
                     "mean": 50, "kinds": 2},
                    {"category": "tech", "cheapest": 100, "dearest": 900, "n": 2,
                     "total": 1000, "mean": 500, "kinds": 2}]


def test_aggregate_on_an_eval_label_sorted_and_paged(session: Session) -> None:
    page = value(session, '''db.query "product" {
  eval = {kind: $db.product.category}
  sort = {n: "desc"}
  return = {type: "aggregate", paging: {page: 1, per_page: 1, totals: true},
            group: {kind: $db.product.category}, eval: {n: $db.kind|count}}
} as $agg''')
    assert (page["itemsTotal"], page["nextPage"], len(page["items"])) == (2, 2, 1)
    assert page["items"][0]["n"] == 2
    whole = value(session, 'db.query "product" { return = {type: "aggregate", '
                           'eval: {stock: $db.stock|sum}} } as $all')
    assert whole == [{"stock": 0}]


def test_aggregate_eval_needs_an_aggregate_filter(session: Session) -> None:
    problem = error(session, 'db.query "product" { return = {type: "aggregate", '
                             'eval: {x: $db.product.price}} } as $agg')
    assert "aggregate filter" in problem.message


def test_edit_data_with_a_null_id_keeps_the_id(session: Session) -> None:
    edited = value(session, 'db.edit "product" { field_value = 2 '
                            'data = {id: null, name: "Stool"} } as $e')
    assert (edited["id"], edited["name"]) == (2, "Stool")


def test_output_naming_a_part_of_a_field_keeps_the_field(session: Session) -> None:
    rows = value(session, 'db.query "product" { where = $db.product.id == 1 '
                          'output = ["id", "meta.color", "meta.size"] } as $rows')
    assert rows == [{"id": 1, "meta": {"color": "black"}}]
