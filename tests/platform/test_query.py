"""Where clauses, joins and evals (hand-made AST) become the neutral condition tree."""

from __future__ import annotations

from typing import Any

import pytest
from xs_platform_builders import S, binary, col, const, lit, member, pipe, var

from xs_kernel import nodes
from xs_kernel import query as q
from xs_kernel.errors import XsError
from xs_kernel.registry import RawExpr

B = nodes.BinaryOp
VARS = {"input": {"category": "tech", "min": None, "ids": [1, 2], "name": "Ann"},
        "cutoff": 10}


def evaluate(node: Any) -> Any:
    """A tiny stand-in for the interpreter: literals, arrays, objects, $var paths, ~."""
    if isinstance(node, nodes.Literal):
        return node.value
    if isinstance(node, nodes.ArrayLit):
        return [evaluate(i) for i in node.items]
    if isinstance(node, nodes.ObjectLit):
        return {e.key: evaluate(e.value) for e in node.entries}
    if isinstance(node, nodes.Variable):
        return VARS.get(node.name)
    if isinstance(node, nodes.Member):
        base = evaluate(node.obj)
        return base.get(node.name) if isinstance(base, dict) else None
    if isinstance(node, nodes.Binary) and node.op is B.CONCAT:
        return f"{evaluate(node.left)}{evaluate(node.right)}"
    if isinstance(node, nodes.Binary) and node.op is B.GT:
        return evaluate(node.left) > evaluate(node.right)
    raise AssertionError(f"the test evaluator does not know {node!r}")


def cond(node: Any) -> q.Condition:
    return q.condition(RawExpr(node, evaluate))


P = q.Column


@pytest.mark.parametrize("node, expected", [
    (binary(col("p", "category"), B.EQ, member(var("input"), "category")),
     q.Compare("eq", P("p", "category"), q.Value("tech"))),
    (binary(col("p", "price"), B.NE, lit(0)),
     q.Not(q.Compare("eq", P("p", "price"), q.Value(0)))),
    (binary(col("p", "price"), B.SEQ, lit(0)), q.Compare("eq", P("p", "price"), q.Value(0))),
    (binary(col("p", "n"), B.LT, var("cutoff")), q.Compare("lt", P("p", "n"), q.Value(10))),
    (binary(col("p", "n"), B.LE, lit(1)), q.Compare("le", P("p", "n"), q.Value(1))),
    (binary(col("p", "n"), B.GT, lit(1)), q.Compare("gt", P("p", "n"), q.Value(1))),
    (binary(col("p", "n"), B.GE, lit(1)), q.Compare("ge", P("p", "n"), q.Value(1))),
    (binary(lit(5), B.LT, col("p", "n")), q.Compare("gt", P("p", "n"), q.Value(5))),
    (binary(var("cutoff"), B.EQ, col("p", "n")), q.Compare("eq", P("p", "n"), q.Value(10))),
    (binary(col("p", "id"), B.IN, member(var("input"), "ids")),
     q.Compare("in", P("p", "id"), q.Value([1, 2]))),
    (binary(col("p", "id"), B.IN, lit(3)), q.Compare("in", P("p", "id"), q.Value([3]))),
    (binary(col("p", "id"), B.NOT_IN, const([4])),
     q.Not(q.Compare("in", P("p", "id"), q.Value([4])))),
    (binary(col("p", "s"), B.LIKE, lit("a%")), q.Compare("like", P("p", "s"), q.Value("a%"))),
    (binary(col("p", "s"), B.NOT_LIKE, lit("a%")),
     q.Not(q.Compare("like", P("p", "s"), q.Value("a%")))),
    (binary(col("p", "s"), B.ILIKE, lit("a%")), q.Compare("ilike", P("p", "s"), q.Value("a%"))),
    (binary(col("p", "s"), B.NOT_ILIKE, lit("a%")),
     q.Not(q.Compare("ilike", P("p", "s"), q.Value("a%")))),
    (binary(col("p", "n"), B.BETWEEN, nodes.ArrayLit(S, (lit(1), var("cutoff")))),
     q.Compare("between", P("p", "n"), q.Value([1, 10]))),
    (binary(col("p", "n"), B.NOT_BETWEEN, const([1, 2])),
     q.Not(q.Compare("between", P("p", "n"), q.Value([1, 2])))),
    (binary(col("p", "tags"), B.CONTAINS, lit("x")),
     q.Compare("contains", P("p", "tags"), q.Value("x"))),
    (binary(col("p", "tags"), B.NOT_CONTAINS, lit("x")),
     q.Not(q.Compare("contains", P("p", "tags"), q.Value("x")))),
    (binary(col("p", "s"), B.INCLUDES, lit("x")),
     q.Compare("includes", P("p", "s"), q.Value("x"))),
    (binary(col("p", "s"), B.NOT_INCLUDES, lit("x")),
     q.Not(q.Compare("includes", P("p", "s"), q.Value("x")))),
    (binary(col("p", "tags"), B.OVERLAPS, const(["a"])),
     q.Compare("overlaps", P("p", "tags"), q.Value(["a"]))),
    (binary(col("p", "tags"), B.NOT_OVERLAPS, const(["a"])),
     q.Not(q.Compare("overlaps", P("p", "tags"), q.Value(["a"])))),
    (binary(col("p", "meta"), B.JSON_CONTAINS, const({"a": 1})),
     q.Compare("json_contains", P("p", "meta"), q.Value({"a": 1}))),
    (binary(col("p", "s"), B.CONCAT, lit("^a")), q.Compare("regex", P("p", "s"), q.Value("^a"))),
    (binary(col("p", "s"), B.REGEX, lit("^a")), q.Compare("regex", P("p", "s"), q.Value("^a"))),
    (binary(col("p", "s"), B.NOT_REGEX, lit("^a")),
     q.Not(q.Compare("regex", P("p", "s"), q.Value("^a")))),
    (binary(col("p", "s"), B.SEARCH, lit("x y")), q.Compare("search", P("p", "s"), q.Value("x y"))),
    (binary(col("p", "s"), B.EQ, binary(lit("A"), B.CONCAT, member(var("input"), "name"))),
     q.Compare("eq", P("p", "s"), q.Value("AAnn"))),
])
def test_operator(node: Any, expected: q.Condition) -> None:
    assert cond(node) == expected


@pytest.mark.parametrize("op, name", [
    (B.EQ_IGNORE_NULL, "eq"), (B.NE_IGNORE_NULL, "eq"), (B.LT_IGNORE_NULL, "lt"),
    (B.LE_IGNORE_NULL, "le"), (B.GT_IGNORE_NULL, "gt"), (B.GE_IGNORE_NULL, "ge"),
])
def test_null_safe_operators_drop_the_condition_for_null(op: B, name: str) -> None:
    dropped = binary(col("p", "price"), op, member(var("input"), "min"))
    assert cond(dropped) == q.Const(True)
    kept = cond(binary(col("p", "price"), op, lit(3)))
    inner = kept.item if isinstance(kept, q.Not) else kept
    assert inner == q.Compare(name, P("p", "price"), q.Value(3))
    assert isinstance(kept, q.Not) == (op is B.NE_IGNORE_NULL)


def test_groups_flatten_and_fold_constants() -> None:
    a = binary(col("p", "a"), B.EQ, lit(1))
    b = binary(col("p", "b"), B.EQ, lit(2))
    c = binary(col("p", "c"), B.EQ, lit(3))
    ca, cb, cc = (q.Compare("eq", P("p", n), q.Value(v)) for n, v in (("a", 1), ("b", 2), ("c", 3)))
    assert cond(binary(binary(a, B.AND, b), B.AND, c)) == q.Group("and", (ca, cb, cc))
    assert cond(binary(a, B.OR, binary(b, B.AND, c))) == q.Group(
        "or", (ca, q.Group("and", (cb, cc))))
    null_safe = binary(col("p", "a"), B.EQ_IGNORE_NULL, lit(None))
    assert cond(binary(null_safe, B.AND, b)) == cb
    assert cond(binary(binary(var("cutoff"), B.GT, lit(3)), B.OR, a)) == q.Const(True)
    assert cond(binary(binary(var("cutoff"), B.GT, lit(30)), B.AND, a)) == q.Const(False)


def test_conditions_without_columns_are_evaluated() -> None:
    assert cond(binary(var("cutoff"), B.GT, lit(3))) == q.Const(True)
    assert cond(lit(False)) == q.Const(False)
    assert q.condition(None) == q.Const(True)
    assert q.condition(True) == q.Const(True)
    flag = cond(binary(binary(var("cutoff"), B.GT, lit(30)), B.OR, binary(
        col("p", "a"), B.EQ, lit(1))))
    assert flag == q.Compare("eq", P("p", "a"), q.Value(1))


def test_negation_and_bare_boolean_column() -> None:
    assert cond(col("p", "active")) == q.Compare("eq", P("p", "active"), q.Value(True))
    negated = nodes.Unary(S, nodes.UnaryOp.NOT, col("p", "active"))
    assert cond(negated) == q.Not(q.Compare("eq", P("p", "active"), q.Value(True)))


def test_column_paths_and_filters() -> None:
    node = binary(pipe(col("p", "meta", "size", "w"), "add", lit(1)), B.GT, lit(2))
    assert cond(node) == q.Compare("gt", q.Column("p", "meta", ("size", "w"), (("add", (1,)),)),
                                   q.Value(2))
    disabled = nodes.FilterApply(S, col("p", "name"), "to_lower", (), disabled=True)
    assert q.column_of(disabled, evaluate) == q.Column("p", "name")


@pytest.mark.parametrize("node, words", [
    (binary(binary(col("p", "a"), B.ADD, lit(1)), B.GT, lit(2)), "only `$db.table.field"),
    (binary(lit(1), B.IN, col("p", "a")), "on the left"),
    (binary(col("p", "a"), B.BETWEEN, lit(3)), "two bounds"),
    (binary(col("p", "a"), B.LIKE, lit(None)), "text pattern"),
    (member(var("db"), "p"), "needs a table and a field"),
    (binary(col("p", "a"), B.ADD, lit(1)), "unsupported where clause"),
])
def test_unsupported_where_clauses_are_input_errors(node: Any, words: str) -> None:
    with pytest.raises(XsError) as info:
        cond(node)
    assert info.value.type == "inputerror" and words in info.value.message


def test_joins_and_evals() -> None:
    where = binary(col("post", "author_id"), B.EQ, col("writer", "id"))
    spec = nodes.ObjectLit(S, (nodes.ObjectEntry(S, "table", lit("author")),
                               nodes.ObjectEntry(S, "type", lit("LEFT")),
                               nodes.ObjectEntry(S, "where", where)))
    join = nodes.ObjectLit(S, (nodes.ObjectEntry(S, "writer", spec),))
    assert q.joins(RawExpr(join, evaluate)) == [q.Join(
        "writer", "author", "left",
        q.Compare("eq", P("post", "author_id"), P("writer", "id")))]
    ev = nodes.ObjectLit(S, (nodes.ObjectEntry(S, "who", col("writer", "name")),
                             nodes.ObjectEntry(S, "n", var("cutoff"))))
    assert q.evals(RawExpr(ev, evaluate)) == {"who": P("writer", "name"), "n": q.Value(10)}
    assert q.joins(None) == [] and q.evals(None) == {}
    with pytest.raises(XsError):
        q.joins(RawExpr(lit("post"), evaluate))
    bad_type = nodes.ObjectLit(S, (nodes.ObjectEntry(S, "a", nodes.ObjectLit(S, (
        nodes.ObjectEntry(S, "type", lit("outer")),))),))
    with pytest.raises(XsError):
        q.joins(RawExpr(bad_type, evaluate))


def test_mentions_db() -> None:
    assert q.mentions_db(binary(lit(1), B.ADD, pipe(col("a", "b"), "x")))
    assert not q.mentions_db(binary(var("input"), B.ADD, lit(1)))


@pytest.mark.parametrize("value, dropped", [(None, True), ("", True), ([], True),
                                            ("x", False), (0, False), (False, False)])
def test_ignore_empty_flag_on_any_operator(value: Any, dropped: bool) -> None:
    node = nodes.Binary(S, B.INCLUDES, col("p", "s"), const(value), ignore_empty=True)
    got = cond(node)
    assert (got == q.Const(True)) is dropped
