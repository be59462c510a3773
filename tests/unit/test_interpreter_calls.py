"""Binding statements to registry specs: parameters, targets, lazy and raw attributes,
nested stacks, mocks, and errors raised by implementations."""

from __future__ import annotations

from typing import Any

import pytest

from xs_kernel import nodes
from xs_kernel.registry import Call, Param, RawExpr, Registry, builtin, load_builtins
from xs_kernel.session import Session


@pytest.fixture(scope="module")
def registry() -> Registry:
    base = load_builtins()
    reg = Registry()
    reg.functions.update(base.functions)
    reg.filters.update(base.filters)
    seen: dict[str, Any] = {}

    @builtin("test.echo", Param("value", "any", required=True), Param("times", "int", default=1),
             rejected={"val": "value"}, registry=reg)
    def echo(call: Call, value: Any, times: int) -> Any:
        """Give VALUE back, TIMES times in an array when TIMES > 1."""
        return value if times == 1 else [value] * times

    @builtin("test.double", returns=False, target="variable", registry=reg)
    def double(call: Call) -> Any:
        """Double the variable in place."""
        return call.target * 2

    @builtin("test.take", target="variable", registry=reg)
    def take(call: Call) -> Any:
        """Remove and return the first element of the array variable."""
        return call.target.pop(0)

    @builtin("test.when", Param("if", lazy=True, required=True), target="value", registry=reg)
    def when(call: Call, if_: Any) -> Any:
        """Evaluate the condition for each element."""
        return [bool(if_(item, index=i)) for i, item in enumerate(call.target)]

    @builtin("test.raw", Param("where", raw=True, required=True), registry=reg)
    def raw(call: Call, where: RawExpr) -> Any:
        """Describe the raw expression and evaluate its right side."""
        seen["raw"] = where
        return [type(where.node).__name__, where.evaluate(where.node.right)]

    @builtin("test.twice", Param("stack", lazy=True, required=True), returns=False, registry=reg)
    def twice(call: Call, stack: Any) -> None:
        """Run the nested stack two times."""
        stack()
        stack()

    @builtin("test.crash", registry=reg)
    def crash(call: Call) -> Any:
        """Fail the way a buggy builtin would."""
        return {}["missing"]

    reg.seen = seen  # type: ignore[attr-defined]
    return reg


def run(registry: Registry, code: str):
    session = Session(registry=registry)
    outcome = session.run(code)
    return session, outcome


def test_defaults_and_coercion(registry) -> None:
    _, out = run(registry, 'test.echo { value = "x" } as $a\n'
                           'test.echo { value = "y" times = "3" } as $b')
    assert out.error is None and out.bindings == {"a": "x", "b": ["y", "y", "y"]}


def test_attribute_coercion_failure_is_an_inputerror(registry) -> None:
    _, out = run(registry, 'test.echo { value = 1 times = "many" } as $a')
    assert out.error.type == "inputerror"
    assert out.error.message == 'attribute `times` of `test.echo` must be an int, got text "many"'
    assert out.error.payload == {"param": "times"}
    assert (out.error.span.line, out.error.span.column) == (1, 31)


def test_rejected_alias_names_the_right_attribute(registry) -> None:
    _, out = run(registry, 'test.echo { val = 1 } as $a')
    assert out.error.type == "inputerror" and out.error.hint == "use `value` instead"


def test_in_place_target_writes_back(registry) -> None:
    session, out = run(registry, 'var $n { value = 21 }\ntest.double $n\n'
                                 'var $box { value = {n: 2} }\ntest.double $box.n')
    assert out.error is None and session.variables["n"] == 42
    assert session.variables["box"] == {"n": 4}


def test_in_place_target_needs_a_variable(registry) -> None:
    _, out = run(registry, 'test.double')
    assert out.error.type == "inputerror" and "needs a variable" in out.error.message


def test_target_with_result_may_change_the_array(registry) -> None:
    session, out = run(registry, 'var $q { value = [1, 2] }\ntest.take $q as $first')
    assert session.variables["q"] == [2] and session.variables["first"] == 1


def test_keyword_attribute_and_lazy_condition(registry) -> None:
    _, out = run(registry, 'test.when ([1, 5, 9]) if ($this > 2 && $index < 2) as $flags')
    assert out.value == [False, True, False]


def test_raw_attribute_receives_the_node_and_an_evaluator(registry) -> None:
    _, out = run(registry, 'var $x { value = 4 }\n'
                           'test.raw { where = $db.t.f == $x * 2 } as $r')
    assert out.error is None and out.value == ["Binary", 8]
    assert isinstance(registry.seen["raw"].node.left, nodes.Member)


def test_nested_stack_runs_in_the_callers_frame(registry) -> None:
    session, out = run(registry, 'var $n { value = 0 }\n'
                                 'test.twice {\n  stack {\n    math.add $n { value = 5 }\n  }\n}')
    assert out.error is None and session.variables["n"] == 10


def test_a_crashing_builtin_is_an_internal_error_naming_it(registry) -> None:
    _, out = run(registry, 'debug.log { value = 1 }\ntest.crash as $x')
    assert out.error.type == "standard"
    assert out.error.message.startswith("internal error in `test.crash` (KeyError): this is a "
                                        "bug in xs_kernel, not in your program")
    assert "'missing'" not in out.error.message
    assert out.error.span.line == 2 and out.error.cell == "<cell>"


def test_mock_replaces_the_result_while_its_test_runs(registry) -> None:
    session = Session(registry=registry)
    out = session.run('function "weather" {\n  input {\n    text city\n  }\n  stack {\n'
                      '    test.echo {\n      value = "live"\n'
                      '      mock = {"sunny case": "mocked"}\n    } as $w\n  }\n'
                      '  response = $w ~ " " ~ $input.city\n}')
    assert out.error is None
    fn = session.functions["weather"]
    assert session.invoke(fn, input={"city": "Oslo"}) == "live Oslo"
    assert session.invoke(fn, input={"city": "Rome"}, test_name="sunny case") == "mocked Rome"
    assert session.invoke(session.constructs[("function", "weather")],
                          input={"city": "X"}, test_name="other") == "live X"


@pytest.mark.parametrize("code, hint", [
    ('redis.get "session" as $v', "put it in the block: `redis.get { key = … }`"),
    ('if (true) {\n  debug.log { value = 1 }\n}',
     "branches live inside a conditional: conditional { if (…) { … } else { … } }"),
])
def test_misplaced_code_gets_a_hint(code: str, hint: str) -> None:
    assert Session().run(code).error.hint == hint
