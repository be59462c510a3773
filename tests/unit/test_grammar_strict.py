"""The grammar has no hidden LALR conflicts and no colliding terminals.

Lark's strict mode raises on any shift/reduce conflict (which it would otherwise resolve
silently as a shift) and, through interegular, on two terminals of the same priority that
can match the same text.
"""

from __future__ import annotations

import lark
import pytest

from xs_kernel.parsing import grammar_text


def test_grammar_builds_in_strict_mode():
    pytest.importorskip("interegular")
    parser = lark.Lark(grammar_text(), parser="lalr", lexer="contextual",
                       start=["start", "expr_start"], strict=True)
    assert parser.parse("var $x { value = 1 }", start="start")


def test_grammar_is_package_data():
    from importlib import resources

    text = resources.files("xs_kernel.parsing").joinpath("xanoscript.lark").read_text(encoding="utf-8")
    assert text == grammar_text() and "start:" in text


def test_parser_object_is_built_once():
    from xs_kernel.parsing import parser

    assert parser._lark() is parser._lark()
