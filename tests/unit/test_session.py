"""The Session API: run() never raises, outcomes, events, state across cells, roots,
interrupts, invoke/run_statements, and a fuzz test over broken input."""

from __future__ import annotations

import random
import threading
import time

import pytest

from xs_kernel.errors import XsError, XsInterrupt, XsSyntaxError
from xs_kernel.session import Event, Outcome, Session


@pytest.fixture
def session() -> Session:
    s = Session()
    yield s
    s.services.close()


def test_value_of_the_last_statement(session) -> None:
    assert session.run("1 + 1").value == 2
    out = session.run("var $x { value = [1] }")
    assert (out.has_value, out.value) == (True, [1])
    out = session.run("object.keys { value = {a: 1} } as $k")
    assert (out.has_value, out.value) == (True, ["a"])
    assert session.run("debug.log { value = 1 }").has_value is False
    assert session.run("").has_value is False


def test_bindings_list_what_the_cell_assigned(session) -> None:
    session.run("var $kept { value = 1 }")
    out = session.run("var $a { value = 1 }\nvar.update $kept { value = 2 }\n"
                      "for (2) {\n  each as $i {\n    var $b { value = $i }\n  }\n}")
    assert out.bindings == {"a": 1, "kept": 2, "i": 1, "b": 1}
    assert session.variables["kept"] == 2


def test_variables_and_functions_persist_until_reset(session) -> None:
    session.run('var $x { value = 5 }\nfunction "f" {\n  input {\n  }\n  stack {\n  }\n'
                '  response = 7\n}')
    out = session.run('function.run "f" as $r\n$x + $r')
    assert out.value == 12 and ("function", "f") in session.constructs
    session.reset()
    assert session.variables == {} and session.functions == {}
    out = session.run("$x")
    assert out.value is None and out.events[0].kind == "warning"


def test_events_stream_to_the_sink_as_they_happen(session) -> None:
    seen: list[Event] = []
    session.sink = seen.append
    out = session.run('debug.log { value = "a" }\ndebug.log { value = {b: [1, null]} }')
    assert [e.text for e in seen] == ["a", '{"b":[1,null]}']
    assert out.events == seen and seen[1].value == {"b": [1, None]}


def test_a_broken_sink_does_not_break_the_cell(session) -> None:
    def sink(event):
        raise ValueError("front end bug")
    session.sink = sink
    out = session.run('debug.log { value = 1 }\nvar $after { value = 2 }')
    assert out.error is None and session.variables["after"] == 2


def test_warning_events_carry_the_position(session) -> None:
    out = session.run("var $total { value = 1 }\ndebug.log { value = $totl }", "<cell 4>")
    warning = out.events[0]
    assert warning.kind == "warning"
    assert warning.text == ("<cell 4>:2:21: warning: variable `$totl` is not defined, so it "
                            "reads as null (did you mean `$total`?)")


def test_syntax_errors_are_located_in_the_cell(session) -> None:
    out = session.run("var $x {\n  value = \n}", "<cell 2>")
    assert isinstance(out.error, XsSyntaxError)
    assert out.error.cell == "<cell 2>" and out.error.source.startswith("var $x")


def test_runtime_errors_are_located(session) -> None:
    out = session.run('debug.log { value = "x" }\nvar $y { value = 1 % 0 }', "<cell 9>")
    assert out.events[0].text == "x"
    assert (out.error.type, out.error.message) == ("standard", "modulo by zero")
    assert (out.error.span.line, out.error.span.column, out.error.cell) == (2, 18, "<cell 9>")


def test_roots_can_be_set(session) -> None:
    session.set_root("input", {"q": 1})
    session.set_root("auth", {"id": 9})
    session.set_root("env", {"MODE": "dev", "$remote_ip": "10.1.1.1"})
    out = session.run("[$input.q, $auth.id, $env.MODE, $env.$remote_ip]")
    assert out.value == [1, 9, "dev", "10.1.1.1"]
    assert session.roots["input"] == {"q": 1}
    with pytest.raises(ValueError):
        session.set_root("cookies", {})


def test_a_cell_cannot_change_the_session_input(session) -> None:
    session.set_root("input", {"q": 1})
    session.run("var.update $input.q { value = 2 }")
    assert session.run("$input.q").value == 1


def test_interrupt_is_not_catchable_and_the_session_survives(session) -> None:
    def sink(event):
        if event.text == "second":
            raise KeyboardInterrupt
    session.sink = sink
    out = session.run('var $before { value = 1 }\ntry_catch {\n  try {\n'
                      '    debug.log { value = "first" }\n    debug.log { value = "second" }\n'
                      '  }\n  catch {\n    var $caught { value = true }\n  }\n}')
    assert isinstance(out.error, XsInterrupt)
    assert session.variables == {"before": 1}
    session.sink = None
    assert session.run("$before + 1").value == 2


def test_interrupt_stops_a_sleep_from_another_thread(session) -> None:
    threading.Timer(0.05, session.interrupt).start()
    started = time.monotonic()
    out = session.run("util.sleep { value = 30 }")
    assert isinstance(out.error, XsInterrupt) and time.monotonic() - started < 10


def test_debug_stop_sets_the_value_and_stopped(session) -> None:
    out = session.run('debug.stop { value = "halt" }\ndebug.log { value = 1 }')
    assert (out.stopped, out.value, out.events, out.error) == (True, "halt", [], None)


def test_is_complete_forwards_to_the_parser(session) -> None:
    assert session.is_complete("var $x { value = 1 }")[0] == "complete"
    assert session.is_complete("var $x {")[0] == "incomplete"


def test_run_statements_binds_variables(session) -> None:
    from xs_kernel.parsing import parse

    program = parse('debug.log { value = $response.total * 2 }')
    seen: list[str] = []
    session.sink = lambda e: seen.append(e.text)
    session.run_statements(program.items, {"response": {"total": 21}})
    assert seen == ["42"]
    with pytest.raises(XsError):
        session.run_statements(parse("var $x { value = 1 / 0 }").items)


def test_invoke_validates_input(session) -> None:
    session.run('function "twice" {\n  input {\n    int n\n  }\n  stack {\n  }\n'
                '  response = $input.n * 2\n}')
    assert session.invoke(session.functions["twice"], input={"n": "4"}) == 8
    with pytest.raises(XsError) as caught:
        session.invoke(session.functions["twice"], input={})
    assert caught.value.type == "inputerror"


@pytest.mark.parametrize("code", [
    "var $x { value = " + "!" * 20000 + "1 }",
    "var $x { value = " + "[" * 20000 + "1" + "]" * 20000 + " }",
])
def test_deep_nesting_gives_a_clear_error(session, code) -> None:
    out = session.run(code)
    assert out.error is not None and out.error.message == "program too deeply nested"
    assert session.run("1 + 1").value == 2


# ---------------------------------------------------------------- fuzz

TOKENS = ["var", "$x", "$y", "{", "}", "(", ")", "[", "]", "value", "=", "1", "2.5", '"t"',
          "|", "map", ":", "$$", "+", "/", "0", "~", "..", "?", "??", "&&", "\n", "as",
          "foreach", "each", "conditional", "if", "else", "for", "while", "break", "return",
          "function", "input", "stack", "response", "int", "text", "try_catch", "try",
          "catch", "throw", "debug.log", "array.push", "math.add", "null", "true", "!",
          ",", ".", "`", "'", "//", "switch", "case", "default", "precondition", "group",
          "function.run", "redis.get", "key", "util.sleep", "-", "*", "%", "==", "<"]

SEEDS = [
    'var $a { value = [1, 2, 3]|map:$$ * 2 }\nforeach ($a) {\n  each as $v {\n'
    '    debug.log { value = $v }\n  }\n}',
    'function "f" {\n  input {\n    int n?=1\n  }\n  stack {\n    var $r { value = $input.n }\n'
    '  }\n  response = $r\n}\nfunction.run "f" { input = {n: 2} } as $z',
    'try_catch {\n  try {\n    throw {\n      name = "E"\n      value = "m"\n    }\n  }\n'
    '  catch {\n    debug.log { value = $error.message }\n  }\n}',
]


def _soup(rng: random.Random) -> str:
    return " ".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 40)))


def _mutations(rng: random.Random) -> list[str]:
    out = []
    for seed in SEEDS:
        for _ in range(40):
            cut = rng.randint(0, len(seed))
            out.append(seed[:cut])
            chars = list(seed)
            for _ in range(rng.randint(1, 4)):
                chars.insert(rng.randint(0, len(chars)), rng.choice(TOKENS))
            out.append("".join(chars))
    return out


def test_fuzz_session_run_always_returns_an_outcome() -> None:
    rng = random.Random(20240229)
    session = Session()
    programs = [_soup(rng) for _ in range(300)] + _mutations(rng)
    for code in programs:
        out = session.run(code, "<fuzz>")
        assert isinstance(out, Outcome)
        if out.error is not None:
            assert isinstance(out.error, XsError)
            assert not out.error.message.startswith("internal error"), (code, out.error.message)
    session.services.close()
