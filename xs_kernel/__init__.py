"""xs_kernel: a Jupyter kernel for XanoScript.

Reading order: ``parsing/`` (grammar and parser) -> ``nodes`` (the AST) -> ``compiler`` ->
``interpreter`` -> any module in ``namespaces/`` or ``filters/``. The language core
(everything but ``kernel``, ``magics``, ``install`` and ``lexer``) never imports Jupyter.
"""

__version__ = "0.1.0"


def parse(text: str, name: str = "<input>"):
    """Parse XanoScript text into a :class:`xs_kernel.nodes.Program` (raises XsSyntaxError)."""
    from .parsing import parse as _parse

    return _parse(text, name)
