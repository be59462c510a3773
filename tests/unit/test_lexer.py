"""lexer: registered with Pygments, lossless, no error tokens, the right token kinds."""

from __future__ import annotations

import pytest
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import find_lexer_class_for_filename, get_lexer_by_name, get_lexer_for_mimetype
from pygments.token import Comment, Error, Keyword, Name, Number, Operator, String

from xs_kernel.lexer import XanoScriptLexer

PROGRAM = '''%time
// store a session for a day
var $user { value = {id: 7, name: 'Ann', tags: ["a", "b"], ok: true, none: null} }
redis.set {
  key = "session:" ~ $user.id  // trailing comment
  data = $user
  ttl = 86400
}
redis.get { key = "session:7" } as $s
!debug.log { value = $s|get:"name"|upper }
var $big { value = """
multi "line" text
""" }
conditional {
  if (($s|count) > 0 && $n % 2 == 0) {
    debug.log { value = `$$ > 1` }
  }
  elseif ($x === -1.5) {
    throw { name = "E", value = "bad" }
  }
}
'''


def test_found_through_the_entry_point_by_alias_filename_and_mimetype() -> None:
    assert type(get_lexer_by_name("xanoscript")) is XanoScriptLexer
    assert find_lexer_class_for_filename("handler.xs") is XanoScriptLexer
    assert type(get_lexer_for_mimetype("text/x-xanoscript")) is XanoScriptLexer


def test_tokens_cover_the_text_without_errors() -> None:
    tokens = list(XanoScriptLexer().get_tokens(PROGRAM))
    assert "".join(text for _, text in tokens) == PROGRAM
    assert [t for t in tokens if t[0] in Error] == []


def _kinds(code: str) -> list[tuple[object, str]]:
    return [(k, v) for k, v in XanoScriptLexer().get_tokens(code) if v.strip()]


@pytest.mark.parametrize("code, token, kind", [
    ("%vars", "%vars", Comment.Preproc),
    ("// note", "// note", Comment.Single),
    ('var $x { value = "a\\"b" }', '"a\\"b"', String.Double),
    ("var $x { value = 'it\\'s' }", "'it\\'s'", String.Single),
    ("var $x { value = `$$ > 1` }", "`$$ > 1`", String.Backtick),
    ("var $x { value = 1 }", "var", Keyword),
    ("var $x { value = 1 }", "$x", Name.Variable),
    ("var $x { value = 1 }", "value", Name.Attribute),
    ("var $x { value = 1 }", "1", Number.Integer),
    ("var $x { value = -2.5 }", "-2.5", Number.Float),
    ("var $x { value = null }", "null", Keyword.Constant),
    ("redis.incr { key = \"c\" }", "redis.incr", Name.Builtin),
    ("var $x { value = $y|trim }", "trim", Name.Function),
    ("var $x { value = {name: 1} }", "name", Name.Property),
    ("var $x { value = $a ~ $b }", "~", Operator),
])
def test_token_kinds(code: str, token: str, kind: object) -> None:
    assert (kind, token) in _kinds(code)


def test_percent_inside_an_expression_is_an_operator_not_a_magic() -> None:
    assert (Operator, "%") in _kinds("var $x { value = $a % 2 }")


def test_nbconvert_style_html_highlighting() -> None:
    out = highlight("redis.get { key = \"<k>\" } as $v", XanoScriptLexer(), HtmlFormatter())
    assert "&lt;k&gt;" in out and 'class="nb"' in out


@pytest.mark.parametrize("line", [
    "# don't store the password",
    "  # it's a 'quoted' word and a \"double\" one",
    "#",
])
def test_hash_comment_is_one_comment_even_with_quotes(line: str) -> None:
    code = f"var $x {{ value = 1 }}\n{line}\nvar $y {{ value = 2 }}"
    kinds = _kinds(code)
    assert (Comment.Single, line.strip()) in kinds
    assert not any(kind in String for kind, _ in kinds)
    assert (Name.Variable, "$y") in kinds  # the next line is code again


def test_hash_after_code_is_a_trailing_comment_and_inside_a_string_is_text() -> None:
    kinds = _kinds('var $x { value = "a#b" }  # the user\'s id')
    assert (String.Double, '"a#b"') in kinds
    assert (Comment.Single, "# the user's id") in kinds
