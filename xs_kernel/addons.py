"""Addons: ``addon name { input {…} stack { db.query … } }`` attached to the records of a
``db.query`` or ``db.get`` with ``addon = [{name, input: {id: $output.id}, as: "items.x"}]``.

For each record, the addon list is evaluated with ``$output`` bound to that record, each
addon runs with its input (its stack's ``db.query`` result is its value, as the addons
page describes) and the value is stored on the record under ``as`` (a leading ``items.``
names the records of a list or page).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable

from . import nodes
from .errors import XsError
from .request import find_construct

_RESULT = "addon_result"


def _runnable(session: Any, definition: Any) -> Any:
    """DEFINITION as a construct whose response is its stack's last db statement."""
    node = getattr(definition, "node", definition)
    cache = session.__dict__.setdefault("_addon_nodes", {})
    cached = cache.get(id(node))
    if cached is not None and cached[0] is node:
        return cached[1]
    derived = node
    if node.attr("response") is None:
        derived = _with_response(node)
    cache[id(node)] = (node, derived)
    return derived


def _with_response(node: nodes.Construct) -> nodes.Construct:
    items = list(node.items)
    for i, item in enumerate(items):
        if not (isinstance(item, nodes.Block) and item.name == "stack"):
            continue
        body = list(item.items)
        last = next((j for j in range(len(body) - 1, -1, -1)
                     if isinstance(body[j], nodes.Statement) and body[j].name.startswith("db.")
                     and not body[j].disabled), None)
        if last is None:
            return node
        alias = body[last].alias or _RESULT
        if body[last].alias is None:
            body[last] = dataclasses.replace(body[last], alias=_RESULT)
        items[i] = dataclasses.replace(item, items=tuple(body))
        items.append(nodes.Attr(node.span, "response", nodes.Variable(node.span, alias)))
        return dataclasses.replace(node, items=tuple(items))
    return node


def run_addon(session: Any, name: Any, given: Any) -> Any:
    if not isinstance(name, str) or not name:
        raise XsError("inputerror", "an addon needs a `name`")
    definition = find_construct(session, "addon", name)
    return session.invoke(_runnable(session, definition),
                          input=given if type(given) is dict else {})


def _records(result: Any) -> list[dict]:
    if type(result) is dict and type(result.get("items")) is list:
        return [r for r in result["items"] if type(r) is dict]
    if type(result) is list:
        return [r for r in result if type(r) is dict]
    return [result] if type(result) is dict else []


def attach(session: Any, result: Any, specs: Callable[[], Any]) -> Any:
    """Run the addons SPECS (a thunk evaluated with `$output` bound) on RESULT's records."""
    frame = getattr(session, "frame", None)
    if frame is None:
        raise XsError("standard", "addons only run while a cell runs")
    for record in _records(result):
        had, saved = "output" in frame.vars, frame.vars.get("output")
        frame.vars["output"] = record
        try:
            wanted = specs()
        finally:
            if had:
                frame.vars["output"] = saved
            else:
                frame.vars.pop("output", None)
        for spec in wanted if type(wanted) is list else []:
            if type(spec) is not dict:
                raise XsError("inputerror", "each addon is {name, input, as}")
            key = str(spec.get("as") or spec.get("name") or "")
            key = key[len("items."):] if key.startswith("items.") else key
            record[key] = run_addon(session, spec.get("name"), spec.get("input"))
    return result
