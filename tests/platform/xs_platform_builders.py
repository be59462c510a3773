"""Hand-made AST pieces for the platform tests (no parser needed)."""

from __future__ import annotations

from typing import Any

from xs_kernel import nodes
from xs_kernel.source import Span

S = Span(1, 1, 1, 2)


def lit(value: Any) -> nodes.Literal:
    return nodes.Literal(S, value)


def const(value: Any) -> Any:
    """A literal node for VALUE, with arrays and objects spelled out."""
    if isinstance(value, list):
        return nodes.ArrayLit(S, tuple(const(v) for v in value))
    if isinstance(value, dict):
        return nodes.ObjectLit(S, tuple(nodes.ObjectEntry(S, k, const(v))
                                        for k, v in value.items()))
    return lit(value)


def var(name: str) -> nodes.Variable:
    return nodes.Variable(S, name)


def col(table: str, field: str, *path: str) -> Any:
    node: Any = nodes.Member(S, nodes.Member(S, var("db"), table), field)
    for step in path:
        node = nodes.Member(S, node, step)
    return node


def member(obj: Any, *names: str) -> Any:
    for name in names:
        obj = nodes.Member(S, obj, name)
    return obj


def binary(left: Any, op: nodes.BinaryOp, right: Any) -> nodes.Binary:
    return nodes.Binary(S, op, left, right)


def pipe(operand: Any, name: str, *args: Any) -> nodes.FilterApply:
    return nodes.FilterApply(S, operand, name, tuple(args))


def field(type_: str, name: str, *, nullable: bool = False, optional: bool = False,
          array: bool = False, default: Any = None, filters: tuple = (),
          items: tuple = ()) -> nodes.InputField:
    """``type name`` as declared in a schema block; FILTERS: ("min", 0) tuples."""
    return nodes.InputField(
        S, type_, name, nullable=nullable, optional=optional, is_array=array,
        default=default, filters=tuple(nodes.InputFilter(S, f[0], tuple(const(a) for a in f[1:]))
                                       for f in filters), items=items)


def table(name: str, *fields: nodes.InputField, index: list | None = None,
          auth: bool | None = None) -> nodes.Construct:
    items: list[Any] = [nodes.Block(S, "schema", tuple(fields))]
    if index is not None:
        items.append(nodes.Attr(S, "index", const(index)))
    if auth is not None:
        items.append(nodes.Attr(S, "auth", lit(auth)))
    return nodes.Construct(S, "table", name, (), tuple(items))


def product_table() -> nodes.Construct:
    """The table most tests use: texts, numbers, a bool, an array, json and a timestamp."""
    return table(
        "product",
        field("int", "id"),
        field("text", "name", filters=(("trim",),)),
        field("text", "category", optional=True),
        field("decimal", "price", nullable=True, optional=True),
        field("int", "stock", optional=True, default=lit(0), filters=(("min", 0),)),
        field("bool", "active", optional=True, default=lit(True)),
        field("text", "tags", array=True, optional=True),
        field("json", "meta", optional=True),
        field("timestamp", "released", optional=True),
        index=[{"type": "btree|unique", "field": [{"name": "name"}]}],
    )


PRODUCTS = [
    {"name": "Phone", "category": "tech", "price": 100, "stock": 5, "tags": ["a", "featured"],
     "meta": {"color": "black", "size": {"w": 7}}, "released": "2024-01-15"},
    {"name": "Chair", "category": "home", "price": 50, "active": False, "tags": ["b"],
     "meta": {"color": "red"}, "released": "2023-06-01"},
    {"name": "Laptop", "category": "tech", "price": 900, "tags": ["a", "x"],
     "meta": {"color": "silver", "ports": [1, 2]}, "released": "2024-09-30"},
    {"name": "Lamp", "category": "home", "tags": []},
    {"name": "Phone Case", "category": "tech", "price": 15, "tags": ["accessory", "featured"]},
]
