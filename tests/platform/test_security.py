"""security.* and the hashing module: uuids, random values, passwords, signed tokens."""

from __future__ import annotations

import re
import string
from typing import Any

import pytest

from xs_kernel import hashing
from xs_kernel.errors import XsError
from xs_kernel.namespaces import security as sec
from xs_kernel.registry import Call
from xs_kernel.services import Services
from xs_kernel.session import Session


def call() -> Call:
    return Call(services=Services(), emit=lambda kind, value: None)


def test_create_uuid_is_a_fresh_v4_uuid() -> None:
    a, b = sec.security_create_uuid(call()), sec.security_create_uuid(call())
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", a)
    assert a != b


@pytest.mark.parametrize("low, high", [(1, 1), (1, 3), (-5, 5), (0, 2 ** 40)])
def test_random_number_stays_within_bounds(low: int, high: int) -> None:
    seen = {sec.security_random_number(call(), min=low, max=high) for _ in range(60)}
    assert all(low <= n <= high for n in seen)
    if high - low == 2:
        assert seen == {low, low + 1, high}


def test_random_number_rejects_an_empty_range() -> None:
    with pytest.raises(XsError):
        sec.security_random_number(call(), min=5, max=1)


def test_random_bytes_are_hex() -> None:
    out = sec.security_random_bytes(call(), length=16)
    assert re.fullmatch(r"[0-9a-f]{32}", out)
    with pytest.raises(XsError):
        sec.security_random_bytes(call(), length=0)


@pytest.mark.parametrize("attrs, classes", [
    ({"character_count": 16, "require_symbol": True},
     [string.ascii_lowercase, string.ascii_uppercase, string.digits, sec._SYMBOLS]),
    ({"character_count": 6, "require_uppercase": False, "require_digit": False},
     [string.ascii_lowercase]),
    ({"character_count": 8, "require_symbol": True, "symbol_whitelist": "#"},
     [string.ascii_lowercase, string.ascii_uppercase, string.digits, "#"]),
])
def test_create_password_honours_the_classes(attrs: dict, classes: list[str]) -> None:
    for _ in range(20):
        pw = sec.security_create_password(call(), **attrs)
        assert len(pw) == attrs["character_count"]
        assert all(any(c in chars for c in pw) for chars in classes)
        assert all(any(c in chars for chars in classes) for c in pw)


def test_create_password_too_short_for_its_classes() -> None:
    with pytest.raises(XsError):
        sec.security_create_password(call(), character_count=2, require_symbol=True)


def test_password_hash_round_trip() -> None:
    stored = hashing.hash_password("correct horse")
    assert stored.startswith("scrypt$") and "correct horse" not in stored
    assert hashing.hash_password("correct horse") != stored  # salted
    assert sec.security_check_password(call(), text_password="correct horse",
                                       hash_password=stored) is True
    for wrong in ("Correct horse", "", None):
        assert sec.security_check_password(call(), text_password=wrong,
                                           hash_password=stored) is False
    assert hashing.check_password("x", "not-a-hash") is False
    assert hashing.check_password("x", "scrypt$1$1$1$$") is False


def test_jws_encode_and_decode() -> None:
    token = sec.security_jws_encode(call(), claims={"sub": "7", "role": "admin"}, key="k1",
                                    signature_algorithm="HS256", ttl=60)
    claims = sec.security_jws_decode(call(), token=token, key="k1")
    assert claims["sub"] == "7" and claims["exp"] - claims["iat"] == 60


@pytest.mark.parametrize("mutate, words", [
    (lambda t: t, None),
    (lambda t: t[:-2] + ("AA" if t[-2:] != "AA" else "BB"), "signature"),
    (lambda t: "abc", "invalid token"),
    (lambda t: t.replace(".", "!", 1), "invalid token"),
])
def test_jws_decode_rejects_forgeries(mutate: Any, words: str | None) -> None:
    token = mutate(hashing.jws_encode({"a": 1}, "key"))
    if words is None:
        assert hashing.jws_decode(token, "key") == {"a": 1}
        with pytest.raises(XsError):
            hashing.jws_decode(token, "other key")
        return
    with pytest.raises(XsError) as info:
        hashing.jws_decode(token, "key")
    assert info.value.type == "accessdenied" and words in info.value.message


def test_expired_token_is_refused() -> None:
    token = hashing.jws_encode({"a": 1}, "key", ttl=10, now=1000)
    assert hashing.jws_decode(token, "key", now=1005)["a"] == 1
    with pytest.raises(XsError) as info:
        hashing.jws_decode(token, "key", now=1011)
    assert "expired" in info.value.message


def test_only_hs256_is_supported() -> None:
    with pytest.raises(XsError):
        sec.security_jws_encode(call(), claims={}, key="k", signature_algorithm="RS256")


def test_auth_token_turns_back_into_auth() -> None:
    c = call()
    token = sec.security_create_auth_token(c, table="user", id=9, extras={"role": "admin"},
                                           expiration=3600)
    assert sec.auth_from_token(c.services, token) == {"role": "admin", "id": 9}
    with pytest.raises(XsError):
        sec.auth_from_token(Services(), token)  # another session's secret


def test_password_field_and_check_password_from_source() -> None:
    session = Session()
    outcome = session.run('''table "member" {
  schema {
    int id
    email email filters=trim|lower
    password password filters=min:8
  }
}
db.add "member" { data = { email: " Ann@Example.com ", password: "longenough" } } as $m
security.check_password {
  text_password = "longenough"
  hash_password = $m.password
} as $ok''')
    assert outcome.error is None, outcome.error and outcome.error.message
    assert outcome.value is True
    assert session.variables["m"]["email"] == "ann@example.com"
    short = session.run('db.add "member" { data = { email: "b@example.com", password: "short" } }')
    assert short.error is not None and "`password`" in short.error.message
