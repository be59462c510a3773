"""Notebooks in the xanoscript kernel: nbclient runs one, nbconvert --execute exports it
to HTML with the cells highlighted by our Pygments lexer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

pytestmark = pytest.mark.kernel

CELLS = [
    "%reset",
    'var $users { value = [{id: 1, name: "Ann"}, {id: 2, name: "Bob"}] }\n'
    'redis.set { key = "nb:users", data = $users }',
    'redis.get { key = "nb:users" } as $back\n'
    'debug.log { value = "read " ~ ($back|count) ~ " users" }\n'
    "$back",
]


def notebook() -> nbformat.NotebookNode:
    nb = new_notebook(cells=[new_code_cell(src) for src in CELLS])
    nb.metadata["kernelspec"] = {"name": "xanoscript", "display_name": "XanoScript",
                                 "language": "xanoscript"}
    # What the kernel's kernel_info puts in a saved notebook; nbconvert picks the lexer from
    # it before executing, so a never-run notebook would be highlighted as Python.
    nb.metadata["language_info"] = {"name": "xanoscript", "pygments_lexer": "xanoscript",
                                    "file_extension": ".xs"}
    return nb


def test_nbclient_runs_a_notebook() -> None:
    from nbclient import NotebookClient

    nb = notebook()
    NotebookClient(nb, kernel_name="xanoscript", timeout=60).execute()
    outputs = nb.cells[2].outputs
    assert [o.output_type for o in outputs] == ["stream", "execute_result"]
    assert outputs[0].text == "read 2 users\n"
    assert outputs[1].data["text/plain"] == '#  id  name\n0  1   Ann\n1  2   Bob'
    assert nb.cells[0].outputs[0].text.startswith("reset: ") and nb.cells[1].outputs == []


def test_nbconvert_executes_and_highlights(tmp_path: Path) -> None:
    path = tmp_path / "demo.ipynb"
    nbformat.write(notebook(), path)
    result = subprocess.run(
        [sys.executable, "-m", "nbconvert", "--to", "html", "--execute", str(path)],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "demo.html").read_text(encoding="utf-8")
    assert '<span class="nb">redis.set</span>' in html  # Name.Builtin from XanoScriptLexer
    assert '<span class="nv">$users</span>' in html
    assert "read 2 users" in html and 'class="xs-table"' in html


def test_xs_notebook_prints_each_cell_with_its_output(tmp_path, capsys) -> None:
    from xs_kernel.notebook_runner import run_notebook

    path = tmp_path / "tour.ipynb"
    nbformat.write(notebook(), path)
    assert run_notebook(path) == 0
    out = capsys.readouterr().out
    assert "$back" in out and "read 2 users" in out and "0  1   Ann" in out
    assert out.rstrip().endswith("tour.ipynb: 3 cells, no unexpected errors")


def test_xs_notebook_fails_on_an_error_the_notebook_does_not_expect(tmp_path, capsys) -> None:
    from xs_kernel.notebook_runner import run_notebook

    nb = notebook()
    nb.cells.append(new_code_cell('precondition (false) { error = "boom" }'))
    expected = new_code_cell('throw { name = "E" value = "fine" }')
    expected.metadata["tags"] = ["raises-exception"]
    nb.cells.append(expected)
    path = tmp_path / "broken.ipynb"
    nbformat.write(nb, path)
    assert run_notebook(path) == 1
    out = capsys.readouterr().out
    assert "standard: boom" in out and out.rstrip().endswith("1 unexpected error")
