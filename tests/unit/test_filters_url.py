"""URL filters (xs_kernel/filters/url.py): encoding, query arguments, parsing.

Rows are (filter, receiver, arguments, expected); "docs" rows restate documented results.
"""

from __future__ import annotations

import pytest

from filter_cases import check_error, check_refuses, check_result


FULL = "https://username:password@example.com:8080/path?foo=bar&fiz=buz#fragment"

ROWS = [
    ("url_encode", "Hello, World!", (), "Hello%2C%20World%21"),  # docs
    ("url_encode", "a b", (), "a%20b"),  # docs
    ("url_encode", "a~b/c", (), "a%7Eb%2Fc"),
    ("url_encode", 12, (), "12"),
    ("url_encode_rfc3986", "Hello, World!", (), "Hello%2C%20World%21"),  # docs
    ("url_encode_rfc3986", "a~b", (), "a~b"),
    ("url_decode", "Hello%2C%20World%21", (), "Hello, World!"),  # docs
    ("url_decode", "a%20b", (), "a b"),  # docs
    ("url_decode", "a+b", (), "a b"),
    ("url_decode_rfc3986", "a+b%21", (), "a+b!"),
    ("url_addarg", "https://example.com?foo=bar", ("fiz", "buz"),
     "https://example.com?foo=bar&fiz=buz"),  # docs
    ("url_addarg", "https://x.io?a=1&b=2", ("a", "9"), "https://x.io?a=9&b=2"),
    ("url_addarg", "https://x.io/p#top", ("q", "a b"), "https://x.io/p?q=a%20b#top"),
    ("url_addarg", "https://x.io", ("q", "a b", False), "https://x.io?q=a b"),
    ("url_delarg", "https://example.com?foo=bar&fiz=buz", ("fiz",),
     "https://example.com?foo=bar"),  # docs
    ("url_delarg", "https://x.io?a=1#f", ("a",), "https://x.io#f"),
    ("url_hasarg", "https://example.com?foo=bar&fiz=buz", ("fiz",), True),  # docs
    ("url_hasarg", "https://x.io?a=1", ("b",), False),
    ("url_getarg", "https://example.com?foo=bar&fiz=buz", ("fiz",), "buz"),  # docs
    ("url_getarg", "https://x.io?q=a%20b+c", ("q",), "a b c"),
    ("url_getarg", "https://x.io", ("a",), None),
    ("url_getarg", "https://x.io", ("a", "d"), "d"),
    ("url_parse", FULL, (), {"scheme": "https", "host": "example.com", "port": 8080,
                             "user": "username", "pass": "password", "path": "/path",
                             "query": "foo=bar&fiz=buz", "fragment": "fragment"}),  # docs
    ("url_parse", "/just/a/path", (), {"path": "/just/a/path"}),
    ("querystring_parse", "a=1&b=2", (), {"a": "1", "b": "2"}),  # docs
    ("querystring_parse", "foo=bar&fiz=buz", (), {"foo": "bar", "fiz": "buz"}),  # docs
    ("querystring_parse", "?t[]=x&t[]=y&o[k]=v&e", (),
     {"t": ["x", "y"], "o": {"k": "v"}, "e": ""}),
    ("querystring_parse", "a=1+2%21&n[a][b]=c", (), {"a": "1 2!", "n": {"a": {"b": "c"}}}),
    ("querystring_parse", "", (), {}),
]

ERRORS = [
    ("url_parse", "http://x.io:99999/", (), "not a valid URL"),
    ("url_addarg", "https://x.io", ([1], "v"), "name must be text"),
    ("url_getarg", "https://x.io", ({},), "name must be text"),
    ("url_delarg", "https://x.io", ([1],), "name must be text"),
    ("url_hasarg", "https://x.io", ([1],), "name must be text"),
]

REJECTS = [("url_decode", "array"), ("url_parse", "object"), ("querystring_parse", "int"),
           ("url_encode", "array")]

NAMES = {row[0] for row in ROWS} | {row[0] for row in ERRORS} | {row[0] for row in REJECTS}


@pytest.mark.parametrize("name,value,args,expected", ROWS)
def test_url_filter(name, value, args, expected):
    check_result(name, value, args, expected)


@pytest.mark.parametrize("name,value,args,fragment", ERRORS)
def test_url_filter_rejects_bad_input(name, value, args, fragment):
    check_error(name, value, args, fragment)


@pytest.mark.parametrize("name,type_name", REJECTS)
def test_url_filter_refuses_other_receivers(name, type_name):
    check_refuses(name, type_name)
