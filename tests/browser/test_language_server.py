"""`xs lsp` inside JupyterLab through jupyterlab-lsp: a diagnostic underline in a cell.

jupyter-lsp finds the server by its entry point (nothing is configured here);
jupyterlab-lsp sends the notebook's cells as one document and underlines what the server
reports. The notebook (conftest's LSP_NOTEBOOK) declares `$greeting` in its first cell
and uses it in the second, whose `bogus` attribute is the one error.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.kernel, pytest.mark.browser]


def test_a_diagnostic_is_underlined_in_the_failing_cell(open_tab, jupyterlab_lsp) -> None:
    tab = open_tab("language-server.ipynb")
    try:
        cells = tab.locator(".jp-Notebook .jp-CodeCell .cm-content")
        cells.nth(1).wait_for()
        underline = cells.nth(1).locator(".cm-lintRange-error")
        underline.wait_for()
        assert underline.inner_text() == "bogus = 1"
        assert cells.nth(0).locator(".cm-lintRange").count() == 0  # $greeting is known
        assert tab.get_by_text("Fully initialized").count() == 1
    finally:
        tab.close()


def test_a_tutorial_notebook_has_no_false_diagnostics(open_tab, jupyterlab_lsp) -> None:
    # Its %magic lines and every cell are valid: the server must underline nothing.
    tab = open_tab("06-patterns.ipynb")
    try:
        tab.get_by_text("Fully initialized").wait_for()
        tab.wait_for_timeout(3000)  # diagnostics of every cell have arrived by now
        assert tab.locator(".jp-Notebook .cm-lintRange-error").count() == 0
        assert tab.locator(".jp-Notebook .jp-CodeCell").count() > 10
    finally:
        tab.close()
