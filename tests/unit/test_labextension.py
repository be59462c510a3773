"""The shipped JupyterLab extension (share/jupyter/labextensions/) matches labextension/."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_PATH = ROOT / "tools" / "build_labextension.py"
_spec = importlib.util.spec_from_file_location("build_labextension_tool", _PATH)
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)


def test_the_shipped_bundle_was_built_from_the_sources_in_the_repo() -> None:
    assert tool.stale() == [], "run python tools/build_labextension.py and commit the output"


def test_the_word_lists_are_the_pygments_lexers() -> None:
    from xs_kernel import lexer

    words = (ROOT / "labextension" / "src" / "words.ts").read_text(encoding="utf-8")
    for word in (*lexer.STATEMENT_WORDS, *lexer.TYPE_WORDS, *lexer.CONSTANTS):
        assert f'"{word}"' in words


def test_a_changed_source_file_changes_the_digest(tmp_path: Path) -> None:
    copy = tmp_path / "labextension"
    (copy / "src").mkdir(parents=True)
    for path in tool.source_files():
        shutil.copy(path, copy / path.relative_to(tool.SOURCE))
    assert tool.source_digest(copy) == tool.source_digest()
    tokenizer = copy / "src" / "tokenizer.ts"
    tokenizer.write_text(tokenizer.read_text(encoding="utf-8") + "\n// edited\n", encoding="utf-8")
    assert tool.source_digest(copy) != tool.source_digest()


def test_the_bundle_is_a_loadable_labextension_holding_the_tokenizer() -> None:
    meta = json.loads((tool.OUTPUT / "package.json").read_text(encoding="utf-8"))
    assert meta["name"] == tool.NAME
    entry = tool.OUTPUT / meta["jupyterlab"]["_build"]["load"]
    assert entry.is_file()
    bundle = "".join(p.read_text(encoding="utf-8") for p in (tool.OUTPUT / "static").glob("*.js"))
    for needle in ('"try_catch"', '"precondition"', "xs-", "text/x-xanoscript"):
        assert needle in bundle


@pytest.mark.parametrize("module", ["tokenizer", "language", "index"])
def test_each_source_module_is_in_the_stamp(module: str) -> None:
    stamp = json.loads((tool.OUTPUT / tool.SOURCE_STAMP).read_text(encoding="utf-8"))
    assert f"src/{module}.ts" in stamp["files"]
