"""Regular-expression filters: the receiver is a PCRE pattern such as ``"/^a.*c$/i"``.

Matching goes through ``patterns``, which bounds every match in time, so a pattern that
backtracks without end fails with a clear error instead of hanging the kernel. PCRE
spellings Python lacks
(``\\z``, ``\\h``) are translated; a pattern that does not parse is an ``inputerror``
naming the filter; a pattern without delimiters is used as it is. Results follow PHP's
``preg_*`` functions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

from .. import patterns

from ..registry import xs_filter
from . import _support as s

_CLOSERS = {"(": ")", "[": "]", "{": "}", "<": ">"}
_FLAGS = {"i": patterns.IGNORECASE, "m": patterns.MULTILINE, "s": patterns.DOTALL,
          "x": patterns.VERBOSE, "u": 0, "D": 0, "A": 0, "S": 0}


def _split_delimiters(pattern: str) -> tuple[str, str]:
    """(body, flags) of a delimited pattern, or (pattern, "") when it has no delimiters."""
    if len(pattern) >= 2 and not pattern[0].isalnum() and pattern[0] not in "\\ \t\r\n":
        closer = _CLOSERS.get(pattern[0], pattern[0])
        end = pattern.rfind(closer)
        if end > 0 and all(f in _FLAGS or f == "U" for f in pattern[end + 1:]):
            return pattern[1:end], pattern[end + 1:]
    return pattern, ""


def _translate(body: str) -> str:
    """PCRE syntax Python spells differently, rewritten outside character escapes."""
    out: list[str] = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append({"z": r"\Z", "Z": r"(?=\n?\Z)", "h": r"[ \t]", "H": r"[^ \t]"}
                       .get(nxt, c + nxt))
            i += 2
            continue
        if body.startswith("(?<", i) and body[i + 3:i + 4] not in ("=", "!"):
            out.append("(?P<")
            i += 3
            continue
        if body.startswith("(?'", i):
            close = body.find("'", i + 3)
            if close > 0:
                out.append(f"(?P<{body[i + 3:close]}>")
                i = close + 1
                continue
        out.append(c)
        i += 1
    return "".join(out)


@lru_cache(maxsize=256)
def compile_pattern(name: str, pattern: str) -> Any:
    """PATTERN (PCRE text) compiled; an inputerror names filter NAME."""
    body, flag_text = _split_delimiters(pattern)
    if "U" in flag_text:
        raise s.bad(name, "the U (ungreedy) modifier is not supported; use lazy quantifiers")
    flags = 0
    for f in flag_text:
        flags |= _FLAGS[f]
    translated = _translate(body)
    if "A" in flag_text:
        translated = r"\A(?:" + translated + ")"
    try:
        return patterns.compile_pattern(translated, flags)
    except patterns.PatternError as exc:
        raise s.bad(name, f"invalid regular expression {pattern!r}: {exc}") from None
    except (OverflowError, RecursionError):
        raise s.bad(name, f"regular expression {pattern!r} is too complex") from None


def _pattern(name: str, value: Any) -> Any:
    return compile_pattern(name, s.receiver_text(value))


def _bounded(name: str, run: Callable[..., Any], *args: Any) -> Any:
    """``patterns.bounded``, a runaway pattern becoming an error that names filter NAME."""
    try:
        return patterns.bounded(run, *args)
    except patterns.RunawayPattern as exc:
        raise s.bad(name, f"{exc} (it probably backtracks without end; simplify nested "
                          "repetitions such as (a+)+)") from None


def _groups(m: Any) -> list[str]:
    """PHP's match list: whole match then groups; trailing unmatched groups are dropped,
    inner ones read as ""."""
    groups = [m.group(0)] + [g for g in m.groups()]
    while len(groups) > 1 and groups[-1] is None:
        groups.pop()
    return ["" if g is None else g for g in groups]


def _keyed(pattern: Any, values_by_index: list[Any]) -> Any:
    """With named groups PHP adds each name as a key before its number: an object."""
    if not pattern.groupindex:
        return values_by_index
    names = {i: n for n, i in pattern.groupindex.items()}
    out: dict[str, Any] = {}
    for i, v in enumerate(values_by_index):
        if i in names:
            out[names[i]] = v
        out[str(i)] = v
    return out


@xs_filter("regex_matches", accepts=s.TEXT, aliases=("regex_test",))
def filter_regex_matches(value, subject):
    """True when the pattern matches somewhere in the subject text.

    pattern|regex_matches:subject — `"/^a.*c$/"|regex_matches:"abbc"` is true.
    """
    pattern = _pattern("regex_matches", value)
    return _bounded("regex_matches", pattern.search,
                    s.text("regex_matches", subject)) is not None


@xs_filter("regex_get_first_match", accepts=s.TEXT, aliases=("regex_match",))
def filter_regex_get_first_match(value, subject):
    """The first match as an array: the whole match, then each group ([] when none).

    pattern|regex_get_first_match:subject — `"/(\\w+)@(\\w+)/"|regex_get_first_match:"a@b"`
    is ["a@b","a","b"]. Named groups make it an object keyed by name and number.
    """
    pattern = _pattern("regex_get_first_match", value)
    m = _bounded("regex_get_first_match", pattern.search,
                 s.text("regex_get_first_match", subject))
    return [] if m is None else _keyed(pattern, _groups(m))


@xs_filter("regex_get_all_matches", accepts=s.TEXT, aliases=("regex_match_all",))
def filter_regex_get_all_matches(value, subject):
    """Every match, grouped like PHP's preg_match_all: one array per group.

    pattern|regex_get_all_matches:subject — `"/\\d/"|regex_get_all_matches:"a1b2"` is
    [["1","2"]]; with a group, [["a1","b2"],["1","2"]] for `"/[a-z](\\d)/"`.
    """
    pattern = _pattern("regex_get_all_matches", value)
    matches = _bounded("regex_get_all_matches", pattern.finditer,
                       s.text("regex_get_all_matches", subject))
    columns: list[list[str]] = [[] for _ in range(pattern.groups + 1)]
    for m in matches:
        for i in range(pattern.groups + 1):
            g = m.group(i)
            columns[i].append("" if g is None else g)
    return _keyed(pattern, columns)


_BACKREF = re.compile(r"\\\\|\$\{(\d{1,2})\}|\$(\d{1,2})|\\(\d{1,2})")


def _replacement(template: str) -> Any:
    """PHP's ``$1``/``${1}``/``\\1`` references as a function for ``re.sub``."""
    def expand(m: Any) -> str:
        out, pos = [], 0
        for ref in _BACKREF.finditer(template):
            out.append(template[pos:ref.start()])
            pos = ref.end()
            if ref.group(0) == "\\\\":
                out.append("\\")
                continue
            n = int(next(g for g in ref.groups() if g is not None))
            out.append((m.group(n) or "") if n <= (m.re.groups) else "")
        out.append(template[pos:])
        return "".join(out)

    return expand


@xs_filter("regex_replace", accepts=s.TEXT)
def filter_regex_replace(value, replacement, subject):
    """Replace every match of the pattern in the subject; `$1` or `\\1` insert groups.

    pattern|regex_replace:replacement:subject — `"/\\s+/"|regex_replace:"-":"a  b"` is "a-b".
    """
    pattern = _pattern("regex_replace", value)
    template = s.text("regex_replace", replacement, "the replacement")
    return _bounded("regex_replace", pattern.sub, _replacement(template),
                    s.text("regex_replace", subject, "the subject"))


_QUOTED = set(".\\+*?[^]$(){}=!<>|:-#")


@xs_filter("regex_quote", accepts=s.TEXT)
def filter_regex_quote(value, delimiter=None):
    """Escape the characters that mean something in a regular expression.

    text|regex_quote[:delimiter] — `"^a.b$"|regex_quote` is `\\^a\\.b\\$`; the delimiter,
    when given, is escaped too.
    """
    extra = "" if delimiter is None else s.text("regex_quote", delimiter, "the delimiter")
    special = _QUOTED | set(extra)
    return "".join(("\\" + c if c in special else "\\000" if c == "\0" else c)
                   for c in s.receiver_text(value))
