"""The kernel through jupyter_client: execute, streams, results, errors, completion,
inspection, is_complete, interrupt, restart, silent runs, and jupyter console."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from jupyter_client.manager import start_new_kernel

pytestmark = pytest.mark.kernel
TIMEOUT = 30


@pytest.fixture(scope="module")
def kernel():
    km, kc = start_new_kernel(kernel_name="xanoscript")
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


@pytest.fixture
def kc(kernel):
    return kernel[1]


def collect(kc, msg_id: str, timeout: float = TIMEOUT) -> list[dict[str, Any]]:
    """The iopub messages of MSG_ID up to its idle status (busy and execute_input left out)."""
    out = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            return out
        if kind not in ("status", "execute_input"):
            out.append(msg)


def reply_to(kc, msg_id: str, timeout: float = TIMEOUT) -> dict[str, Any]:
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]


def execute(kc, code: str, **kw: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    msg_id = kc.execute(code, **kw)
    reply = reply_to(kc, msg_id)
    return reply, collect(kc, msg_id)


def kinds(outputs: list[dict[str, Any]]) -> list[str]:
    return [m["msg_type"] for m in outputs]


# -- kernel_info


def test_kernel_info_is_honest(kc) -> None:
    info = kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]
    assert info["language_info"] == {
        "name": "xanoscript", "version": "2.4.0", "mimetype": "text/x-xanoscript",
        "file_extension": ".xs", "pygments_lexer": "xanoscript", "codemirror_mode": "xanoscript"}
    assert info["supported_features"] == []  # no debugger, no subshells
    assert info["implementation"] == "xs_kernel" and "%help" in info["banner"]


# -- execute


def test_values_become_execute_results_with_tables(kc) -> None:
    reply, outputs = execute(kc, 'var $rows { value = [{id: 1, name: "<Ann>"}, {id: 2}] }\n$rows')
    assert reply["status"] == "ok"
    (result,) = outputs
    assert result["msg_type"] == "execute_result"
    assert result["content"]["execution_count"] == reply["execution_count"]
    data = result["content"]["data"]
    assert data["text/plain"] == '#  id  name\n0  1   <Ann>\n1  2'
    assert "<td>&lt;Ann&gt;</td>" in data["text/html"] and "<Ann>" not in data["text/html"]


def test_a_cell_without_a_value_has_no_result(kc) -> None:
    reply, outputs = execute(kc, 'redis.set { key = "proto:k", data = 1 }')
    assert reply["status"] == "ok" and outputs == []


def test_debug_log_goes_to_stdout_in_order(kc) -> None:
    reply, outputs = execute(kc, 'debug.log { value = "one" }\ndebug.log { value = {n: 2} }\n7')
    assert kinds(outputs) == ["stream", "stream", "execute_result"]
    assert [m["content"] for m in outputs[:2]] == [
        {"name": "stdout", "text": "one\n"}, {"name": "stdout", "text": '{"n":2}\n'}]


def test_display_magic_sends_display_data(kc) -> None:
    reply, outputs = execute(kc, "%display [1, null]\n3")
    assert kinds(outputs) == ["display_data", "execute_result"]
    assert '<span class="xs-null">null</span>' in outputs[0]["content"]["data"]["text/html"]


def test_silent_cells_publish_nothing(kc) -> None:
    reply, outputs = execute(kc, 'debug.log { value = "quiet" }\nvar $hidden { value = 5 }\n$hidden',
                             silent=True)
    assert reply["status"] == "ok" and outputs == []
    reply, outputs = execute(kc, "throw { name = \"E\", value = \"x\" }", silent=True)
    assert reply["status"] == "error" and outputs == []
    assert execute(kc, "$hidden")[1][0]["content"]["data"]["text/plain"] == "5"


def test_row_cap_is_visible_and_configurable(kc) -> None:
    execute(kc, "%config max_rows=3")
    try:
        _, outputs = execute(kc, "[1, 2, 3, 4, 5]")
        data = outputs[0]["content"]["data"]
        assert data["text/plain"].endswith("(showing 3 of 5 rows)")
        assert "showing 3 of 5 rows" in data["text/html"]
    finally:
        execute(kc, "%config max_rows=50")


def test_vars_magic_lists_variables(kc) -> None:
    execute(kc, 'var $listed { value = "yes" }')
    _, outputs = execute(kc, "%vars")
    assert "<td>$listed</td><td>text</td><td>yes</td>" in outputs[0]["content"]["data"]["text/html"]


def test_xanoscript_cell_time_and_a_magic_before_code_show_every_output(kc) -> None:
    reply, outputs = execute(kc, "%%time\n%redis\nvar $timed { value = 4 }\n$timed")
    assert reply["status"] == "ok"
    # the time is streamed when the cell ends; the value comes with the reply, as in IPython
    assert kinds(outputs) == ["display_data", "stream", "execute_result"]
    assert '"embedded"' in outputs[0]["content"]["data"]["text/plain"]
    assert outputs[1]["content"]["name"] == "stderr"
    assert outputs[1]["content"]["text"].startswith("time: ")
    assert outputs[2]["content"]["data"]["text/plain"] == "4"


def test_xanoscript_redis_keys_shows_its_page_and_a_dash_for_no_expiry(kc) -> None:
    execute(kc, 'redis.set { key = "kk:1" data = 1 }\nredis.set { key = "kk:2" data = 2 }')
    try:
        _, outputs = execute(kc, "%redis keys kk:* --limit 1")
        assert kinds(outputs) == ["stream", "execute_result"]
        assert outputs[0]["content"]["text"].startswith("page 1 of 2, keys 1–1 of 2")
        assert "<td>—</td>" in outputs[1]["content"]["data"]["text/html"]
    finally:
        execute(kc, "%redis del kk:* --yes")


def test_xanoscript_a_magic_below_the_code_is_an_error_with_a_caret(kc) -> None:
    reply, outputs = execute(kc, "var $late { value = 1 }\n%vars")
    assert reply["status"] == "error" and reply["ename"] == "inputerror"
    assert "magics go at the top of a cell" in reply["evalue"]
    assert any("^^^^^" in line for line in reply["traceback"])


# -- errors


def test_errors_are_an_iopub_error_and_an_error_reply(kc) -> None:
    reply, outputs = execute(kc, 'var $ok { value = 1 }\nprecondition ($ok == 2) {\n  error_type = "notfound"\n  error = "no such thing"\n}')
    assert (reply["status"], reply["ename"], reply["evalue"]) == ("error", "notfound", "no such thing")
    (error,) = outputs
    assert error["msg_type"] == "error"
    assert {k: error["content"][k] for k in ("ename", "evalue", "traceback")} == \
        {k: reply[k] for k in ("ename", "evalue", "traceback")}
    tb = reply["traceback"]
    assert tb[0] == "notfound: no such thing"
    assert re.match(r"  at <cell \d+>, line 2, column 1$", tb[1])
    assert tb[2] == "   2 | precondition ($ok == 2) {" and tb[3].strip().startswith("^")


def test_syntax_errors_have_the_same_shape(kc) -> None:
    reply, outputs = execute(kc, "var $b { value = 1 +* 2 }")
    assert (reply["ename"], kinds(outputs)) == ("syntaxerror", ["error"])
    assert reply["traceback"][2:] == ["   1 | var $b { value = 1 +* 2 }",
                                      "                           ^"]


def test_an_error_aborts_the_queued_cells(kc) -> None:
    execute(kc, "var $before_error { value = 1 }")
    first = kc.execute('throw { name = "E", value = "stop here" }')
    second = kc.execute('var $after_error { value = 1 }')
    assert reply_to(kc, first)["status"] == "error"
    assert reply_to(kc, second)["status"] == "aborted"
    collect(kc, first)
    collect(kc, second)
    reply, outputs = execute(kc, "%vars")
    assert reply["status"] == "ok" and "$before_error" in str(outputs)
    assert "after_error" not in str(outputs)


# -- completion, inspection, is_complete


def test_completion_offers_every_redis_statement(kc) -> None:
    from xs_kernel.registry import load_builtins as default_registry

    expected = [s.name for s in default_registry().namespace("redis.")]
    reply = kc.complete("redis.", 6, reply=True, timeout=TIMEOUT)["content"]
    assert reply["matches"] == expected and reply["cursor_start"] == 0


def test_completion_sees_live_variables_and_their_keys(kc) -> None:
    execute(kc, 'var $customer { value = {name: "Ann", id: 7} }')
    code = 'var $emoji { value = "😀" }\nvar $y { value = $customer.'
    reply = kc.complete(code, len(code), reply=True, timeout=TIMEOUT)["content"]
    assert reply["matches"] == ["name", "id"]
    assert reply["cursor_start"] == len(code)  # code points: the emoji counts as one


def test_inspection_of_a_statement_and_a_variable(kc) -> None:
    reply = kc.inspect("redis.set", 4, reply=True, timeout=TIMEOUT)["content"]
    assert reply["found"] and reply["data"]["text/plain"].startswith("redis.set {")
    execute(kc, 'var $pet { value = {kind: "cat"} }')
    reply = kc.inspect("$pet", 2, reply=True, timeout=TIMEOUT)["content"]
    assert reply["data"]["text/plain"] == '$pet: object\nkind: "cat"'
    assert kc.inspect("zzz", 1, reply=True, timeout=TIMEOUT)["content"]["found"] is False


@pytest.mark.parametrize("code, status, indent", [
    ("var $x { value = 1 }", "complete", None),
    ("var $x {", "incomplete", "  "),
    ('var $s { value = "abc', "incomplete", None),
    ("}", "invalid", None),
    ("%vars", "complete", None),
])
def test_is_complete(kc, code: str, status: str, indent: str | None) -> None:
    msg_id = kc.is_complete(code)
    reply = reply_to(kc, msg_id)
    assert reply["status"] == status
    if indent is not None:
        assert reply["indent"] == indent


# -- interrupt and restart (each on its own kernel)


@pytest.fixture
def fresh():
    km, kc = start_new_kernel(kernel_name="xanoscript")
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def wait_for_stream(kc, msg_id: str, text: str) -> None:
    """Block until the running cell has printed TEXT (proof that output streams live)."""
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            assert msg["content"]["text"] == text
            return


@pytest.mark.parametrize("busy", [
    "while (true) {\n  each {\n    var $spin { value = 1 }\n  }\n}",
    "util.sleep { value = 600 }",
    "api.lambda {\n  code = 'while (true) {}'\n  timeout = 600\n} as $js",
    'var $js { value = [1]|lambda_map:"while (true) {}":600 }',
])
def test_interrupt_returns_promptly_and_keeps_the_session(fresh, busy: str) -> None:
    km, kc = fresh
    execute(kc, 'var $kept { value = "still here" }\nredis.set { key = "proto:int", data = 1 }')
    # stop_on_error=False: ipykernel aborts requests that race its post-error abort window;
    # that is the base class's behaviour, tested in test_an_error_aborts_the_queued_cells.
    msg_id = kc.execute('debug.log { value = "started" }\n' + busy, stop_on_error=False)
    # The log line arrives while the cell is still running: it could not if output were
    # only sent at the end, because the cell never ends by itself.
    wait_for_stream(kc, msg_id, "started\n")
    km.interrupt_kernel()
    reply = reply_to(kc, msg_id)
    collect(kc, msg_id)
    assert (reply["status"], reply["ename"]) == ("error", "KeyboardInterrupt")
    assert execute(kc, "$kept")[1][0]["content"]["data"]["text/plain"] == '"still here"'
    _, outputs = execute(kc, 'redis.get { key = "proto:int" } as $v\n$v')
    assert outputs[0]["content"]["data"]["text/plain"] == "1"
    _, outputs = execute(kc, 'api.lambda { code = "return 41 + 1" } as $j\n$j')
    assert outputs[0]["content"]["data"]["text/plain"] == "42"


def test_restart_gives_a_fresh_session(fresh) -> None:
    km, kc = fresh
    execute(kc, "var $before { value = 1 }")
    km.restart_kernel(now=True)
    kc.wait_for_ready(timeout=TIMEOUT)
    reply, outputs = execute(kc, "%vars")
    assert reply["status"] == "ok"
    assert [m["content"]["text"] for m in outputs] == ["no variables yet\n"]


def test_shutdown_reply(fresh) -> None:
    km, kc = fresh
    msg_id = kc.shutdown()
    while True:  # shutdown is answered on the control channel
        msg = kc.control_channel.get_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id:
            break
    assert (msg["msg_type"], msg["content"]["status"]) == ("shutdown_reply", "ok")


# -- jupyter console


def test_jupyter_console_runs_multi_line_cells(kernelspec_prefix: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    jupyter = Path(sys.executable).with_name("jupyter")
    if not jupyter.exists():
        pytest.skip("the jupyter command is not installed next to this interpreter")
    env = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(str(jupyter), ["console", "--kernel", "xanoscript"], env=env,
                          encoding="utf-8", timeout=TIMEOUT, dimensions=(40, 200))
    seen: list[str] = []
    child.logfile_read = type("Log", (), {"write": lambda _, s: seen.append(s),
                                          "flush": lambda _: None})()
    esc = r"(?:\x1b\[[0-9;?]*[a-zA-Z])*"

    def prompt(n: int) -> str:
        return rf"In {esc}\[{esc}{n}{esc}\]"

    try:
        child.expect(prompt(1))
        child.send("var $x {\r")
        child.expect(r"\.\.\.")  # is_complete said "incomplete": a continuation prompt
        child.send("value = [1, 2]\r}\r")
        child.expect(prompt(2))
        child.send('debug.log { value = "from console" }\r')
        child.expect(prompt(3))
    finally:
        child.terminate(force=True)
    text = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", "".join(seen))
    # The cell's value is shown as the console's Out[1], the list one element a line.
    assert re.search(r"Out\[1\]:\s*0\) 1\r\n1\) 2", text), text
    assert "from console" in text


# -- the memory ceiling (XS_MAX_MEMORY) in a running kernel


def test_a_cell_past_the_memory_ceiling_fails_and_the_kernel_goes_on() -> None:
    env = {**os.environ, "XS_MAX_MEMORY": "300M"}
    km, kc = start_new_kernel(kernel_name="xanoscript", env=env)
    try:
        execute(kc, 'var $kept { value = "still here" }')
        reply, outputs = execute(kc, 'var $s { value = "x" }\nfor (40) {\n  each {\n'
                                     '    var.update $s { value = $s ~ $s }\n  }\n}',
                                 stop_on_error=False)
        assert (reply["status"], reply["ename"]) == ("error", "standard")
        assert reply["evalue"].startswith("out of memory: this cell needs more than the "
                                          "session's memory ceiling of 300 MB")
        assert "XS_MAX_MEMORY=4G" in reply["evalue"]
        _, outputs = execute(kc, "$kept")
        assert outputs[0]["content"]["data"]["text/plain"] == '"still here"'
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
