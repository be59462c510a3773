"""Every node carries the Span of the text it came from (1-based, end column exclusive)."""

from __future__ import annotations

import dataclasses

import pytest

from xs_kernel import nodes as n
from xs_kernel.parsing import parse
from xs_kernel.source import Span


def text_of(code: str, span: Span) -> str:
    lines = code.split("\n")
    if span.line == span.end_line:
        return lines[span.line - 1][span.column - 1: span.end_column - 1]
    parts = [lines[span.line - 1][span.column - 1:]]
    parts += lines[span.line: span.end_line - 1]
    parts.append(lines[span.end_line - 1][: span.end_column - 1])
    return "\n".join(parts)


def walk(node):
    if isinstance(node, n.Node):
        yield node
        for f in dataclasses.fields(node):
            yield from walk(getattr(node, f.name))
    elif isinstance(node, tuple):
        for x in node:
            yield from walk(x)


SPANS = [
    ("var $x { value = 1 }", n.VarDecl, "var $x { value = 1 }"),
    ("debug.log { value = 1 }", n.Attr, "value = 1"),
    ("  var $total {\n    value = $a + 2\n  }", n.Binary, "$a + 2"),
    ("$x|trim|to_lower", n.FilterApply, "$x|trim|to_lower"),
    ("(|uuid)", n.FilterApply, "|uuid"),
    ("$data.items[0].name", n.Member, "$data.items[0].name"),
    ("$a[-1]", n.Index, "$a[-1]"),
    ("-5", n.Literal, "-5"),
    ('"a\\"b"', n.Literal, '"a\\"b"'),
    ("{ a: 1, b: [2] }", n.ObjectLit, "{ a: 1, b: [2] }"),
    ("{ a: 1, b: [2] }", n.ObjectEntry, "a: 1"),
    ("{ a: 1, b: [2] }", n.ArrayLit, "[2]"),
    ("$a ? 1 : 2", n.Ternary, "$a ? 1 : 2"),
    ("!$a", n.Unary, "!$a"),
    ('db.get "u" {\n  field_name = "id"\n} as $u', n.Statement, 'db.get "u" {\n  field_name = "id"\n} as $u'),
    ("!debug.log { value = 1 }", n.Statement, "!debug.log { value = 1 }"),
    ("conditional {\n  if ($a) {\n  }\n}", n.Conditional, "conditional {\n  if ($a) {\n  }\n}"),
    ("conditional {\n  if ($a) {\n  }\n}", n.Branch, "if ($a) {\n  }"),
    ("foreach ($l) {\n  each as $x {\n    break\n  }\n}", n.Break, "break"),
    ('function "f" {\n  input {\n    text? name?="x"\n  }\n}', n.InputField, 'text? name?="x"'),
    ('function "f" {\n  input {\n    text name\n  }\n}', n.Block, "input {\n    text name\n  }"),
    ('function "f" {\n  stack {\n  }\n}', n.Construct, 'function "f" {\n  stack {\n  }\n}'),
    ("var $x { value = `$a + 1` }", n.ExprLiteral, "`$a + 1`"),
    ("var $x {\n  value = `$a\n    + 1`\n}", n.Binary, "$a\n    + 1"),
    ("$db.u.age between 1:5", n.ArrayLit, "1:5"),
]


@pytest.mark.parametrize("code,kind,want", SPANS)
def test_span_covers_the_source_text(code, kind, want):
    nodes = [x for x in walk(parse(code)) if isinstance(x, kind)]
    assert nodes, f"no {kind.__name__} in {code!r}"
    assert text_of(code, nodes[0].span) == want


def test_backtick_inner_nodes_use_outer_positions():
    code = "var $x {\n  value = `$a + $bb`\n}"
    v = [x for x in walk(parse(code)) if isinstance(x, n.Variable)]
    assert [(x.name, x.span.line, x.span.column) for x in v] == [("a", 2, 12), ("bb", 2, 17)]


def test_every_node_has_a_real_span():
    code = (
        'function "f" {\n  input {\n    int a?=1 filters=min:0\n  }\n  stack {\n'
        "    var $r { value = ($input.a|add:2) * 3 }\n"
        "    foreach ([1, 2]) {\n      each as $i {\n        math.add $r { value = $i }\n      }\n    }\n"
        '    redis.get { key = "k" } as $v|to_int\n  }\n  response = $r\n}\n$r'
    )
    for node in walk(parse(code)):
        sp = node.span
        assert sp.line >= 1 and sp.column >= 1, node
        assert (sp.end_line, sp.end_column) > (sp.line, sp.column), node


def test_spans_are_relative_to_the_text_given():
    first = parse("var $x { value = 1 }").items[0].span
    later = parse("\n\n  var $x { value = 1 }").items[0].span
    assert (first.line, first.column) == (1, 1)
    assert (later.line, later.column, later.end_column) == (3, 3, 23)
