"""Give generic parsed items their meaning from the block they sit in.

The grammar parses every ``name [target] [opts] [{ }] [as $x]`` item the same way
(``fragments.RawItem``). What it is depends on where it stands: at the top of a
program ``function "f" {...}`` is a ``Construct``; inside ``input { }`` or
``schema { }`` ``text? name?="x"`` is an ``InputField``; inside a construct
``stack { }`` is a ``Block`` of statements; in a statement list ``redis.set {...}`` is a
``Statement``; inside a statement's braces ``stack { }`` is again a nested ``Block``.
"""

from __future__ import annotations

from typing import Any, Iterable

from .. import nodes as n
from ..errors import XsSyntaxError
from .fragments import RawItem
from .syntax_errors import bad_type_error

CONSTRUCT_KINDS = frozenset({
    "function", "query", "task", "table", "middleware", "tool", "addon", "workflow_test",
    "test", "api_group", "table_trigger", "realtime_trigger", "realtime_channel",
    "workspace", "workspace_trigger", "agent", "agent_trigger", "mcp_server",
    "mcp_server_trigger", "branch", "run.job",
})
FIELD_BLOCKS = frozenset({"input", "schema"})
# Declared types of input fields and table columns. At the top of a program (a docs
# fragment or a notebook cell) `text name?` is read as a declaration.
INPUT_TYPES = frozenset({
    "int", "decimal", "text", "bool", "email", "password", "uuid", "timestamp", "date",
    "json", "object", "enum", "vector", "file", "image", "video", "audio", "attachment",
    "geo_point", "geo_polygon", "geo_linestring", "geo_multipoint", "geo_multilinestring",
    "geo_multipolygon", "dblink",
})
BODY_BLOCKS = frozenset({"stack"})
# Undotted names that are statements even when written `name { ... }` inside braces.
STATEMENT_WORDS = frozenset({"return", "throw", "group", "await", "debug", "remove"})


def _raw(item: Any) -> bool:
    return isinstance(item, RawItem)


def _no_suffixes(item: Any) -> None:
    for kind, span in item.suffixes:
        raise XsSyntaxError(
            f"`{kind}` after a statement name is only allowed in input declarations",
            span=span, hint=f"remove the `{kind}`",
        )
    if item.optional is not None or item.default is not None:
        raise XsSyntaxError(
            "`name?` and `name=default` are only allowed in input declarations",
            span=item.optional or item.name_span,
        )
    if item.filters:
        raise XsSyntaxError(
            "`filters=` is only allowed in input declarations", span=item.filters[0].span
        )


def _statement(item: Any, block_items: tuple) -> n.Statement:
    _no_suffixes(item)
    alias = item.alias
    return n.Statement(
        item.span, item.name,
        item.target.expr if item.target is not None else None,
        tuple(item.opts) + block_items,
        alias.name if alias else None,
        alias.filters if alias else (),
        item.disabled,
    )


def _block(item: Any, items: tuple) -> n.Block:
    _no_suffixes(item)
    if item.disabled:
        # A disabled nested block keeps its place but contributes nothing.
        items = ()
    return n.Block(item.span, item.name, items)


def _is_plain_block(item: Any) -> bool:
    return item.block is not None and item.target is None and item.alias is None


def _block_items(item: Any) -> list:
    return item.block.items if item.block is not None else []


# ---------------------------------------------------------------- contexts


def program_items(raw_items: Iterable[Any]) -> list:
    out = []
    for item in raw_items:
        if not _raw(item):
            out.append(item)
        elif item.name in CONSTRUCT_KINDS and item.target is not None and item.target.kind in ("string", "name"):
            out.append(_construct(item))
        elif item.name in CONSTRUCT_KINDS and _is_plain_block(item) and item.name != "test":
            out.append(_construct(item))
        elif item.name in INPUT_TYPES and item.target is not None and item.target.kind == "name":
            out.append(_field(item))
        else:
            out.append(_body_item(item))
    return out


def _construct(item: Any) -> n.Construct:
    _no_suffixes(item)
    if item.alias is not None:
        raise XsSyntaxError(f"a {item.name} definition cannot end with `as $var`", span=item.alias.span)
    name = item.target.expr.value if item.target is not None else ""
    return n.Construct(
        item.span, item.name, str(name), tuple(item.opts),
        tuple(construct_items(_block_items(item))),
    )


def construct_items(raw_items: Iterable[Any]) -> list:
    out = []
    for item in raw_items:
        if not _raw(item):
            out.append(item)
        elif item.name == "test" and item.target is not None and item.target.kind in ("string", "name"):
            _no_suffixes(item)
            name = n.Attr(item.target.span, "name", item.target.expr)
            out.append(n.Block(item.span, "test", (name, *item.opts, *body_items(_block_items(item)))))
        elif item.name in FIELD_BLOCKS and item.target is None and item.alias is None:
            out.append(_block(item, tuple(field_items(_block_items(item)))))
        else:
            out.append(_nested(item))
    return out


def body_items(raw_items: Iterable[Any]) -> tuple:
    """A statement list (stack, branch, loop, try/catch bodies, test blocks)."""
    return tuple(_body_item(item) if _raw(item) else item for item in raw_items)


def _body_item(item: Any) -> Any:
    if _is_plain_block(item):
        if item.name in FIELD_BLOCKS:
            return _block(item, tuple(field_items(item.block.items)))
        if item.name in BODY_BLOCKS:
            return _block(item, body_items(item.block.items))
    return _statement(item, tuple(attr_items(_block_items(item))))


def attr_items(raw_items: Iterable[Any]) -> list:
    """The braces of a statement: attributes, nested blocks, occasionally statements."""
    return [_nested(item) if _raw(item) else item for item in raw_items]


def _nested(item: Any) -> Any:
    if _is_plain_block(item) and "." not in item.name and item.name not in STATEMENT_WORDS:
        if item.name in FIELD_BLOCKS:
            return _block(item, tuple(field_items(item.block.items)))
        if item.name in BODY_BLOCKS:
            return _block(item, body_items(item.block.items))
        return _block(item, tuple(attr_items(item.block.items)))
    if item.name == "input" and item.target is None and item.block is None and item.alias is None:
        _no_suffixes(item)
        return n.Block(item.span, "input", ())  # bare `input`: no inputs
    return _statement(item, tuple(attr_items(_block_items(item))))


def field_items(raw_items: Iterable[Any]) -> list:
    out = []
    for item in raw_items:
        if not _raw(item):
            if not isinstance(item, n.Attr):
                raise XsSyntaxError(
                    "expected an input declaration such as `text name`", span=item.span,
                    hint="input and schema blocks hold declarations like `int count?=0`",
                )
            out.append(item)
        else:
            out.append(_field(item))
    return out


def _field(item: Any) -> n.InputField:
    if item.alias is not None:
        raise XsSyntaxError("an input declaration cannot end with `as $var`", span=item.alias.span)
    bad = bad_type_error(item.name, item.name_span)
    if bad is not None:
        raise bad
    target = item.target
    if target is not None and target.kind not in ("name", "string"):
        raise XsSyntaxError(
            "expected the name of the input after its type", span=target.span,
            hint="write declarations as `type name`, e.g. `text email`",
        )
    nullable = is_array = False
    for kind, _span in item.suffixes:
        if kind == "?":
            nullable = True
        else:
            is_array = True
    sub = []
    for part in _block_items(item):
        if _raw(part) and part.name in FIELD_BLOCKS and _is_plain_block(part):
            sub.append(_block(part, tuple(field_items(part.block.items))))
        elif _raw(part):
            sub.append(_nested(part))
        else:
            sub.append(part)
    return n.InputField(
        item.span, item.name, str(target.expr.value) if target is not None else "",
        nullable, item.optional is not None, is_array, item.default,
        tuple(item.filters), tuple(item.opts) + tuple(sub), item.disabled,
    )
