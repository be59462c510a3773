"""JupyterLab in a real browser: a tutorial highlighted as XanoScript, a table, an error caret.

Starts JupyterLab (this interpreter's, with the kernel and the labextension installed the
README's way) on a free port with a token, drives the system Chromium through Playwright
(its driver only: no browser is downloaded), runs 06-patterns.ipynb from a copy without
outputs, then checks what a reader sees. Skipped where /usr/bin/chromium or Playwright is
missing; under CI=true with Chromium installed, a missing part fails instead.
"""

from __future__ import annotations

import re

import pytest

TUTORIAL = "06-patterns.ipynb"  # conftest's lab folder holds a copy without outputs
XS_FILE = "handler.xs"

pytestmark = [pytest.mark.slow, pytest.mark.kernel, pytest.mark.browser]


@pytest.fixture(scope="module")
def page(open_tab):
    """The tutorial, opened in Chromium and run top to bottom."""
    tab = open_tab(TUTORIAL)
    try:
        tab.wait_for_selector(".jp-Notebook .jp-CodeCell .cm-content")
        tab.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                              " && window.jupyterapp.shell.currentWidget.sessionContext"
                              "?.session?.kernel?.status === 'idle'")
        tab.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        tab.wait_for_selector("[data-mime-type='application/vnd.jupyter.stderr']")
        yield tab
    finally:
        tab.close()


def _code_cell(page, text: str):
    """The code cell whose source contains TEXT, scrolled into view."""
    cell = page.locator(".jp-CodeCell", has=page.locator(".cm-content", has_text=text)).first
    cell.scroll_into_view_if_needed()
    return cell


def _token_classes(cell) -> dict[str, set[str]]:
    """Each highlighted token's text -> the xs-* classes CodeMirror gave it."""
    spans = cell.locator(".cm-content span").evaluate_all(
        "spans => spans.map(s => [s.textContent, s.className])")
    found: dict[str, set[str]] = {}
    for text, classes in spans:
        found.setdefault(text, set()).update(c for c in classes.split() if c.startswith("xs-"))
    return found


def test_cells_are_highlighted_as_xanoscript(page) -> None:
    tokens = _token_classes(_code_cell(page, "// Store session"))
    expected = {"// Store session": "xs-comment", "redis.set": "xs-statement",
                "redis.get": "xs-statement", "precondition": "xs-keyword",
                "$token": "xs-variable", '"session:"': "xs-string", "86400": "xs-number",
                "key": "xs-property", "null": "xs-atom", "~": "xs-operator"}
    for text, kind in expected.items():
        assert kind in tokens.get(text, set()), f"{text!r}: {tokens}"
    assert "xs-filter" in _token_classes(_code_cell(page, "served_from_cache")).get("map", set())


def test_keyword_colour_is_the_themes_keyword_colour(page) -> None:
    cell = _code_cell(page, "// Store session")
    colours = cell.locator(".cm-content span.xs-keyword").first.evaluate("""span => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--jp-mirror-editor-keyword-color)';
        document.body.appendChild(probe);
        const theme = getComputedStyle(probe).color;
        probe.remove();
        return [getComputedStyle(span).color, theme];
    }""")
    assert colours[0] == colours[1]


def test_a_query_result_renders_as_a_table(page) -> None:
    cell = _code_cell(page, 'db.query "product"')
    table = cell.locator(".jp-OutputArea-output table").first
    table.wait_for()
    headers = table.locator("th").all_inner_texts()
    assert "name" in headers and "price" in headers
    assert "Dune" in table.inner_text() and "Lamp" in table.inner_text()


def test_the_error_caret_is_under_the_failing_line(page) -> None:
    cell = _code_cell(page, "redis.del { key = \"session:\" ~ $token }")
    source = cell.locator(".cm-content").inner_text().splitlines()
    text = cell.locator("[data-mime-type='application/vnd.jupyter.stderr']").inner_text()
    lines = text.splitlines()
    assert lines[0] == "accessdenied: Invalid session"
    where = re.search(r"line (\d+), column (\d+)", text)
    assert where, text
    line, column = int(where[1]), int(where[2])
    excerpt = next(i for i, l in enumerate(lines) if re.match(rf"\s*{line} \| ", l))
    code_at = lines[excerpt].index("| ") + 2
    assert lines[excerpt][code_at:] == source[line - 1]  # the failing line of the cell
    assert source[line - 1].startswith("precondition")
    caret = lines[excerpt + 1]
    assert caret.index("^") == code_at + column - 1 and set(caret.strip()) == {"^"}


def test_an_xs_file_opens_highlighted_as_xanoscript(open_tab) -> None:
    editor = open_tab(XS_FILE)
    try:
        content = editor.locator(".jp-FileEditor .cm-content")
        content.locator("span.xs-statement").first.wait_for()
        tokens = _token_classes(content.locator(".."))
    finally:
        editor.close()
    assert "xs-comment" in tokens["# the caller's session, if any"]  # one comment, no string
    assert "xs-statement" in tokens["redis.get"] and "xs-filter" in tokens["trim"]
    assert "xs-variable" in tokens["$session"] and "xs-keyword" in tokens["as"]
