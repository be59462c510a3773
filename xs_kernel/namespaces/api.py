"""``api.request``: a real HTTP request, with the result shape of the external-APIs docs.

The result is ``{request: {url, method, headers, params}, response: {status, headers,
result}}``; header lists hold ``"Name: value"`` texts and a JSON body is decoded. HTTP error
statuses are results, not errors; a failure to reach the server (refused, unknown host,
timeout, bad URL) is a XanoScript error. For GET/HEAD/DELETE, ``params`` goes into the query
string; for other methods it is the body (JSON unless a form content type is given).
"""

from __future__ import annotations

import json
import re
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from ..errors import XsError
from ..registry import Call, Param, builtin
from ..values import to_json, to_text

_QUERY_METHODS = {"GET", "HEAD", "DELETE"}
_METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
DEFAULT_TIMEOUT = 10


def _headers(value: Any) -> list[tuple[str, str]]:
    """Headers from ``["Name: value", ...]`` (the documented form) or ``{name: value}``."""
    if value is None:
        return []
    if isinstance(value, dict):
        return [_header(str(k), to_text(v)) for k, v in value.items()]
    if not isinstance(value, list):
        raise XsError("inputerror", "api.request: `headers` must be an array of "
                      "\"Name: value\" texts", payload={"param": "headers"})
    out = []
    for line in value:
        name, sep, val = to_text(line).partition(":")
        if not sep or not name.strip():
            raise XsError("inputerror", f"api.request: header {to_json(line)} is not "
                          "\"Name: value\"", payload={"param": "headers"})
        out.append(_header(name.strip(), val.strip()))
    return out


_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_VALUE = re.compile(r"[\t\x20-\x7e]*")


def _header(name: str, value: str) -> tuple[str, str]:
    """NAME and VALUE, checked: an HTTP header is ASCII, its name a token, and its value
    holds no line break or control character (which would forge further headers)."""
    if not _TOKEN.fullmatch(name):
        bad = next((c for c in name if not _TOKEN.fullmatch(c)), " ")
        raise XsError("inputerror", f"api.request: the header name {to_json(name)} has "
                      f"{_describe(bad)}, which a header name cannot hold",
                      hint="header names are ASCII letters, digits and !#$%&'*+-.^_`|~",
                      payload={"param": "headers", "header": name})
    if not _VALUE.fullmatch(value):
        bad = next(c for c in value if not _VALUE.fullmatch(c))
        raise XsError("inputerror", f"api.request: the value of the header {to_json(name)} "
                      f"has {_describe(bad)}, which a header value cannot hold",
                      hint="header values are printable ASCII: encode other text first, "
                      "e.g. $value|url_encode or $value|base64_encode",
                      payload={"param": "headers", "header": name})
    return name, value


def _describe(char: str) -> str:
    code = ord(char)
    if char == " ":
        return "a space"
    if char in "\r\n":
        return f"a line break (U+{code:04X})"
    if 0xD800 <= code <= 0xDFFF:
        return f"a lone surrogate (U+{code:04X})"
    if char.isprintable():
        return f"the character {char} (U+{code:04X})"
    return f"the control character U+{code:04X}"


def _content_type(headers: list[tuple[str, str]]) -> str | None:
    for name, value in headers:
        if name.lower() == "content-type":
            return value.lower()
    return None


def _encode(value: Any) -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [(str(k), to_text(v)) for k, v in value.items()]
    raise XsError("inputerror", "api.request: query parameters must be an object",
                  payload={"param": "params"})


def _body(params: Any, headers: list[tuple[str, str]]) -> bytes | None:
    if params is None or params == [] or params == {}:
        return None
    ctype = _content_type(headers)
    if isinstance(params, str):
        return params.encode("utf-8")
    if ctype and "x-www-form-urlencoded" in ctype:
        return urllib.parse.urlencode(_encode(params)).encode("ascii")
    if ctype is None:
        headers.append(("Content-Type", "application/json"))
    return json.dumps(params, ensure_ascii=False).encode("utf-8")


def _decode(raw: bytes, content_type: str | None) -> Any:
    text = raw.decode("utf-8", errors="replace")
    looks_json = text.lstrip()[:1] in ("{", "[")
    if (content_type and "json" in content_type) or looks_json:
        try:
            return json.loads(text) if text.strip() else None
        except ValueError:
            return text
    return text


def _url(url: Any, method: str, params: Any) -> str:
    if not isinstance(url, str) or not url:
        raise XsError("inputerror", "api.request: `url` is required", payload={"param": "url"})
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise XsError("inputerror", f"api.request: {url!r} is not an http(s) URL",
                      payload={"param": "url"})
    if method in _QUERY_METHODS and isinstance(params, dict) and params:
        query = urllib.parse.urlencode(_encode(params))
        return urllib.parse.urlunsplit(parts._replace(
            query=f"{parts.query}&{query}" if parts.query else query))
    return url


def _opener(ca_certificate: Any, verify: tuple[bool, bool] = (True, True)
            ) -> urllib.request.OpenerDirector:
    """VERIFY is (verify_host, verify_peer), as Xano's api.request takes them."""
    context = None
    if ca_certificate or verify != (True, True):
        context = ssl.create_default_context(cadata=ca_certificate or None)
        context.check_hostname = verify[0] and verify[1]
        if not verify[1]:
            context.verify_mode = ssl.CERT_NONE
    return urllib.request.build_opener(urllib.request.HTTPSHandler(context=context))


@builtin(
    "api.request",
    Param("url", "text", required=True),
    Param("method", "text", default="GET", doc="GET, POST, PUT, PATCH, DELETE, ..."),
    Param("params", doc="query parameters (GET/HEAD/DELETE) or the request body"),
    Param("headers", doc="array of \"Name: value\" texts"),
    Param("timeout", "number", default=DEFAULT_TIMEOUT, doc="seconds"),
    Param("ca_certificate", "text", doc="PEM text of an extra trusted CA"),
    Param("certificate", "text", doc="client certificates are not supported locally"),
    Param("certificate_pass", "text"),
    Param("private_key", "text"),
    Param("verify_host", "bool", default=True, doc="check the certificate names the host"),
    Param("verify_peer", "bool", default=True, doc="check the certificate chain"),
)
def api_request(call: Call, **attrs: Any) -> dict:
    """Send an HTTP request and return {request, response: {status, headers, result}}.

    Mirrors integrations/external-apis.md (api.request)."""
    if attrs.get("certificate") or attrs.get("private_key"):
        raise XsError("inputerror", "api.request: client certificates are not supported "
                      "in the kernel")
    method = str(attrs.get("method") or "GET").upper()
    if method not in _METHODS:
        raise XsError("inputerror", f"api.request: unknown method {method!r}",
                      payload={"param": "method"})
    params = attrs.get("params")
    headers = _headers(attrs.get("headers"))
    url = _url(attrs.get("url"), method, params)
    body = None if method in _QUERY_METHODS else _body(params, headers)
    timeout = attrs.get("timeout")
    timeout = DEFAULT_TIMEOUT if timeout is None else float(timeout)
    if timeout <= 0:
        raise XsError("inputerror", "api.request: `timeout` must be positive",
                      payload={"param": "timeout"})
    request = urllib.request.Request(url, data=body, method=method, headers=dict(headers))
    record = {"url": url, "method": method, "headers": [f"{k}: {v}" for k, v in headers],
              "params": params if params is not None else []}
    verify = (attrs.get("verify_host") is not False, attrs.get("verify_peer") is not False)
    status, response_headers, raw = _send(request, timeout, attrs.get("ca_certificate"), verify)
    ctype = next((v.lower() for k, v in response_headers if k.lower() == "content-type"), None)
    return {
        "request": record,
        "response": {
            "status": status,
            "headers": [f"{k}: {v}" for k, v in response_headers],
            "result": _decode(raw, ctype),
        },
    }


def _send(request: urllib.request.Request, timeout: float, ca: Any,
          verify: tuple[bool, bool] = (True, True)) -> tuple[int, list[tuple[str, str]], bytes]:
    try:
        with _opener(ca, verify).open(request, timeout=timeout) as resp:
            return resp.status, list(resp.headers.items()), resp.read()
    except urllib.error.HTTPError as err:  # a status >= 400 is still a response
        with err:
            return err.code, list(err.headers.items()), err.read()
    except (socket.timeout, TimeoutError):
        raise _timeout(request, timeout) from None
    except urllib.error.URLError as err:
        if isinstance(err.reason, (socket.timeout, TimeoutError)):
            raise _timeout(request, timeout) from None
        reason = err.reason if not isinstance(err.reason, BaseException) else \
            (err.reason.strerror or str(err.reason))
        raise XsError("standard", f"api.request: cannot reach {request.full_url}: {reason}",
                      name="NetworkError") from None
    except (ssl.SSLError, OSError, ValueError) as err:
        raise XsError("standard", f"api.request: {request.full_url} failed: {err}",
                      name="NetworkError") from None


def _timeout(request: urllib.request.Request, timeout: float) -> XsError:
    return XsError("standard", f"api.request: {request.full_url} did not answer within "
                   f"{timeout:g} s", name="TimeoutError")
