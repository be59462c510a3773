"""JupyterLab in a real browser, shared by the browser tests: a JupyterLab server on a free
port with a token (this interpreter's, with the kernel and the labextensions installed the
README's way) and the system Chromium driven through Playwright (its driver only: no
browser is downloaded). Skipped where /usr/bin/chromium or a part is missing; under CI=true
with Chromium installed, a missing part fails instead.
"""

from __future__ import annotations

import json
import os
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
LSP_NOTEBOOK = "language-server.ipynb"
LSP_CELLS = ['var $greeting { value = "hello" }',
             'redis.set {\n  key = "greeting"\n  data = $greeting\n  bogus = 1\n}']
XS_SOURCE = ('# the caller\'s session, if any\n'
             'redis.get { key = "session:" ~ $input.token } as $session\n'
             'var $name { value = $session.name|trim }\n')


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def need(problem: str | None) -> None:
    """Skip for PROBLEM, or fail under CI=true where Chromium is installed."""
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


@pytest.fixture(scope="session")
def lab(tmp_path_factory: pytest.TempPathFactory):
    """A JupyterLab server whose folder holds TUTORIAL (without outputs), XS_FILE and
    LSP_NOTEBOOK: yields a URL template (with the token) taking a file name."""
    if not CHROMIUM.exists():
        pytest.skip("browser test: no /usr/bin/chromium (apt-get install chromium)")
    need(None if shutil.which("jupyter-lab", path=str(Path(sys.executable).parent))
          else "JupyterLab is not installed (pip install -e '.[lab]')")
    home = tmp_path_factory.mktemp("lab")
    _without_outputs(ROOT / "notebooks" / TUTORIAL, home / TUTORIAL)
    (home / XS_FILE).write_text(XS_SOURCE, encoding="utf-8")
    (home / LSP_NOTEBOOK).write_text(json.dumps(_notebook(LSP_CELLS)), encoding="utf-8")
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


def _notebook(cells: list[str]) -> dict:
    return {"cells": [{"cell_type": "code", "execution_count": None, "id": f"cell-{i}",
                       "metadata": {}, "outputs": [], "source": source}
                      for i, source in enumerate(cells)],
            "metadata": {"kernelspec": {"name": "xanoscript", "display_name": "XanoScript",
                                        "language": "xanoscript"}},
            "nbformat": 4, "nbformat_minor": 5}


# Module scope: Playwright's sync API keeps an event loop running while it is open, which
# would stop later asyncio tests (tests/lsp) from running their own.
@pytest.fixture(scope="module")
def browser(lab: str):
    """The system Chromium, headless, for one test module."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need("Playwright is not installed (pip install playwright; no browser download)")
    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def open_tab(browser, lab: str):
    """Opens a file of the lab's folder in a new tab: ``open_tab(name) -> page``."""
    def open_file(name: str):
        tab = browser.new_page(viewport={"width": 1400, "height": 1000})
        tab.set_default_timeout(TIMEOUT_MS)
        tab.goto(lab.format(name) + "&reset")  # not the tabs an earlier test left open
        return tab
    return open_file


@pytest.fixture(scope="session")
def jupyterlab_lsp() -> None:
    """jupyterlab-lsp and jupyter-lsp are installed (the `lsp` extra)."""
    import importlib.util

    missing = [name for name in ("jupyter_lsp", "jupyterlab_lsp")
               if importlib.util.find_spec(name) is None]
    need(f"{', '.join(missing)} not installed (pip install -e '.[lsp]')" if missing else None)
