"""Text filters (xs_kernel/filters/text.py and its sprintf helper): one row per behaviour.

Rows are (filter, receiver, arguments, expected). Rows marked "docs" restate a result the
XanoScript documentation states for that filter, in our own values where possible.
"""

from __future__ import annotations

import pytest

from filter_cases import call, check_error, check_refuses, check_result


ROWS = [
    ("trim", "  hi  ", (), "hi"),  # docs
    ("trim", "xxhixx", ("x",), "hi"),
    ("trim", "\t a \n\0", (), "a"),
    ("trim", None, (), ""),
    ("ltrim", "  hi", (), "hi"),  # docs
    ("ltrim", "  Epic  ", (), "Epic  "),
    ("ltrim", "--a--", ("-",), "a--"),
    ("rtrim", "  Epic  ", (), "  Epic"),
    ("rtrim", "a..", (".",), "a"),
    ("to_lower", "Hi", (), "hi"),  # docs
    ("lower", "ÉPIC Battle", (), "épic battle"),
    ("to_upper", "Hi", (), "HI"),  # docs
    ("upper", "straße", (), "STRASSE"),
    ("capitalize", "hi there", (), "Hi There"),  # docs
    ("capitalize", "hello WORLD\tx-y", (), "Hello WORLD\tX-y"),
    ("strlen", "hello", (), 5),  # docs
    ("strlen", "héllo", (), 5),
    ("strlen", None, (), 0),
    ("substr", "hello", (1, 3), "ell"),  # docs
    ("substr", "Epic Battle", (5, 6), "Battle"),
    ("substr", "hello", (0, 5), "hello"),
    ("substr", "hello", (-3,), "llo"),
    ("substr", "hello", (1, -1), "ell"),
    ("substr", "hello", (10,), ""),
    ("substr", "hello", (2, 0), ""),
    ("substr", "hello", ("1", "2"), "el"),
    ("split", "a,b,c", (",",), ["a", "b", "c"]),  # docs
    ("split", "abc", ("",), ["a", "b", "c"]),  # docs (reverse a text)
    ("split", "a,b,c", (",", 2), ["a", "b,c"]),
    ("split", "a,b,c", (",", -1), ["a", "b"]),
    ("split", "", (",",), [""]),
    ("replace", "hello", ("l", "x"), "hexxo"),  # docs
    ("replace", "Hello World", ("o", "a"), "Hella Warld"),
    ("string_replace", "aaa", ("a", "b"), "bbb"),
    ("replace", "abc", (["a", "b"], ["1", "2"]), "12c"),
    ("replace", "abc", ("", "x"), "abc"),
    ("concat", "a", ("b", "-"), "a-b"),  # docs
    ("concat", "Hello", ("World!", " - "), "Hello - World!"),
    ("concat", 5, ("x",), "5x"),
    ("concat", None, ("x",), "x"),
    ("contains", "hello", ("ell",), True),  # docs
    ("contains", "Hello", ("hell",), False),
    ("icontains", "Hello World", ("WORLD",), True),  # docs
    ("icontains", "Hello", ("xyz",), False),
    ("starts_with", "hello", ("he",), True),  # docs
    ("starts_with", "hello", ("He",), False),
    ("istarts_with", "Hello", ("HE",), True),  # docs
    ("ends_with", "hello", ("lo",), True),  # docs
    ("ends_with", "hello", ("LO",), False),
    ("iends_with", "Hello", ("LO",), True),  # docs
    ("index", "Epic Battle", ("Battle",), 5),
    ("index", "abc", ("z",), False),
    ("strpos", "abc", ("c",), 2),
    ("iindex", "Epic Battle", ("battle",), 5),
    ("stripos", "ABC", ("b",), 1),
    ("iindex", "ABC", ("z",), False),
    ("strip_html", "<p>Epic <b>Battle</b></p>", (), "Epic Battle"),
    ("strip_tags", "a<br/>b<!-- c -->", (), "ab"),
    ("strip_html", "1 &lt; 2", (), "1 &lt; 2"),
    ("unaccent", "études", (), "etudes"),
    ("strip_accents", "Ça va", (), "Ca va"),
    ("escape", "<script>", (), "&lt;script&gt;"),  # docs
    ("escape", "a&\"b'", (), "a&amp;&quot;b&#039;"),
    ("addslashes", 'Hello "World"', (), 'Hello \\"World\\"'),  # docs
    ("addslashes", "it's \\ \0", (), "it\\'s \\\\ \\0"),
    ("text_escape", 'a\nb\t"c"', (), 'a\\nb\\t\\"c\\"'),
    ("text_escape", "\x01", (), "\\u0001"),
    ("text_unescape", 'a\\nb\\t\\"c\\"', (), 'a\nb\t"c"'),
    ("text_unescape", "\\u00e9\\x41\\q", (), "éA\\q"),
    ("sprintf", "Hello %s, you have %d new messages", ("Bob", 5),
     "Hello Bob, you have 5 new messages"),
    ("sprintf", "%.2f", (3.14159,), "3.14"),
    ("sprintf", "%.1f|%.2f", (99.25, 1.005), "99.3|1.01"),  # PHP rounds halves up
    ("sprintf", "%05d", (42,), "00042"),
    ("sprintf", "%x|%X|%o|%b", (255, 255, 8, 5), "ff|FF|10|101"),
    ("sprintf", "100%%", (), "100%"),
    ("sprintf", "%f", (1.5,), "1.500000"),
    ("sprintf", "%d", ("12 kg",), "12"),
    ("sprintf", "%d", (-7.9,), "-7"),
    ("sprintf", "%2$s-%1$s", ("a", "b"), "b-a"),
    ("sprintf", "%-4s|%4s", ("ab", "cd"), "ab  |  cd"),
    ("sprintf", "%+d %+d", (3, -3), "+3 -3"),
    ("sprintf", "%c%c", (72, 105), "Hi"),
    ("sprintf", "%e", (1234.5,), "1.234500e+3"),
    ("sprintf", "%'*6s", ("ab",), "****ab"),
    ("sprintf", "%.3s", ("abcdef",), "abc"),
    ("sprintf", "%05.1f", (-2.34,), "-02.3"),
    ("sprintf", "%u", (-1,), "18446744073709551615"),
    ("sprintf", "%s and %s", ([1], None), "[1] and "),
    ("pad_start", "7", (3, "0"), "007"),
    ("pad_start", "abc", (2,), "abc"),
    ("pad_start", "a", (4, "xy"), "xyxa"),
    ("pad_end", "ab", (4, "."), "ab.."),
    ("pad_end", "a", (3,), "a  "),
    ("sql_esc", "it's", (), "'it''s'"),
    ("sql_esc", 5, (), "'5'"),
    ("sql_alias", 'my "col"', (), '"my ""col"""'),
]

ERRORS = [
    ("substr", "abc", ("x",), "start must be a number"),
    ("substr", "abc", (0, [1]), "length must be a number"),
    ("split", "a", ([1],), "separator must be text"),
    ("sprintf", "%d and %d", (1,), "needs at least 2 argument"),
    ("sprintf", "%y", (1,), "unknown conversion"),
    ("sprintf", "50%", (), "unknown conversion"),
    ("sprintf", "%0$s", ("a",), "positions start at 1"),
    ("sprintf", "%99999999d", (1,), "too large"),
    ("pad_start", "a", (3, ""), "padding must not be empty"),
    ("pad_end", "a", (10**9,), "the limit is"),
    ("contains", "abc", ({"a": 1},), "must be text"),
    ("trim", "a", ([1],), "characters must be text"),
    ("concat", "a", ([1],), "must be text"),
    ("replace", "a", ("a", {"x": 1}), "replacement must be text"),
]

# A filter must refuse these receiver types (the interpreter reports the mismatch).
REJECTS = [("strlen", "array"), ("substr", "array"), ("trim", "int"), ("contains", "array"),
           ("split", "object"), ("to_upper", "bool"), ("sprintf", "array"), ("concat", "array")]

NAMES = {row[0] for row in ROWS} | {row[0] for row in ERRORS} | {row[0] for row in REJECTS}


@pytest.mark.parametrize("name,value,args,expected", ROWS)
def test_text_filter(name, value, args, expected):
    check_result(name, value, args, expected)


@pytest.mark.parametrize("name,value,args,fragment", ERRORS)
def test_text_filter_rejects_bad_arguments(name, value, args, fragment):
    check_error(name, value, args, fragment)


@pytest.mark.parametrize("name,type_name", REJECTS)
def test_text_filter_refuses_other_receivers(name, type_name):
    check_refuses(name, type_name)


def test_filters_do_not_change_their_receiver():
    text = "  keep me  "
    call("trim", text)
    call("replace", text, "keep", "drop")
    assert text == "  keep me  "
