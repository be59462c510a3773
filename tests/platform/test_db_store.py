"""The database back-end on SQLite and PostgreSQL: tables, writes, checks, every where
operator, sorting, paging, joins, transactions."""

from __future__ import annotations

from typing import Any

import pytest
from xs_platform_builders import PRODUCTS, field, lit, product_table, table

from xs_kernel import hashing
from xs_kernel import query as q
from xs_kernel.backends.db_store import Database, normalize_url
from xs_kernel.errors import XsError


def C(name: str, *path: str, filters: tuple = ()) -> q.Column:
    return q.Column("product", name, tuple(path), filters)


def cmp(op: str, column: q.Column, value: Any) -> q.Compare:
    return q.Compare(op, column, q.Value(value))


@pytest.fixture
def db(database: Database) -> Database:
    database.define_table(product_table())
    for row in PRODUCTS:
        database.add("product", row)
    return database


def names(rows: list[dict]) -> list[str]:
    return [r["name"] for r in rows]


# ---------------------------------------------------------------- urls


@pytest.mark.parametrize("given, expected", [
    (None, "sqlite+pysqlite:///:memory:"),
    ("embedded", "sqlite+pysqlite:///:memory:"),
    ("sqlite:///tmp/x.db", "sqlite+pysqlite:///tmp/x.db"),
    ("postgres://u@h:5432/d", "postgresql+psycopg://u@h:5432/d"),
    ("postgresql://u@h/d", "postgresql+psycopg://u@h/d"),
])
def test_normalize_url(given: Any, expected: str) -> None:
    assert normalize_url(given) == expected


@pytest.mark.parametrize("bad", ["mysql://x/y", "not a url"])
def test_normalize_url_rejects(bad: str) -> None:
    with pytest.raises(XsError) as info:
        normalize_url(bad)
    assert info.value.type == "inputerror"


def test_sqlite_file_keeps_records_between_connections(tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    first = Database(url)
    first.define_table(product_table())
    first.add("product", {"name": "Kept"})
    first.close()
    second = Database(url)
    second.define_table(product_table())
    assert names(second.query("product")) == ["Kept"]
    second.close()


# ---------------------------------------------------------------- writes and checks


def test_add_returns_record_with_id_created_at_and_defaults(database: Database) -> None:
    database.define_table(product_table())
    record, ignored = database.add("product", {"name": "  Desk ", "price": "12.5", "x": 1})
    assert record["id"] == 1 and isinstance(record["created_at"], int)
    assert record["name"] == "Desk"  # filters=trim
    assert record["price"] == 12.5 and record["stock"] == 0 and record["active"] is True
    assert record["tags"] is None and ignored == ["x"]
    second, _ = database.add("product", {"name": "Shelf"})
    assert second["id"] == 2 and list(second)[:2] == ["id", "created_at"]


@pytest.mark.parametrize("data, field_name", [
    ({"price": 1}, "name"),
    ({"name": None}, "name"),
    ({"name": ""}, "name"),
    ({"name": "A", "price": "cheap"}, "price"),
    ({"name": "A", "stock": -1}, "stock"),
    ({"name": "A", "stock": 1.5}, "stock"),
    ({"name": "A", "active": "perhaps"}, "active"),
    ({"name": "A", "tags": "one"}, "tags"),
    ({"name": "A", "released": "soon"}, "released"),
    ({"name": ["A"]}, "name"),
])
def test_add_rejects_values_that_do_not_fit_the_schema(database: Database, data: dict,
                                                       field_name: str) -> None:
    database.define_table(product_table())
    with pytest.raises(XsError) as info:
        database.add("product", data)
    assert info.value.type == "inputerror"
    assert f"`{field_name}`" in info.value.message
    assert info.value.payload == {"param": field_name}
    assert database.count("product") == 0


def test_unique_index_refuses_a_duplicate(db: Database) -> None:
    with pytest.raises(XsError) as info:
        db.add("product", {"name": "Phone"})
    assert info.value.type == "inputerror" and "duplicate" in info.value.message
    assert db.count("product") == len(PRODUCTS)


def test_unknown_table_is_notfound(database: Database) -> None:
    with pytest.raises(XsError) as info:
        database.add("nothing", {})
    assert info.value.type == "notfound"


def test_get_has_edit_and_delete(db: Database) -> None:
    assert db.get("product", "name", "Chair")["id"] == 2
    assert db.get("product", "id", "3")["name"] == "Laptop"  # text id is converted
    assert db.get("product", "name", "Sofa") is None
    assert db.get("product", "id", None) is None
    assert db.get("product", "id", 1, ["id", "name"]) == {"id": 1, "name": "Phone"}
    assert db.has("product", "category", "home") is True
    assert db.has("product", "category", "garden") is False
    edited, _ = db.edit("product", "name", "Chair", {"price": 55, "active": "yes"})
    assert (edited["price"], edited["active"], edited["category"]) == (55.0, True, "home")
    assert db.delete("product", "id", 2) is True
    assert db.delete("product", "id", 2) is False
    assert db.get("product", "id", 2) is None


def test_edit_of_a_missing_record_is_notfound(db: Database) -> None:
    with pytest.raises(XsError) as info:
        db.edit("product", "id", 99, {"price": 1})
    assert info.value.type == "notfound"


@pytest.mark.parametrize("field_name, value, shown", [
    ("id", None, "id = null"),
    ("name", "nope", 'name = "nope"'),
    ("id", 99, "id = 99"),
])
def test_missing_record_message_spells_the_value_as_xanoscript(
        db: Database, field_name: str, value: Any, shown: str) -> None:
    with pytest.raises(XsError) as info:
        db.edit("product", field_name, value, {"price": 1})
    assert info.value.message == f"no product record with {shown}"


def test_edit_checks_only_the_given_fields(db: Database) -> None:
    with pytest.raises(XsError) as info:
        db.edit("product", "id", 1, {"stock": -4})
    assert "`stock`" in info.value.message
    assert db.get("product", "id", 1)["stock"] == 5


def test_unknown_key_field_is_an_input_error(db: Database) -> None:
    with pytest.raises(XsError) as info:
        db.get("product", "colour", "red")
    assert info.value.type == "inputerror" and "colour" in info.value.message


def test_add_or_edit_updates_then_inserts(db: Database) -> None:
    updated, _ = db.add_or_edit("product", "name", "Lamp", {"price": 30})
    assert updated["id"] == 4 and updated["price"] == 30.0
    created, _ = db.add_or_edit("product", "name", "Rug", {"price": 80})
    assert created["name"] == "Rug" and created["id"] == 6


def test_explicit_id_then_automatic_ids_continue(database: Database) -> None:
    database.define_table(product_table())
    database.add("product", {"id": 40, "name": "Forty"})
    record, _ = database.add("product", {"name": "Next"})
    assert record["id"] == 41


def test_uuid_id_is_generated(database: Database) -> None:
    database.define_table(table("session", field("uuid", "id"), field("int", "user_id")))
    record, _ = database.add("session", {"user_id": 3})
    assert len(record["id"]) == 36 and record["user_id"] == 3
    assert database.get("session", "id", record["id"])["user_id"] == 3


def test_password_field_is_stored_hashed(database: Database) -> None:
    database.define_table(table("user", field("email", "email"), field("password", "password")))
    record, _ = database.add("user", {"email": "a@b.co", "password": "s3cret!"})
    assert record["password"] != "s3cret!"
    assert hashing.check_password("s3cret!", record["password"])
    again, _ = database.edit("user", "id", record["id"], {"password": record["password"]})
    assert again["password"] == record["password"]  # an existing hash is not hashed twice


def test_redefining_a_table_adds_columns_and_keeps_records(db: Database) -> None:
    wider = product_table()
    schema = wider.items[0]
    extra = field("text", "colour", optional=True)
    wider = type(wider)(wider.span, "table", "product", (),
                        (type(schema)(schema.span, "schema", (*schema.items, extra)),))
    db.define_table(wider)
    record, _ = db.edit("product", "id", 1, {"colour": "blue"})
    assert record["colour"] == "blue" and db.count("product") == len(PRODUCTS)


def test_bulk_add_update_delete_and_truncate(db: Database) -> None:
    records, _ = db.bulk_add("product", [{"name": "P1"}, {"name": "P2", "price": 2}])
    assert [r["id"] for r in records] == [6, 7]
    with pytest.raises(XsError):
        db.bulk_add("product", [{"name": "P3"}, {"name": "P3"}])
    assert db.count("product") == 7  # the failed batch left nothing behind
    assert db.bulk_update("product", cmp("eq", C("category"), "tech"), {"stock": 9}) == 3
    assert db.query("product", where=cmp("eq", C("stock"), 9), result={"type": "count"}) == 3
    assert db.bulk_delete("product", cmp("eq", C("category"), "home")) == 2
    db.truncate("product", reset=True)
    assert db.count("product") == 0


# ---------------------------------------------------------------- where operators

NOT = q.Not


@pytest.mark.parametrize("where, expected", [
    (cmp("eq", C("category"), "tech"), ["Phone", "Laptop", "Phone Case"]),
    (NOT(cmp("eq", C("category"), "tech")), ["Chair", "Lamp"]),
    (cmp("eq", C("price"), None), ["Lamp"]),
    (NOT(cmp("eq", C("price"), None)), ["Phone", "Chair", "Laptop", "Phone Case"]),
    (cmp("lt", C("price"), 50), ["Phone Case"]),
    (cmp("le", C("price"), "50"), ["Chair", "Phone Case"]),
    (cmp("gt", C("price"), 100), ["Laptop"]),
    (cmp("ge", C("price"), 100), ["Phone", "Laptop"]),
    (cmp("eq", C("active"), False), ["Chair"]),
    (cmp("in", C("name"), ["Lamp", "Chair", "Sofa"]), ["Chair", "Lamp"]),
    (cmp("in", C("name"), []), []),
    (NOT(cmp("in", C("category"), ["home"])), ["Phone", "Laptop", "Phone Case"]),
    (cmp("like", C("name"), "Ph%"), ["Phone", "Phone Case"]),
    (cmp("like", C("name"), "ph%"), []),
    (cmp("ilike", C("name"), "ph%"), ["Phone", "Phone Case"]),
    (NOT(cmp("ilike", C("name"), "%a%")), ["Phone"]),
    (cmp("between", C("price"), [15, 100]), ["Phone", "Chair", "Phone Case"]),
    (NOT(cmp("between", C("price"), [15, 100])), ["Laptop"]),
    (cmp("contains", C("tags"), "featured"), ["Phone", "Phone Case"]),
    (NOT(cmp("contains", C("tags"), "featured")), ["Chair", "Laptop", "Lamp"]),
    (cmp("contains", C("name"), "hone"), ["Phone", "Phone Case"]),
    (cmp("contains", C("name"), "HONE"), []),
    (cmp("includes", C("name"), "HONE"), ["Phone", "Phone Case"]),
    (cmp("includes", C("tags"), "x"), ["Laptop"]),
    (cmp("overlaps", C("tags"), ["x", "b"]), ["Chair", "Laptop"]),
    (NOT(cmp("overlaps", C("tags"), ["x", "b"])), ["Phone", "Lamp", "Phone Case"]),
    (cmp("overlaps", C("tags"), []), []),
    (cmp("json_contains", C("meta"), {"color": "red"}), ["Chair"]),
    (cmp("json_contains", C("meta"), {"size": {"w": 7}}), ["Phone"]),
    (cmp("json_contains", C("meta"), {"ports": [2]}), ["Laptop"]),
    (cmp("json_contains", C("tags"), ["a", "x"]), ["Laptop"]),
    (cmp("regex", C("name"), "^L"), ["Laptop", "Lamp"]),
    (NOT(cmp("regex", C("name"), "e$")), ["Chair", "Laptop", "Lamp"]),
    (cmp("search", C("name"), "case PHONE"), ["Phone Case"]),
    (cmp("eq", C("meta", "color"), "silver"), ["Laptop"]),
    (cmp("eq", C("meta", "size", "w"), 7), ["Phone"]),
    (cmp("eq", C("name", filters=(("to_lower", ()),)), "chair"), ["Chair"]),
    (cmp("gt", C("name", filters=(("strlen", ()),)), 5), ["Laptop", "Phone Case"]),
    (cmp("eq", C("price", filters=(("mul", (2,)),)), 200), ["Phone"]),
    (cmp("eq", C("price", filters=(("round", (0,)), ("div", (3,)))), 5), ["Phone Case"]),
    (cmp("gt", C("released"), "2024-01-01"), ["Phone", "Laptop"]),
    (q.Group("and", (cmp("eq", C("category"), "tech"), cmp("gt", C("price"), 50))),
     ["Phone", "Laptop"]),
    (q.Group("or", (cmp("eq", C("category"), "home"), cmp("lt", C("price"), 20))),
     ["Chair", "Lamp", "Phone Case"]),
    (q.Const(False), []),
    (q.Const(True), ["Phone", "Chair", "Laptop", "Lamp", "Phone Case"]),
])
def test_where_operator(db: Database, where: q.Condition, expected: list[str]) -> None:
    assert names(db.query("product", where=where)) == expected


def test_column_compared_with_column(db: Database) -> None:
    where = q.Compare("gt", C("price"), C("stock"))
    assert names(db.query("product", where=where)) == ["Phone", "Chair", "Laptop", "Phone Case"]


def test_where_values_are_parameters_not_sql(db: Database) -> None:
    sneaky = "x' OR '1'='1"
    assert db.query("product", where=cmp("eq", C("name"), sneaky)) == []
    assert db.query("product", where=cmp("like", C("name"), "%' ; DROP TABLE x; --")) == []
    assert db.count("product") == len(PRODUCTS)


@pytest.mark.parametrize("where, words", [
    (cmp("eq", C("nope"), 1), "no field 'nope'"),
    (cmp("eq", q.Column("other", "x"), 1), "$db.other"),
    (cmp("overlaps", C("name"), ["a"]), "needs a json or array column"),
    (cmp("eq", C("name", filters=(("sha256", ()),)), "x"), "filter 'sha256'"),
    (cmp("eq", C("name", "sub"), "x"), "only json and object fields"),
])
def test_bad_where_is_an_input_error(db: Database, where: q.Condition, words: str) -> None:
    with pytest.raises(XsError) as info:
        db.query("product", where=where)
    assert info.value.type == "inputerror" and words in info.value.message


# ---------------------------------------------------------------- sort, output, return


@pytest.mark.parametrize("sort, expected", [
    (None, ["Phone", "Chair", "Laptop", "Lamp", "Phone Case"]),
    ({"price": "desc"}, None),  # null placement differs by back-end: checked below
    ({"name": "asc"}, ["Chair", "Lamp", "Laptop", "Phone", "Phone Case"]),
    ({"product.category": "asc", "name": "desc"},
     ["Lamp", "Chair", "Phone Case", "Phone", "Laptop"]),
    ([{"field": "stock", "direction": "desc"}], ["Phone", "Chair", "Laptop", "Lamp", "Phone Case"]),
])
def test_sort(db: Database, sort: Any, expected: list[str] | None) -> None:
    got = names(db.query("product", sort=sort))
    if expected is None:
        priced = [n for n in got if n != "Lamp"]
        assert priced == ["Laptop", "Phone", "Chair", "Phone Case"]
    else:
        assert got == expected


def test_random_sort_returns_every_record(db: Database) -> None:
    got = names(db.query("product", sort={"id": "rand"}))
    assert sorted(got) == sorted(p["name"] for p in PRODUCTS)


def test_output_selects_fields(db: Database) -> None:
    rows = db.query("product", where=cmp("eq", C("name"), "Chair"), output=["name", "price"])
    assert rows == [{"name": "Chair", "price": 50.0}]
    # Xano keeps the output names of fields deleted since: they are left out
    assert db.query("product", where=cmp("eq", C("name"), "Chair"),
                    output=["name", "weight"]) == [{"name": "Chair"}]
    with pytest.raises(XsError):
        db.query("product", output=["weight"])


@pytest.mark.parametrize("result, expected", [
    ({"type": "count"}, 3),
    ({"type": "exists"}, True),
    ({"type": "single"}, "Phone"),
    ({"type": "list"}, ["Phone", "Laptop", "Phone Case"]),
])
def test_return_types(db: Database, result: dict, expected: Any) -> None:
    got = db.query("product", where=cmp("eq", C("category"), "tech"), result=result)
    if isinstance(got, dict):
        got = got["name"]
    elif isinstance(got, list):
        got = names(got)
    assert got == expected


def test_return_single_and_exists_when_nothing_matches(db: Database) -> None:
    none = cmp("eq", C("category"), "garden")
    assert db.query("product", where=none, result={"type": "single"}) is None
    assert db.query("product", where=none, result={"type": "exists"}) is False
    with pytest.raises(XsError):
        db.query("product", result={"type": "aggregate"})


@pytest.mark.parametrize("paging, meta, page_names", [
    ({"page": 1, "per_page": 2}, {"itemsReceived": 2, "curPage": 1, "nextPage": 2,
                                  "prevPage": None, "offset": 0, "perPage": 2},
     ["Phone", "Chair"]),
    ({"page": 2, "per_page": 2, "totals": True},
     {"itemsReceived": 2, "curPage": 2, "nextPage": 3, "prevPage": 1, "offset": 2, "perPage": 2,
      "itemsTotal": 5, "pageTotal": 3}, ["Laptop", "Lamp"]),
    ({"page": 3, "per_page": 2, "totals": True},
     {"itemsReceived": 1, "curPage": 3, "nextPage": None, "prevPage": 2, "offset": 4,
      "perPage": 2, "itemsTotal": 5, "pageTotal": 3}, ["Phone Case"]),
    ({"page": 9, "per_page": 2}, {"itemsReceived": 0, "curPage": 9, "nextPage": None,
                                  "prevPage": 8, "offset": 16, "perPage": 2}, []),
    ({"per_page": 4, "offset": 2}, {"itemsReceived": 3, "curPage": 1, "nextPage": None,
                                    "prevPage": None, "offset": 2, "perPage": 4},
     ["Laptop", "Lamp", "Phone Case"]),
])
def test_paging_metadata(db: Database, paging: dict, meta: dict, page_names: list) -> None:
    got = db.query("product", result={"type": "list", "paging": paging})
    assert names(got.pop("items")) == page_names
    assert got == meta


def test_paging_without_metadata_is_a_plain_list(db: Database) -> None:
    got = db.query("product", result={"paging": {"page": 2, "per_page": 3, "metadata": False}})
    assert names(got) == ["Lamp", "Phone Case"]


# ---------------------------------------------------------------- joins and evals


def test_join_with_eval_and_where_on_the_joined_table(database: Database) -> None:
    database.define_table(table("author", field("text", "name")))
    database.define_table(table("post", field("text", "title"), field("int", "author_id")))
    for name in ("Ann", "Bob"):
        database.add("author", {"name": name})
    for title, author in (("Hello", 1), ("Again", 1), ("Bob's", 2), ("Orphan", 9)):
        database.add("post", {"title": title, "author_id": author})
    on = q.Compare("eq", q.Column("post", "author_id"), q.Column("author", "id"))
    inner = [q.Join("author", "author", "inner", on)]
    evals = {"author_name": q.Column("author", "name"), "kind": q.Value("post")}
    rows = database.query("post", joins=inner, evals=evals, output=["title", "author_name", "kind"],
                          where=cmp("eq", q.Column("author", "name"), "Ann"))
    assert rows == [{"title": "Hello", "author_name": "Ann", "kind": "post"},
                    {"title": "Again", "author_name": "Ann", "kind": "post"}]
    left = [q.Join("writer", "author", "left", q.Compare(
        "eq", q.Column("post", "author_id"), q.Column("writer", "id")))]
    rows = database.query("post", joins=left, evals={"who": q.Column("writer", "name")},
                          sort={"who": "asc", "title": "asc"}, output=["title", "who"])
    assert [r["who"] for r in rows if r["title"] == "Orphan"] == [None]
    assert database.query("post", joins=inner, result={"type": "count"}) == 3


# ---------------------------------------------------------------- transactions


def test_transaction_commits_or_rolls_back_everything(db: Database) -> None:
    with db.transaction():
        db.add("product", {"name": "T1"})
        db.edit("product", "id", 1, {"stock": 1})
    assert db.count("product") == 6
    with pytest.raises(RuntimeError):
        with db.transaction():
            db.add("product", {"name": "T2"})
            db.edit("product", "id", 1, {"stock": 2})
            raise RuntimeError("boom")
    assert db.count("product") == 6 and db.get("product", "id", 1)["stock"] == 1


def test_nested_transaction_rolls_back_only_the_inner_part(db: Database) -> None:
    with db.transaction():
        db.add("product", {"name": "Outer"})
        with pytest.raises(XsError):
            with db.transaction():
                db.add("product", {"name": "Inner"})
                db.add("product", {"name": "Inner"})  # duplicate: the savepoint rolls back
    assert db.has("product", "name", "Outer") and not db.has("product", "name", "Inner")


def test_reset_drops_the_tables(database: Database) -> None:
    database.define_table(table("temp", field("text", "v", optional=True)))
    database.add("temp", {"v": "x"})
    database.reset()
    assert database.names() == []
    database.define_table(table("temp", field("text", "v", optional=True)))
    assert database.count("temp") == 0


def test_default_from_expression_literal(database: Database) -> None:
    database.define_table(table("flag", field("text", "state", optional=True, default=lit("new"))))
    assert database.add("flag", {})[0]["state"] == "new"


def test_ids_of_deleted_records_are_never_reused(db: Database) -> None:
    db.delete("product", "id", 5)
    assert db.add("product", {"name": "Fresh"})[0]["id"] == 6
    db.truncate("product")
    assert db.add("product", {"name": "After"})[0]["id"] == 7
    db.truncate("product", reset=True)
    assert db.add("product", {"name": "Restart"})[0]["id"] == 1


def test_reset_leaves_tables_it_did_not_create(database: Database, tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}" if database.embedded else database.url
    first, second = Database(url, prefix=database.prefix), Database(url, prefix=database.prefix)
    keep = table("keep", field("text", "v", optional=True))
    try:
        first.define_table(keep)
        first.add("keep", {"v": "x"})
        second.define_table(keep)  # the table is already there: second only attaches to it
        second.reset()
        assert second.names() == [] and first.count("keep") == 1
    finally:
        first.reset()
        first.close()
        second.close()


def test_a_failed_write_inside_a_transaction_does_not_poison_it(db: Database) -> None:
    with db.transaction():
        with pytest.raises(XsError):
            db.add("product", {"name": "Phone"})  # duplicate, caught inside the transaction
        db.add("product", {"name": "Still fine"})
    assert db.has("product", "name", "Still fine")
