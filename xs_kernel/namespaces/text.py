"""The ``text.*`` statements: in-place edits (``text.append $s { value = "!" }``) and
tests with a result (``text.contains $s { value = "x" } as $found``).

Edits are ``target="variable"`` without a result: the returned text is written back to
the variable. Tests take the variable's value and return a bool.
"""

from __future__ import annotations

from typing import Any, Callable

from ..errors import XsError
from ..registry import Call, Param, builtin
from ..values import to_text, type_name


def _text(statement: str, value: Any) -> str:
    if value is None or type(value) is str or type(value) in (int, float, bool):
        return to_text(value)
    raise XsError("inputerror", f"`{statement}` works on text, got {type_name(value)}")


def _edit(name: str, op: Callable[[str, str | None], str], param: Param, doc: str) -> None:
    def impl(call: Call, value: Any) -> str:
        return op(_text(name, call.target), None if value is None else _text(name, value))
    impl.__doc__ = doc
    impl.__name__ = impl.__qualname__ = name.replace(".", "_")
    builtin(name, param, returns=False, target="variable")(impl)


_TEXT = Param("value", required=True, doc="the text to add")
_CHARS = Param("value", doc="the characters to strip (default: whitespace)")

_edit("text.append", lambda s, v: s + (v or ""), _TEXT,
      "Add VALUE at the end of the text variable.\n\ntext.append $greeting { value = \"!\" }")
_edit("text.prepend", lambda s, v: (v or "") + s, _TEXT,
      "Add VALUE in front of the text variable.\n\ntext.prepend $line { value = \"> \" }")
_edit("text.trim", lambda s, v: s.strip(v or None), _CHARS,
      "Strip whitespace (or the characters in VALUE) from both ends of the variable.\n\n"
      "text.trim $name")
_edit("text.ltrim", lambda s, v: s.lstrip(v or None), _CHARS,
      "Strip whitespace (or the characters in VALUE) from the start of the variable.\n\n"
      "text.ltrim $code { value = \"0\" }")
_edit("text.rtrim", lambda s, v: s.rstrip(v or None), _CHARS,
      "Strip whitespace (or the characters in VALUE) from the end of the variable.\n\n"
      "text.rtrim $path { value = \"/\" }")


def _test(name: str, op: Callable[[str, str], bool], doc: str) -> None:
    def impl(call: Call, value: Any) -> bool:
        return op(_text(name, call.target), _text(name, value))
    impl.__doc__ = doc
    impl.__name__ = impl.__qualname__ = name.replace(".", "_")
    builtin(name, Param("value", required=True, doc="the text to look for"),
            target="value")(impl)


_test("text.contains", lambda s, v: v in s,
      "True when the text contains VALUE.\n\ntext.contains $log { value = \"error\" } as $bad")
_test("text.icontains", lambda s, v: v.casefold() in s.casefold(),
      "True when the text contains VALUE, ignoring case.\n\n"
      "text.icontains $log { value = \"ERROR\" } as $bad")
_test("text.starts_with", lambda s, v: s.startswith(v),
      "True when the text starts with VALUE.\n\n"
      "text.starts_with $url { value = \"https\" } as $secure")
_test("text.istarts_with", lambda s, v: s.casefold().startswith(v.casefold()),
      "True when the text starts with VALUE, ignoring case.\n\n"
      "text.istarts_with $title { value = \"the\" } as $has_article")
_test("text.ends_with", lambda s, v: s.endswith(v),
      "True when the text ends with VALUE.\n\ntext.ends_with $file { value = \".csv\" } as $csv")
_test("text.iends_with", lambda s, v: s.casefold().endswith(v.casefold()),
      "True when the text ends with VALUE, ignoring case.\n\n"
      "text.iends_with $file { value = \".PDF\" } as $pdf")
