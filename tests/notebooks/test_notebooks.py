"""The tutorials against real Redis deployments, and their coverage of the redis spec.

The main pytest run executes every notebook with nbval on the embedded store (see
``addopts`` in pyproject.toml). Here the same nbval run goes against the machine's real
server and the cluster, TLS server and Sentinel the suite starts, each under a key prefix
unique to this run that is deleted afterwards.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
NBVAL_ARGS = ["--nbval", "--nbval-kernel-name=xanoscript",
              "--nbval-sanitize-with=notebooks/sanitize.cfg"]


def spec_blocks(text: str) -> list[str]:
    return [m.group(1).strip("\n") for m in re.finditer(r"```xs\n(.*?)```", text, re.S)]


def notebook_code(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code"]


def _normalise(code: str) -> str:
    return "\n".join(line.rstrip() for line in code.strip().splitlines())


def test_every_spec_block_appears_in_a_notebook(spec_path: Path) -> None:
    blocks = spec_blocks(spec_path.read_text(encoding="utf-8"))
    assert len(blocks) >= 7, "the spec's code blocks were not found"
    cells = "\n\n".join(_normalise(c) for path in NOTEBOOKS for c in notebook_code(path))
    missing = [b.splitlines()[0] for b in blocks if _normalise(b) not in cells]
    assert not missing, f"spec blocks no notebook runs: {missing}"


def test_spec_block_extraction_sees_every_fence() -> None:
    text = "intro\n```xs\nvar $a { value = 1 }\n```\nmore\n```xs\n# c\nredis.get { key = \"k\" } as $v\n```\n"
    assert spec_blocks(text) == ['var $a { value = 1 }', '# c\nredis.get { key = "k" } as $v']


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_starts_from_a_clean_slate(path: Path) -> None:
    first = notebook_code(path)[0]
    assert first.splitlines()[0].strip() == "%reset"


@pytest.mark.kernel
@pytest.mark.slow
@pytest.mark.live_redis
@pytest.mark.parametrize("kind", ["server", "cluster", "tls", "sentinel"])
def test_notebooks_pass_nbval_on_each_deployment(kind: str, redis_deployment_url,
                                                 redis_key_cleaner) -> None:
    real_redis_url = redis_deployment_url(kind)
    prefix = f"xs-nbval:{uuid.uuid4().hex[:8]}:"
    env = {**os.environ, "XS_REDIS_URL": real_redis_url, "XS_REDIS_PREFIX": prefix}
    try:
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-o", "addopts=",
             *NBVAL_ARGS, "notebooks/"],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=900,
        )
    finally:
        redis_key_cleaner(real_redis_url, prefix)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert re.search(r"\b\d+ passed\b", run.stdout)
