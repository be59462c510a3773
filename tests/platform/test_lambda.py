"""api.lambda and the engine behind it (xs_kernel/jsengine.py): globals in, values out,
errors with the script's line, timeouts, interrupts and the sandbox."""

from __future__ import annotations

import threading

import pytest

from xs_kernel import jsengine
from xs_kernel.session import Session


def run(session: Session, code: str):
    outcome = session.run(code)
    return outcome


def test_globals_come_in_and_the_result_comes_back_as_a_value() -> None:
    session = Session()
    session.set_root("input", {"name": "Ada"})
    session.set_root("auth", {"id": 7})
    outcome = session.run('var $items { value = [1, 2, 3] }\n'
                          'api.lambda {\n  code = """\n'
                          '    const sum = $var.items.reduce((a, b) => a + b, 0);\n'
                          '    return {sum: sum, name: $input.name, user: $auth.id,\n'
                          '            env: typeof $env, half: sum / 4, nothing: undefined};\n'
                          '    """\n} as $r')
    assert outcome.error is None, outcome.error
    assert session.variables["r"] == {"sum": 6, "name": "Ada", "user": 7, "env": "object",
                                      "half": 1.5}  # undefined members drop out, as in JSON.stringify


def test_await_and_timers_work_like_node() -> None:
    session = Session()
    outcome = session.run('api.lambda {\n  code = """\n'
                          '    const wait = ms => new Promise(r => setTimeout(r, ms));\n'
                          '    await wait(5);\n    return [await Promise.resolve(1), 2];\n'
                          '    """\n} as $r')
    assert outcome.error is None, outcome.error
    assert session.variables["r"] == [1, 2]


def test_a_javascript_exception_names_the_script_line_and_the_session_goes_on() -> None:
    session = Session()
    outcome = session.run('api.lambda {\n  code = """\n    const x = 1;\n'
                          '    throw new RangeError("too big " + x);\n    """\n} as $r')
    assert outcome.error is not None
    assert outcome.error.type == "standard"
    assert "RangeError: too big 1 (script line 2" in outcome.error.message
    assert "throw new RangeError" in outcome.error.hint
    assert outcome.error.span.line == 1  # the statement in the cell
    assert session.run("var $ok { value = 1 }").error is None


def test_a_syntax_error_in_the_script_is_an_error() -> None:
    outcome = Session().run("api.lambda { code = 'return (' } as $r")
    assert outcome.error is not None and "SyntaxError" in outcome.error.message


def test_an_infinite_loop_stops_at_the_timeout() -> None:
    session = Session()
    outcome = session.run("api.lambda {\n  code = 'while (true) {}'\n  timeout = 0.3\n} as $r")
    assert outcome.error is not None
    assert "longer than its timeout of 0.3 s" in outcome.error.message
    assert session.run("api.lambda { code = 'return 2' } as $r").error is None
    assert session.variables["r"] == 2


def test_an_interrupt_stops_a_running_script() -> None:
    session = Session()
    timer = threading.Timer(0.3, session.interrupt)
    timer.start()
    outcome = session.run("api.lambda {\n  code = 'while (true) {}'\n  timeout = 60\n} as $r")
    timer.join()
    assert outcome.error is not None and outcome.error.type == "KeyboardInterrupt"
    assert session.run("api.lambda { code = 'return 3' } as $r").error is None
    assert session.variables["r"] == 3


@pytest.mark.parametrize("code, words", [
    ("return require('fs').readFileSync('/etc/passwd', 'utf8')", "require is not defined"),
    ("return await import('fs')", "Error"),
    ("return fetch('http://127.0.0.1:6379')", "fetch is not defined"),
    ("return new XMLHttpRequest()", "XMLHttpRequest is not defined"),
    ("return process.env", "process is not defined"),
    ("return new WebSocket('ws://127.0.0.1:6379')", "WebSocket is not defined"),
    ("return Deno.readTextFileSync('/etc/passwd')", "Deno is not defined"),
])
def test_the_sandbox_cannot_read_files_open_sockets_or_see_the_process(code, words) -> None:
    outcome = Session().run(f'api.lambda {{ code = "{code}" }} as $r')
    assert outcome.error is not None, code
    assert words in outcome.error.message


@pytest.mark.parametrize("block, words", [
    ("code = 5", "must be text"),
    ("code = 'return 1'\n  timeout = -1", "timeout"),
    ("code = 'return 1'\n  timeout = \"soon\"", "timeout"),
])
def test_wrong_types_are_input_errors(block, words) -> None:
    outcome = Session().run(f"api.lambda {{\n  {block}\n}} as $r")
    assert outcome.error is not None and outcome.error.type == "inputerror"
    assert words in outcome.error.message


def test_a_result_with_no_json_form_is_an_error() -> None:
    outcome = Session().run("api.lambda { code = 'return 10n' } as $r")
    assert outcome.error is not None and "cannot be turned into JSON" in outcome.error.message


def test_a_script_cannot_break_the_wrapper_of_later_calls() -> None:
    session = Session()
    session.run("api.lambda { code = 'JSON.stringify = null; return 1' } as $r")
    assert session.run("api.lambda { code = 'return {a: 1}' } as $r").error is None
    assert session.variables["r"] == {"a": 1}


def test_runaway_memory_is_an_error_and_the_engine_recovers() -> None:
    outcome = Session().run("api.lambda {\n  code = 'const a = []; while (true) "
                            "a.push(\"x\".repeat(4096));'\n  timeout = 30\n} as $r")
    assert outcome.error is not None and "memory" in outcome.error.message
    assert jsengine.engine().run(jsengine.script_source("return 4", {}), 5) == 4
