"""XanoScript text -> ``nodes.Program``: the one module that imports lark.

Owns the lark object (LALR, contextual lexer, built once per process from the package's
``xanoscript.lark``), the public ``parse`` / ``parse_expression`` / ``is_complete`` API
and the translation of lark's exceptions into ``XsSyntaxError``. Nodes are built during
parsing by ``ast_builder.AstBuilder`` (inline callbacks), so no parse tree is kept.
Must not import the interpreter or anything Jupyter.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from lark import Lark
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from . import nodes
from .ast_builder import AstBuilder
from .errors import XsError, XsSyntaxError
from .syntax_errors import (
    TERMINALS,
    completeness,
    from_unexpected_characters,
    from_unexpected_token,
)

__all__ = ["parse", "parse_expression", "is_complete", "grammar_text"]


def grammar_text() -> str:
    return resources.files("xs_kernel").joinpath("xanoscript.lark").read_text(encoding="utf-8")


def _parse_backtick(inner: str, line: int, column: int) -> Any:
    # Pad so every position inside the literal matches its place in the outer text.
    padded = "\n" * (line - 1) + " " * (column - 1) + inner
    return _run(padded, "expr_start")


@functools.lru_cache(maxsize=1)
def _lark() -> Lark:
    lark = Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        start=["start", "expr_start"],
        propagate_positions=True,
        maybe_placeholders=False,
        cache=True,
        transformer=AstBuilder(_parse_backtick),
    )
    TERMINALS.literal.update(
        {t.name: t.pattern.value for t in lark.terminals if t.pattern.type == "str"}
    )
    return lark


def _run(text: str, start: str) -> Any:
    if not isinstance(text, str):
        raise XsSyntaxError("source text must be a string")
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark from a file saved by an editor
    try:
        return _lark().parse(text, start=start)
    except XsError:
        raise
    except UnexpectedToken as e:
        raise from_unexpected_token(e, text) from None
    except UnexpectedCharacters as e:
        raise from_unexpected_characters(e, text) from None
    except UnexpectedEOF as e:  # only raised by non-LALR front ends; kept for safety
        raise XsSyntaxError("unexpected end of input") from None
    except UnexpectedInput as e:
        raise XsSyntaxError(f"syntax error: {e}") from None
    except RecursionError:
        raise XsSyntaxError(
            "the code is too deeply nested to parse",
            hint="split deeply nested expressions into several `var` statements",
        ) from None


def parse(text: str, name: str = "<input>") -> nodes.Program:
    """Parse a cell or file. Raises ``XsSyntaxError`` (with span and hint) on bad input."""
    try:
        return _run(text, "start")
    except XsSyntaxError as err:
        raise err.located(name, text) if isinstance(text, str) else err
    except Exception as exc:  # never let a Python error reach the user
        raise XsSyntaxError(f"the parser failed on this input ({type(exc).__name__})") from None


def parse_expression(text: str) -> Any:
    """Parse a single expression (the body of a backtick literal)."""
    try:
        return _run(text, "expr_start")
    except XsSyntaxError as err:
        raise err.located("<expression>", text) if isinstance(text, str) else err
    except Exception as exc:
        raise XsSyntaxError(f"the parser failed on this input ({type(exc).__name__})") from None


def is_complete(code: str) -> tuple[str, str]:
    """("complete", ""), ("incomplete", indent) or ("invalid", "") for a notebook cell."""
    return completeness(code)
