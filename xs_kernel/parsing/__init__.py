"""XanoScript text -> AST: the grammar and everything that reads it.

``xanoscript.lark`` is the grammar; ``parser`` owns the lark object and the public API;
``builder`` makes AST nodes while lark reduces; ``fragments`` holds the partial pieces
and literal decoding the builder works with; ``placement`` gives generic items their
meaning from the block they sit in; ``syntax_errors`` rewrites lark's failures in plain
words with hints.
"""

from .parser import grammar_text, is_complete, parse, parse_expression

__all__ = ["parse", "parse_expression", "is_complete", "grammar_text"]
