"""tools/check_docs.py: block extraction, the "marked wrong" rule, templates, exit status."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "tools" / "check_docs.py"
_spec = importlib.util.spec_from_file_location("check_docs_tool", _PATH)
check_docs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_docs)

FENCE = "`" * 3

SAMPLE = f"""# Notes

Some prose.

{FENCE}xs
var $ok {{ value = 1 }}
{FENCE}

## Common mistakes

Wrong:

{FENCE}xs
var $bad {{ value = $a|count > 1 }}
{FENCE}

{FENCE}xs
// ❌ this one is wrong on purpose
var $bad {{ value = {{ a = 1 }} }}
{FENCE}

{FENCE}python
this is not xanoscript
{FENCE}

## Templates

{FENCE}xs
function "f" {{
  stack {{ ... }}
}}
{FENCE}

## Nested fences

{FENCE}xs
var $t {{
  value = \"\"\"
    text with a fence inside
    {FENCE}
    still text
  \"\"\"
}}
{FENCE}
"""


def test_extract_blocks_only_takes_xs_and_respects_indented_fences():
    blocks = check_docs.extract_blocks(SAMPLE)
    assert len(blocks) == 5
    assert blocks[0][1] == "var $ok { value = 1 }"
    assert "still text" in blocks[4][1]


def test_marked_wrong_rules():
    blocks = check_docs.extract_blocks(SAMPLE)
    marks = [check_docs.marked_wrong(body, prev, head) for _, body, prev, head in blocks]
    assert marks == [False, True, True, False, False]


@pytest.mark.parametrize("body,want", [
    ("stack { ... }", True),
    ("addon <name> {\n}", True),
    ('function "<name>" {\n}', False),
    ('var $s { value = "..." }', False),
    ("// more code here...\nvar $a { value = 1 }", False),
    ("var $a { value = [1..5] }", False),
])
def test_is_template(body, want):
    assert check_docs.is_template(body) is want


def test_check_counts_and_exit_status(tmp_path, capsys):
    (tmp_path / "a.md").write_text(SAMPLE, encoding="utf-8")
    assert check_docs.check(tmp_path) == 0
    out = capsys.readouterr().out
    assert ("blocks: 5  parsed: 2  failed as marked wrong: 2  templates: 1  "
            "rejected on purpose: 0  failed: 0") in out
    (tmp_path / "b.md").write_text(f"{FENCE}xs\nvar $x {{ value = 1\n{FENCE}\n", encoding="utf-8")
    assert check_docs.check(tmp_path) == 1
    assert "b.md:1:" in capsys.readouterr().out


def test_known_invalid_blocks_are_reported_with_their_reason(tmp_path, capsys):
    (tmp_path / "security.md").write_text("".join(
        f"```xs\nvar $v{i} {{ value = 1 }}\n```\n" for i in range(16))
        + "```xs\nvar $x { value = $a|to_int ?? 0 }\n```\n", encoding="utf-8")
    assert check_docs.check(tmp_path) == 0
    out = capsys.readouterr().out
    assert "rejected on purpose: 1" in out and "why: `??` right after a filter chain" in out


def test_a_listed_block_that_parses_is_a_failure(tmp_path, capsys):
    (tmp_path / "security.md").write_text("```xs\nvar $x { value = 1 }\n```\n", encoding="utf-8")
    assert check_docs.check(tmp_path) == 1
    assert "security.md:17: listed in KNOWN_INVALID but it parses" in capsys.readouterr().out
