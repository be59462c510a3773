"""parameters: notebook parameters as XanoScript (papermill's cell convention), pure."""

from __future__ import annotations

import pytest

from xs_kernel import parameters as p
from xs_kernel.session import Session


@pytest.mark.parametrize("value, text", [
    (None, "null"), (True, "true"), (False, "false"), (5, "5"), (2.5, "2.5"),
    ('say "hi"\n', '"say \\"hi\\"\\n"'), ("é", '"é"'),
    ([1, None], "[1, null]"), ({"a": {"b": [True]}}, '{"a": {"b": [true]}}'),
])
def test_literal(value, text) -> None:
    assert p.literal(value) == text


@pytest.mark.parametrize("value", [float("nan"), float("inf"), {1, 2}, object()])
def test_values_without_a_literal_are_refused(value) -> None:
    with pytest.raises(ValueError):
        p.literal(value)


@pytest.mark.parametrize("name", ["1st", "a-b", "$x", "", "a b"])
def test_names_must_be_variable_names(name: str) -> None:
    with pytest.raises(ValueError, match="not a variable name"):
        p.assignment(name, "1")


def test_the_cell_source_runs_and_sets_each_variable() -> None:
    values = {"limit": 5, "name": 'Ada "A"', "tags": ["x", None], "on": False, "opts": {"k": 1.5}}
    source = p.cell_source(values)
    assert source.splitlines()[0] == "// Parameters"
    session = Session()
    outcome = session.run(source + "debug.log { value = [$limit, $name, $tags, $on, $opts] }")
    assert outcome.error is None
    assert outcome.events[-1].value == [5, 'Ada "A"', ["x", None], False, {"k": 1.5}]


@pytest.mark.parametrize("text, value", [
    ("5", 5), ("-2.5", -2.5), ("true", True), ("null", None), ('"5"', "5"), ("[1, 2]", [1, 2]),
    ("Ada", "Ada"), ("hello world", "hello world"), ("", ""),
])
def test_cli_values_are_json_when_they_parse(text: str, value) -> None:
    assert p.parse_cli_value(text) == value


@pytest.mark.parametrize("tags, where", [
    ([[], ["parameters"], []], (2, False)),                             # after the tagged cell
    ([["parameters"], ["injected-parameters"], []], (1, True)),        # replace an earlier run's
    ([[], []], (0, False)),                                             # none tagged: at the top
    ([["x", "parameters"], ["parameters"]], (1, False)),               # the first tagged cell
])
def test_injection_index(tags, where) -> None:
    assert p.injection_index(tags) == where
