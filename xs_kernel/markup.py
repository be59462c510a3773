"""The only module that writes HTML tags; everything it is given is escaped by default.

``element(tag, *children, cls=...)`` escapes every ``str`` child and every attribute value;
only ``Markup`` (text this module already produced) passes through unchanged. Tag names and
CSS classes are constants here, so no other module spells an angle bracket. Nothing in the
output depends on the clock or on object identity (no ids, no scripts), which keeps rendered
cells byte-for-byte stable for nbval.
"""

from __future__ import annotations

import html
import re
from typing import Any

TABLE, THEAD, TBODY, TR, TH, TD = "table", "thead", "tbody", "tr", "th", "td"
DIV, SPAN, P, CODE = "div", "span", "p", "code"
TAGS = frozenset({TABLE, THEAD, TBODY, TR, TH, TD, DIV, SPAN, P, CODE})

CLASS_RESULT = "xs-result"
CLASS_TABLE = "xs-table"
CLASS_INDEX = "xs-index"
CLASS_NULL = "xs-null"
CLASS_NESTED = "xs-nested"
CLASS_MISSING = "xs-missing"
CLASS_FOOTER = "xs-footer"

_ATTRIBUTE_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


class Markup(str):
    """Text that is already safe HTML (produced by ``escape`` or ``element``)."""

    __slots__ = ()


def escape(text: Any) -> Markup:
    """TEXT as inert HTML: ``& < > " '`` become entities; Markup is returned unchanged."""
    if isinstance(text, Markup):
        return text
    return Markup(html.escape(str(text), quote=True))


def element(tag: str, *children: Any, cls: str | None = None, **attributes: Any) -> Markup:
    """``<tag class="cls" ...>children</tag>``; children may be str, Markup, None or lists."""
    if tag not in TAGS:
        raise ValueError(f"tag {tag!r} is not one markup writes")
    attrs = {"class": cls, **attributes}
    opening = [tag]
    for name, value in attrs.items():
        if value is None:
            continue
        name = name.rstrip("_").replace("_", "-")  # cls_ / data_x spellings
        if not _ATTRIBUTE_NAME.match(name):
            raise ValueError(f"attribute name {name!r} is not allowed")
        opening.append(f'{name}="{escape(value)}"')
    body = "".join(_children(children))
    return Markup(f"<{' '.join(opening)}>{body}</{tag}>")


def _children(children: tuple[Any, ...] | list[Any]):
    for child in children:
        if child is None:
            continue
        if isinstance(child, (list, tuple)):
            yield from _children(child)
        else:
            yield escape(child)
