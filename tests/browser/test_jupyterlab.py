"""JupyterLab in a real browser: a tutorial highlighted as XanoScript, a table, an error caret.

Starts JupyterLab (this interpreter's, with the kernel and the labextension installed the
README's way) on a free port with a token, drives the system Chromium through Playwright
(its driver only: no browser is downloaded), runs 06-patterns.ipynb from a copy without
outputs, then checks what a reader sees. Skipped where /usr/bin/chromium or Playwright is
missing; under CI=true with Chromium installed, a missing part fails instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
TUTORIAL = "06-patterns.ipynb"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 30_000
XS_FILE = "handler.xs"
XS_SOURCE = ('# the caller\'s session, if any\n'
             'redis.get { key = "session:" ~ $input.token } as $session\n'
             'var $name { value = $session.name|trim }\n')

pytestmark = [pytest.mark.slow, pytest.mark.kernel, pytest.mark.browser]


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def _need(problem: str | None) -> None:
    if problem is None:
        return
    if _in_ci() and CHROMIUM.exists():
        pytest.fail(f"browser test: {problem} (CI=true and Chromium is installed)")
    pytest.skip(f"browser test: {problem}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _without_outputs(source: Path, target: Path) -> None:
    nb = json.loads(source.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    target.write_text(json.dumps(nb), encoding="utf-8")


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory):
    """A JupyterLab server: yields its URL (with the token) for the tutorial."""
    if not CHROMIUM.exists():
        pytest.skip("browser test: no /usr/bin/chromium (apt-get install chromium)")
    _need(None if shutil.which("jupyter-lab", path=str(Path(sys.executable).parent))
          else "JupyterLab is not installed (pip install -e '.[lab]')")
    home = tmp_path_factory.mktemp("lab")
    _without_outputs(ROOT / "notebooks" / TUTORIAL, home / TUTORIAL)
    (home / XS_FILE).write_text(XS_SOURCE, encoding="utf-8")
    port, token = _free_port(), "xs-browser-test-token"
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / ".config"),
           "JUPYTER_RUNTIME_DIR": str(home / ".runtime"),
           "JUPYTERLAB_WORKSPACES_DIR": str(home / ".workspaces")}
    for name in ("XS_REDIS_URL", "XS_DB_URL", "XS_REDIS_PREFIX"):
        env.pop(name, None)  # the tutorial runs on the embedded store and SQLite
    command = [str(Path(sys.executable).parent / "jupyter-lab"), "--no-browser",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
               "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={home}", "--LabApp.expose_app_in_browser=True",
               "--LabApp.news_url=", "--LabApp.check_for_updates_class="
               "jupyterlab.NeverCheckForUpdate", "--LabApp.extension_manager=readonly",
               "--ServerApp.terminals_enabled=False", "--allow-root"]
    log = (home / "server.log").open("w")
    server = subprocess.Popen(command, cwd=home, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/api/status?token={token}", server, home / "server.log")
        yield f"{base}/lab/tree/{{}}?token={token}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _wait_for(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 45
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"JupyterLab exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"JupyterLab did not answer in 45 s: {log.read_text()[-2000:]}")


@pytest.fixture(scope="module")
def page(lab: str):
    """The tutorial, opened in Chromium and run top to bottom."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("Playwright is not installed (pip install playwright; no browser download)")
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1400, "height": 1000})
            tab.set_default_timeout(TIMEOUT_MS)
            tab.goto(lab.format(TUTORIAL))
            tab.wait_for_selector(".jp-Notebook .jp-CodeCell .cm-content")
            tab.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                                  " && window.jupyterapp.shell.currentWidget.sessionContext"
                                  "?.session?.kernel?.status === 'idle'")
            tab.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
            tab.wait_for_selector("[data-mime-type='application/vnd.jupyter.stderr']")
            yield tab
        finally:
            browser.close()


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


def test_an_xs_file_opens_highlighted_as_xanoscript(page, lab: str) -> None:
    editor = page.context.browser.new_page()
    editor.set_default_timeout(TIMEOUT_MS)
    try:
        editor.goto(lab.format(XS_FILE))
        content = editor.locator(".jp-FileEditor .cm-content")
        content.locator("span.xs-statement").first.wait_for()
        tokens = _token_classes(content.locator(".."))
    finally:
        editor.close()
    assert "xs-comment" in tokens["# the caller's session, if any"]  # one comment, no string
    assert "xs-statement" in tokens["redis.get"] and "xs-filter" in tokens["trim"]
    assert "xs-variable" in tokens["$session"] and "xs-keyword" in tokens["as"]
