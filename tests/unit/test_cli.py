"""The `xs` command: check and run."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from xs_kernel.cli import main


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_check_passes_a_good_file(tmp_path, capsys) -> None:
    good = write(tmp_path, "good.xs", 'var $x { value = 1 }\ndebug.log { value = $x }\n')
    assert main(["check", good]) == 0
    assert capsys.readouterr().out == ""


def test_check_reports_each_bad_file_with_its_position(tmp_path, capsys) -> None:
    good = write(tmp_path, "good.xs", "var $x { value = 1 }\n")
    syntax = write(tmp_path, "syntax.xs", "var $x {\n  value = 1 +\n}\n")
    unknown = write(tmp_path, "unknown.xs", 'debug.log { value = "a"|trimm }\n')
    assert main(["check", good, syntax, unknown]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{syntax}:")
    assert f"{unknown}:1:24: unknown filter `trimm`" in lines
    assert "  hint: did you mean `trim`?" in lines


def test_check_reads_stdin(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("var $x {\n"))
    assert main(["check", "-"]) == 1
    assert capsys.readouterr().out.startswith("<stdin>:")


def test_run_prints_logs_and_exits_zero(tmp_path, capsys) -> None:
    program = write(tmp_path, "p.xs", 'debug.log { value = "hi " ~ $input.name }\n'
                                      'debug.log { value = {env: $env.GREETING, n: [1, true]} }\n')
    assert main(["run", program, "--input", '{"name": "Ada"}', "--env", "GREETING=yo"]) == 0
    captured = capsys.readouterr()
    assert captured.out == 'hi Ada\n{"env":"yo","n":[1,true]}\n'
    assert captured.err == ""


def test_run_reports_an_uncaught_error(tmp_path, capsys) -> None:
    program = write(tmp_path, "e.xs", 'debug.log { value = 1 }\n\nvar $x { value = 1 / 0 }\n')
    assert main(["run", program]) == 1
    captured = capsys.readouterr()
    assert captured.out == "1\n"
    assert captured.err == f"{program}:3:18: standard: division by zero\n"


def test_run_sends_warnings_to_stderr(tmp_path, capsys) -> None:
    program = write(tmp_path, "w.xs", "debug.log { value = $nope ?? 0 }\n")
    assert main(["run", program]) == 0
    captured = capsys.readouterr()
    assert captured.out == "0\n"
    assert captured.err.startswith(f"{program}:1:21: warning: variable `$nope`")


def test_run_prints_the_value_of_debug_stop(tmp_path, capsys) -> None:
    program = write(tmp_path, "s.xs", 'debug.stop { value = [1, "a"] }\ndebug.log { value = 2 }\n')
    assert main(["run", program]) == 0
    assert capsys.readouterr().out == '[1,"a"]\n'


@pytest.mark.parametrize("argv,message", [
    (["--input", "[1]"], "--input must be a JSON object"),
    (["--input", "{bad"], "--input is not valid JSON"),
    (["--env", "NOEQUALS"], "--env expects KEY=VALUE"),
])
def test_run_rejects_bad_options(tmp_path, capsys, argv, message) -> None:
    program = write(tmp_path, "p.xs", "var $x { value = 1 }\n")
    assert main(["run", program, *argv]) == 2
    assert message in capsys.readouterr().err


def test_console_script_entry_point_runs(tmp_path) -> None:
    program = write(tmp_path, "p.xs", 'debug.log { value = "from a process" }\n')
    done = subprocess.run([sys.executable, "-m", "xs_kernel.cli", "run", program],
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, "from a process\n")
