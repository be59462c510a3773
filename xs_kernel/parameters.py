"""Notebook parameters, papermill's convention: values for the cell tagged ``parameters``.

A run with parameters adds a cell tagged ``injected-parameters`` right after the cell tagged
``parameters`` (or replaces an earlier injected cell; at the top when no cell is tagged),
holding one ``var $NAME { value = ... }`` per parameter, so later cells see the new values.
Values are written as XanoScript literals (JSON is valid XanoScript). Used by ``xs notebook
-p`` and by the papermill translator; pure Python, no Jupyter import.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
_NAME = re.compile(r"[A-Za-z_]\w*\Z")


def literal(value: Any) -> str:
    """VALUE (None, bool, int, float, str, list, dict) as a XanoScript literal."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value} has no XanoScript literal")
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        raise ValueError(f"{type(value).__name__} values cannot be notebook parameters") from None


def assignment(name: str, value_text: str) -> str:
    """``var $NAME { value = VALUE_TEXT }``; NAME must be a XanoScript variable name."""
    if not _NAME.match(name):
        raise ValueError(f"{name!r} is not a variable name (letters, digits and _)")
    return f"var ${name} {{ value = {value_text} }}"


def comment(text: str) -> str:
    return f"// {text}"


def cell_source(parameters: dict[str, Any], heading: str = "Parameters") -> str:
    """The injected cell's source for PARAMETERS."""
    lines = [comment(heading)]
    lines += [assignment(name, literal(value)) for name, value in parameters.items()]
    return "\n".join(lines) + "\n"


def parse_cli_value(text: str) -> Any:
    """A ``-p NAME VALUE`` value: JSON when it parses (5, true, null, "x", [1]), else the text."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def injection_index(tags_per_cell: list[list[str]]) -> tuple[int, bool]:
    """Where the injected cell goes: (index, True when it replaces the cell at that index)."""
    for index, tags in enumerate(tags_per_cell):
        if INJECTED_TAG in tags:
            return index, True
    for index, tags in enumerate(tags_per_cell):
        if PARAMETERS_TAG in tags:
            return index + 1, False
    return 0, False
