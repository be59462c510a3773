"""The language server's analysis without a client: chunking, problems, caching, features."""

from __future__ import annotations

from pathlib import Path

import pytest

from xs_kernel.lsp import features
from xs_kernel.lsp.analysis import Analyser
from xs_kernel.lsp.chunks import split
from xs_kernel.registry import load_builtins

DOC = '''function "greet" {
  input {
    text name
  }
  stack {
    var $greeting { value = "hi " ~ $input.name }
  }
  response = $greeting
}

// a brace in a string or a comment does not end an item: } {
var $total { value = "}" }
function.run "greet" {
  input = {name: "Ann"}
} as $said
debug.log {
  value = $total
    |strlen
}
'''


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    return Analyser(load_builtins())


def test_split_finds_each_top_level_item_and_keeps_every_line() -> None:
    chunks = split(DOC)
    assert [c.line for c in chunks] == [1, 12, 13, 16]
    assert "".join(c.text for c in chunks) == DOC
    assert chunks[3].text.splitlines()[-1] == "}"  # `|strlen` continued the item


def test_split_ignores_brackets_in_strings_and_comments() -> None:
    text = 'var $a { value = "{[(" } // {\nvar $b { value = 1 }\n'
    assert [c.line for c in split(text)] == [1, 2]


def test_valid_document_has_no_problems(analyser: Analyser) -> None:
    assert analyser.problems(DOC) == []


def test_problems_are_located_in_the_document(analyser: Analyser) -> None:
    text = DOC + 'redis.set { key = "k" bogus = 1 }\nvar $x { value = $a|nosuch }\n'
    found = analyser.problems(text)
    assert [(p.span.line, p.span.column) for p in found] == [(20, 23), (21, 20)]
    assert "has no attribute `bogus`" in found[0].message
    assert "unknown filter `nosuch`" in found[1].message


def test_every_broken_item_is_reported_not_only_the_first(analyser: Analyser) -> None:
    text = "var $a { value = 1 + }\nvar $ok { value = 2 }\nvar $b { value = ( }\n"
    assert [p.span.line for p in analyser.problems(text)] == [1, 3]


def test_positions_named_in_messages_are_document_positions(analyser: Analyser) -> None:
    text = "var $a { value = 1 }\n\nvar $b {\n  value = 2\n"
    (problem,) = analyser.problems(text)
    assert "opened on line 3" in problem.message


def test_an_edit_reads_only_the_item_it_touched(analyser: Analyser, monkeypatch) -> None:
    from xs_kernel.lsp import analysis

    analyser.problems(DOC)
    seen: list[str] = []
    real = analysis.check_chunk
    monkeypatch.setattr(analysis, "check_chunk", lambda text, reg: seen.append(text) or real(text, reg))
    analyser.problems(DOC.replace("value = $total", "value = $total + 1"))
    assert len(seen) == 1 and "$total + 1" in seen[0]


def test_symbols_list_constructs_with_their_variables(analyser: Analyser) -> None:
    found = features.symbols(DOC, analyser)
    assert [(s.name, s.kind, s.span.line) for s in found] == [
        ("greet", "function", 1), ("$total", "variable", 12)]
    assert [(c.name, c.span.line) for c in found[0].children] == [("$greeting", 6)]


def test_completion_offers_statements_filters_variables_and_input_fields(analyser: Analyser) -> None:
    def labels(text: str) -> list[str]:
        line = text.count("\n")
        return features.completions(text, line, len(text.split("\n")[-1]), analyser)["matches"]

    assert "redis.set" in labels(DOC + "redis.")
    assert "upper" in labels(DOC + "var $u { value = $total|up")
    assert "$total" in labels(DOC + "var $u { value = $to")
    assert labels(DOC + "var $u { value = $input.") == ["name"]
    assert "ttl" in labels(DOC + 'redis.set {\n  key = "k"\n  t')


def test_hover_gives_the_kernel_help(analyser: Analyser) -> None:
    text = 'redis.set { key = "k" data = 1 }'
    help_text = features.hover(text, 0, 3, analyser)
    assert help_text is not None and help_text.startswith("redis.set {")
    assert features.hover("   ", 0, 1, analyser) is None


def test_definition_of_a_function_and_a_variable(analyser: Analyser) -> None:
    line = DOC.split("\n").index('function.run "greet" {')
    found = features.definition(DOC, line, 16, analyser)
    assert found is not None and found.path is None and found.span.line == 1
    use = DOC.split("\n").index("  value = $total")
    var = features.definition(DOC, use, 12, analyser)
    assert var is not None and (var.span.line, var.span.column) == (12, 5)
    assert features.definition(DOC, use, 2, analyser) is None


def test_definition_across_a_workspace_folder(analyser: Analyser, tmp_path: Path) -> None:
    (tmp_path / "functions").mkdir()
    (tmp_path / "functions" / "tax.xs").write_text(
        '// computes tax\nfunction "tax/compute" {\n  stack {}\n}\n', encoding="utf-8")
    text = 'function.run "tax/compute" as $t\n'
    found = features.definition(text, 0, 18, analyser, tmp_path)
    assert found is not None and found.path == tmp_path / "functions" / "tax.xs"
    assert (found.span.line, found.span.column) == (2, 1)
    assert features.definition('function.run "missing" as $t', 0, 18, analyser, tmp_path) is None


def test_offset_clamps_to_the_line_and_text() -> None:
    assert features.offset("ab\ncd", 1, 1) == 4
    assert features.offset("ab\ncd", 0, 99) == 2
    assert features.offset("ab\ncd", 9, 0) == 5


def test_statements_only_xanos_servers_run_are_warnings(analyser: Analyser) -> None:
    text = 'var $a { value = 1 }\ncloud.elasticsearch.query { index = "i" } as $hits\n'
    (problem,) = analyser.problems(text)
    assert problem.severity == "warning" and problem.span.line == 2
    assert "cloud.elasticsearch.query" in problem.message


def test_magic_lines_of_notebook_cells_are_not_xanoscript(analyser: Analyser) -> None:
    # jupyterlab-lsp sends a notebook's cells joined, magics included.
    text = '%reset\n%input {\n  "id": 1\n}\nvar $a { value = 1 }\n%call GET x\nvar $b { value = $a|nosuch }\n'
    (problem,) = analyser.problems(text)
    assert "unknown filter `nosuch`" in problem.message
    assert (problem.span.line, problem.span.column) == (7, 20)


def test_cell_magic_lines_are_not_xanoscript_either(analyser: Analyser) -> None:
    text = '%%time\nvar $a { value = 1 }\n  %%time\nvar $b { value = $a|nosuch }\n'
    (problem,) = analyser.problems(text)
    assert "unknown filter `nosuch`" in problem.message and problem.span.line == 4
