"""Table fields: one declaration of a ``schema { }`` block and the check of one value.

Owns ``Field`` (built from a parsed ``nodes.InputField`` with constant defaults, enum
values and filter arguments) and ``coerce_field``, which applies the same rules as function
inputs — the per-type coercion and the ``filters=trim|min:3`` validators come from
``coercion`` — plus what only a stored record needs: nullable (``type?``) versus optional
(``name?``), enum values, nested object schemas and hashing of ``password`` fields.
Every failure is an ``inputerror`` naming the field.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field as dc_field
from typing import Any, Callable

from . import nodes
from .coercion import (COERCERS, INPUT_FILTERS, LENGTH_FILTERS, TEXT_TYPES, Invalid, Stated,
                       coerce)
from .errors import XsError
from .hashing import hash_password, is_password_hash
from .values import type_name

NO_DEFAULT: Any = object()

# Types whose values are stored as JSON (structures, files, geometry).
JSON_TYPES = frozenset({
    "json", "object", "vector", "file", "image", "video", "audio", "attachment",
    "geo_point", "geo_polygon", "geo_linestring", "geo_multipoint", "geo_multilinestring",
    "geo_multipolygon", "array", "any",
})


def now_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass(frozen=True)
class Field:
    """One declared field. ``default`` is a value, a zero-argument callable (``now``) or
    ``NO_DEFAULT``; ``filters`` holds ``(name, args)`` pairs with constant arguments."""

    name: str
    type: str = "text"
    nullable: bool = False
    optional: bool = False
    is_array: bool = False
    default: Any = NO_DEFAULT
    filters: tuple[tuple[str, tuple], ...] = ()
    values: tuple | None = None  # enum choices
    children: tuple["Field", ...] | None = None  # object { schema { ... } }
    sensitive: bool = False
    span: Any = dc_field(default=None, compare=False)
    # "field" for a table column, "input" for a function/query input: errors name it so,
    # and only a stored column hashes a password.
    role: str = dc_field(default="field", compare=False)

    @property
    def required(self) -> bool:
        return not self.optional and self.default is NO_DEFAULT

    def default_value(self) -> Any:
        value = self.default
        return value() if callable(value) else value

    @classmethod
    def from_input_field(cls, decl: nodes.InputField,
                         evaluate: Callable[[Any], Any] | None = None,
                         role: str = "field") -> "Field":
        """Build a Field from a parsed ``type name ...`` declaration."""
        if decl.type not in COERCERS:
            raise XsError("inputerror", f"field '{decl.name}': unknown type '{decl.type}'",
                          span=decl.span)
        default = NO_DEFAULT
        if decl.default is not None:
            default = _moment_default(decl.type, constant(decl.default, evaluate,
                                                          lazy_now=True))
        filters = []
        for f in decl.filters:
            entry = INPUT_FILTERS.get(f.name)
            if entry is None or not entry[1] <= len(f.args) <= entry[2]:
                raise XsError("inputerror", f"field '{decl.name}': unknown filter or wrong "
                              f"arguments: {f.name}", span=f.span,
                              hint="field filters: " + ", ".join(sorted(INPUT_FILTERS)))
            filters.append((f.name, tuple(constant(a, evaluate) for a in f.args)))
        values, children, sensitive = None, None, False
        for item in decl.items:
            if isinstance(item, nodes.Attr) and not item.disabled:
                if item.name == "values":
                    values = tuple(constant(item.value, evaluate) or ())
                elif item.name == "sensitive":
                    sensitive = constant(item.value, evaluate) is True
            elif isinstance(item, nodes.Block) and item.name == "schema":
                children = tuple(cls.from_input_field(f, evaluate, role) for f in item.items
                                 if isinstance(f, nodes.InputField) and not f.disabled)
        return cls(decl.name, decl.type, decl.nullable, decl.optional, decl.is_array, default,
                   tuple(filters), values, children, sensitive, decl.span, role)


def today() -> str:
    """Today's date (UTC) as a `date` field stores it."""
    return time.strftime("%Y-%m-%d", time.gmtime())


def _moment_default(type_: str, default: Any) -> Any:
    """`date`/`timestamp` defaults written as `now` or "now" (as Xano exports them) give
    the moment each record is written."""
    is_now = default is now_ms or (isinstance(default, str) and default.lower() == "now")
    if not is_now or type_ not in ("date", "timestamp"):
        return default
    return today if type_ == "date" else now_ms


def constant(node: Any, evaluate: Callable[[Any], Any] | None = None, *,
             lazy_now: bool = False) -> Any:
    """The value of a declaration's constant expression (defaults, filter arguments,
    enum values). ``now`` becomes a callable when LAZY_NOW so each write gets its own time;
    anything else non-constant goes to EVALUATE when given."""
    if isinstance(node, nodes.Literal):
        return node.value
    if isinstance(node, nodes.Now):
        return now_ms if lazy_now else now_ms()
    if isinstance(node, nodes.ExprLiteral):
        return constant(node.expr, evaluate, lazy_now=lazy_now)
    if isinstance(node, nodes.ArrayLit):
        return [constant(i, evaluate) for i in node.items]
    if isinstance(node, nodes.ObjectLit):
        return {e.key: constant(e.value, evaluate) for e in node.entries if not e.disabled}
    if (isinstance(node, nodes.Unary) and node.op is nodes.UnaryOp.NEG
            and isinstance(node.operand, nodes.Literal)
            and type_name(node.operand.value) in ("int", "decimal")):
        return -node.operand.value
    if evaluate is not None:
        return evaluate(node)
    raise XsError("inputerror", "a declaration needs a constant value here",
                  span=getattr(node, "span", None))


# ---------------------------------------------------------------- checking one value


def _fail(f: Field, reason: str) -> XsError:
    # No span: the value comes from the writing statement, whose span the caller attaches
    # (the field's own span points into the cell that defined the table).
    return XsError("inputerror", f"{f.role} `{f.name}` {reason}", payload={"param": f.name})


def coerce_field(f: Field, value: Any, present: bool = True) -> Any:
    """Check VALUE (PRESENT False: the key was not given) against F and return the value
    to store. A missing optional field without default gives None."""
    if (value == "" and f.type == "enum" and f.role == "field" and f.optional
            and "" not in (f.values or ())):
        present = False  # an editor's blank choice: the column's default, as if not written
    if not present:
        if f.default is not NO_DEFAULT:
            value = f.default_value()
            if f.is_array and value is not None and type(value) is not list:
                value = [value]  # `enum[] kinds?=a`: exports write one element bare
        elif f.optional:
            return None
        else:
            raise _fail(f, "is required but missing")
    if value == "" and f.type in ("date", "timestamp") and (f.nullable or f.optional):
        value = None  # a blank form field: no moment given
    if value is None:
        if f.nullable or (f.optional and not present):
            return None
        raise _fail(f, "cannot be null")
    try:
        if f.is_array:
            if type(value) is not list:
                raise Invalid(f"must be an array of {f.type}, got {type_name(value)}")
            result: Any = [_one(f, item) for item in value]
            for name, args in f.filters:
                if name in LENGTH_FILTERS:
                    result = INPUT_FILTERS[name][0](result, *args)
        else:
            result = _one(f, value)
    except Stated as exc:
        raise XsError("inputerror", str(exc), payload={"param": f.name}) from None
    except Invalid as exc:
        raise _fail(f, str(exc)) from None
    # The types page: a required input (no `?` after the name) rejects "", nullable or
    # not; an optional one (`name?`) accepts it. A table column keeps "" when nullable.
    if (result == "" and f.type in TEXT_TYPES and f.required
            and (f.role == "input" or not f.nullable)):
        raise _fail(f, "is required and cannot be empty")
    return result


# Filters that reshape text run before the type check, so `email e filters=trim|lower`
# accepts " Ann@Example.com "; the validating ones run after it.
_SHAPING = ("trim", "lower", "upper")


def _one(f: Field, value: Any) -> Any:
    if type(value) is str:
        for name, args in f.filters:
            if name in _SHAPING:
                value = INPUT_FILTERS[name][0](value, *args)
    value = coerce(f.type, value)
    if f.values is not None and value not in f.values:
        raise Invalid(f"must be one of {', '.join(map(str, f.values))}")
    if f.children is not None and type(value) is dict:
        nested = dict(value)
        for child in f.children:
            present = child.name in value
            checked = coerce_field(child, value.get(child.name), present)
            # An input leaves out what was not sent (as the top level does), so passing
            # it on to a function does not turn an absent optional field into a null.
            if present or checked is not None or f.role != "input":
                nested[child.name] = checked
        value = nested
    for name, args in f.filters:
        if name not in _SHAPING and not (f.is_array and name in LENGTH_FILTERS):
            value = INPUT_FILTERS[name][0](value, *args)
    if (f.type == "password" and f.role == "field" and type(value) is str
            and not is_password_hash(value)):
        value = hash_password(value)
    return value
