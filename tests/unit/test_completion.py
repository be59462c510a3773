"""completion: what Tab offers and what shift-Tab shows, from a registry built for the test."""

from __future__ import annotations

import pytest

from xs_kernel.completion import complete, help_text, inspect
from xs_kernel.registry import Param, Registry, builtin, magic, xs_filter

REG = Registry()


@builtin("redis.set", Param("key", "text", required=True, doc="the key"),
         Param("data", "any", required=True), Param("ttl", "int", default=0), returns=False,
         registry=REG)
def _set(call, **kw):
    """Store DATA under KEY."""


@builtin("redis.get", Param("key", "text", required=True), registry=REG)
def _get(call, **kw):
    """Read KEY (null when missing)."""


@builtin("redis.shift", Param("key", "text", required=True), registry=REG)
def _shift(call, **kw):
    """Remove and return the first element of the list at KEY."""


@builtin("util.sleep", Param("value", "decimal", required=True), returns=False, registry=REG)
def _sleep(call, **kw):
    """Pause for VALUE seconds."""


@xs_filter("trim", registry=REG)
def _trim(value, chars=None):
    """Remove leading and trailing whitespace (or CHARS)."""


@xs_filter("to_text", registry=REG)
def _to_text(value):
    """Convert to text."""


@magic("vars", registry=REG)
def _vars(session, text):
    """List the variables."""


@magic("reset", registry=REG)
def _reset(session, text):
    """Forget everything."""


VARS = {"user": {"name": "Ann", "id": 7, "a b": 1, "tags": [{"x": 1}]}, "users": [1, 2],
        "ünï": "u"}

CASES = [
    # code (| marks the cursor, default: the end), expected matches
    ("redis.", ["redis.get", "redis.set", "redis.shift"]),
    ("redis.s", ["redis.set", "redis.shift"]),
    ("uti", ["util.sleep"]),
    ("re", ["redis.get", "redis.set", "redis.shift", "return", "response"]),
    ("redis.set {\n  ", ["key", "data", "ttl", "description", "disabled", "mock"]),
    ("redis.set {\n  key = \"a\"\n  ", ["data", "ttl", "description", "disabled", "mock"]),
    ("redis.set { key = 1, d", ["data", "description", "disabled"]),
    ("redis.set {\n  data = {\n    ", []),  # inside an object literal: free keys
    ("var $x {\n  ", ["value", "description", "disabled", "mock"]),
    ("conditional {\n  if (true) {\n    redis.g", ["redis.get"]),
    ("var $x { value = $us", ["$user", "$users"]),
    ("var $x { value = $", ["$user", "$users", "$ünï"]),
    ("var $x { value = $user.", ["name", "id", "tags"]),
    ("var $x { value = $user.n", ["name"]),
    ("var $x { value = $user.tags.0.", ["x"]),
    ("var $x { value = $users.", []),
    ("var $x { value = $nobody.", []),
    ("var $x { value = $user|", ["to_text", "trim"]),
    ("var $x { value = $user|t", ["to_text", "trim"]),
    ("var $x { value = $user|!tr", ["trim"]),
    ("var $x { value = $a || t", ["true"]),
    ("var $x { value = \"redis.", []),  # inside a string
    ("// redis.", []),  # inside a comment
    ("%", ["%reset", "%vars"]),
    ("%v", ["%vars"]),
    ("%reset\n%v", ["%vars"]),
    ("var $x { value = 1 }\n%v", []),  # a % line after code is not a magic
    ("redis.g|et", ["redis.get"]),
]


@pytest.mark.parametrize("code, expected", CASES)
def test_matches(code: str, expected: list[str]) -> None:
    pos = code.find("|") if "|et" in code else None
    text = code.replace("|et", "et") if pos is not None else code
    assert complete(text, pos, REG, VARS)["matches"] == expected


@pytest.mark.parametrize("code, start, end", [
    ("redis.s", 0, 7),
    ("x = $user.na", 10, 12),
    ("var $x { value = $us", 17, 20),
    ("var $x { value = $x|tr", 20, 22),
    ("%va", 0, 3),
])
def test_cursor_start_and_end(code: str, start: int, end: int) -> None:
    reply = complete(code, len(code), REG, VARS)
    assert (reply["cursor_start"], reply["cursor_end"]) == (start, end)
    assert reply["status"] == "ok"


def test_the_word_after_the_cursor_is_replaced_too() -> None:
    reply = complete("redis.gXt { key = 1 }", 7, REG, VARS)
    assert (reply["cursor_start"], reply["cursor_end"]) == (0, 9)


def test_positions_count_code_points_not_utf16_units() -> None:
    code = 'var $emoji { value = "😀😀" }\nvar $y { value = $us'
    reply = complete(code, len(code), REG, VARS)
    assert reply["matches"] == ["$user", "$users"]
    assert reply["cursor_start"] == code.index("$us")


def test_metadata_names_the_kind_of_each_match() -> None:
    reply = complete("redis.g", 7, REG, VARS)
    assert reply["metadata"]["_jupyter_types_experimental"] == [
        {"start": 0, "end": 7, "text": "redis.get", "type": "statement",
         "signature": "Read KEY (null when missing)."}]


@pytest.mark.parametrize("code, pos, expected", [
    ("redis.set { key = 1 }", 3, "redis.set { key = ..., data = ... }"),
    ("redis.set { key = 1 }", 11, "redis.set { key = ..., data = ... }"),
    ("redis.set { key = 1 }", 13, "redis.set attribute key: text, required - the key"),
    ("var $x { value = $u|trim }", 22, "|trim:[arg]"),
    ("%vars", 2, "%vars"),
    ("x $user.name", 9, '$user.name: text\n"Ann"'),
    ("x $users", 5, "$users: array\n0) 1\n1) 2"),
])
def test_inspect_finds_help_and_values(code: str, pos: int, expected: str) -> None:
    reply = inspect(code, pos, REG, VARS)
    assert reply["found"] is True
    assert reply["data"]["text/plain"].startswith(expected)


@pytest.mark.parametrize("code, pos", [("nothing here", 3), ("$ghost", 2), ("", 0)])
def test_inspect_reports_not_found(code: str, pos: int) -> None:
    assert inspect(code, pos, REG, VARS) == {"status": "ok", "found": False, "data": {},
                                            "metadata": {}}


def test_help_text_of_a_statement_lists_its_attributes() -> None:
    text = help_text(REG.function("redis.set"))
    assert text.splitlines()[:3] == ["redis.set { key = ..., data = ... }", "",
                                     "Store DATA under KEY."]
    assert "  ttl   int, default 0" in text
    assert help_text(REG.function("redis.get")).startswith("redis.get { key = ... } as $result")


def test_help_text_of_a_filter_and_a_magic() -> None:
    assert help_text(REG.filter("trim")).startswith("|trim:[arg]\n\nRemove leading")
    assert help_text(REG.magics["vars"]) == "%vars\n\nList the variables."


def test_language_statements_have_help_like_builtins() -> None:
    from xs_kernel.completion import inspect
    from xs_kernel.registry import load_builtins

    reply = inspect("precondition", None, load_builtins(), {})
    assert reply["found"] and "error_type" in reply["data"]["text/plain"]
