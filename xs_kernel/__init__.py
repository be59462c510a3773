"""xs_kernel: a Jupyter kernel for XanoScript.

Reading order: ``xanoscript.lark`` (the grammar) -> ``nodes`` (the AST) -> ``parser`` ->
``interpreter`` -> any module in ``namespaces/`` or ``filters/``. The language core
(everything but ``kernel``, ``magics``, ``install`` and ``lexer``) never imports Jupyter.
"""

__version__ = "0.1.0"


def parse(text: str, name: str = "<input>"):
    """Parse XanoScript text into a :class:`xs_kernel.nodes.Program` (raises XsSyntaxError)."""
    from .parser import parse as _parse

    return _parse(text, name)
