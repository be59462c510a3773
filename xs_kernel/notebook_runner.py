"""``xs notebook FILE [-p NAME VALUE]``: run a notebook headless in the xanoscript kernel and
show it as text.

A newcomer without JupyterLab still sees the tutorial: every cell's source, then its
output in plain text, as the kernel produced it. ``-p`` injects parameters as papermill
does (see ``parameters``): a cell tagged ``injected-parameters`` after the cell tagged
``parameters``. A missing file, a file that is not a notebook, an unknown kernel or a kernel
that dies give one plain line on stderr and exit status 2, never a Python traceback. Uses
nbclient, the library nbconvert and nbval drive kernels with.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TextIO

from . import parameters as params

RULE = "-" * 72
TIMEOUT = 300


class NotebookProblem(Exception):
    """Why a notebook cannot be run, in words for the user (exit status 2)."""


def run_notebook(path: str | Path, *, kernel_name: str = "xanoscript", save: bool = False,
                 out: TextIO | None = None, err: TextIO | None = None,
                 parameters: dict[str, Any] | None = None) -> int:
    """Execute PATH top to bottom; print sources and outputs; 1 on an unexpected cell error,
    2 when the notebook cannot be run at all."""
    out = out or sys.stdout  # looked up per call: the streams may have been replaced
    err = err or sys.stderr
    try:
        nb = read_notebook(path)
        check_kernel(kernel_name)
        if parameters:
            if not inject_parameters(nb, parameters):
                err.write(f"xs notebook: {path} has no cell tagged 'parameters'; "
                          "the parameters go in a new first cell\n")
        execute(nb, kernel_name, Path(path).parent)
    except NotebookProblem as problem:
        err.write(f"xs notebook: {problem}\n")
        return 2
    unexpected = show(nb, out)
    if save:
        import nbformat

        nbformat.write(nb, str(path))
    verdict = ("no unexpected errors" if not unexpected else
               f"{unexpected} unexpected error{'s' if unexpected > 1 else ''}")
    out.write(f"{Path(path).name}: {len(nb.cells)} cells, {verdict}\n")
    return 1 if unexpected else 0


def read_notebook(path: str | Path) -> Any:
    """The notebook at PATH (nbformat 4), or NotebookProblem saying why not."""
    import nbformat

    file = Path(path)
    if not file.exists():
        raise NotebookProblem(f"no such file: {path}")
    if file.is_dir():
        raise NotebookProblem(f"{path} is a folder, not a notebook")
    try:
        nb = nbformat.read(str(file), as_version=4)
        nbformat.validate(nb)
    except OSError as exc:
        raise NotebookProblem(f"cannot read {path}: {exc.strerror}") from None
    except Exception:  # nbformat reports a bad file in many ways; the user needs one line
        raise NotebookProblem(f"{path} is not a Jupyter notebook (.ipynb JSON, format 4)") from None
    return nb


def check_kernel(name: str) -> None:
    """NotebookProblem when no kernelspec NAME is installed, naming the ones that are."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    manager = KernelSpecManager()
    try:
        manager.get_kernel_spec(name)
    except NoSuchKernel:
        known = ", ".join(sorted(manager.find_kernel_specs())) or "none"
        raise NotebookProblem(
            f"no kernel named {name!r} (installed: {known}); register XanoScript's with "
            "`python install.py --sys-prefix`") from None


def inject_parameters(nb: Any, values: dict[str, Any]) -> bool:
    """Add (or replace) the injected-parameters cell; False when no cell is tagged parameters."""
    from nbformat.v4 import new_code_cell

    try:
        source = params.cell_source(values)
    except ValueError as exc:
        raise NotebookProblem(f"bad parameter: {exc}") from None
    cell = new_code_cell(source)
    cell.metadata["tags"] = [params.INJECTED_TAG]
    tags = [list(c.get("metadata", {}).get("tags", [])) for c in nb.cells]
    index, replace = params.injection_index(tags)
    nb.cells[index:index + (1 if replace else 0)] = [cell]
    return replace or any(params.PARAMETERS_TAG in t for t in tags)


def execute(nb: Any, kernel_name: str, folder: Path) -> None:
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    client = NotebookClient(nb, kernel_name=kernel_name, timeout=TIMEOUT, allow_errors=True,
                            resources={"metadata": {"path": str(folder)}})
    try:
        client.execute()
    except DeadKernelError:
        raise NotebookProblem(f"the {kernel_name} kernel died while running the notebook") from None
    except CellTimeoutError:
        raise NotebookProblem(f"a cell ran longer than {TIMEOUT} s; stopped") from None
    except RuntimeError as exc:  # the kernel did not start or answer
        first = str(exc).strip().splitlines()[:1] or ["no answer"]
        raise NotebookProblem(f"the {kernel_name} kernel did not start: {first[0]}") from None


def show(nb: Any, out: TextIO) -> int:
    """Print each cell with its outputs; how many errors no cell tag expected."""
    unexpected = 0
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            out.write(cell.source.strip() + "\n\n")
            continue
        if cell.cell_type != "code":
            continue
        out.write(f"{RULE}\n[{cell.get('execution_count') or ' '}] {cell.source.strip()}\n{RULE}\n")
        expects_error = "raises-exception" in cell.metadata.get("tags", [])
        for output in cell.get("outputs", []):
            if output.output_type == "error" and not expects_error:
                unexpected += 1
            out.write(_as_text(output) + "\n")
        out.write("\n")
    return unexpected


def _as_text(output: dict) -> str:
    kind = output["output_type"]
    if kind == "stream":
        return output["text"].rstrip("\n")
    if kind == "error":
        return "\n".join(output.get("traceback") or [f"{output['ename']}: {output['evalue']}"])
    data = output.get("data", {})
    return str(data.get("text/plain", "")).rstrip("\n")
