"""Build the tutorial notebooks in notebooks/ from the readable sources below.

The cells live here as plain text so a reviewer reads a tutorial as a script; the .ipynb
files (with their outputs, which nbval compares) are generated from them:

    python tools/build_notebooks.py            # write notebooks without outputs
    python tools/build_notebooks.py --execute  # ... and run them in the xanoscript kernel

Cells whose source starts with a line ``%% tags: a, b`` get those nbval tags
(``raises-exception`` for a cell that must fail, ``nbval-ignore-output`` never used).
Always review the outputs by eye before committing a rebuilt notebook.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
NOTEBOOKS = HERE.parent / "notebooks"
sys.path.insert(0, str(HERE))

from tutorials import TUTORIALS  # noqa: E402  (the cell sources)


def _cell(kind: str, text: str) -> nbformat.NotebookNode:
    text = text.strip("\n")
    if kind == "md":
        return nbformat.v4.new_markdown_cell(text)
    tags: list[str] = []
    if text.startswith("%% tags:"):
        first, _, text = text.partition("\n")
        tags = [t.strip() for t in first.removeprefix("%% tags:").split(",") if t.strip()]
    cell = nbformat.v4.new_code_cell(text)
    if tags:
        cell.metadata["tags"] = tags
    return cell


def build(name: str, cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "xanoscript", "display_name": "XanoScript",
                                 "language": "xanoscript"}
    nb.metadata["language_info"] = {"name": "xanoscript", "file_extension": ".xs",
                                    "mimetype": "text/x-xanoscript"}
    nb.cells = [_cell(kind, text) for kind, text in cells]
    for number, cell in enumerate(nb.cells):
        cell.id = f"cell-{number:02d}"  # stable ids keep rebuilt notebooks' diffs small
    return nb


def execute(nb: nbformat.NotebookNode) -> None:
    from nbclient import NotebookClient

    # no per-cell timing metadata: a rebuilt notebook differs only where its content does
    # Run where nbval runs it: in notebooks/, so relative paths (`%load workspace`) hold.
    NotebookClient(nb, kernel_name="xanoscript", timeout=120, allow_errors=True,
                   record_timing=False,
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--execute", action="store_true", help="run and store outputs")
    parser.add_argument("only", nargs="*", help="notebook names to build (default: all)")
    args = parser.parse_args(argv)
    NOTEBOOKS.mkdir(exist_ok=True)
    for name, cells in TUTORIALS.items():
        if args.only and name not in args.only:
            continue
        nb = build(name, cells)
        if args.execute:
            execute(nb)
        path = NOTEBOOKS / f"{name}.ipynb"
        nbformat.write(nb, path)
        print(f"wrote {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
