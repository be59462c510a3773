"""Our own example programs under tests/golden/parse/ must parse.

Each file starts with a comment line ``expect-kinds: ...`` listing the node class of
every top-level item, so a grammar change that silently regroups statements fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from xs_kernel.parsing import parse

GOLDEN = sorted((Path(__file__).resolve().parents[1] / "golden" / "parse").glob("*.xs"))


def test_there_are_golden_files():
    assert len(GOLDEN) >= 5


@pytest.mark.parametrize("path", GOLDEN, ids=[p.name for p in GOLDEN])
def test_golden_file_parses_to_the_expected_items(path):
    text = path.read_text(encoding="utf-8")
    m = re.search(r"expect-kinds:(.*)", text)
    assert m, f"{path.name} lacks an expect-kinds line"
    prog = parse(text, path.name)
    assert [type(x).__name__ for x in prog.items] == m.group(1).split()
