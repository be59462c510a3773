"""api.request against a local HTTP server started by the tests."""

from __future__ import annotations

import json
import socket
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from typing import Any, Iterator

import pytest

from xs_kernel.errors import XsError
from xs_kernel.namespaces.api import api_request
from xs_kernel.registry import Call
from xs_kernel.session import Session

RELEASE = threading.Event()  # the /slow handler waits for this


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("X-Served-By", "test-server")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, value: Any) -> None:
        self._send(status, json.dumps(value).encode(), "application/json")

    def _echo(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode() if length else ""
        parts = urllib.parse.urlsplit(self.path)
        self._json(200, {"method": self.command, "path": parts.path,
                         "query": dict(urllib.parse.parse_qsl(parts.query)),
                         "content_type": self.headers.get("Content-Type"),
                         "token": self.headers.get("Authorization"), "body": raw})

    def do_GET(self) -> None:
        if self.path.startswith("/text"):
            self._send(200, "plain words".encode(), "text/plain; charset=utf-8")
        elif self.path.startswith("/missing"):
            self._json(404, {"error": "no such thing"})
        elif self.path.startswith("/broken"):
            self._send(500, b"{not json", "application/json")
        elif self.path.startswith("/slow"):
            RELEASE.wait(5)
            self._send(200, b"late", "text/plain")
        else:
            self._echo()

    do_POST = do_PUT = do_PATCH = do_DELETE = _echo


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        RELEASE.set()
        server.shutdown()
        server.server_close()


def request(**attrs: Any) -> dict:
    call = Call(services=SimpleNamespace(), emit=lambda kind, value: None)
    return api_request(call, **attrs)


def test_get_with_query_parameters_and_headers(base_url: str) -> None:
    got = request(url=f"{base_url}/items?sort=asc", method="GET",
                  params={"page": 2, "tag": "a b"}, headers=["Authorization: Bearer T1"])
    assert got["request"] == {"url": f"{base_url}/items?sort=asc&page=2&tag=a+b",
                              "method": "GET", "headers": ["Authorization: Bearer T1"],
                              "params": {"page": 2, "tag": "a b"}}
    response = got["response"]
    assert response["status"] == 200
    assert "X-Served-By: test-server" in response["headers"]
    assert response["result"]["query"] == {"sort": "asc", "page": "2", "tag": "a b"}
    assert response["result"]["token"] == "Bearer T1"


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH"])
def test_body_methods_send_json(base_url: str, method: str) -> None:
    got = request(url=f"{base_url}/users", method=method, params={"name": "Ann", "n": [1, 2]})
    result = got["response"]["result"]
    assert result["method"] == method and result["content_type"] == "application/json"
    assert json.loads(result["body"]) == {"name": "Ann", "n": [1, 2]}
    assert got["request"]["headers"] == ["Content-Type: application/json"]


def test_form_encoded_body(base_url: str) -> None:
    got = request(url=f"{base_url}/form", method="POST", params={"a": 1, "b": "x y"},
                  headers=["Content-Type: application/x-www-form-urlencoded"])
    assert got["response"]["result"]["body"] == "a=1&b=x+y"


def test_text_body_and_text_response(base_url: str) -> None:
    got = request(url=f"{base_url}/raw", method="POST", params="just text",
                  headers={"Content-Type": "text/plain"})
    assert got["response"]["result"]["body"] == "just text"
    plain = request(url=f"{base_url}/text")
    assert plain["response"]["result"] == "plain words" and plain["request"]["method"] == "GET"


def test_error_statuses_are_responses_not_errors(base_url: str) -> None:
    missing = request(url=f"{base_url}/missing")["response"]
    assert missing["status"] == 404 and missing["result"] == {"error": "no such thing"}
    broken = request(url=f"{base_url}/broken")["response"]
    assert broken["status"] == 500 and broken["result"] == "{not json"


def test_a_timeout_is_a_xanoscript_error(base_url: str) -> None:
    with pytest.raises(XsError) as info:
        request(url=f"{base_url}/slow", timeout=0.2)
    assert info.value.name == "TimeoutError" and "did not answer" in info.value.message


def test_an_unreachable_server_is_a_xanoscript_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again before the request: nothing listens
    with pytest.raises(XsError) as info:
        request(url=f"http://127.0.0.1:{port}/x")
    assert info.value.type == "standard" and info.value.name == "NetworkError"


@pytest.mark.parametrize("attrs, words", [
    ({"url": "ftp://example.com/x"}, "not an http(s) URL"),
    ({"url": "file:///etc/passwd"}, "not an http(s) URL"),
    ({"url": ""}, "`url` is required"),
    ({"url": "http://x", "method": "BREW"}, "unknown method"),
    ({"url": "http://x", "headers": ["no colon"]}, "is not \"Name: value\""),
    ({"url": "http://x", "headers": "X: y"}, "must be an array"),
    ({"url": "http://x", "timeout": 0}, "`timeout` must be positive"),
    ({"url": "http://x", "certificate": "PEM"}, "client certificates"),
])
def test_bad_requests_are_input_errors(attrs: dict, words: str) -> None:
    with pytest.raises(XsError) as info:
        request(**attrs)
    assert info.value.type == "inputerror" and words in info.value.message


def test_from_source_through_the_session(base_url: str) -> None:
    session = Session()
    session.set_root("env", {"API_BASE": base_url})
    outcome = session.run('''api.request {
  url = $env.API_BASE ~ "/orders"
  method = "POST"
  params = { sku: "A1", qty: 2 }
  headers = ["X-Trace: abc"]
  timeout = 5
} as $res
$res.response.result.body|json_decode''')
    assert outcome.error is None, outcome.error and outcome.error.message
    assert outcome.value == {"sku": "A1", "qty": 2}
    assert session.variables["res"]["response"]["status"] == 200


@pytest.mark.parametrize("headers, words", [
    (["X-Name: café"], 'the value of the header "X-Name" has the character é (U+00E9)'),
    (["X-Emoji: \U0001F600"], 'the header "X-Emoji" has the character \U0001F600 (U+1F600)'),
    ({"X-Obj": "naïve"}, 'the value of the header "X-Obj" has the character ï'),
    (["Ünïcode: v"], 'the header name "Ünïcode" has the character Ü (U+00DC)'),
    (["X A: b"], 'the header name "X A" has a space'),
    (["X-A: a\r\nX-Forged: 1"], 'the header "X-A" has a line break (U+000D)'),
    (["X-Nul: a\x00b"], 'the header "X-Nul" has the control character U+0000'),
    (["X-Sur: \ud800"], 'the header "X-Sur" has a lone surrogate (U+D800)'),
])
def test_a_header_http_cannot_carry_is_an_inputerror_naming_it(headers, words) -> None:
    with pytest.raises(XsError) as info:
        request(url="http://127.0.0.1:9/x", method="GET", headers=headers)
    error = info.value
    assert error.type == "inputerror" and words in error.message
    assert "codec" not in error.message and "b'" not in error.message
    assert error.payload["param"] == "headers"


def test_a_non_ascii_header_through_the_session_points_at_the_statement(base_url) -> None:
    outcome = Session().run('api.request {\n  url = "http://127.0.0.1:9/x"\n  method = "GET"\n'
                            '  headers = ["X-Name: café"]\n} as $r')
    assert outcome.error.type == "inputerror" and '"X-Name"' in outcome.error.message
    assert outcome.error.span.line == 1
