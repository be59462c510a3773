"""Completion and inspection (shift-tab) from the registry and the live session variables.

The same registry that implements the builtins answers here: statement names
(``redis.`` offers every redis statement), the attributes of the statement whose block the
cursor is in (``redis.set {`` offers key/data/ttl), filters after ``|``, ``$variables`` and
the keys of their objects (``$user.`` offers the keys of ``$user``), and ``%magics`` at the
top of a cell. Help texts come from the specs' docstrings; ``help_text`` is also what
``%help`` prints. Context is found lexically (strings and comments skipped), not by the
parser, so half-typed code still completes. Cursor positions are Python string indices,
i.e. Unicode code points, as messaging protocol 5.2 requires.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from .registry import UNIVERSAL_ATTRIBUTES, FilterSpec, FunctionSpec, MagicSpec, Registry, summary
from .keywords import BLOCK_WORDS, CONSTANTS, KEYWORDS
from .keywords import help_text as keyword_help
from .render import RenderOptions, plain
from .values import to_json, type_name

# Language statements are not registry entries: ``keywords`` describes them. Only those
# with attributes have an attribute block; any other keyword block (``conditional {``,
# ``each {``) holds statements.
STATEMENT_KEYWORDS = (*(k.name for k in KEYWORDS.values() if k.offered), *BLOCK_WORDS)
KEYWORD_ATTRIBUTES = {k.name: k.attributes for k in KEYWORDS.values() if k.attributes}

_WORD = re.compile(r"[A-Za-z_][\w.]*$")
_VARIABLE = re.compile(r"\$([A-Za-z_]\w*)((?:\.\w+)*)\.(\w*)$|\$(\w*)$")
_FILTER = re.compile(r"(?<!\|)\|!?(\w*)$")
_MAGIC = re.compile(r"^[ \t]*%(\w*)$")
_HEADER = re.compile(r"^[ \t]*!?([A-Za-z_]\w*(?:\.\w+)*)\b[^{=]*$")
_IDENT = re.compile(r"^[A-Za-z_]\w*$")


@dataclass(frozen=True)
class Match:
    text: str
    type: str  # "statement", "keyword", "attribute", "filter", "variable", "key", "magic"
    signature: str = ""


def complete(code: str, cursor_pos: int | None, registry: Registry,
             variables: Mapping[str, Any]) -> dict[str, Any]:
    """A ``complete_reply`` content for CODE with the cursor at CURSOR_POS."""
    pos = len(code) if cursor_pos is None else max(0, min(cursor_pos, len(code)))
    start, found = _candidates(code[:pos], registry, variables)
    end = pos + len(re.match(r"\w*", code[pos:]).group(0)) if found else pos
    seen: dict[str, Match] = {}
    for m in found:
        seen.setdefault(m.text, m)
    matches = list(seen.values())
    types = [{"start": start, "end": end, "text": m.text, "type": m.type,
              "signature": m.signature} for m in matches]
    return {"status": "ok", "matches": [m.text for m in matches], "cursor_start": start,
            "cursor_end": end, "metadata": {"_jupyter_types_experimental": types}}


def _candidates(before: str, registry: Registry,
                variables: Mapping[str, Any]) -> tuple[int, list[Match]]:
    pos = len(before)
    line_start = before.rfind("\n") + 1
    line = before[line_start:]
    if _in_string_or_comment(before):
        return pos, []
    m = _MAGIC.match(line)
    if m and _only_magics_above(before[:line_start]):
        return pos - len(m.group(1)) - 1, [
            Match("%" + n, "magic", summary(s.doc)) for n, s in sorted(registry.magics.items())
            if n.startswith(m.group(1))]
    m = _VARIABLE.search(before)
    if m:
        return _variable_matches(m, pos, variables)
    m = _FILTER.search(before)
    if m:
        prefix = m.group(1)
        return pos - len(prefix), [Match(n, "filter", summary(s.doc))
                                   for n, s in sorted(registry.filters.items())
                                   if n.startswith(prefix)]
    word_match = _WORD.search(before)
    word = word_match.group(0) if word_match else ""
    head = before[: pos - len(word)]
    spec, opener = _enclosing_statement(head, registry)
    keyword = _enclosing_keyword(head) if spec is None else None
    if (spec is not None or keyword) and _at_attribute_position(head):
        present = set(re.findall(r"(?:^|[{,\n])[ \t]*!?(\w+)[ \t]*=(?!=)", head[opener:]))
        if spec is not None:
            names = [Match(p.name, "attribute", _param_line(spec, p.name)) for p in spec.params]
        else:
            names = [Match(n, "attribute") for n in KEYWORD_ATTRIBUTES[keyword]]
        names += [Match(n, "attribute", _param_line(spec, n) if spec else "")
                  for n in sorted(UNIVERSAL_ATTRIBUTES)]
        return pos - len(word), [m for m in names
                                 if m.text.startswith(word) and m.text not in present]
    if _at_statement_position(head):
        return pos - len(word), _statement_matches(word, registry)
    return pos - len(word), [Match(c, "keyword") for c in CONSTANTS if word and c.startswith(word)]


def _statement_matches(word: str, registry: Registry) -> list[Match]:
    found = [Match(n, "statement", summary(s.doc)) for n, s in sorted(registry.functions.items())
             if n.startswith(word)]
    found += [Match(k, "keyword", summary(KEYWORDS[k].doc) if k in KEYWORDS else "")
              for k in STATEMENT_KEYWORDS if k.startswith(word) and not registry.function(k)]
    return found


def _variable_matches(m: re.Match, pos: int,
                      variables: Mapping[str, Any]) -> tuple[int, list[Match]]:
    if m.group(4) is not None:  # ``$na`` -> variable names
        prefix = m.group(4)
        return pos - len(prefix) - 1, [Match("$" + n, "variable", type_name(v))
                                       for n, v in sorted(variables.items()) if n.startswith(prefix)]
    value = resolve(variables, m.group(1), [s for s in m.group(2).split(".") if s])
    prefix = m.group(3)
    if not isinstance(value, dict):
        return pos - len(prefix), []
    return pos - len(prefix), [Match(str(k), "key", type_name(v)) for k, v in value.items()
                               if _IDENT.match(str(k)) and str(k).startswith(prefix)]


def resolve(variables: Mapping[str, Any], name: str, path: list[str]) -> Any:
    """The value at ``$name.path...`` (numeric segments index arrays), or None."""
    value = variables.get(name)
    for segment in path:
        if isinstance(value, dict):
            value = value.get(segment)
        elif isinstance(value, list) and segment.lstrip("-").isdigit():
            i = int(segment)
            value = value[i] if -len(value) <= i < len(value) else None
        else:
            return None
    return value


# -- lexical context


def _scan(text: str) -> tuple[list[int], str | None]:
    """Positions of the unclosed ``{`` ``[`` ``(`` in TEXT, and the string or comment
    delimiter the end of TEXT is inside (None when in code)."""
    stack: list[int] = []
    i, n = 0, len(text)
    closers = {"}": "{", "]": "[", ")": "("}
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            if j < 0:
                return stack, "//"
            i = j + 1
            continue
        for quote in ('"""', "'''", "```", '"', "'", "`"):
            if text.startswith(quote, i):
                j = _string_end(text, i + len(quote), quote)
                if j < 0:
                    return stack, quote
                i = j
                break
        else:
            if c in "{[(":
                stack.append(i)
            elif c in closers and stack and text[stack[-1]] == closers[c]:
                stack.pop()
            i += 1
    return stack, None


def _string_end(text: str, i: int, quote: str) -> int:
    """Index just past the closing QUOTE, or -1 when the string is still open."""
    while i < len(text):
        if len(quote) == 1 and text[i] == "\n":
            return i  # single-line strings end at the line end (a syntax error, not ours)
        if text[i] == "\\" and len(quote) == 1:
            i += 2
            continue
        if text.startswith(quote, i):
            return i + len(quote)
        i += 1
    return -1


def _in_string_or_comment(before: str) -> bool:
    return _scan(before)[1] is not None


def _enclosing_statement(head: str, registry: Registry) -> tuple[FunctionSpec | None, int]:
    """The builtin whose attribute block the end of HEAD is directly inside, and the
    position of that block's ``{``."""
    stack, _ = _scan(head)
    if not stack or head[stack[-1]] != "{":
        return None, -1
    opener = stack[-1]
    line = head[head.rfind("\n", 0, opener) + 1: opener]
    m = _HEADER.match(line)
    return (registry.function(m.group(1)) if m else None), opener


def _enclosing_keyword(head: str) -> str | None:
    """The grammar statement (``var``, ``throw``...) whose attribute block HEAD ends in."""
    stack, _ = _scan(head)
    if not stack or head[stack[-1]] != "{":
        return None
    line = head[head.rfind("\n", 0, stack[-1]) + 1: stack[-1]]
    m = _HEADER.match(line)
    return m.group(1) if m and m.group(1) in KEYWORD_ATTRIBUTES else None


def _at_attribute_position(head: str) -> bool:
    tail = head[head.rfind("\n") + 1:]
    return bool(re.fullmatch(r"[ \t]*!?", tail) or re.search(r"[{,][ \t]*!?$", head))


def _at_statement_position(head: str) -> bool:
    """At the start of a statement: top level or directly inside a block (not inside an
    object literal, an array or parentheses)."""
    stack, _ = _scan(head)
    if stack:
        opener = stack[-1]
        before = head[head.rfind("\n", 0, opener) + 1: opener].rstrip()
        if head[opener] != "{" or not before or before[-1] in "=:([,?~+-*/|&":
            return False
    tail = head[head.rfind("\n") + 1:]
    return bool(re.fullmatch(r"[ \t]*!?", tail) or re.search(r"\{[ \t]*$", head))


def _only_magics_above(text: str) -> bool:
    return all(not ln.strip() or ln.lstrip().startswith("%") for ln in text.split("\n"))


# -- inspection


def inspect(code: str, cursor_pos: int | None, registry: Registry, variables: Mapping[str, Any],
            detail_level: int = 0) -> dict[str, Any]:
    """An ``inspect_reply`` content: help for the statement, filter, attribute or magic at
    the cursor, or a preview of the variable there."""
    pos = len(code) if cursor_pos is None else max(0, min(cursor_pos, len(code)))
    text = _describe(code, pos, registry, variables, detail_level)
    if text is None:
        return {"status": "ok", "found": False, "data": {}, "metadata": {}}
    return {"status": "ok", "found": True, "data": {"text/plain": text}, "metadata": {}}


def _token_at(code: str, pos: int) -> tuple[int, str]:
    """The ``$var.path``, ``%magic``, ``|filter`` or dotted word around POS."""
    left = re.search(r"[$%]?[\w.]*$", code[:pos]).group(0)
    right = re.match(r"[\w.]*", code[pos:]).group(0)
    token = (left + right).rstrip(".")
    return pos - len(left), token


def _describe(code: str, pos: int, registry: Registry, variables: Mapping[str, Any],
              detail_level: int) -> str | None:
    start, token = _token_at(code, pos)
    if not token:  # ``redis.set |{`` : the statement just before the cursor
        before = re.search(r"([A-Za-z_][\w.]*)[ \t]*$", code[:pos])
        if before and registry.function(before.group(1)):
            return help_text(registry.function(before.group(1)))
    if token.startswith("$") and len(token) > 1:
        name, *path = token[1:].split(".")
        if name not in variables:
            return None
        value = resolve(variables, name, path)
        rows = 50 if detail_level else 10
        return f"{token}: {type_name(value)}\n{plain(value, RenderOptions(max_rows=rows))}"
    if token.startswith("%"):
        spec = registry.magics.get(token[1:])
        return help_text(spec) if spec else None
    if start > 0 and code[:start].rstrip("!").endswith("|") and registry.filter(token):
        return help_text(registry.filter(token))
    if registry.function(token):
        return help_text(registry.function(token))
    if token in KEYWORDS:
        return keyword_help(KEYWORDS[token])
    spec, _ = _enclosing_statement(code[:start], registry)
    if spec is not None and spec.param(token):
        return f"{spec.name} attribute {_param_line(spec, token)}"
    if registry.filter(token):
        return help_text(registry.filter(token))
    return help_text(spec) if spec is not None and not token else None


# -- help texts (also printed by %help)


def help_text(spec: FunctionSpec | FilterSpec | MagicSpec) -> str:
    """The help for one registry entry: a usage line, the docstring, its attributes."""
    if isinstance(spec, FunctionSpec):
        return "\n".join([usage(spec), "", spec.doc, *_attribute_lines(spec)])
    if isinstance(spec, FilterSpec):
        lines = [f"|{spec.name}{_filter_args(spec)}", "", spec.doc]
        if spec.accepts:
            lines += ["", "applies to: " + ", ".join(spec.accepts)]
        if spec.aliases:
            lines += ["also spelt: " + ", ".join(spec.aliases)]
        return "\n".join(lines)
    return "\n".join([f"%{spec.name}", "", spec.doc])


def usage(spec: FunctionSpec) -> str:
    target = f" {spec.target}" if spec.target else ""
    required = [p.name for p in spec.params if p.required]
    block = " { " + ", ".join(f"{n} = ..." for n in required) + " }" if required else (
        " { ... }" if spec.params else "")
    return f"{spec.name}{target}{block}" + (" as $result" if spec.returns else "")


def _attribute_lines(spec: FunctionSpec) -> list[str]:
    if not spec.params:
        return []
    width = max(len(p.name) for p in spec.params)
    return ["", "attributes:"] + [f"  {p.name:<{width}}  {_param_detail(p)}" for p in spec.params]


def _param_detail(p: Any) -> str:
    bits = [p.type, "required" if p.required else
            ("optional" if p.default is None else f"default {to_json(p.default)}")]
    return ", ".join(bits) + (f" - {p.doc}" if p.doc else "")


def _param_line(spec: FunctionSpec, name: str) -> str:
    p = spec.param(name)
    if p is None:
        return f"{name}: accepted by every statement"
    return f"{p.name}: {_param_detail(p)}"


def _filter_args(spec: FilterSpec) -> str:
    if spec.max_args is None:
        return ":arg" * max(spec.min_args, 1) + "..."
    return ":arg" * spec.min_args + ":[arg]" * (spec.max_args - spec.min_args)
