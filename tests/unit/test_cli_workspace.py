"""The `xs` command on whole programs and workspaces: check of every construct, warnings,
--strict, --version, run of a missing file, the final value, nbconvert scripts, load, call."""

from __future__ import annotations

from pathlib import Path

import pytest

from xs_kernel import __version__
from xs_kernel.cli import main, script_cells

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "workspace"


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_check_reports_an_error_in_every_construct(tmp_path, capsys) -> None:
    path = write(tmp_path, "two.xs", (
        'query "a" verb=GET {\n  stack {\n    nosuch.thing { value = 1 }\n  }\n}\n'
        'task "t" {\n  stack {\n    debug.log { value = "x"|trimm }\n  }\n}\n'))
    assert main(["check", path]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{path}:3:5: unknown statement `nosuch.thing`" in out
    assert f"{path}:8:28: unknown filter `trimm`" in out


def test_check_reports_a_bad_table(tmp_path, capsys) -> None:
    path = write(tmp_path, "t.xs", 'table "t" {\n  schema {\n    int id\n    blob x\n  }\n}\n')
    assert main(["check", path]) == 1
    assert "unknown type 'blob'" in capsys.readouterr().out


def test_cloud_only_statement_is_a_warning_unless_strict(tmp_path, capsys) -> None:
    path = write(tmp_path, "ai.xs", 'function "f" {\n  stack {\n'
                 '    ai.agent.run "helper" { args = {} } as $out\n  }\n}\n')
    assert main(["check", path]) == 0
    line = capsys.readouterr().out.strip()
    assert line == (f"{path}:3:5: warning: `ai.agent.run` runs only on Xano's servers; "
                    "there is no local version of it")
    assert main(["check", "--strict", path]) == 1


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"xs {__version__}"


def test_run_names_a_missing_file(tmp_path, capsys) -> None:
    missing = str(tmp_path / "missing.xs")
    assert main(["run", missing]) == 2
    assert capsys.readouterr().err == f"xs: {missing}: No such file or directory\n"


def test_run_prints_the_final_value(tmp_path, capsys) -> None:
    path = write(tmp_path, "v.xs", 'var $a { value = {n: 2} }\ndebug.log { value = "hi" }\n'
                 '$a.n + 1\n')
    assert main(["run", path]) == 0
    assert capsys.readouterr().out == "hi\n3\n"


def test_run_prints_nothing_more_without_a_final_value(tmp_path, capsys) -> None:
    path = write(tmp_path, "n.xs", 'debug.log { value = "only" }\n')
    assert main(["run", path]) == 0
    assert capsys.readouterr().out == "only\n"


SCRIPT = """%reset

var $x { value = 2 }

%input {"n": 5}
$input.n * $x

%env GREETING=hi
$env.GREETING ~ "!"
"""


def test_script_cells_start_at_magic_lines_and_keep_line_numbers() -> None:
    cells = script_cells(SCRIPT)
    assert len(cells) == 3
    assert cells[1].split("\n")[4] == '%input {"n": 5}'


def test_run_handles_an_exported_notebook_script(tmp_path, capsys) -> None:
    path = write(tmp_path, "nb.xs", SCRIPT)
    assert main(["run", path]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == "hi!"


def test_run_locates_an_error_in_a_script_by_file_line(tmp_path, capsys) -> None:
    path = write(tmp_path, "bad.xs", "%reset\nvar $x { value = 1 }\n%reset\n\nvar $y {\n")
    assert main(["run", path]) == 1
    assert capsys.readouterr().err.startswith(f"{path}:")


def test_load_reports_each_construct(capsys) -> None:
    assert main(["load", str(FIXTURE), "--run"]) == 0
    out = capsys.readouterr().out
    assert "tables/1_shelf.xs" in out
    assert "query: 5 of 5 loaded; ran 5 of 5" in out
    assert "table: 2 of 2 loaded" in out


def test_load_keeps_going_past_a_broken_file(tmp_path, capsys) -> None:
    write(tmp_path, "tables/1_a.xs", 'table a {\n  schema {\n    int id\n  }\n}\n')
    write(tmp_path, "functions/1_bad.xs", 'function "bad" {\n  stack {\n    var $x {\n')
    write(tmp_path, "functions/2_good.xs", 'function "good" {\n  stack {\n  }\n'
          '  response = 1\n}\n')
    assert main(["load", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "function: 1 of 2 loaded" in out
    assert "functions/1_bad.xs:" in out and "syntaxerror" in out


def test_load_of_a_missing_folder(tmp_path, capsys) -> None:
    assert main(["load", str(tmp_path / "nope")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_call_runs_one_endpoint(capsys) -> None:
    assert main(["call", str(FIXTURE), "POST", "books", "--input",
                 '{"title": "Ode", "shelf_id": 1, "price": 3}']) == 0
    captured = capsys.readouterr()
    assert '"label":"3.00 EUR"' in captured.out
    assert "X-Book: 1" in captured.err


def test_call_reports_an_unknown_endpoint(capsys) -> None:
    assert main(["call", str(FIXTURE), "GET", "nowhere"]) == 1
    assert "notfound: no endpoint GET nowhere" in capsys.readouterr().err


def test_call_checks_auth(capsys) -> None:
    assert main(["call", str(FIXTURE), "PATCH", "books/1", "--input", "{}"]) == 1
    assert "unauthorized" in capsys.readouterr().err


def test_call_rejects_bad_json(capsys) -> None:
    assert main(["call", str(FIXTURE), "GET", "books", "--input", "{"]) == 2
    assert "--input is not valid JSON" in capsys.readouterr().err


def test_check_says_once_that_a_fragment_is_not_a_program(tmp_path, capsys) -> None:
    path = write(tmp_path, "frag.xs", "input {\n  text name\n}\nstack {\n"
                 "  var $x { value = 1 }\n}\nresponse = $x\n")
    assert main(["check", path]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (f"{path}:1:1: this is a fragment, not a whole program: `input`, "
                      "`stack`, `response` belong inside a definition")
    assert len([line for line in out if not line.startswith("  hint")]) == 1


def test_check_reports_every_broken_statement_of_a_stack(tmp_path, capsys) -> None:
    path = write(tmp_path, "many.xs", (
        'function "f" {\n  input {\n    blob x\n  }\n  stack {\n'
        '    nosuch.one { value = 1 }\n    var $ok { value = 1 }\n'
        '    debug.log { value = "x"|trimm }\n  }\n  response = $ok|nofilter\n}\n'
        'debug.log { value = 1|alsonot }\n'))
    assert main(["check", path]) == 1
    out = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert [line.split(": ", 1)[0].rsplit(":", 2)[1] for line in out] == \
        ["3", "6", "8", "10", "12"]


def test_a_cloud_only_statement_loads_and_stops_with_unsupported_when_reached() -> None:
    from xs_kernel.session import Session

    session = Session()
    assert session.run('function "f" {\n  input { bool deep }\n  stack {\n'
                       '    conditional {\n      if ($input.deep) {\n'
                       '        cloud.elasticsearch.query { index = "x" } as $r\n      }\n'
                       '    }\n  }\n  response = "shallow"\n}').error is None
    assert session.run('function.run "f" { input = {deep: false} } as $a').error is None
    assert session.variables["a"] == "shallow"
    err = session.run('function.run "f" { input = {deep: true} } as $b').error
    assert (err.type, err.span.line) == ("unsupported", 6)
    assert "cloud.elasticsearch.query" in err.message
