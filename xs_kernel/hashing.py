"""Password hashes and HS256 tokens, on the standard library only.

Owns the stored form of a ``password`` column (scrypt with a random salt) and the signed
tokens ``security.create_auth_token`` / ``security.jws_*`` produce.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import time
from typing import Any

from .errors import XsError

# scrypt cost: strong enough for a notebook, cheap enough that a test suite stays fast.
_N, _R, _P = 2 ** 14, 8, 1
_PREFIX = "scrypt$"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(plain: str) -> str:
    """A salted scrypt hash of PLAIN, as text: ``scrypt$n$r$p$salt$digest``."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(plain.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"{_PREFIX}{_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def is_password_hash(text: Any) -> bool:
    """Whether TEXT already is a hash made by ``hash_password`` (so it is not hashed twice)."""
    if not isinstance(text, str) or not text.startswith(_PREFIX):
        return False
    parts = text.split("$")
    return len(parts) == 6 and all(p.isdigit() for p in parts[1:4])


def check_password(plain: Any, stored: Any) -> bool:
    """True when PLAIN hashes to STORED; false for anything that is not one of our hashes."""
    if not isinstance(plain, str) or not is_password_hash(stored):
        return False
    _, n, r, p, salt, digest = stored.split("$")
    try:
        again = hashlib.scrypt(plain.encode("utf-8"), salt=_unb64(salt), n=int(n), r=int(r),
                               p=int(p), dklen=len(_unb64(digest)))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(again, _unb64(digest))


# ---------------------------------------------------------------- HS256 (JWS compact form)


def _key_bytes(key: Any) -> bytes:
    if not isinstance(key, str) or key == "":
        raise XsError("inputerror", "a signing key (non-empty text) is required")
    return key.encode("utf-8")


def jws_encode(claims: dict, key: str, *, ttl: int | None = None,
               now: float | None = None) -> str:
    """Sign CLAIMS with HMAC-SHA256; ``ttl`` (seconds) adds ``iat`` and ``exp``."""
    body = dict(claims)
    if ttl:
        issued = int(now if now is not None else time.time())
        body.setdefault("iat", issued)
        body["exp"] = issued + int(ttl)
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = _b64(json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode())
    signature = hmac.new(_key_bytes(key), f"{header}.{payload}".encode(), hashlib.sha256)
    return f"{header}.{payload}.{_b64(signature.digest())}"


def jws_decode(token: Any, key: str, *, now: float | None = None) -> dict:
    """The claims of TOKEN after checking its signature and expiry (accessdenied if not)."""
    if not isinstance(token, str) or token.count(".") != 2:
        raise XsError("accessdenied", "invalid token")
    header, payload, signature = token.split(".")
    expected = hmac.new(_key_bytes(key), f"{header}.{payload}".encode(), hashlib.sha256)
    try:
        given = _unb64(signature)
        head = json.loads(_unb64(header))
        claims = json.loads(_unb64(payload))
    except (ValueError, UnicodeDecodeError):
        raise XsError("accessdenied", "invalid token") from None
    if not isinstance(head, dict) or head.get("alg") != "HS256" or not isinstance(claims, dict):
        raise XsError("accessdenied", "invalid token")
    if not hmac.compare_digest(expected.digest(), given):
        raise XsError("accessdenied", "invalid token signature")
    exp = claims.get("exp")
    if isinstance(exp, (int, float)) and (now if now is not None else time.time()) >= exp:
        raise XsError("accessdenied", "token expired")
    return claims
