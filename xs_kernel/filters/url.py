"""URL filters: percent-encoding, query-string arguments and URL parsing.

Behaviour follows PHP (``urlencode``/``rawurlencode``, ``parse_url``, ``parse_str``): a URL
is only text, never fetched.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, unquote, unquote_plus, urlsplit

from ..registry import xs_filter
from . import _support as s


@xs_filter("url_encode", accepts=s.SCALAR)
def filter_url_encode(value):
    """Percent-encode a text for use in a URL (spaces become %20, ~ becomes %7E).

    text|url_encode — `"Hello, World!"|url_encode` is "Hello%2C%20World%21".
    """
    return quote(s.receiver_text(value), safe="-_.").replace("~", "%7E")


@xs_filter("url_encode_rfc3986", accepts=s.SCALAR)
def filter_url_encode_rfc3986(value):
    """Percent-encode a text following RFC 3986 (letters, digits and -_.~ stay as they are).

    text|url_encode_rfc3986
    """
    return quote(s.receiver_text(value), safe="-_.~")


@xs_filter("url_decode", accepts=s.TEXT)
def filter_url_decode(value):
    """Decode percent-escapes in a text; a + also stands for a space.

    text|url_decode — `"a%20b+c"|url_decode` is "a b c".
    """
    return unquote_plus(s.receiver_text(value))


@xs_filter("url_decode_rfc3986", accepts=s.TEXT)
def filter_url_decode_rfc3986(value):
    """Decode percent-escapes in a text, leaving + as it is (RFC 3986).

    text|url_decode_rfc3986
    """
    return unquote(s.receiver_text(value))


def _split_url(url: str) -> tuple[str, str, str]:
    """(everything before ?, query, #fragment-with-hash)."""
    base, hash_mark, fragment = url.partition("#")
    base, _, query = base.partition("?")
    return base, query, hash_mark + fragment


def _pairs(query: str) -> list[tuple[str, str]]:
    """(decoded name, raw pair) for each ``name=value`` of a query string."""
    return [(unquote_plus(p.partition("=")[0]), p) for p in query.split("&") if p]


@xs_filter("url_addarg", accepts=s.TEXT)
def filter_url_addarg(value, name, arg_value, encode=True):
    """Set a query-string argument on a URL, replacing an argument of the same name.

    url|url_addarg:name:value[:encode] — `"https://x.io?a=1"|url_addarg:"b":"c d"` is
    "https://x.io?a=1&b=c%20d"; pass false as encode to insert the value as it is.
    """
    base, query, fragment = _split_url(s.receiver_text(value))
    key = s.text("url_addarg", name, "the name")
    raw = s.text("url_addarg", arg_value, "the value")
    new = f"{quote(key, safe='-_.[]')}={quote(raw, safe='-_.') if encode else raw}"
    pairs, placed = [], False
    for decoded, pair in _pairs(query):
        if decoded == key:
            if not placed:
                pairs.append(new)
                placed = True
        else:
            pairs.append(pair)
    if not placed:
        pairs.append(new)
    return f"{base}?{'&'.join(pairs)}{fragment}"


@xs_filter("url_delarg", accepts=s.TEXT)
def filter_url_delarg(value, name):
    """Remove a query-string argument from a URL.

    url|url_delarg:name — `"https://x.io?a=1&b=2"|url_delarg:"b"` is "https://x.io?a=1".
    """
    base, query, fragment = _split_url(s.receiver_text(value))
    key = s.text("url_delarg", name, "the name")
    kept = [pair for decoded, pair in _pairs(query) if decoded != key]
    return f"{base}{'?' if kept else ''}{'&'.join(kept)}{fragment}"


@xs_filter("url_hasarg", accepts=s.TEXT)
def filter_url_hasarg(value, name):
    """True when a URL carries the named query-string argument.

    url|url_hasarg:name
    """
    key = s.text("url_hasarg", name, "the name")
    return any(decoded == key for decoded, _ in _pairs(_split_url(s.receiver_text(value))[1]))


@xs_filter("url_getarg", accepts=s.TEXT)
def filter_url_getarg(value, name, default=None):
    """The decoded value of a URL's query-string argument (or the default when absent).

    url|url_getarg:name[:default] — `"https://x.io?a=1&b=2"|url_getarg:"b"` is "2".
    """
    key = s.text("url_getarg", name, "the name")
    for decoded, pair in _pairs(_split_url(s.receiver_text(value))[1]):
        if decoded == key:
            return unquote_plus(pair.partition("=")[2])
    return default


@xs_filter("url_parse", accepts=s.TEXT)
def filter_url_parse(value):
    """Split a URL into an object of its parts (only the parts it has).

    url|url_parse — keys scheme, host, port, user, pass, path, query, fragment;
    `"https://x.io:8080/p?q=1"|url_parse` is
    {scheme:"https",host:"x.io",port:8080,path:"/p",query:"q=1"}.
    """
    text = s.receiver_text(value)
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise s.bad("url_parse", f"not a valid URL: {exc}") from None
    found: dict[str, Any] = {
        "scheme": parts.scheme or None,
        "host": parts.hostname if parts.netloc else None,
        "port": port,
        "user": parts.username,
        "pass": parts.password,
        "path": parts.path or None,
        "query": parts.query or None,
        "fragment": parts.fragment or None,
    }
    return {k: v for k, v in found.items() if v is not None}


_BRACKETS = re.compile(r"^([^\[]+)((?:\[[^\]]*\])+)$")


def _put(container: Any, keys: list[str], value: str) -> Any:
    """Store VALUE under the bracket path KEYS (``a[]``, ``a[b][c]``), PHP style."""
    key, rest = keys[0], keys[1:]
    if isinstance(container, list) and key != "":
        container = {str(i): v for i, v in enumerate(container)}
    if key == "":
        target = container if isinstance(container, (list, dict)) else []
        if isinstance(target, dict):
            key = str(len(target))
        else:
            target.append(_put(None, rest, value) if rest else value)
            return target
    target = container if isinstance(container, dict) else {}
    target[key] = _put(target.get(key), rest, value) if rest else value
    return target


@xs_filter("querystring_parse", accepts=s.TEXT)
def filter_querystring_parse(value):
    """Decode a query string into an object of texts; `a[]=` and `a[b]=` nest.

    text|querystring_parse — `"a=1&b=2"|querystring_parse` is {a:"1",b:"2"};
    `"t[]=x&t[]=y"` gives {t:["x","y"]}. A leading ? is ignored.
    """
    out: dict[str, Any] = {}
    for pair in s.receiver_text(value).lstrip("?").split("&"):
        if not pair:
            continue
        raw_key, _, raw_value = pair.partition("=")
        key, val = unquote_plus(raw_key), unquote_plus(raw_value)
        m = _BRACKETS.match(key)
        if not m:
            out[key] = val
            continue
        subs = re.findall(r"\[([^\]]*)\]", m.group(2))
        out = _put(out, [m.group(1), *subs], val)
    return out
