"""``security.*``: uuids, random values, password hashes and signed tokens.

Passwords use the same scrypt hashes a ``password`` table field stores (``hashing``), so
``security.check_password`` verifies a value read back from a table. Auth tokens and
``security.jws_*`` are HS256 JWTs; auth tokens are signed with the session's secret
(``XS_AUTH_SECRET`` or a random one per session) so ``%call --token`` can turn them back
into ``$auth``. Encryption (``security.encrypt``) is not provided: it needs a cipher library
the kernel does not depend on.
"""

from __future__ import annotations

import secrets
import string
import uuid
from typing import Any

from .. import hashing
from ..errors import XsError
from ..registry import Call, Param, builtin

_SYMBOLS = "!@#$%^&*()-_=+[]{};:,.?"


def auth_secret(services: Any) -> str:
    """The key this session signs auth tokens with (see ``Services.auth_secret``)."""
    return services.auth_secret


def auth_from_token(services: Any, token: str) -> dict:
    """The ``$auth`` object an auth token stands for (accessdenied if forged or expired)."""
    claims = hashing.jws_decode(token, auth_secret(services))
    auth = dict(claims.get("extras") or {})
    auth["id"] = claims.get("id")
    return auth


@builtin("security.create_uuid")
def security_create_uuid(call: Call, **_: Any) -> str:
    """A new random (version 4) UUID as text.

    Mirrors integrations/utilities.md (Random Generation)."""
    return str(uuid.uuid4())


@builtin("security.random_number", Param("min", "int", default=0),
         Param("max", "int", default=2 ** 31 - 1))
def security_random_number(call: Call, min: Any = 0, max: Any = 2 ** 31 - 1, **_: Any) -> int:
    """A random whole number between min and max, both included.

    Mirrors integrations/utilities.md (Random Generation)."""
    low = 0 if min is None else int(min)
    high = 2 ** 31 - 1 if max is None else int(max)
    if high < low:
        raise XsError("inputerror", f"security.random_number: max ({high}) is below min ({low})")
    return low + secrets.randbelow(high - low + 1)


@builtin("security.random_bytes", Param("length", "int", required=True))
def security_random_bytes(call: Call, length: Any = None, **_: Any) -> str:
    """LENGTH random bytes, written as hexadecimal text (two characters per byte).

    Mirrors integrations/utilities.md (Random Generation)."""
    if not isinstance(length, int) or isinstance(length, bool) or not 0 < length <= 65536:
        raise XsError("inputerror", "security.random_bytes: `length` must be 1 to 65536")
    return secrets.token_hex(length)


@builtin("security.create_password", Param("character_count", "int", default=12),
         Param("require_lowercase", "bool", default=True),
         Param("require_uppercase", "bool", default=True),
         Param("require_digit", "bool", default=True),
         Param("require_symbol", "bool", default=False),
         Param("symbol_whitelist", "text", doc="the symbols to draw from"))
def security_create_password(call: Call, **attrs: Any) -> str:
    """A random password with the requested length and character classes.

    Mirrors integrations/utilities.md (Random Generation)."""
    count = attrs.get("character_count") or 12
    classes = []
    for key, chars in (("require_lowercase", string.ascii_lowercase),
                       ("require_uppercase", string.ascii_uppercase),
                       ("require_digit", string.digits),
                       ("require_symbol", attrs.get("symbol_whitelist") or _SYMBOLS)):
        wanted = attrs.get(key)
        if (key != "require_symbol") if wanted is None else bool(wanted):
            classes.append(chars)
    if not classes:
        classes = [string.ascii_letters + string.digits]
    if count < len(classes):
        raise XsError("inputerror", f"security.create_password: {count} characters cannot "
                      f"hold {len(classes)} required character classes")
    chosen = [secrets.choice(c) for c in classes]
    pool = "".join(classes)
    chosen += [secrets.choice(pool) for _ in range(count - len(chosen))]
    secrets.SystemRandom().shuffle(chosen)
    return "".join(chosen)


@builtin("security.check_password", Param("text_password", "text", required=True),
         Param("hash_password", "text", required=True))
def security_check_password(call: Call, text_password: Any = None, hash_password: Any = None,
                            **_: Any) -> bool:
    """True when text_password matches hash_password (a stored password field).

    Mirrors security.md (Password Hashing)."""
    return hashing.check_password(text_password, hash_password)


@builtin("security.create_auth_token", Param("table", "text", doc="the auth table"),
         Param("id", required=True, doc="the authenticated record's id"),
         Param("extras", "object", doc="claims copied into $auth"),
         Param("expiration", "int", default=86400, doc="lifetime in seconds"))
def security_create_auth_token(call: Call, table: Any = None, id: Any = None,
                               extras: Any = None, expiration: Any = 86400, **_: Any) -> str:
    """A signed token for record ID; ``%call --token`` turns it back into $auth.

    Mirrors security.md (Auth Token Generation)."""
    if id is None:
        raise XsError("inputerror", "security.create_auth_token: `id` is required")
    claims = {"table": table, "id": id, "extras": extras or {}}
    ttl = 86400 if expiration is None else int(expiration)
    return hashing.jws_encode(claims, auth_secret(call.services), ttl=ttl if ttl > 0 else None)


def _hs256(algorithm: Any) -> None:
    if algorithm is not None and str(algorithm).upper() != "HS256":
        raise XsError("inputerror", f"signature algorithm {algorithm!r} is not supported; "
                      "the kernel signs with HS256")


@builtin("security.jws_encode", Param("claims", "object", required=True),
         Param("key", "text", required=True), Param("signature_algorithm", "text",
                                                    default="HS256"),
         Param("ttl", "int", doc="seconds until the token expires"),
         Param("headers", "object", doc="accepted; the header is {alg, typ}"))
def security_jws_encode(call: Call, claims: Any = None, key: Any = None,
                        signature_algorithm: Any = "HS256", ttl: Any = None, **_: Any) -> str:
    """Sign claims into a compact JWS (HS256).

    Mirrors security.md (JWT)."""
    _hs256(signature_algorithm)
    if not isinstance(claims, dict):
        raise XsError("inputerror", "security.jws_encode: `claims` must be an object")
    return hashing.jws_encode(claims, key, ttl=int(ttl) if ttl else None)


@builtin("security.jws_decode", Param("token", "text", required=True),
         Param("key", "text", required=True), Param("signature_algorithm", "text",
                                                    default="HS256"),
         Param("check_claims", doc="claims that must have these values, e.g. {iss: \"me\"}"),
         Param("timeDrift", "int", doc="seconds of clock leeway the editor writes; accepted"))
def security_jws_decode(call: Call, token: Any = None, key: Any = None,
                        signature_algorithm: Any = "HS256", check_claims: Any = None,
                        **_: Any) -> dict:
    """Verify a compact JWS (HS256) and return its claims (accessdenied when invalid).

    Mirrors security.md (JWT)."""
    _hs256(signature_algorithm)
    claims = hashing.jws_decode(token, key)
    if check_claims is not None and type(check_claims) is not dict:
        raise XsError("inputerror", "security.jws_decode: `check_claims` must be an object")
    for name, wanted in (check_claims or {}).items():
        if claims.get(name) != wanted:
            raise XsError("accessdenied", f"security.jws_decode: claim `{name}` does not "
                          "have the value check_claims asks for")
    return claims
