"""Parameters with the xanoscript kernel: `papermill -p` and `xs notebook -p`; and the plain
errors of `xs notebook` for what it cannot run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

pytestmark = pytest.mark.kernel
XS = [sys.executable, "-m", "xs_kernel.cli"]


def parameterised(path: Path) -> Path:
    defaults = new_code_cell('var $limit { value = 3 }\nvar $name { value = "world" }')
    defaults.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[
        new_markdown_cell("A greeting, with parameters."),
        defaults,
        new_code_cell('debug.log { value = "hello " ~ $name ~ " x" ~ $limit }'),
    ])
    nb.metadata["kernelspec"] = {"name": "xanoscript", "display_name": "XanoScript",
                                 "language": "xanoscript"}
    nbformat.write(nb, path)
    return path


def _logs(nb: nbformat.NotebookNode) -> list[str]:
    return [o.text for o in nb.cells[-1].outputs if o.output_type == "stream"]


def test_papermill_injects_xanoscript_parameters_after_the_tagged_cell(tmp_path: Path) -> None:
    pytest.importorskip("papermill")
    source, result = parameterised(tmp_path / "in.ipynb"), tmp_path / "out.ipynb"
    run = subprocess.run([sys.executable, "-m", "papermill", str(source), str(result),
                          "-p", "limit", "5", "-p", "name", 'Ada "A"'],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    nb = nbformat.read(result, as_version=4)
    injected = nb.cells[2]
    assert injected.metadata["tags"] == ["injected-parameters"]
    assert injected.source.splitlines() == [
        "// Parameters", "var $limit { value = 5 }", 'var $name { value = "Ada \\"A\\"" }']
    assert _logs(nb) == ['hello Ada "A" x5\n']


def test_papermill_finds_the_translator_through_its_engine_entry_point() -> None:
    pytest.importorskip("papermill")
    code = ("from papermill.translators import translate_parameters as t;"
            "print(t('xanoscript', 'xanoscript', {'n': None}, 'P'))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip().splitlines() == ["// P", "var $n { value = null }"], run.stderr


def test_xs_notebook_parameters(tmp_path: Path) -> None:
    path = parameterised(tmp_path / "greet.ipynb")
    run = subprocess.run([*XS, "notebook", str(path), "-p", "name", "Ada", "-p", "limit", "7",
                          "--save"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "hello Ada x7" in run.stdout and "var $name { value = \"Ada\" }" in run.stdout
    nb = nbformat.read(path, as_version=4)
    assert [c.metadata.get("tags") for c in nb.cells[1:3]] == [["parameters"],
                                                               ["injected-parameters"]]
    # a second run replaces the injected cell instead of adding another
    again = subprocess.run([*XS, "notebook", str(path), "-p", "limit", "[1]", "--save"],
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    nb = nbformat.read(path, as_version=4)
    assert len(nb.cells) == 4 and _logs(nb) == ["hello world x[1]\n"]


def test_xs_notebook_parameters_without_a_tagged_cell_warn_and_go_first(tmp_path: Path) -> None:
    nb = new_notebook(cells=[new_code_cell("debug.log { value = $n + 1 }")])
    path = tmp_path / "plain.ipynb"
    nbformat.write(nb, path)
    run = subprocess.run([*XS, "notebook", str(path), "-p", "n", "41"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "\n42\n" in run.stdout
    assert "no cell tagged 'parameters'" in run.stderr


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.ipynb", "no such file: {path}"),
    (lambda d: (d / "notes.ipynb").write_text("just text") and d / "notes.ipynb",
     "{path} is not a Jupyter notebook"),
    (lambda d: (d / "list.ipynb").write_text(json.dumps([1])) and d / "list.ipynb",
     "{path} is not a Jupyter notebook"),
    (lambda d: d, "{path} is a folder, not a notebook"),
])
def test_xs_notebook_says_plainly_what_it_cannot_run(tmp_path: Path, make, message) -> None:
    path = make(tmp_path)
    run = subprocess.run([*XS, "notebook", str(path)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert run.stderr.startswith("xs notebook: " + message.format(path=path))
    assert "Traceback" not in run.stderr + run.stdout and len(run.stderr.splitlines()) == 1


def test_xs_notebook_names_an_unknown_kernel_and_the_installed_ones(tmp_path: Path) -> None:
    path = parameterised(tmp_path / "k.ipynb")
    run = subprocess.run([*XS, "notebook", str(path), "--kernel", "no-such-kernel"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "no kernel named 'no-such-kernel'" in run.stderr and "xanoscript" in run.stderr


def test_xs_notebook_refuses_a_bad_parameter_name(tmp_path: Path) -> None:
    path = parameterised(tmp_path / "n.ipynb")
    run = subprocess.run([*XS, "notebook", str(path), "-p", "not-a-name", "1"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "not a variable name" in run.stderr
    assert "Traceback" not in run.stderr
