"""db.direct_query on SQLite and PostgreSQL: bound arguments (never spliced), list/single,
the template parser, and bad SQL as a clear error that leaves the session usable."""

from __future__ import annotations

import pytest

from xs_kernel.backends.db_direct import for_driver, placeholders
from xs_kernel.services import Services
from xs_kernel.session import Session

TABLE = 'table "person" {\n  schema {\n    int id\n    text name\n    int age\n  }\n}'


@pytest.fixture
def session(services: Services) -> Session:
    s = Session(services=services)
    outcome = s.run(TABLE + '\ndb.add person { data = {name: "Ada", age: 36} }\n'
                    'db.add person { data = {name: "Bob", age: 20} }\n'
                    "db.add person { data = {name: \"O'Neil\", age: 50} }")
    assert outcome.error is None, outcome.error
    s.variables["t"] = services.db.prefix + "person"  # the physical table name
    return s


def run(session: Session, sql: str, extra: str = "") -> object:
    session.variables["sql"] = sql.replace("{t}", session.variables["t"])
    outcome = session.run(f"db.direct_query {{\n  sql = $sql\n{extra}}} as $rows")
    assert outcome.error is None, outcome.error
    return session.variables["rows"]


def test_list_with_an_array_of_arguments(session: Session) -> None:
    rows = run(session, "SELECT name, age FROM {t} WHERE age > ? AND name LIKE '%a%' "
                        "ORDER BY id", "  arg = [18]\n")
    assert rows == [{"name": "Ada", "age": 36}]


def test_single_with_one_arg_per_placeholder(session: Session) -> None:
    row = run(session, "SELECT name FROM {t} WHERE name = ? AND age = ?",
              '  arg = "Bob"\n  arg = 20\n  response_type = "single"\n')
    assert row == {"name": "Bob"}
    assert run(session, "SELECT name FROM {t} WHERE id = ?",
               '  arg = 999\n  response_type = "single"\n') is None


def test_arguments_are_bound_never_spliced(session: Session) -> None:
    evil = "x' OR '1'='1"
    session.variables["evil"] = evil
    assert run(session, "SELECT name FROM {t} WHERE name = ?", "  arg = [$evil]\n") == []
    assert run(session, "SELECT name FROM {t} WHERE name = ?", '  arg = "O\'Neil"\n') == [
        {"name": "O'Neil"}]
    # a ? inside a string literal is text, not a placeholder
    assert run(session, "SELECT '?' AS q, name FROM {t} WHERE age = ?", "  arg = 20\n") == [
        {"q": "?", "name": "Bob"}]


def test_writes_and_returning(session: Session) -> None:
    assert run(session, "UPDATE {t} SET age = age + 1 WHERE name = ?", '  arg = "Bob"\n') == []
    assert run(session, "SELECT age FROM {t} WHERE name = 'Bob'") == [{"age": 21}]


def test_the_template_parser_renders_before_binding(session: Session) -> None:
    session.set_root("input", {"min": 30})
    rows = run(session, "SELECT name FROM {t} WHERE age > {{ $input.min + 0 }} AND age < ? "
                        "ORDER BY id", '  arg = 100\n  parser = "template_engine"\n')
    assert rows == [{"name": "Ada"}, {"name": "O'Neil"}]


@pytest.mark.parametrize("sql, extra, kind, words", [
    ("SELEC name FROM {t}", "", "standard", "SQL error"),
    ("SELECT nope FROM {t}", "", "standard", "SQL error"),
    ("SELECT name FROM {t} WHERE id = ?", "", "inputerror", "1 `?` placeholder but 0"),
    ("SELECT name FROM {t}", "  arg = [1]\n", "inputerror", "0 `?` placeholders but 1"),
    ("SELECT 1", '  response_type = "many"\n', "inputerror", "response_type"),
    ("SELECT 1", '  parser = "php"\n', "inputerror", "parser"),
])
def test_bad_input_is_a_clear_error_and_the_session_goes_on(session: Session, sql: str,
                                                            extra: str, kind: str,
                                                            words: str) -> None:
    session.variables["sql"] = sql.replace("{t}", session.variables["t"])
    outcome = session.run(f"db.direct_query {{\n  sql = $sql\n{extra}}} as $rows")
    assert outcome.error is not None
    assert outcome.error.type == kind and words in outcome.error.message
    assert outcome.error.message.startswith("db.direct_query")
    assert run(session, "SELECT count(*) AS n FROM {t}") == [{"n": 3}]


def test_sql_must_be_text(session: Session) -> None:
    outcome = session.run("db.direct_query { sql = 5 } as $rows")
    assert outcome.error is not None and outcome.error.type == "inputerror"


def test_an_error_inside_a_transaction_rolls_back_to_usable_state(session: Session) -> None:
    t = session.variables["t"]
    session.variables["bad"] = f"SELEC * FROM {t}"
    outcome = session.run("try_catch {\n  try {\n    db.transaction {\n      stack {\n"
                          "        db.direct_query { sql = $bad } as $x\n      }\n    }\n"
                          "  }\n  catch {\n    var $caught { value = $error.message }\n  }\n}")
    assert outcome.error is None, outcome.error
    assert "SQL error" in session.variables["caught"]
    assert run(session, "SELECT count(*) AS n FROM {t}") == [{"n": 3}]


@pytest.mark.parametrize("sql, count", [
    ("SELECT ? , ?", 2), ("SELECT '?'", 0), ('SELECT "a?" FROM x WHERE y = ?', 1),
    ("SELECT 1 -- ?\n, ?", 1), ("SELECT /* ? */ ?", 1), ("SELECT $$?$$, ?", 1),
    ("SELECT 'it''s ?', ?", 1),
])
def test_placeholders_are_counted_outside_literals(sql: str, count: int) -> None:
    assert placeholders(sql) == count


def test_postgres_placeholders_and_percent_signs() -> None:
    assert for_driver("SELECT ? WHERE a LIKE '%x?' AND b = ?", "postgresql") == \
        "SELECT %s WHERE a LIKE '%%x?' AND b = %s"
    assert for_driver("SELECT ?", "sqlite") == "SELECT ?"
