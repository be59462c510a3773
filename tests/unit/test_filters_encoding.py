"""Encoding filters (xs_kernel/filters/encoding.py): base64, hex, digests, HMACs, ids and
character sets. Digest rows use published test vectors (FIPS 180 "abc", RFC 2104/4231).

Rows are (filter, receiver, arguments, expected); "docs" rows restate documented results.
"""

from __future__ import annotations

import re

import pytest

import xs_kernel.filters.encoding
from filter_cases import call, check_error, check_result
from xs_kernel.registry import DEFAULT
from xs_kernel.values import BinaryText


JEFE = "what do ya want for nothing?"

ROWS = [
    ("base64_encode", "hello", (), "aGVsbG8="),  # docs
    ("base64_encode", "é", (), "w6k="),
    ("base64_encode", "", (), ""),
    ("base64_encode", BinaryText("\xff\xfe"), (), "//4="),
    ("base64_decode", "aGVsbG8=", (), "hello"),  # docs
    ("base64_decode", "aGVsbG8", (), "hello"),
    ("base64_decode", "aGVs\nbG8=", (), "hello"),
    ("base64_decode", "//4=", (), BinaryText("\xff\xfe")),
    ("base64_encode_urlsafe", "hello?", (), "aGVsbG8_"),  # docs
    ("base64_encode_urlsafe", "ÿþ", (), "w7_Dvg"),
    ("base64_decode_urlsafe", "aGVsbG8_", (), "hello?"),  # docs
    ("base64_decode_urlsafe", "w7_Dvg", (), "ÿþ"),
    ("bin2hex", "hello", (), "68656c6c6f"),  # docs
    ("bin2hex", "é", (), "c3a9"),
    ("hex2bin", "68656c6c6f", (), "hello"),  # docs
    ("hex2bin", "FF00", (), BinaryText("\xff\x00")),
    ("md5", "abc", (), "900150983cd24fb0d6963f7d28e17f72"),
    ("md5", "some_message", (), "af8a2aae147de3350f6c0f1a075ede5d"),  # docs
    ("sha1", "abc", (), "a9993e364706816aba3e25717850c26c9cd0d89d"),
    ("sha256", "abc", (), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("sha384", "abc", (), "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
                          "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
    ("sha512", "abc", (), "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                          "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
    ("hmac_md5", JEFE, ("Jefe",), "750c783e6ab0b503eaa86e310a5db738"),
    ("hmac_md5", "some_message", ("MY_SECRET_KEY",), "c4c1007ea935001cc7734b360395fb1d"),  # docs
    ("hmac_sha1", JEFE, ("Jefe",), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
    ("hmac_sha256", JEFE, ("Jefe",),
     "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
    ("hmac_sha384", JEFE, ("Jefe",),
     "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
     "8e2240ca5e69e2c78b3239ecfab21649"),
    ("hmac_sha512", JEFE, ("Jefe",),
     "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
     "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"),
    ("list_encodings", None, (), list(xs_kernel.filters.encoding.ENCODINGS)),
    ("detect_encoding", "étude", (), "UTF-8"),  # docs
    ("detect_encoding", "abc", (), "ASCII"),
    ("detect_encoding", BinaryText("\xe9"), (), "ISO-8859-1"),
    ("to_utf8", BinaryText("\xe9tudes"), (), "études"),
    ("from_utf8", "études", (), BinaryText("\xe9tudes")),
    ("from_utf8", "a€", (), "a?"),
    ("convert_encoding", "études", ("ISO-8859-1", "UTF-8"), BinaryText("\xe9tudes")),  # docs
    ("convert_encoding", BinaryText("\xe9tudes"), ("UTF-8", "ISO-8859-1"), "études"),
    ("convert_encoding", "ab", ("UTF-16LE",), "a\x00b\x00"),
]

# The hover documentation prints these digests cut short; the start must match.
DOC_PREFIXES = [
    ("sha1", (), "33a374032"), ("sha256", (), "6cc869f10009fa1"),
    ("sha384", (), "17a7717060650457"), ("sha512", (), "40aaa4e84e7d98e472d240f1c84298de"),
    ("hmac_sha1", ("MY_SECRET_KEY",), "83b48df25eda2"),
    ("hmac_sha256", ("MY_SECRET_KEY",), "3e18fc78d5326e5"),
    ("hmac_sha384", ("MY_SECRET_KEY",), "60818f7b6e6"),
    ("hmac_sha512", ("MY_SECRET_KEY",), "880c17f6d5fa9e1ea3b7"),
]

ERRORS = [
    ("base64_decode", "a", (), "not valid base64"),
    ("base64_decode_urlsafe", "a", (), "not valid base64"),
    ("hex2bin", "abc", (), "even number of hexadecimal digits"),
    ("hex2bin", "zz", (), "even number of hexadecimal digits"),
    ("hmac_sha256", "x", ([1],), "key must be text"),
    ("hmac_md5", "x", ({},), "key must be text"),
    ("hmac_sha1", "x", ([1],), "key must be text"),
    ("hmac_sha384", "x", ([1],), "key must be text"),
    ("hmac_sha512", "x", ([1],), "key must be text"),
    ("convert_encoding", "x", ("klingon",), "unknown encoding"),
    ("convert_encoding", "€", ("ascii",), "cannot convert"),
]

# Byte-reading filters accept any receiver (a BinaryText must get through) and refuse
# arrays and objects themselves.
REFUSED = ["base64_encode", "base64_decode", "base64_encode_urlsafe", "base64_decode_urlsafe",
           "bin2hex", "hex2bin", "md5", "sha1", "sha256", "sha384", "sha512", "hmac_md5",
           "hmac_sha1", "hmac_sha256", "hmac_sha384", "hmac_sha512", "detect_encoding",
           "to_utf8", "from_utf8", "convert_encoding"]
ERRORS += [(name, [1], ("k",) if name.startswith("hmac") or name == "convert_encoding" else (),
            "expects text, got array") for name in REFUSED]
ERRORS += [("md5", {"a": 1}, (), "expects text, got object")]

NAMES = ({row[0] for row in ROWS} | {row[0] for row in DOC_PREFIXES}
         | {row[0] for row in ERRORS}
         | {"uuid", "uuid4", "create_uid", "uid"})


@pytest.mark.parametrize("name,value,args,expected", ROWS)
def test_encoding_filter(name, value, args, expected):
    got = check_result(name, value, args, expected)
    assert isinstance(got, BinaryText) == isinstance(expected, BinaryText)


@pytest.mark.parametrize("name,args,prefix", DOC_PREFIXES)
def test_digest_matches_the_documented_prefix(name, args, prefix):
    assert call(name, "some_message", *args).startswith(prefix)


@pytest.mark.parametrize("name,value,args,fragment", ERRORS)
def test_encoding_filter_rejects_bad_input(name, value, args, fragment):
    check_error(name, value, args, fragment)


def test_binary_text_passes_every_byte_reading_filter():
    for name in REFUSED:
        assert DEFAULT.filter(name).accepts is None


def test_raw_hmac_feeds_base64_as_bytes():
    raw = call("hmac_sha256", JEFE, "Jefe", True)
    assert isinstance(raw, BinaryText) and len(raw) == 32
    assert call("base64_encode", raw) == "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM="
    assert call("bin2hex", call("md5", "abc", True)) == "900150983cd24fb0d6963f7d28e17f72"


def test_hex_round_trip_keeps_the_bytes():
    assert call("bin2hex", call("hex2bin", "00ff7f80")) == "00ff7f80"
    assert call("base64_encode", call("base64_decode", "AP9/gA==")) == "AP9/gA=="


@pytest.mark.parametrize("name", ["uuid", "uuid4"])
def test_uuid_is_a_fresh_version_4_uuid(name):
    first, second = call(name, None), call(name, None)
    shape = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
    assert re.fullmatch(shape, first) and first != second
    assert call("is_uuid", first) is True
    assert DEFAULT.filter(name).needs_receiver is False


@pytest.mark.parametrize("name", ["create_uid", "uid"])
def test_create_uid_is_a_positive_63_bit_integer(name):
    values = {call(name, None) for _ in range(20)}
    assert len(values) == 20
    assert all(isinstance(v, int) and 0 < v < 2**63 for v in values)


def test_to_utf8_of_plain_text_reads_its_bytes_as_latin1():
    assert call("to_utf8", "é") == "Ã©"
