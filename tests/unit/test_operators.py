"""The operator tables: every rule of docs/semantics.md "Operators", one row each."""

from __future__ import annotations

import pytest

from xs_kernel import operators
from xs_kernel.errors import XsError
from xs_kernel.nodes import BinaryOp, UnaryOp

B = BinaryOp

BINARY_CASES = [
    (B.ADD, 2, 3, 5), (B.ADD, 2, 0.5, 2.5), (B.ADD, None, 1, 1), (B.ADD, True, 1, 2),
    (B.ADD, "4", 1, 5), (B.ADD, "1.5", 1, 2.5),
    (B.SUB, 2, 5, -3), (B.SUB, 1.5, 1, 0.5),
    (B.MUL, 6, 7, 42), (B.MUL, 2, 1.5, 3.0),
    (B.DIV, 10, 2, 5), (B.DIV, 10, 4, 2.5), (B.DIV, 9, 3.0, 3.0), (B.DIV, -9, 2, -4.5),
    (B.DIV, -8, 2, -4),
    (B.MOD, 10, 3, 1), (B.MOD, -10, 3, -1), (B.MOD, 10, -3, 1), (B.MOD, 7.5, 2, 1.5),
    (B.CONCAT, "a", 1, "a1"), (B.CONCAT, None, True, "true"), (B.CONCAT, 2.50, [1], "2.5[1]"),
    (B.CONCAT, {"k": None}, "", '{"k":null}'),
    (B.RANGE, 1, 4, [1, 2, 3, 4]), (B.RANGE, 3, 1, [3, 2, 1]), (B.RANGE, 2, 2, [2]),
    (B.RANGE, "1", 2.0, [1, 2]),
    (B.EQ, 1, 1.0, True), (B.EQ, "1", 1, False), (B.EQ, [1, {"a": 2}], [1, {"a": 2}], True),
    (B.EQ, None, False, False), (B.NE, [1], [2], True),
    (B.SEQ, 1, 1.0, False), (B.SEQ, "a", "a", True), (B.SNE, 1, 1.0, True),
    (B.LT, 2, 10, True), (B.LT, "2", "10", False), (B.LT, None, 0, True), (B.GT, "5", 4, True),
    (B.LE, 3, 3.0, True), (B.GE, "b", "a", True),
]


@pytest.mark.parametrize("op,a,b,expected", BINARY_CASES)
def test_binary_operator_gives_the_documented_value(op, a, b, expected) -> None:
    result = operators.BINARY[op](a, b)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize("op,a,b,message", [
    (B.DIV, 1, 0, "division by zero"),
    (B.DIV, 1.5, 0.0, "division by zero"),
    (B.MOD, 1, 0, "modulo by zero"),
    (B.ADD, "abc", 1, 'operator `+` needs numbers, got text "abc"'),
    (B.MUL, [1], 2, "operator `*` needs numbers, got array"),
    (B.RANGE, 1, 2.5, "operator `..` needs whole numbers, got 2.5"),
    (B.RANGE, 0, 10_000_000, "range 0..10000000 has 10000001 elements; the limit is 10,000,000"),
])
def test_binary_operator_errors_are_xanoscript_errors(op, a, b, message) -> None:
    with pytest.raises(XsError) as caught:
        operators.BINARY[op](a, b)
    assert caught.value.type == "standard" and caught.value.message == message


@pytest.mark.parametrize("op", sorted(operators.INT_FAST, key=lambda o: o.value))
@pytest.mark.parametrize("a,b", [(7, 3), (-7, 3), (7, -3), (0, 5), (6, 3), (-6, -3)])
def test_int_fast_path_agrees_with_the_general_rule(op, a, b) -> None:
    fast, general = operators.INT_FAST[op](a, b), operators.BINARY[op](a, b)
    assert fast == general and type(fast) is type(general)


@pytest.mark.parametrize("op,left,right,expected,right_runs", [
    (B.AND, 1, "x", True, True), (B.AND, 0, "x", False, False), (B.AND, 1, "", False, True),
    (B.OR, 0, 1, True, True), (B.OR, "a", 0, True, False), (B.OR, 0, [], False, True),
    (B.COALESCE, None, 5, 5, True), (B.COALESCE, 0, 5, 0, False), (B.COALESCE, "", 5, "", False),
])
def test_short_circuit_operators(op, left, right, expected, right_runs) -> None:
    ran = []

    def right_side(frame):
        ran.append(True)
        return right

    result = operators.SHORT_CIRCUIT[op](lambda frame: left, right_side)(None)
    assert result == expected and type(result) is type(expected)
    assert bool(ran) is right_runs


@pytest.mark.parametrize("op,value,expected", [
    (UnaryOp.NOT, 0, True), (UnaryOp.NOT, "0", True), (UnaryOp.NOT, [0], False),
    (UnaryOp.NOT, {}, True), (UnaryOp.NEG, 5, -5), (UnaryOp.NEG, -2.5, 2.5),
    (UnaryOp.NEG, None, 0),
])
def test_unary_operators(op, value, expected) -> None:
    assert operators.UNARY[op](value) == expected


def test_every_operator_has_exactly_one_home() -> None:
    tables = [set(operators.BINARY), set(operators.SHORT_CIRCUIT), set(operators.WHERE_ONLY)]
    assert set().union(*tables) == set(BinaryOp)
    assert sum(len(t) for t in tables) == len(BinaryOp)
    assert set(operators.UNARY) == set(UnaryOp)


@pytest.mark.parametrize("op,text", [(B.IN, "in"), (B.REGEX, "~"), (B.NOT_LIKE, "not like")])
def test_where_only_message_names_the_operator(op, text) -> None:
    assert operators.where_only_message(op) == \
        f"operator `{text}` is only allowed inside a db where clause"
