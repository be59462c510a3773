"""``security.*`` on the ``cryptography`` package: key generation and symmetric encryption.

``create_rsa_key``, ``create_curve_key`` and ``create_secret_key`` return a JWK object
(``format = "object"``, the default) or PEM / base64url text (``format = "pem"``);
``encrypt``/``decrypt`` use AES-CBC (PKCS#7 padding) or AES-GCM and carry the ciphertext
as base64 text, since XanoScript text cannot hold raw bytes. Imports the registry and
``errors``; never the interpreter.
"""

from __future__ import annotations

import base64
from typing import Any

from ..errors import XsError
from ..registry import Call, Param, builtin

_CURVES = {"P-256": "SECP256R1", "P-384": "SECP384R1", "P-521": "SECP521R1"}
_CIPHERS = {"aes-128-cbc": 16, "aes-192-cbc": 24, "aes-256-cbc": 32,
            "aes-128-gcm": 16, "aes-192-gcm": 24, "aes-256-gcm": 32}


def _b64url(number_or_bytes: Any, length: int | None = None) -> str:
    if isinstance(number_or_bytes, int):
        size = length or max(1, (number_or_bytes.bit_length() + 7) // 8)
        number_or_bytes = number_or_bytes.to_bytes(size, "big")
    return base64.urlsafe_b64encode(number_or_bytes).rstrip(b"=").decode("ascii")


def _format(owner: str, format: Any) -> str:
    if format not in ("object", "pem"):
        raise XsError("inputerror", f"{owner}: `format` must be \"object\" (a JWK) or "
                      f"\"pem\", got {format!r}", payload={"param": "format"})
    return format


def _pem(key: Any) -> str:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode("ascii")


@builtin("security.create_rsa_key", Param("bits", "int", default=2048),
         Param("format", "text", default="object", doc="object (JWK) or pem"))
def security_create_rsa_key(call: Call, bits: Any = 2048, format: Any = "object") -> Any:
    """A new RSA private key, as a JWK object (with its public n and e) or PEM text.

    security.create_rsa_key { bits = 2048 format = "object" } as $key
    """
    from cryptography.hazmat.primitives.asymmetric import rsa

    fmt = _format("security.create_rsa_key", format)
    if bits not in (1024, 2048, 3072, 4096):
        raise XsError("inputerror", "security.create_rsa_key: `bits` must be 1024, 2048, "
                      f"3072 or 4096, got {bits!r}", payload={"param": "bits"})
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    if fmt == "pem":
        return _pem(key)
    n = key.private_numbers()
    return {"kty": "RSA", "n": _b64url(n.public_numbers.n), "e": _b64url(n.public_numbers.e),
            "d": _b64url(n.d), "p": _b64url(n.p), "q": _b64url(n.q), "dp": _b64url(n.dmp1),
            "dq": _b64url(n.dmq1), "qi": _b64url(n.iqmp)}


@builtin("security.create_curve_key", Param("curve", "text", default="P-256"),
         Param("format", "text", default="object", doc="object (JWK) or pem"))
def security_create_curve_key(call: Call, curve: Any = "P-256", format: Any = "object") -> Any:
    """A new elliptic-curve private key (P-256, P-384 or P-521), as a JWK or PEM text.

    security.create_curve_key { curve = "P-256" } as $key
    """
    from cryptography.hazmat.primitives.asymmetric import ec

    fmt = _format("security.create_curve_key", format)
    if curve not in _CURVES:
        raise XsError("inputerror", f"security.create_curve_key: `curve` must be one of "
                      f"{', '.join(_CURVES)}, got {curve!r}", payload={"param": "curve"})
    key = ec.generate_private_key(getattr(ec, _CURVES[curve])())
    if fmt == "pem":
        return _pem(key)
    size = (key.curve.key_size + 7) // 8
    numbers = key.private_numbers()
    return {"kty": "EC", "crv": curve, "x": _b64url(numbers.public_numbers.x, size),
            "y": _b64url(numbers.public_numbers.y, size),
            "d": _b64url(numbers.private_value, size)}


@builtin("security.create_secret_key", Param("bits", "int", default=256),
         Param("format", "text", default="object", doc="object (JWK) or pem (base64url)"))
def security_create_secret_key(call: Call, bits: Any = 256, format: Any = "object") -> Any:
    """A new random symmetric key, as a JWK {kty: "oct", k} or base64url text.

    security.create_secret_key { bits = 256 } as $key
    """
    import secrets

    fmt = _format("security.create_secret_key", format)
    if not isinstance(bits, int) or bits <= 0 or bits % 8 or bits > 4096:
        raise XsError("inputerror", "security.create_secret_key: `bits` must be a multiple "
                      f"of 8 up to 4096, got {bits!r}", payload={"param": "bits"})
    k = _b64url(secrets.token_bytes(bits // 8))
    return {"kty": "oct", "k": k} if fmt == "object" else k


def _cipher_parts(owner: str, algorithm: Any, key: Any, iv: Any) -> tuple[str, bytes, bytes]:
    if algorithm not in _CIPHERS:
        raise XsError("inputerror", f"{owner}: `algorithm` must be one of "
                      f"{', '.join(_CIPHERS)}, got {algorithm!r}", payload={"param": "algorithm"})
    key_bytes = str(key if key is not None else "").encode("utf-8")
    if len(key_bytes) != _CIPHERS[algorithm]:
        raise XsError("inputerror", f"{owner}: {algorithm} needs a key of "
                      f"{_CIPHERS[algorithm]} bytes, got {len(key_bytes)}",
                      payload={"param": "key"})
    iv_bytes = str(iv if iv is not None else "").encode("utf-8")
    wanted = 12 if algorithm.endswith("gcm") else 16
    if len(iv_bytes) != wanted:
        raise XsError("inputerror", f"{owner}: {algorithm} needs an iv of {wanted} bytes, "
                      f"got {len(iv_bytes)}", payload={"param": "iv"})
    return algorithm, key_bytes, iv_bytes


_CIPHER_PARAMS = (Param("data", required=True), Param("algorithm", "text", required=True),
                  Param("key", "text", required=True), Param("iv", "text", required=True))


@builtin("security.encrypt", *_CIPHER_PARAMS)
def security_encrypt(call: Call, data: Any = None, algorithm: Any = None, key: Any = None,
                     iv: Any = None) -> str:
    """Encrypt text with AES (CBC or GCM); the result is base64 text.

    security.encrypt { data = "secret" algorithm = "aes-256-cbc" key = $env.KEY
    iv = $env.IV } as $encrypted
    """
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    name, key_bytes, iv_bytes = _cipher_parts("security.encrypt", algorithm, key, iv)
    plain = data.encode("utf-8") if isinstance(data, str) else str(data).encode("utf-8")
    if name.endswith("gcm"):
        sealed = AESGCM(key_bytes).encrypt(iv_bytes, plain, None)
    else:
        padder = padding.PKCS7(128).padder()
        encryptor = Cipher(algorithms.AES(key_bytes), modes.CBC(iv_bytes)).encryptor()
        sealed = encryptor.update(padder.update(plain) + padder.finalize()) + encryptor.finalize()
    return base64.b64encode(sealed).decode("ascii")


@builtin("security.decrypt", *_CIPHER_PARAMS)
def security_decrypt(call: Call, data: Any = None, algorithm: Any = None, key: Any = None,
                     iv: Any = None) -> str:
    """Decrypt base64 text made by security.encrypt (same algorithm, key and iv).

    security.decrypt { data = $encrypted algorithm = "aes-256-cbc" key = $env.KEY
    iv = $env.IV } as $plain
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    name, key_bytes, iv_bytes = _cipher_parts("security.decrypt", algorithm, key, iv)
    try:
        sealed = base64.b64decode(str(data), validate=True)
        if name.endswith("gcm"):
            plain = AESGCM(key_bytes).decrypt(iv_bytes, sealed, None)
        else:
            decryptor = Cipher(algorithms.AES(key_bytes), modes.CBC(iv_bytes)).decryptor()
            padded = decryptor.update(sealed) + decryptor.finalize()
            unpadder = padding.PKCS7(128).unpadder()
            plain = unpadder.update(padded) + unpadder.finalize()
        return plain.decode("utf-8")
    except (ValueError, InvalidTag, UnicodeDecodeError):
        raise XsError("inputerror", "security.decrypt: the data does not decrypt with this "
                      "algorithm, key and iv") from None
