"""Fuzzing the session: whatever a cell holds, a user sees XanoScript errors in plain words,
never a Python exception (bounded: a fixed number of derandomized examples)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xs_kernel.errors import format_error
from xs_kernel.session import Session

# Pieces real cells are made of, so the fuzzer reaches the compiler and the runtime and
# not only the parser's first error.
PIECES = [
    "var $a { value = ", "var.update $a { value = ", "}", "{", "[", "]", "(", ")", ",", ":",
    " = ", "|", "|count", "|get:", "|first", "|to_int", "|split:\",\"", "|json_decode",
    "|convert_encoding:\"UTF-8\":\"\\u0000\"", "|filter:$$ > 1", "|map:$$.x", "|add:",
    "1", "-1", "0", "2.5", "99999999999999999999", "\"text\"", "\"\"", "null", "true",
    "$a", "$a.b", "$a[0]", "$input.x", "$env.HOME", " + ", " / ", " % ", " ~ ", " == ",
    " && ", "\n", "redis.set { key = \"f\" data = ", "redis.incr { key = \"f\" by = ",
    "redis.range { key = \"f\" start = ", "debug.log { value = ", "return { value = ",
    "throw { name = \"e\" value = ", "precondition (", ") { error_type = ", "foreach (",
    ") { each as $i { ", "for (", "conditional { if (", "try_catch { try { ",
    " } catch { ", "db.query \"t\" { where = ", "table \"t\" { schema { int id\ntext ",
    "function \"f\" { input { int ", "function.run \"f\" { input = ", "util.sleep { value = ",
    "array.push $a { value = ", "math.add $a { value = ", "object.keys { value = ",
    "|convert_encoding:\"UTF-8\":\"latin1\\u0000\"", "table \"u\" { schema { int id\ntext \"\" } }",
    "api.request { url = \"http://127.0.0.1:1\" headers = [\"X-Name: \u00f6\"] } as $r\n",
]
PYTHON_TEXT = re.compile(
    r"Traceback|\b(?:Key|Type|Value|Attribute|Index|ZeroDivision|Recursion|Unicode\w*|"
    r"Overflow|Assertion|Name|Lookup|Runtime|OS|NotImplemented)Error\b|object has no attribute|"
    r"NoneType|unsupported operand|not subscriptable|internal error")


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12))
def test_no_python_exception_text_reaches_the_user(pieces: list[str]) -> None:
    session = Session()
    outcome = session.run("".join(pieces))  # must not raise
    shown = "\n".join(format_error(outcome.error)) if outcome.error else ""
    shown += "\n".join(e.text for e in outcome.events if e.kind == "warning")
    assert not PYTHON_TEXT.search(shown), shown


@pytest.mark.parametrize("cell", [
    'var $a { value = "a"|convert_encoding:"UTF-8":"latin1\\u0000" }',  # a NUL: Python's text
    'table "t" {\n  schema {\n    int id\n    text ""\n  }\n}',  # SQLAlchemy's text
    'var $n { value = ' + "9" * 5000 + ' }',  # Python's 4,300-digit limit
])
def test_cells_that_once_leaked_python_text(cell: str) -> None:
    outcome = Session().run(cell)
    assert outcome.error is not None and outcome.error.type in ("inputerror", "syntaxerror")
    assert not PYTHON_TEXT.search("\n".join(format_error(outcome.error)))
