"""Encoding filters: base64, hexadecimal, hashes and HMACs, identifiers (``uuid``,
``create_uid``) and character-set conversion.

Text stands for its UTF-8 bytes, except a ``values.BinaryText`` (what ``hex2bin``,
``base64_decode`` or a raw digest return when the bytes are not UTF-8), which stands for
its own bytes; so ``|hmac_sha256:key:true|base64_encode`` gives the usual signature.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import hashlib
import hmac
import secrets
import uuid

from ..registry import xs_filter
from ..values import BinaryText, bytes_to_text, text_to_bytes, truthy
from . import _support as s

# Filters that read bytes accept any receiver and check it here: a BinaryText is a str
# subclass, and an exact-type check at the call site would refuse it.
BYTES_IN = None


def _bytes(value, name: str = "") -> bytes:
    if isinstance(value, (list, dict)):
        raise s.bad(name, f"expects text, got {s.described(value)}")
    return text_to_bytes(s.receiver_text(value))


def _b64decode(name: str, text: str, urlsafe: bool) -> str:
    cleaned = "".join(text.split())
    if urlsafe:
        cleaned = cleaned.replace("-", "+").replace("_", "/")
    cleaned += "=" * (-len(cleaned.rstrip("=")) % 4 if "=" not in cleaned else 0)
    try:
        return bytes_to_text(base64.b64decode(cleaned, validate=False))
    except (binascii.Error, ValueError) as exc:
        raise s.bad(name, f"not valid base64: {exc}") from None


@xs_filter("base64_encode", accepts=BYTES_IN)
def filter_base64_encode(value):
    """The text's bytes written in base64.

    text|base64_encode — `"hello"|base64_encode` is "aGVsbG8=".
    """
    return base64.b64encode(_bytes(value, "base64_encode")).decode("ascii")


@xs_filter("base64_decode", accepts=BYTES_IN)
def filter_base64_decode(value):
    """The text that base64 stands for (bytes that are not UTF-8 come back as binary text).

    text|base64_decode — `"aGVsbG8="|base64_decode` is "hello".
    """
    _bytes(value, "base64_decode")
    return _b64decode("base64_decode", s.receiver_text(value), False)


@xs_filter("base64_encode_urlsafe", accepts=BYTES_IN)
def filter_base64_encode_urlsafe(value):
    """The text's bytes in URL-safe base64: - and _ instead of + and /, no = padding.

    text|base64_encode_urlsafe — `"hello?"|base64_encode_urlsafe` is "aGVsbG8_".
    """
    raw = _bytes(value, "base64_encode_urlsafe")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


@xs_filter("base64_decode_urlsafe", accepts=BYTES_IN)
def filter_base64_decode_urlsafe(value):
    """The text that URL-safe base64 stands for (padding is optional).

    text|base64_decode_urlsafe — `"aGVsbG8_"|base64_decode_urlsafe` is "hello?".
    """
    _bytes(value, "base64_decode_urlsafe")
    return _b64decode("base64_decode_urlsafe", s.receiver_text(value), True)


@xs_filter("bin2hex", accepts=BYTES_IN)
def filter_bin2hex(value):
    """The text's bytes written as hexadecimal digits.

    text|bin2hex — `"hello"|bin2hex` is "68656c6c6f".
    """
    return _bytes(value, "bin2hex").hex()


@xs_filter("hex2bin", accepts=BYTES_IN)
def filter_hex2bin(value):
    """The bytes that hexadecimal digits stand for, as text.

    text|hex2bin — `"68656c6c6f"|hex2bin` is "hello".
    """
    _bytes(value, "hex2bin")
    try:
        return bytes_to_text(bytes.fromhex(s.receiver_text(value)))
    except ValueError:
        raise s.bad("hex2bin", "the text must be an even number of hexadecimal digits") from None


def _digest(algorithm: str, value, raw) -> str:
    digest = hashlib.new(algorithm, _bytes(value, algorithm))
    return BinaryText(digest.digest().decode("latin-1")) if truthy(raw) else digest.hexdigest()


@xs_filter("md5", accepts=BYTES_IN)
def filter_md5(value, raw=False):
    """The MD5 digest of the text, as hexadecimal (raw bytes when the argument is true).

    text|md5[:raw] — `"abc"|md5` is "900150983cd24fb0d6963f7d28e17f72".
    """
    return _digest("md5", value, raw)


@xs_filter("sha1", accepts=BYTES_IN)
def filter_sha1(value, raw=False):
    """The SHA-1 digest of the text, as hexadecimal (raw bytes when the argument is true).

    text|sha1[:raw]
    """
    return _digest("sha1", value, raw)


@xs_filter("sha256", accepts=BYTES_IN)
def filter_sha256(value, raw=False):
    """The SHA-256 digest of the text, as hexadecimal (raw bytes when the argument is true).

    text|sha256[:raw]
    """
    return _digest("sha256", value, raw)


@xs_filter("sha384", accepts=BYTES_IN)
def filter_sha384(value, raw=False):
    """The SHA-384 digest of the text, as hexadecimal (raw bytes when the argument is true).

    text|sha384[:raw]
    """
    return _digest("sha384", value, raw)


@xs_filter("sha512", accepts=BYTES_IN)
def filter_sha512(value, raw=False):
    """The SHA-512 digest of the text, as hexadecimal (raw bytes when the argument is true).

    text|sha512[:raw]
    """
    return _digest("sha512", value, raw)


def _hmac(name: str, algorithm: str, value, key, raw) -> str:
    secret = text_to_bytes(s.text(name, key, "the key"))
    mac = hmac.new(secret, _bytes(value, name), algorithm)
    return BinaryText(mac.digest().decode("latin-1")) if truthy(raw) else mac.hexdigest()


@xs_filter("hmac_md5", accepts=BYTES_IN)
def filter_hmac_md5(value, key, raw=False):
    """The HMAC-MD5 signature of the text with a secret key, as hexadecimal.

    text|hmac_md5:key[:raw]
    """
    return _hmac("hmac_md5", "md5", value, key, raw)


@xs_filter("hmac_sha1", accepts=BYTES_IN)
def filter_hmac_sha1(value, key, raw=False):
    """The HMAC-SHA1 signature of the text with a secret key, as hexadecimal.

    text|hmac_sha1:key[:raw]
    """
    return _hmac("hmac_sha1", "sha1", value, key, raw)


@xs_filter("hmac_sha256", accepts=BYTES_IN)
def filter_hmac_sha256(value, key, raw=False):
    """The HMAC-SHA256 signature of the text with a secret key, as hexadecimal.

    text|hmac_sha256:key[:raw] — with raw true the signature is binary text, ready for
    `|base64_encode`.
    """
    return _hmac("hmac_sha256", "sha256", value, key, raw)


@xs_filter("hmac_sha384", accepts=BYTES_IN)
def filter_hmac_sha384(value, key, raw=False):
    """The HMAC-SHA384 signature of the text with a secret key, as hexadecimal.

    text|hmac_sha384:key[:raw]
    """
    return _hmac("hmac_sha384", "sha384", value, key, raw)


@xs_filter("hmac_sha512", accepts=BYTES_IN)
def filter_hmac_sha512(value, key, raw=False):
    """The HMAC-SHA512 signature of the text with a secret key, as hexadecimal.

    text|hmac_sha512:key[:raw]
    """
    return _hmac("hmac_sha512", "sha512", value, key, raw)


@xs_filter("uuid", needs_receiver=False, aliases=("uuid4",))
def filter_uuid(value):
    """A new random UUID (version 4) as text; the receiver is ignored.

    |uuid — e.g. "5b0c1e0e-2f0a-4a57-9d8e-1c5f3f1f2a10".
    """
    return str(uuid.uuid4())


@xs_filter("create_uid", needs_receiver=False, aliases=("uid",))
def filter_create_uid(value):
    """A new random positive 63-bit integer, for use as a unique id.

    |create_uid
    """
    return secrets.randbits(63) or 1


# -- character sets -----------------------------------------------------------------------

ENCODINGS = ("UTF-8", "ASCII", "ISO-8859-1", "ISO-8859-15", "Windows-1252", "UTF-16",
             "UTF-16BE", "UTF-16LE", "UTF-32", "Shift_JIS", "EUC-JP", "GB18030", "Big5",
             "KOI8-R")


def _codec(name: str, encoding) -> str:
    label = s.text(name, encoding, "the encoding")
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        raise s.bad(name, f"unknown encoding {label!r}") from None


def _recode(name: str, raw: bytes, source: str, target: str) -> str:
    try:
        return bytes_to_text(raw.decode(source).encode(target))
    except UnicodeError as exc:
        raise s.bad(name, f"cannot convert from {source} to {target}: {exc.reason}") from None


@xs_filter("list_encodings", needs_receiver=False)
def filter_list_encodings(value):
    """The names of the character encodings the conversion filters know.

    |list_encodings — ["UTF-8","ASCII","ISO-8859-1",...].
    """
    return list(ENCODINGS)


@xs_filter("detect_encoding", accepts=BYTES_IN)
def filter_detect_encoding(value):
    """The likely character encoding of a text: ASCII, UTF-8 or ISO-8859-1.

    text|detect_encoding — `"étude"|detect_encoding` is "UTF-8".
    """
    raw = _bytes(value, "detect_encoding")
    if raw.isascii():
        return "ASCII"
    try:
        raw.decode("utf-8")
        return "UTF-8"
    except UnicodeDecodeError:
        return "ISO-8859-1"


@xs_filter("to_utf8", accepts=BYTES_IN)
def filter_to_utf8(value):
    """Read the text's bytes as ISO-8859-1 and return them as UTF-8 text.

    text|to_utf8 — turns binary Latin-1 text (e.g. from `from_utf8`) back into "études".
    """
    return _recode("to_utf8", _bytes(value, "to_utf8"), "latin-1", "utf-8")


@xs_filter("from_utf8", accepts=BYTES_IN)
def filter_from_utf8(value):
    """The text's characters as ISO-8859-1 bytes (binary text); others become "?".

    text|from_utf8
    """
    _bytes(value, "from_utf8")
    return bytes_to_text(s.receiver_text(value).encode("latin-1", errors="replace"))


@xs_filter("convert_encoding", accepts=BYTES_IN)
def filter_convert_encoding(value, to_encoding, from_encoding="UTF-8"):
    """The text's bytes converted from one character encoding to another.

    text|convert_encoding:to[:from] — `"é"|convert_encoding:"ISO-8859-1":"UTF-8"` is the
    single byte E9 (as binary text).
    """
    raw = _bytes(value, "convert_encoding")
    target = _codec("convert_encoding", to_encoding)
    source = _codec("convert_encoding", from_encoding)
    return _recode("convert_encoding", raw, source, target)
