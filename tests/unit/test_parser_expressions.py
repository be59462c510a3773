"""Expressions: literals, paths, operators and precedence, filters, object/array literals.

Each case is written as XanoScript and compared with a compact s-expression of the AST
(see ``sx``), so a table row reads like the tree the interpreter will see.
"""

from __future__ import annotations

import pytest

from xs_kernel import nodes as n
from xs_kernel.errors import XsSyntaxError
from xs_kernel.parsing import parse, parse_expression


def sx(e) -> str:
    """Render an expression without spans: (op left right), (|name operand args...)."""
    if isinstance(e, n.Literal):
        return repr(e.value)
    if isinstance(e, n.Now):
        return "now"
    if isinstance(e, n.Variable):
        return "$" + e.name
    if isinstance(e, n.Member):
        return f"{sx(e.obj)}.{e.name}"
    if isinstance(e, n.Index):
        return f"{sx(e.obj)}[{sx(e.index)}]"
    if isinstance(e, n.Binary):
        op = e.op.value + ("?" if e.ignore_empty and not e.op.value.endswith("?") else "")
        return f"({op} {sx(e.left)} {sx(e.right)})"
    if isinstance(e, n.Unary):
        return f"({e.op.value}{sx(e.operand)})"
    if isinstance(e, n.Ternary):
        return f"(? {sx(e.cond)} {sx(e.then)} {sx(e.otherwise)})"
    if isinstance(e, n.FilterApply):
        parts = ["|" + ("!" if e.disabled else "") + e.name]
        parts.append(sx(e.operand) if e.operand is not None else "_")
        parts.extend(sx(a) for a in e.args)
        return "(" + " ".join(parts) + ")"
    if isinstance(e, n.ObjectLit):
        return "{" + ", ".join(("!" if x.disabled else "") + f"{x.key}: {sx(x.value)}" for x in e.entries) + "}"
    if isinstance(e, n.ArrayLit):
        return "[" + ", ".join(sx(x) for x in e.items) + "]"
    if isinstance(e, n.ExprLiteral):
        return "`" + sx(e.expr) + "`"
    raise AssertionError(f"not an expression: {e!r}")


def expr(text: str):
    prog = parse(text)
    assert len(prog.items) == 1, prog.items
    assert isinstance(prog.items[0], n.ExprStmt)
    return prog.items[0].expr


LITERALS = [
    ("1", "1"),
    ("-5", "-5"),
    ("1.5", "1.5"),
    ("-0.25", "-0.25"),
    ("true", "True"),
    ("false", "False"),
    ("null", "None"),
    ("now", "now"),
    ('"a\\tb\\n"', repr("a\tb\n")),
    ('"say \\"hi\\""', repr('say "hi"')),
    ('"\\x41\\101"', repr("AA")),
    ('"keep \\d+"', repr("keep \\d+")),
    ("'it\\'s'", repr("it's")),
    ("'C:\\\\dir\\n'", repr("C:\\dir\\n")),
    ('""', repr("")),
    ("2025-01-01 00:00:00+0000", repr("2025-01-01 00:00:00+0000")),
]


@pytest.mark.parametrize("text,want", LITERALS)
def test_literals(text, want):
    assert sx(expr(text)) == want


def test_text_blocks_are_dedented():
    code = 'var $t {\n  value = """\n    line one\n      indented\n    last\n    """\n}'
    assert parse(code).items[0].value.value == "line one\n  indented\nlast"
    code = "var $t {\n  value = '''\n    a \\n b\n  '''\n}"
    assert parse(code).items[0].value.value == "a \\n b"


PATHS = [
    ("$x", "$x"),
    ("$var.x", "$x"),
    ("$var.x.y", "$x.y"),
    ("$$", "$this"),
    ("$this.id", "$this.id"),
    ("$input.name", "$input.name"),
    ("$env.API_KEY", "$env.API_KEY"),
    ("$env.$remote_ip", "$env.$remote_ip"),
    ("$auth.id", "$auth.id"),
    ("$db.user.email", "$db.user.email"),
    ("$index", "$index"),
    ("$items.0", "$items.0"),
    ("$items.0.name", "$items.0.name"),
    ('$obj["key"]', "$obj['key']"),
    ('$obj.["key"]', "$obj['key']"),
    ("$arr[$i]", "$arr[$i]"),
    ("$arr[-1]", "$arr[-1]"),
    ("$arr[$i - 1]", "$arr[(- $i 1)]"),
    ("$data.items[0].name", "$data.items[0].name"),
    ("($a|first).name", "(|first $a _)".replace(" _", "") + ".name"),
]


@pytest.mark.parametrize("text,want", PATHS)
def test_paths(text, want):
    assert sx(expr(text)) == want


PRECEDENCE = [
    ("1 + 2 * 3", "(+ 1 (* 2 3))"),
    ("1 * 2 + 3", "(+ (* 1 2) 3)"),
    ("10 - 4 - 3", "(- (- 10 4) 3)"),
    ("8 / 4 / 2", "(/ (/ 8 4) 2)"),
    ("10 - 4 % 3", "(- 10 (% 4 3))"),
    ("2 * 3 % 4", "(% (* 2 3) 4)"),
    ('"a" ~ 1 + 2', "(+ (~ 'a' 1) 2)"),
    ("2 == 1 + 1", "(== 2 (+ 1 1))"),
    ("1 < 2 == true", "(== (< 1 2) True)"),
    ("true || false && false", "(|| True (&& False False))"),
    ("null ?? 1 + 1", "(?? None (+ 1 1))"),
    ("$a ?? $b || $c", "(?? $a (|| $b $c))"),
    ("!true == false", "(== (!True) False)"),
    ("!$a && $b", "(&& (!$a) $b)"),
    ("1..5", "(.. 1 5)"),
    ("0..$n - 1", "(.. 0 (- $n 1))"),
    ("$a > 1 ? \"big\" : \"small\"", "(? (> $a 1) 'big' 'small')"),
    ("$a ? 1 : $b ? 2 : 3", "(? $a 1 (? $b 2 3))"),
    ("$a != null && $a.b != null ? \"x\" ~ $a.b : null",
     "(? (&& (!= $a None) (!= $a.b None)) (~ 'x' $a.b) None)"),
    ("$a === $b", "(=== $a $b)"),
    ("$a !== $b", "(!== $a $b)"),
    ("$a <= $b", "(<= $a $b)"),
    ("$a >= $b", "(>= $a $b)"),
    ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
    ("-$x", "(-$x)"),
    ("$a - -1", "(- $a -1)"),
    # Lenient: binary minus without spaces (the official validator rejects these).
    ("$a -1", "(- $a 1)"),
    ("$a-1", "(- $a 1)"),
]


@pytest.mark.parametrize("text,want", PRECEDENCE)
def test_precedence(text, want):
    assert sx(expr(text)) == want


WHERE_OPS = [
    ("$db.u.a ==? $x", "(==? $db.u.a $x)"),
    ("$db.u.a !=? $x", "(!=? $db.u.a $x)"),
    ("$db.u.a >=? $x", "(>=? $db.u.a $x)"),
    ("$db.u.a <? $x", "(<? $db.u.a $x)"),
    ("$db.u.id in [1, 2]", "(in $db.u.id [1, 2])"),
    ("$db.u.id not in [1, 2]", "(not in $db.u.id [1, 2])"),
    ('$db.u.n like "a%"', "(like $db.u.n 'a%')"),
    ('$db.u.n not ilike "a%"', "(not ilike $db.u.n 'a%')"),
    ("$db.u.n includes? $q", "(includes? $db.u.n $q)"),
    ('$db.u.tags contains "x"', "(contains $db.u.tags 'x')"),
    ('$db.u.tags not overlaps ["x"]', "(not overlaps $db.u.tags ['x'])"),
    ("$db.u.age between 18:65", "(between $db.u.age [18, 65])"),
    ("$db.u.age not between 1:2 && $x", "(&& (not between $db.u.age [1, 2]) $x)"),
    ('$db.u.meta @> {"a": 1}', "(@> $db.u.meta {a: 1})"),
    ('$db.u.sku ~ "^S"', "(~ $db.u.sku '^S')"),
    ('$db.u.sku !~ "^S"', "(!~ $db.u.sku '^S')"),
    ('$db.u.doc search "x"', "(search $db.u.doc 'x')"),
]


@pytest.mark.parametrize("text,want", WHERE_OPS)
def test_where_clause_operators(text, want):
    assert sx(expr(text)) == want


FILTERS = [
    ("$x|trim", "(|trim $x)"),
    ("$x|trim|to_lower", "(|to_lower (|trim $x))"),
    ('$s|substr:0:10', "(|substr $s 0 10)"),
    ('$o|get:"k":"d"', "(|get $o 'k' 'd')"),
    ("$x|!trim", "(|!trim $x)"),
    # The sign belongs to a number literal, so it is applied before the filter.
    ("-7|abs", "(|abs -7)"),
    ("-4.2|ceil", "(|ceil -4.2)"),
    ("$a - 7|abs", "(- $a (|abs 7))"),
    # A filter binds to the operand right before it, after its path.
    ('"a" ~ $x|to_text', "(~ 'a' (|to_text $x))"),
    ("$a.b[0]|count", "(|count $a.b[0])"),
    ("3 < $arr|count", "(< 3 (|count $arr))"),
    ("!$a|is_empty", "(!(|is_empty $a))"),
    ("($arr|count) > 0", "(> (|count $arr) 0)"),
    # Filter arguments are greedy: they run to the next |, :, comma or bracket.
    ('$x|get:"k" == 3', "(|get $x (== 'k' 3))"),
    ("$a|filter:$$ > 1|count", "(|count (|filter $a (> $this 1)))"),
    ("$a|map:$$.name", "(|map $a $this.name)"),
    ("$a|reduce:$$ + $result:0", "(|reduce $a (+ $this $result) 0)"),
    ("$a|set:\"k\":-1", "(|set $a 'k' -1)"),
    ("$a|add:1 ?? 2", "(|add $a (?? 1 2))"),
    # Bare words in filter arguments are text.
    ("$a|sort:name:text:true", "(|sort $a 'name' 'text' True)"),
    # Standalone filters.
    ("(|uuid)", "(|uuid _)"),
    ("(|range:1:5)", "(|range _ 1 5)"),
    ("|range:1:5", "(|range _ 1 5)"),
    ("[$a|first, $b|last]", "[(|first $a), (|last $b)]"),
    ('{ a: $x|trim, b: 2 }', "{a: (|trim $x), b: 2}"),
]


@pytest.mark.parametrize("text,want", FILTERS)
def test_filters(text, want):
    assert sx(expr(text)) == want


def test_filter_chain_continues_on_lines_starting_with_a_pipe():
    code = "var $x {\n  value = $input.name\n    |trim\n    // a comment line in between\n    |to_lower\n}"
    assert sx(parse(code).items[0].value) == "(|to_lower (|trim $input.name))"


def test_filter_argument_ends_at_end_of_line():
    code = 'db.get "u" {\n  field_value = $x|get:"id"\n  field_name = "id"\n}'
    attrs = parse(code).items[0].items
    assert [a.name for a in attrs] == ["field_value", "field_name"]
    assert sx(attrs[0].value) == "(|get $x 'id')"


LITERAL_COLLECTIONS = [
    ("[]", "[]"),
    ("[1, 2, 3]", "[1, 2, 3]"),
    ("[1, 2,]", "[1, 2]"),
    ("[\n  1\n  -2\n]", "[1, -2]"),
    ('[\n  "a",\n  "b"\n]', "['a', 'b']"),
    ("[[1], [2]]", "[[1], [2]]"),
    ("{}", "{}"),
    ('{ a: 1, "b c": 2 }', "{a: 1, b c: 2}"),
    ("{ post.title: \"desc\" }", "{post.title: 'desc'}"),
    ("{\n  a: 1\n  b: { c: [true] }\n}", "{a: 1, b: {c: [True]}}"),
    ("{ a: 1 b: 2 }", "{a: 1, b: 2}"),
    ("{ !secret: $x, shown: 1 }", "{!secret: $x, shown: 1}"),
    ("{ if: 1, default: 2, true: 3 }", "{if: 1, default: 2, true: 3}"),
    ("{ order: desc }", "{order: 'desc'}"),
    ("[{a: 1}\n{a: 2}]", "[{a: 1}, {a: 2}]"),
]


@pytest.mark.parametrize("text,want", LITERAL_COLLECTIONS)
def test_objects_and_arrays(text, want):
    assert sx(expr(text)) == want


def test_backtick_expression_literals():
    assert sx(expr("`$a + 1`")) == "`(+ $a 1)`"
    assert sx(expr("```\n$a|count\n```")) == "`(|count $a)`"
    assert sx(expr("`$s ~ \"\\`\"`")) == "`(~ $s '`')`"


def test_parse_expression_entry_point():
    assert sx(parse_expression("$a.b|count > 0 ? 1 : 2".replace("$a.b|count", "($a.b|count)"))) == (
        "(? (> (|count $a.b) 0) 1 2)"
    )
    assert sx(parse_expression("\n  $x  \n")) == "$x"
    with pytest.raises(XsSyntaxError):
        parse_expression("var $x { value = 1 }")


def test_keywords_are_fine_as_member_names():
    assert sx(expr("$x.if.default.count.input.true")) == "$x.if.default.count.input.true"
