"""XanoScript text -> ``nodes.Program``: the one module that imports lark.

Owns the lark object (LALR, contextual lexer, built once per process from the package's
``xanoscript.lark``), the public ``parse`` / ``parse_expression`` / ``is_complete`` API
and the translation of lark's exceptions into ``XsSyntaxError``. Nodes are built during
parsing by ``builder.AstBuilder`` (inline callbacks), so no parse tree is kept.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark
from lark import __version__ as lark_version
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from .. import nodes
from .builder import AstBuilder
from ..errors import XsError, XsSyntaxError
from .scanner import completeness
from .syntax_errors import from_unexpected_characters, from_unexpected_token
from .terminals import TERMINALS

__all__ = ["parse", "parse_expression", "is_complete", "grammar_text"]


def grammar_text() -> str:
    return resources.files(__package__).joinpath("xanoscript.lark").read_text(encoding="utf-8")


def _parse_backtick(inner: str, line: int, column: int) -> Any:
    # Pad so every position inside the literal matches its place in the outer text.
    padded = "\n" * (line - 1) + " " * (column - 1) + inner
    try:
        return _run(padded, "expr_start")
    except XsSyntaxError as err:
        message = err.message.replace("the end of the input", "the end of the expression literal")
        raise XsSyntaxError(f"in an expression literal: {message}", span=err.span, hint=err.hint) from None


def _cache_dir() -> Path | None:
    """A per-user directory for the analysed grammar (never the shared temp dir: the
    cache is a pickle, and a pickle someone else can write must not be loaded)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "xs_kernel"
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path if os.access(path, os.W_OK) else None
    except OSError:
        return None


def _build(grammar: str, cache: str | bool) -> Lark:
    return Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        start=["start", "expr_start"],
        propagate_positions=True,
        maybe_placeholders=False,
        cache=cache,
        transformer=AstBuilder(_parse_backtick),
    )


def _cached_build(grammar: str) -> Lark:
    folder = _cache_dir()
    if folder is None:
        return _build(grammar, False)
    key = hashlib.sha256(f"{grammar}|{lark_version}|{sys.version_info[:2]}".encode()).hexdigest()[:20]
    final = folder / f"grammar-{key}.lark-cache"
    if final.exists():
        return _build(grammar, str(final))
    # Build into a private file, then rename: a concurrent reader never sees half a file.
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".grammar-", suffix=".tmp")
    os.close(fd)
    os.unlink(tmp)
    try:
        lark = _build(grammar, tmp)
        os.replace(tmp, final)
    except OSError:
        lark = _build(grammar, False)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return lark


@functools.lru_cache(maxsize=1)
def _lark() -> Lark:
    lark = _cached_build(grammar_text())
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
    except UnexpectedEOF:  # only raised by non-LALR front ends; kept for safety
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
    return _located(text, "start", name)


def parse_expression(text: str) -> Any:
    """Parse a single expression (the body of a backtick literal)."""
    return _located(text, "expr_start", "<expression>")


def _located(text: str, start: str, name: str) -> Any:
    try:
        return _run(text, start)
    except XsSyntaxError as err:
        raise err.located(name, text) if isinstance(text, str) else err
    except Exception as exc:  # never let a Python error reach the user
        raise XsSyntaxError(f"the parser failed on this input ({type(exc).__name__})") from None


def is_complete(code: str) -> tuple[str, str]:
    """("complete", ""), ("incomplete", indent) or ("invalid", "") for a notebook cell."""
    return completeness(code)
