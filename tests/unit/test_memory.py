"""The memory ceiling (XS_MAX_MEMORY): a cell that would grow the kernel past it fails
with a plain error naming the ceiling, and the session goes on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from xs_kernel import memory
from xs_kernel.registry import Registry, load_builtins, xs_filter
from xs_kernel.session import Session

needs_proc = pytest.mark.skipif(not os.path.exists("/proc/self/statm"),
                                reason="the ceiling reads /proc/self/statm")


@pytest.mark.parametrize("text, size", [
    ("2G", 2 << 30), ("512M", 512 << 20), ("512mb", 512 << 20), ("1.5g", 3 << 29),
    ("300000000", 300_000_000), ("64KiB", 64 << 10), (" 1 GB ", 1 << 30),
    ("0", None), ("off", None), ("OFF", None), ("none", None),
])
def test_sizes_parse(text, size):
    assert memory.parse(text) == size


@pytest.mark.parametrize("text", ["lots", "-1G", "2X", "", "1e9"])
def test_a_wrong_size_is_refused(text):
    with pytest.raises(ValueError, match="XS_MAX_MEMORY"):
        memory.parse(text)


def test_the_default_is_half_the_machine_at_most_8_gib():
    total = memory.machine_memory()
    assert total is None or memory.default_limit() == min(total // 2, 8 << 30)


def test_an_unreadable_setting_falls_back_to_the_default_and_says_so(monkeypatch):
    saved = (memory.limit, memory.setting)
    try:
        monkeypatch.setenv("XS_MAX_MEMORY", "2GG")
        assert memory.configure() == memory.default_limit()
        assert memory.setting == "the default: XS_MAX_MEMORY='2GG' is not a size"
    finally:
        memory.limit, memory.setting = saved


# Each program runs in a fresh interpreter whose ceiling is 200 MB; the kernel and the
# session need about 40 MB, so each of these would pass the ceiling long before the end.
PROGRAMS = {
    "doubling text": """
        var $s { value = "x" }
        for (40) {
          each as $i {
            var.update $s { value = $s ~ $s }
          }
        }
    """,
    "doubling text with a filter": """
        var $s { value = "xy" }
        for (40) {
          each {
            var $s { value = $s|concat:$s }
          }
        }
    """,
    "doubling an array": """
        var $a { value = [1, 2] }
        for (40) {
          each {
            var.update $a { value = $a|merge:$a }
          }
        }
    """,
    "a range the ceiling has no room for (checked before it is made)": """
        var $a { value = 1..9000000 }
    """,
    "a range filter, likewise": """
        var $a { value = []|range:1:900000 }
        var $b { value = [] }
        for (20) {
          each {
            array.push $b { value = []|range:1:900000 }
          }
        }
    """,
    "many small pushes": """
        var $a { value = [] }
        while (true) {
          each {
            array.push $a { value = "a text of some length, " ~ ($a|count) }
          }
        }
    """,
}

SCRIPT = textwrap.dedent("""
    import json, sys
    from xs_kernel.session import Session
    session = Session()
    first = session.run(sys.argv[1])
    second = session.run("var $n { value = 20 }\\n$n + 1")
    error = first.error
    print(json.dumps({"type": error and error.type, "name": error and error.name,
                      "message": error and error.message,
                      "line": error and error.span and error.span.line,
                      "after": second.value, "after_error": second.error is not None}))
""")


def run_limited(code: str, limit: str = "200M") -> dict:
    env = {**os.environ, "XS_MAX_MEMORY": limit}
    done = subprocess.run([sys.executable, "-c", SCRIPT, textwrap.dedent(code)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@needs_proc
@pytest.mark.parametrize("name", list(PROGRAMS))
def test_a_cell_past_the_ceiling_fails_clearly_and_the_next_cell_runs(name):
    result = run_limited(PROGRAMS[name])
    assert result["type"] == "standard" and result["name"] == "out_of_memory"
    assert result["message"].startswith("out of memory: ")
    assert "200 MB" in result["message"] and "XS_MAX_MEMORY=200M" in result["message"]
    assert "XS_MAX_MEMORY=4G" in result["message"]  # how to raise it
    assert result["line"] is not None and result["line"] >= 2
    assert (result["after"], result["after_error"]) == (21, False)


@needs_proc
def test_off_lifts_the_ceiling():
    small = """
        var $s { value = "x" }
        for (20) {
          each {
            var.update $s { value = $s ~ $s }
          }
        }
    """
    assert run_limited(small, "off")["type"] is None
    assert run_limited(small, "1M")["name"] == "out_of_memory"


def test_python_running_out_of_memory_is_a_plain_error():
    base = load_builtins()
    reg = Registry()
    reg.functions.update(base.functions)
    reg.filters.update(base.filters)

    @xs_filter("hungry", registry=reg)
    def hungry(value):
        """Fail as an allocation too large for the machine does."""
        raise MemoryError()

    outcome = Session(registry=reg).run('var $x { value = "a"|hungry }')
    error = outcome.error
    assert error is not None and error.name == "out_of_memory"
    assert "internal error" not in error.message and "MemoryError" not in error.message
    assert error.span is not None and error.span.line == 1


def test_the_check_is_silent_under_the_ceiling():
    saved = (memory.limit, memory.setting)
    try:
        memory.configure("64G")
        memory.check(1 << 20)
        memory.grow(1 << 30)
        memory.configure("off")
        assert memory.limit is None
        memory.check(1 << 50)
    finally:
        memory.limit, memory.setting = saved
