"""``xs notebook FILE``: run a notebook headless in the xanoscript kernel and show it as text.

A newcomer without JupyterLab still sees the tutorial: every cell's source, then its
output in plain text, as the kernel produced it. Uses nbclient, the library nbconvert and
nbval drive kernels with; it is a front end, so the language core never imports it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

RULE = "-" * 72


def run_notebook(path: str | Path, *, kernel_name: str = "xanoscript", save: bool = False,
                 out: TextIO | None = None) -> int:
    """Execute PATH top to bottom; print sources and outputs; 1 if an unexpected error."""
    out = out or sys.stdout  # looked up per call: the stream may have been replaced
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(str(path), as_version=4)
    client = NotebookClient(nb, kernel_name=kernel_name, timeout=300, allow_errors=True,
                            resources={"metadata": {"path": str(Path(path).parent)}})
    client.execute()
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
    if save:
        nbformat.write(nb, str(path))
    verdict = ("no unexpected errors" if not unexpected else
               f"{unexpected} unexpected error{'s' if unexpected > 1 else ''}")
    out.write(f"{Path(path).name}: {len(nb.cells)} cells, {verdict}\n")
    return 1 if unexpected else 0


def _as_text(output: dict) -> str:
    kind = output["output_type"]
    if kind == "stream":
        return output["text"].rstrip("\n")
    if kind == "error":
        return "\n".join(output.get("traceback") or [f"{output['ename']}: {output['evalue']}"])
    data = output.get("data", {})
    return str(data.get("text/plain", "")).rstrip("\n")
