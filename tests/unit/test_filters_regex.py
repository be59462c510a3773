"""Regex filters (xs_kernel/filters/regex.py): the receiver is the PCRE pattern.

Rows are (filter, pattern, arguments, expected); "docs" rows restate documented results.
"""

from __future__ import annotations

import pytest

from filter_cases import check_error, check_refuses, check_result
from xs_kernel.errors import XsError
from xs_kernel.registry import DEFAULT


ROWS = [
    ("regex_matches", "/^a.*c$/", ("abbbbc",), True),  # docs
    ("regex_matches", "/pattern/", ("a pattern here",), True),  # docs
    ("regex_matches", "/^A/i", ("abc",), True),
    ("regex_matches", "/^A/", ("abc",), False),
    ("regex_matches", "/^b$/m", ("a\nb",), True),
    ("regex_matches", "/a.c/s", ("a\nc",), True),
    ("regex_matches", "#\\d+#", ("a12",), True),
    ("regex_matches", "{x}", ("xyz",), True),
    ("regex_matches", "^a.c$", ("abc",), True),  # no delimiters: used as it is
    ("regex_matches", "/end\\z/", ("the end",), True),
    ("regex_matches", "/a\\hb/", ("a b",), True),
    ("regex_matches", "/b/A", ("ab",), False),
    ("regex_test", "/\\d/", ("x",), False),
    ("regex_get_first_match", "/(\\w+)@(\\w+).(\\w+)/", ("test@example.com",),
     ["test@example.com", "test", "example", "com"]),  # docs
    ("regex_get_first_match", "/(\\w+)/", ("test",), ["test", "test"]),  # docs
    ("regex_get_first_match", "/\\d+/", ("abc",), []),
    ("regex_get_first_match", "/(a)(b)?/", ("a",), ["a", "a"]),
    ("regex_get_first_match", "/(a)?(b)/", ("b",), ["b", "", "b"]),
    ("regex_get_first_match", "/(?<y>\\d{4})-(?<m>\\d\\d)/", ("on 2024-05",),
     {"0": "2024-05", "y": "2024", "1": "2024", "m": "05", "2": "05"}),
    ("regex_get_first_match", "/(?'w'\\w)/", ("z",), {"0": "z", "w": "z", "1": "z"}),
    ("regex_match", "/(?<=a)b/", ("ab",), ["b"]),
    ("regex_get_all_matches", "/\\b\\w+@\\w+.\\w+\\b/", ("test@example.com",),
     [["test@example.com"]]),  # docs
    ("regex_get_all_matches", "/\\w+/", ("a b c",), [["a", "b", "c"]]),  # docs
    ("regex_get_all_matches", "/[a-z](\\d)/", ("a1b2",), [["a1", "b2"], ["1", "2"]]),
    ("regex_get_all_matches", "/x(y)?/", ("x xy",), [["x", "xy"], ["", "y"]]),
    ("regex_match_all", "/\\d/", ("abc",), [[]]),
    ("regex_replace", "/\\s+/", ("-", "a  b"), "a-b"),  # docs
    ("regex_replace", "/\\s+/", ("-", "Hello   World"), "Hello-World"),
    ("regex_replace", "/(\\w+)@(\\w+)/", ("$2 at \\1", "joe@host"), "host at joe"),
    ("regex_replace", "/(a)/", ("${1}x", "aa"), "axax"),
    ("regex_replace", "/x/", ("\\\\", "axb"), "a\\b"),
    ("regex_replace", "/(a)/", ("$0$0$9", "ba"), "baa"),
    ("regex_quote", "^test$", (), "\\^test\\$"),  # docs
    ("regex_quote", "Hello. How are you?", ("/",), "Hello\\. How are you\\?"),
    ("regex_quote", "a/b", ("/",), "a\\/b"),
    ("regex_quote", "a/b#c", (), "a/b\\#c"),
]

ERRORS = [
    ("regex_matches", "/(/", ("x",), "invalid regular expression"),
    ("regex_matches", "/a/U", ("a",), "ungreedy"),
    ("regex_get_first_match", "/[z-a]/", ("x",), "invalid regular expression"),
    ("regex_replace", "/a/", ("b", [1]), "subject must be text"),
    ("regex_get_all_matches", "/a/", ({"x": 1},), "must be text"),
    ("regex_quote", "a", ([1],), "delimiter must be text"),
]

REJECTS = [("regex_matches", "array"), ("regex_replace", "object"), ("regex_quote", "int")]

NAMES = {row[0] for row in ROWS} | {row[0] for row in ERRORS} | {row[0] for row in REJECTS}


@pytest.mark.parametrize("name,value,args,expected", ROWS)
def test_regex_filter(name, value, args, expected):
    check_result(name, value, args, expected)


@pytest.mark.parametrize("name,value,args,fragment", ERRORS)
def test_regex_filter_rejects_bad_input(name, value, args, fragment):
    check_error(name, value, args, fragment)


@pytest.mark.parametrize("name,type_name", REJECTS)
def test_regex_filter_refuses_other_receivers(name, type_name):
    check_refuses(name, type_name)


@pytest.mark.parametrize("filter_name, args", [
    ("regex_matches", ("a" * 40 + "!",)),
    ("regex_get_first_match", ("a" * 40 + "!",)),
    ("regex_get_all_matches", ("a" * 40 + "!",)),
    ("regex_replace", ("x", "a" * 40 + "!")),
])
def test_a_runaway_pattern_is_stopped_with_an_error(monkeypatch, filter_name, args) -> None:
    # Plain `re` would backtrack here for hours and could not be interrupted.
    from xs_kernel import patterns

    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.2)
    impl = DEFAULT.filter(filter_name).impl
    with pytest.raises(XsError) as caught:
        impl("/^(a|aa)+$/", *args)
    assert caught.value.type == "inputerror" and "was stopped" in caught.value.message
