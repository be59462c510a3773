"""``util.template_engine``: Xano's Twig templates, rendered by Jinja2's sandbox.

Jinja2 is Twig's closest maintained Python relative (same ``{{ }}``/``{% %}``/``{# #}``
tags, filters, ``loop.*``, ``~`` concatenation). The template is rendered in
``jinja2.sandbox.SandboxedEnvironment`` (no attribute access to Python internals, ranges
capped); nothing is ever passed to ``eval``. A few Twig forms are rewritten before Jinja2
reads the template; docs/templates.md lists them and the differences left. Imports the
registry, ``values`` and ``errors``; never the interpreter.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from ..errors import XsError
from ..registry import Call, Param, builtin
from ..values import to_json, to_text

_ROOTS = {"input", "var", "env", "auth"}
_TAG = re.compile(r"(\{\{-?|\{%-?)(.*?)(-?\}\}|-?%\})", re.S)
# A string literal, or a $name outside strings.
_TOKEN = re.compile(r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|\$([A-Za-z_]\w*)""")
_RANGE = re.compile(r"(?<![\w.])(-?\d+)\s*\.\.\s*(-?\d+)(?![\w.])")
_FOR_PAIR = re.compile(r"^(\s*for\s+\w+\s*,\s*\w+\s+in\s+)(.+?)(\s*(?:if\s.*)?)$", re.S)
_RENAMED_TAGS = {"apply": "filter", "endapply": "endfilter", "verbatim": "raw",
                 "endverbatim": "endraw"}


def _dollar(match: re.Match) -> str:
    if match.group(1):
        return match.group(1)
    name = match.group(2)
    return name if name in _ROOTS else f"var.{name}"


def _rewrite_code(code: str, statement: bool) -> str:
    code = _TOKEN.sub(_dollar, code)
    code = _RANGE.sub(lambda m: f"range({m.group(1)}, {int(m.group(2)) + 1})", code)
    if statement:
        word = code.split(None, 1)[0] if code.strip() else ""
        if word in _RENAMED_TAGS:
            code = code.replace(word, _RENAMED_TAGS[word], 1)
        pair = _FOR_PAIR.match(code)
        if pair:  # Twig's `for key, value in object` walks an object's entries
            code = f"{pair.group(1)}({pair.group(2)})|xs_pairs{pair.group(3)}"
    return code


def twig_to_jinja(template: str) -> str:
    """TEMPLATE with the Twig-only forms Jinja2 lacks rewritten (inside tags only)."""
    def tag(match: re.Match) -> str:
        opening, code, closing = match.groups()
        return opening + _rewrite_code(code, opening.startswith("{%")) + closing
    return _TAG.sub(tag, template)


def _pairs(value: Any) -> list[tuple[Any, Any]]:
    if isinstance(value, dict):
        return list(value.items())
    if isinstance(value, (list, tuple)):
        return list(enumerate(value))
    return []


def _date(value: Any, fmt: str = "F j, Y H:i") -> str:
    from ..filters._php_date import php_date  # the same PHP letters as |format_timestamp

    if isinstance(value, (int, float)) and not isinstance(value, bool):
        moment = datetime.fromtimestamp(value / 1000, tz=timezone.utc)
    elif value in (None, "now"):
        moment = datetime.now(timezone.utc)
    else:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
    return php_date(moment, fmt)


def _printed(value: Any) -> Any:
    """What `{{ value }}` prints, as Twig does: null and false print nothing, true prints
    1; arrays and objects print as JSON (Twig would print "Array")."""
    if value is None or value is False:
        return ""
    if value is True:
        return "1"
    if isinstance(value, (list, dict)):
        return to_json(value)
    return value


def _slice(value: Any, start: int, length: int | None = None) -> Any:
    """Twig's slice(start, length), on arrays and text (Jinja2's slice splits into columns)."""
    end = None if length is None else (start + length if length >= 0 else length)
    if start < 0 and end is not None and end >= 0:
        end = None if start + length >= 0 else start + length
    return value[start:end] if isinstance(value, (list, str)) else value


def _replace(value: Any, pairs: Any = None, new: Any = None) -> str:
    text = to_text(value)
    if isinstance(pairs, dict):  # Twig: replace({'from': 'to'})
        for old, repl in pairs.items():
            text = text.replace(str(old), to_text(repl))
        return text
    return text.replace(str(pairs), to_text(new))


def _environment() -> Any:
    from jinja2 import ChainableUndefined
    from jinja2.sandbox import SandboxedEnvironment

    class TwigEnvironment(SandboxedEnvironment):
        # Twig reads `obj.key` as the object's key first: `$var.items` is a variable, not
        # the Python dict method Jinja2 would find.
        def getattr(self, obj: Any, attribute: str) -> Any:
            if isinstance(obj, dict) and attribute in obj:
                return obj[attribute]
            if obj is None or isinstance(obj, (dict, list, str)):
                return self.undefined(obj=obj, name=attribute)
            return super().getattr(obj, attribute)

    env = TwigEnvironment(autoescape=False, keep_trailing_newline=True, finalize=_printed,
                          undefined=ChainableUndefined)
    env.filters.update({
        "xs_pairs": _pairs, "raw": lambda v: v, "json_encode": to_json, "date": _date,
        "keys": lambda v: list(v) if isinstance(v, dict) else list(range(len(v or []))),
        "merge": lambda a, b: ({**a, **b} if isinstance(a, dict) else [*a, *b]),
        "split": lambda v, sep: to_text(v).split(sep), "replace": _replace,
        "nl2br": lambda v: to_text(v).replace("\n", "<br />\n"),
        "number_format": lambda v, d=0, p=".", t=",": (
            f"{float(v or 0):,.{int(d)}f}".replace(",", "\0").replace(".", p).replace("\0", t)),
        "url_encode": lambda v: env.filters["urlencode"](v),
        "slice": _slice,
        "sql_esc": lambda v: to_text(v).replace("'", "''"),
    })
    env.tests.update({"empty": lambda v: v in (None, "", [], {}, False, 0),
                      "null": lambda v: v is None})
    return env


_ENV: Any = None


def render(template: str, context: dict[str, Any], owner: str = "util.template_engine") -> str:
    """Render a Twig TEMPLATE with CONTEXT, as text; errors are XanoScript errors."""
    global _ENV
    from jinja2 import TemplateError, TemplateSyntaxError
    from jinja2.exceptions import SecurityError

    if _ENV is None:
        _ENV = _environment()
    try:
        return _ENV.from_string(twig_to_jinja(template)).render(context)
    except TemplateSyntaxError as exc:
        raise XsError("inputerror", f"{owner}: template line {exc.lineno}: "
                      f"{exc.message}", payload={"line": exc.lineno}) from None
    except SecurityError as exc:
        raise XsError("accessdenied", f"{owner}: not allowed in a template: "
                      f"{exc}") from None
    except (TemplateError, TypeError, ValueError, ArithmeticError) as exc:
        raise XsError("standard", f"{owner}: {exc}") from None


@builtin("util.template_engine", Param("value", "text", required=True,
                                       doc="the Twig template"))
def util_template_engine(call: Call, value: Any = None) -> str:
    """Render a Twig template (Jinja2's sandbox); it sees $var, $input, $env and $auth.

    `{{ $var.name }}` and `{{ $name }}` both read a variable; loops, conditions and the
    common Twig filters work. docs/templates.md lists what differs from Twig.

    util.template_engine {
      value = "Hello {{ $var.name }}! {% for i in $var.items %}[{{ i }}]{% endfor %}"
    } as $text
    """
    return render(value, context_of(call))


def context_of(call: Call) -> dict[str, Any]:
    """What a template sees: $var, $input, $env and $auth of the running frame."""
    frame = getattr(call.session, "frame", None)
    return {"var": dict(frame.vars) if frame is not None else {},
            "input": frame.input if frame is not None else {},
            "env": dict(frame.env) if frame is not None else {},
            "auth": frame.auth if frame is not None else {}}
