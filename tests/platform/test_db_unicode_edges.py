"""Text the two back-ends used to treat differently: a NUL character in a search value,
a backslash in a `like` pattern, lone surrogates. Both back-ends now agree, or fail with
the same inputerror where one cannot hold the text."""

from __future__ import annotations

import pytest

from xs_kernel.services import Services
from xs_kernel.session import Session

TABLE = ('table "note" {\n  schema {\n    int id\n    text body\n    json extra?\n  }\n}\n'
         'db.add note { data = {body: "a\\\\b"} }\n'
         'db.add note { data = {body: "a%b"} }\n'
         'db.add note { data = {body: "ab_"} }\n')


@pytest.fixture
def session(services: Services) -> Session:
    s = Session(services=services)
    outcome = s.run(TABLE)
    assert outcome.error is None, outcome.error
    return s


def query(session: Session, op: str, value: str):
    session.variables["v"] = value
    outcome = session.run(f"db.query note {{ where = $db.note.body {op} $v }} as $r\n$r")
    if outcome.error is not None:
        return outcome.error
    return sorted(r["body"] for r in outcome.value)


@pytest.mark.parametrize("op", ["like", "ilike"])
@pytest.mark.parametrize("pattern, found", [
    ("a\\\\b", ["a\\b"]),  # an escaped backslash is a backslash
    ("a\\%b", ["a%b"]),  # an escaped percent sign is itself
    ("%\\_", ["ab_"]),
    ("a%", ["a%b", "a\\b", "ab_"]),
    ("a\\b", []),  # \b is b: the pattern is "ab"
])
def test_like_reads_backslash_escapes_the_same_on_both(session, op, pattern, found):
    assert query(session, op, pattern) == found


@pytest.mark.parametrize("op", ["like", "ilike"])
@pytest.mark.parametrize("pattern", ["\\", "a\\", "a\\\\\\"])
def test_a_pattern_ending_in_a_lone_backslash_is_an_inputerror_on_both(session, op, pattern):
    error = query(session, op, pattern)
    assert error.type == "inputerror"
    assert "ends with a lone backslash" in error.message
    assert error.span is not None and error.span.line == 1


@pytest.mark.parametrize("op", ["like", "search", "contains", "includes", "==", "!="])
def test_a_nul_in_a_search_value_is_the_same_inputerror_on_both(session, op):
    error = query(session, op, "a\x00b")
    assert error.type == "inputerror"
    assert "NUL character" in error.message and "note.body" in error.message


@pytest.mark.parametrize("op", ["like", "search", "==", "contains"])
def test_a_lone_surrogate_in_a_search_value_is_an_inputerror_on_both(session, op):
    error = query(session, op, "x\ud800")
    assert error.type == "inputerror" and "lone surrogate" in error.message
    assert "internal error" not in error.message


def test_backslashes_and_wildcards_search_literally(session):
    assert query(session, "search", "\\") == ["a\\b"]
    assert query(session, "contains", "%") == ["a%b"]


def add(session: Session, data: dict):
    session.variables["d"] = data
    outcome = session.run("db.add note { data = $d } as $r\n"
                          'db.get note { field_name = "id" field_value = $r.id } as $g\n$g')
    return outcome.error if outcome.error is not None else outcome.value


def test_a_lone_surrogate_in_a_text_field_is_an_inputerror_on_both(session):
    error = add(session, {"body": "x\ud800y"})
    assert error.type == "inputerror" and "lone surrogate" in error.message


def test_a_surrogate_pair_round_trips(session):
    record = add(session, {"body": "\U0001F600", "extra": {"k": "\U0001F600"}})
    assert record["body"] == "\U0001F600" and record["extra"] == {"k": "\U0001F600"}


def test_a_json_field_keeps_a_lone_surrogate_exactly(session):
    # both store JSON text, where it is the escape \ud800 (PostgreSQL's json, not jsonb)
    result = add(session, {"body": "ok", "extra": {"k": "\ud800", "pair": "\U0001F600"}})
    assert result["extra"] == {"k": "\ud800", "pair": "\U0001F600"}


def test_nul_in_stored_text_round_trips_on_sqlite_and_is_an_inputerror_on_postgres(
        session, services):
    result = add(session, {"body": "a\x00b", "extra": {"k": "a\x00b"}})
    if services.db.backend == "sqlite":
        assert (result["body"], result["extra"]) == ("a\x00b", {"k": "a\x00b"})
    else:
        assert result.type == "inputerror"
        assert result.message == ("the text contains a NUL character (\\u0000), which "
                                  "PostgreSQL cannot store")
