"""A Pygments lexer for XanoScript, so nbconvert's HTML export and Sphinx highlight cells.

Registered through the ``pygments.lexers`` entry point under the alias ``xanoscript`` (the
kernel's ``language_info.pygments_lexer``). It is a plain regular-expression lexer: it must
load fast and never fail, so it does not consult the registry or the parser; a dotted name
such as ``redis.set`` is highlighted as a builtin whether or not it exists. A ``%magic``
line at the top of a cell is highlighted as a directive; `//` and `#` start line comments
(as in the grammar). JupyterLab's highlighter (labextension/) is generated from the same word
lists.
"""

from __future__ import annotations

from pygments.lexer import RegexLexer, bygroups, include, words
from pygments.token import (Comment, Keyword, Name, Number, Operator, Punctuation, String,
                            Text, Whitespace)

__all__ = ["XanoScriptLexer"]

# Words the grammar treats as statements or block names (contextual: they may also be keys).
STATEMENT_WORDS = (
    "var", "conditional", "if", "elseif", "else", "switch", "case", "default", "break",
    "continue", "foreach", "for", "while", "each", "as", "try_catch", "try", "catch",
    "finally", "throw", "return", "group", "await", "precondition", "stack", "input",
    "response", "function", "query", "task", "table", "schema", "test", "middleware",
    "addon", "tool", "workflow_test", "api_group", "mock", "description", "disabled",
)
CONSTANTS = ("true", "false", "null", "now")
TYPE_WORDS = ("text", "int", "decimal", "bool", "object", "array", "timestamp", "date",
              "email", "password", "json", "uuid", "enum", "file", "image", "vector")


class XanoScriptLexer(RegexLexer):
    """Lexer for XanoScript, the scripting language of the Xano backend platform."""

    name = "XanoScript"
    aliases = ["xanoscript", "xs"]
    filenames = ["*.xs"]
    mimetypes = ["text/x-xanoscript"]
    url = "https://docs.xano.com/"

    tokens = {
        "root": [
            (r"^(\s*)(%[A-Za-z_]\w*)(.*?)$", bygroups(Whitespace, Comment.Preproc, Comment.Preproc)),
            include("code"),
        ],
        "code": [
            (r"\s+", Whitespace),
            # `#` starts a comment as `//` does (the grammar's COMMENT); its text never opens a
            # string, so an apostrophe in "# don't" stays in the comment.
            (r"(//|#).*?$", Comment.Single),
            (r'"""', String.Double, "triple-double"),
            (r"'''", String.Single, "triple-single"),
            (r"```", String.Backtick, "triple-backtick"),
            (r'"(\\\\|\\[^\\]|[^"\\\n])*"', String.Double),
            (r"'(\\\\|\\'|[^'\\\n]|\\(?!['\\]))*'", String.Single),
            (r"`(\\\\|\\`|[^`\\])*`", String.Backtick),
            (r"\$\$", Name.Builtin.Pseudo),
            (r"\$[A-Za-z_]\w*", Name.Variable),
            (r"(\|)(!?)([A-Za-z_]\w*)", bygroups(Operator, Operator, Name.Function)),
            (r"!(?=[A-Za-z_])", Operator),  # a disabled statement or attribute
            (words(CONSTANTS, suffix=r"\b"), Keyword.Constant),
            (r"-?\d+\.\d+", Number.Float),
            (r"-?\d+", Number.Integer),
            (r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+", Name.Builtin),
            (r"([A-Za-z_]\w*)(\s*)(=)(?!=)", bygroups(Name.Attribute, Whitespace, Operator)),
            (r"([A-Za-z_]\w*)(\s*)(:)", bygroups(Name.Property, Whitespace, Punctuation)),
            (words(STATEMENT_WORDS, suffix=r"\b"), Keyword),
            (words(TYPE_WORDS, suffix=r"\??\b"), Keyword.Type),
            (r"[A-Za-z_]\w*", Name),
            (r"===|!==|==|!=|<=|>=|&&|\|\||\?\?|\.\.|[-+*/%~<>!?=]", Operator),
            (r"[{}()\[\],.:|]", Punctuation),
            (r".", Text),
        ],
        "triple-double": [
            (r'"""', String.Double, "#pop"),
            (r'[^"]+|"', String.Double),
        ],
        "triple-single": [
            (r"'''", String.Single, "#pop"),
            (r"[^']+|'", String.Single),
        ],
        "triple-backtick": [
            (r"```", String.Backtick, "#pop"),
            (r"[^`]+|`", String.Backtick),
        ],
    }
