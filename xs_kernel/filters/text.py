"""Text filters: trimming, case, searching, slicing, escaping, padding and ``sprintf``.

Receivers are text (null reads as ""); positions and lengths count characters, not bytes.
Regex filters live in ``regex.py``, URL filters in ``url.py``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

from ..errors import XsError
from ..registry import xs_filter
from ..values import to_text
from . import _support as s
from ._sprintf import sprintf

PHP_SPACE = " \t\n\r\0\x0b"  # what PHP's trim family strips by default


def _chars(name: str, chars: Any) -> str:
    return PHP_SPACE if chars is None else s.text(name, chars, "the characters")


@xs_filter("trim", accepts=s.TEXT)
def filter_trim(value, chars=None):
    """Remove whitespace (or the given characters) from both ends of a text.

    text|trim[:characters] — `"  hi  "|trim` is "hi"; `"xxhixx"|trim:"x"` is "hi".
    """
    return s.receiver_text(value).strip(_chars("trim", chars))


@xs_filter("ltrim", accepts=s.TEXT)
def filter_ltrim(value, chars=None):
    """Remove whitespace (or the given characters) from the start of a text.

    text|ltrim[:characters]
    """
    return s.receiver_text(value).lstrip(_chars("ltrim", chars))


@xs_filter("rtrim", accepts=s.TEXT)
def filter_rtrim(value, chars=None):
    """Remove whitespace (or the given characters) from the end of a text.

    text|rtrim[:characters]
    """
    return s.receiver_text(value).rstrip(_chars("rtrim", chars))


@xs_filter("to_lower", accepts=s.TEXT, aliases=("lower",))
def filter_to_lower(value):
    """Lower-case every letter.

    text|to_lower — the old name `lower` still works.
    """
    return s.receiver_text(value).lower()


@xs_filter("to_upper", accepts=s.TEXT, aliases=("upper",))
def filter_to_upper(value):
    """Upper-case every letter.

    text|to_upper — the old name `upper` still works.
    """
    return s.receiver_text(value).upper()


_WORD_START = re.compile(r"(^|[ \t\r\n\f\v])(\S)")


@xs_filter("capitalize", accepts=s.TEXT)
def filter_capitalize(value):
    """Upper-case the first letter of every word, leaving the other letters alone.

    text|capitalize — `"hi there"|capitalize` is "Hi There".
    """
    return _WORD_START.sub(lambda m: m.group(1) + m.group(2).upper(), s.receiver_text(value))


@xs_filter("strlen", accepts=s.TEXT)
def filter_strlen(value):
    """The number of characters in a text (for arrays use `count`).

    text|strlen
    """
    return len(s.receiver_text(value))


def php_substr(text: str, start: int, length: int | None) -> str:
    """PHP ``substr``: negative START counts from the end, negative LENGTH stops short."""
    n = len(text)
    if start < 0:
        start = max(n + start, 0)
    if start >= n:
        return ""
    if length is None:
        return text[start:]
    end = start + length if length >= 0 else n + length
    return text[start:end] if end > start else ""


@xs_filter("substr", accepts=s.TEXT)
def filter_substr(value, start, length=None):
    """Part of a text from a start position, optionally limited to a length.

    text|substr:start[:length] — `"hello"|substr:1:3` is "ell"; a negative start counts
    from the end; a negative length leaves that many characters off the end.
    """
    start_i = s.integer("substr", start, "start")
    length_i = None if length is None else s.integer("substr", length, "length")
    return php_substr(s.receiver_text(value), start_i, length_i)


@xs_filter("split", accepts=s.TEXT)
def filter_split(value, separator, limit=None):
    """Split a text into an array of texts at every separator.

    text|split:separator[:limit] — `"a,b,c"|split:","` is ["a","b","c"]. An empty
    separator splits into single characters. A positive limit caps the number of pieces
    (the last keeps the rest); a negative one drops that many pieces from the end.
    """
    text = s.receiver_text(value)
    sep = s.text("split", separator, "the separator")
    parts = list(text) if sep == "" else text.split(sep)
    if limit is not None:
        n = s.integer("split", limit, "limit")
        if 0 < n < len(parts):
            parts = parts[: n - 1] + [sep.join(parts[n - 1:])]
        elif n < 0:
            parts = parts[:n]
    return parts


@xs_filter("replace", accepts=s.TEXT, aliases=("string_replace",))
def filter_replace(value, search, replacement):
    """Replace every occurrence of a text with another (case-sensitive).

    text|replace:search:replacement — `"hello"|replace:"l":"x"` is "hexxo". Both may be
    arrays: each search text is replaced by the replacement at the same position.
    """
    text = s.receiver_text(value)
    searches = search if isinstance(search, list) else [search]
    if isinstance(replacement, list):
        replacements = [s.text("replace", r, "the replacement") for r in replacement]
    else:
        replacements = [s.text("replace", replacement, "the replacement")] * len(searches)
    for i, needle in enumerate(searches):
        needle_text = s.text("replace", needle, "the search text")
        if needle_text:
            text = text.replace(needle_text, replacements[i] if i < len(replacements) else "")
    return text


@xs_filter("concat", accepts=s.SCALAR)
def filter_concat(value, other, *more):
    """Join the receiver and other values as text, the last of several arguments between.

    value|concat:other[:separator] — `"a"|concat:"b":"-"` is "a-b"; with three or four
    arguments every one before the last is joined: `"a"|concat:"b":"c":"-"` is "a-b-c".
    """
    if len(more) > 3:
        raise XsError("inputerror", f"filter `concat` takes 1 to 4 arguments, got {len(more) + 1}")
    parts = [other, *more[:-1]]
    sep = s.text("concat", more[-1], "the separator") if more else ""
    return sep.join([to_text(value), *(s.text("concat", part) for part in parts)])


def _find(name: str, value: Any, needle: Any, fold: bool) -> tuple[str, str]:
    hay, sub = s.receiver_text(value), s.text(name, needle, "the search text")
    return (hay.casefold(), sub.casefold()) if fold else (hay, sub)


@xs_filter("contains", accepts=s.TEXT)
def filter_contains(value, needle):
    """True when the text contains the other text (case-sensitive).

    text|contains:search — for arrays use `some` or `in`.
    """
    hay, sub = _find("contains", value, needle, False)
    return sub in hay


@xs_filter("icontains", accepts=s.TEXT)
def filter_icontains(value, needle):
    """True when the text contains the other text, ignoring case.

    text|icontains:search
    """
    hay, sub = _find("icontains", value, needle, True)
    return sub in hay


@xs_filter("starts_with", accepts=s.TEXT)
def filter_starts_with(value, prefix):
    """True when the text begins with the other text (case-sensitive).

    text|starts_with:prefix
    """
    hay, sub = _find("starts_with", value, prefix, False)
    return hay.startswith(sub)


@xs_filter("istarts_with", accepts=s.TEXT)
def filter_istarts_with(value, prefix):
    """True when the text begins with the other text, ignoring case.

    text|istarts_with:prefix
    """
    hay, sub = _find("istarts_with", value, prefix, True)
    return hay.startswith(sub)


@xs_filter("ends_with", accepts=s.TEXT)
def filter_ends_with(value, suffix):
    """True when the text ends with the other text (case-sensitive).

    text|ends_with:suffix
    """
    hay, sub = _find("ends_with", value, suffix, False)
    return hay.endswith(sub)


@xs_filter("iends_with", accepts=s.TEXT)
def filter_iends_with(value, suffix):
    """True when the text ends with the other text, ignoring case.

    text|iends_with:suffix
    """
    hay, sub = _find("iends_with", value, suffix, True)
    return hay.endswith(sub)


@xs_filter("index", accepts=s.TEXT, aliases=("strpos",))
def filter_index(value, needle):
    """Position of the first occurrence of a text (case-sensitive), or false when absent.

    text|index:search — `"Epic Battle"|index:"Battle"` is 5.
    """
    at = s.receiver_text(value).find(s.text("index", needle, "the search text"))
    return False if at < 0 else at


@xs_filter("iindex", accepts=s.TEXT, aliases=("stripos",))
def filter_iindex(value, needle):
    """Position of the first occurrence of a text ignoring case, or false when absent.

    text|iindex:search
    """
    hay, sub = s.receiver_text(value).lower(), s.text("iindex", needle).lower()
    at = hay.find(sub)
    return False if at < 0 else at


_TAG = re.compile(r"<!--.*?-->|<\?.*?\?>|<[^>]*>?", re.S)


@xs_filter("strip_html", accepts=s.TEXT, aliases=("strip_tags",))
def filter_strip_html(value):
    """Remove HTML tags and comments, keeping the text between them.

    text|strip_html — `"<p>Hi</p>"|strip_html` is "Hi". Entities are left as they are.
    """
    return _TAG.sub("", s.receiver_text(value))


@xs_filter("unaccent", accepts=s.TEXT, aliases=("strip_accents",))
def filter_unaccent(value):
    """Remove accents from letters.

    text|unaccent — `"études"|unaccent` is "etudes".
    """
    decomposed = unicodedata.normalize("NFKD", s.receiver_text(value))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@xs_filter("escape", accepts=s.TEXT)
def filter_escape(value):
    """Escape text for HTML: & < > " and ' become entities.

    text|escape — `"<b>"|escape` is "&lt;b&gt;".
    """
    return html.escape(s.receiver_text(value), quote=True).replace("&#x27;", "&#039;")


_SLASHED = {"\\": "\\\\", "'": "\\'", '"': '\\"', "\0": "\\0"}


@xs_filter("addslashes", accepts=s.TEXT)
def filter_addslashes(value):
    """Put a backslash before quotes, backslashes and NUL characters.

    text|addslashes — `'say "hi"'|addslashes` is `say \\"hi\\"`.
    """
    return "".join(_SLASHED.get(c, c) for c in s.receiver_text(value))


_CONTROL_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v", "\f": "\\f",
                    "\x1b": "\\e", "\\": "\\\\", '"': '\\"'}
_UNESCAPES = {"n": "\n", "r": "\r", "t": "\t", "v": "\v", "f": "\f", "e": "\x1b",
              "\\": "\\", '"': '"', "'": "'", "0": "\0", "/": "/"}


@xs_filter("text_escape", accepts=s.TEXT)
def filter_text_escape(value):
    """Write control characters, quotes and backslashes as escape sequences (\\n, \\t ...).

    text|text_escape — a real newline becomes the two characters backslash and n.
    """
    out = []
    for c in s.receiver_text(value):
        if c in _CONTROL_ESCAPES:
            out.append(_CONTROL_ESCAPES[c])
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return "".join(out)


_ESCAPE_SEQ = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)


@xs_filter("text_unescape", accepts=s.TEXT)
def filter_text_unescape(value):
    """Turn escape sequences (\\n, \\t, \\", \\u00e9 ...) back into the characters.

    text|text_unescape — the reverse of `text_escape`; unknown sequences are kept.
    """
    def one(m: re.Match) -> str:
        seq = m.group(1)
        if len(seq) > 1:
            return chr(int(seq[1:], 16))
        return _UNESCAPES.get(seq, m.group(0))

    return _ESCAPE_SEQ.sub(one, s.receiver_text(value))


@xs_filter("sprintf", accepts=s.TEXT)
def filter_sprintf(value, *args):
    """Fill a printf-style template with the arguments.

    text|sprintf:arg1:arg2... — supports %s %d %u %f %.2f %05d %x %X %o %b %c %e %g %%,
    flags - + 0 space and 'c (pad with c), widths, precisions and %1$s positions.
    `"%s has %d"|sprintf:"Bo":5` is "Bo has 5".
    """
    return sprintf(s.receiver_text(value), list(args))


def _pad(name: str, value: Any, length: Any, pad: Any) -> tuple[str, int, str]:
    text = s.receiver_text(value)
    width = s.integer(name, length, "length")
    s.guard_size(name, width)
    fill = " " if pad is None else s.text(name, pad, "the padding")
    if fill == "":
        raise s.bad(name, "the padding must not be empty")
    return text, width, fill


@xs_filter("pad_start", accepts=s.TEXT)
def filter_pad_start(value, length, pad=None):
    """Pad a text on the left to a length, with spaces or the given characters.

    text|pad_start:length[:padding] — `"7"|pad_start:3:"0"` is "007".
    """
    text, width, fill = _pad("pad_start", value, length, pad)
    missing = width - len(text)
    return (fill * missing)[:missing] + text if missing > 0 else text


@xs_filter("pad_end", accepts=s.TEXT)
def filter_pad_end(value, length, pad=None):
    """Pad a text on the right to a length, with spaces or the given characters.

    text|pad_end:length[:padding] — `"ab"|pad_end:4:"."` is "ab..".
    """
    text, width, fill = _pad("pad_end", value, length, pad)
    missing = width - len(text)
    return text + (fill * missing)[:missing] if missing > 0 else text


@xs_filter("sql_esc", accepts=s.SCALAR)
def filter_sql_esc(value):
    """Quote a value as an SQL string literal: single quotes around, inner quotes doubled.

    value|sql_esc — `"it's"|sql_esc` is `'it''s'`.
    """
    return "'" + to_text(value).replace("'", "''") + "'"


@xs_filter("sql_alias", accepts=s.SCALAR)
def filter_sql_alias(value):
    """Quote a value as an SQL identifier: double quotes around, inner quotes doubled.

    value|sql_alias — `"col"|sql_alias` is the text "col" wrapped in double quotes.
    """
    return '"' + to_text(value).replace('"', '""') + '"'
