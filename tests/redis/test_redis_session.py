"""redis.* end to end: XanoScript text run by a Session, on both back-ends, including every
code block of the redis spec (shared/spec/redis-integration.md, beside the repository)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from xs_kernel.services import Services
from xs_kernel.session import Session

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC = REPO_ROOT.parent / "shared" / "spec" / "redis-integration.md"


@pytest.fixture
def session(backend, monkeypatch) -> Session:
    monkeypatch.delenv("XS_REDIS_URL", raising=False)  # None must mean the embedded store
    services = Services(redis_url=backend.url, redis_prefix=backend.prefix)
    yield Session(services=services)
    services.close()


def run_ok(session: Session, code: str) -> dict:
    outcome = session.run(code)
    assert outcome.error is None, f"{outcome.error.type}: {outcome.error.message}"
    return outcome.bindings


def run_error(session: Session, code: str):
    outcome = session.run(code)
    assert outcome.error is not None, f"expected an error from {code!r}"
    return outcome.error


# -- statements through the language ------------------------------------------------------

CELLS = [
    ('redis.set { key = "u" data = { name: "Ada", tags: ["x", 1.5, null, true] } ttl = 60 }\n'
     'redis.get { key = "u" } as $u\nredis.has { key = "u" } as $h',
     {"u": {"name": "Ada", "tags": ["x", 1.5, None, True]}, "h": True}),
    ('redis.set { key = "t" data = "42" }\nredis.get { key = "t" } as $t', {"t": "42"}),
    ('redis.set { key = "n" data = 41 }\nredis.incr { key = "n" } as $a\n'
     'redis.decr { key = "n" by = 10 } as $b\nredis.get { key = "n" } as $c',
     {"a": 42, "b": 32, "c": 32}),
    ('redis.incr { key = "f" by = 0.5 } as $f', {"f": 0.5}),
    ('redis.get { key = "missing" } as $g\nredis.has { key = "missing" } as $h\n'
     'redis.del { key = "missing" }\nredis.range { key = "missing" } as $r\n'
     'redis.count { key = "missing" } as $c\nredis.pop { key = "missing" } as $p',
     {"g": None, "h": False, "r": [], "c": 0, "p": None}),
    ('for (5) {\n  each as $i {\n    redis.push { key = "q" value = { n: $i } } as $len\n  }\n}\n'
     'redis.unshift { key = "q" value = "first" } as $len2\n'
     'redis.range { key = "q" start = -2 stop = -1 } as $tail\n'
     'redis.shift { key = "q" } as $head\nredis.pop { key = "q" count = 2 } as $last2\n'
     'redis.count { key = "q" } as $left',
     {"i": 4, "len": 5, "len2": 6, "tail": [{"n": 3}, {"n": 4}], "head": "first",
      "last2": [{"n": 4}, {"n": 3}], "left": 3}),
    ('redis.push { key = "r" value = "a" }\nredis.push { key = "r" value = "b" }\n'
     'redis.push { key = "r" value = "a" }\n'
     'redis.remove { key = "r" value = "a" count = -1 } as $removed\n'
     'redis.range { key = "r" } as $rest',
     {"removed": 1, "rest": ["a", "b"]}),
    ('redis.set { key = "user_1" data = 1 }\nredis.set { key = "user_2" data = 2 }\n'
     'redis.set { key = "admin" data = 3 }\nredis.keys { search = "user_*" } as $k',
     {"k": ["user_1", "user_2"]}),
    ('redis.ratelimit { key = "rl" max = 2 } as $a\nredis.ratelimit { key = "rl" max = 2 } as $b\n'
     'redis.ratelimit { key = "rl" max = 2 } as $c\nredis.del { key = "rl" }\n'
     'redis.ratelimit { key = "rl" max = 2 } as $d',
     {"a": True, "b": True, "c": False, "d": True}),
]


@pytest.mark.parametrize("code, bindings", CELLS, ids=range(len(CELLS)))
def test_cells(session, code, bindings) -> None:
    assert run_ok(session, code) == bindings


def test_ratelimit_error_is_catchable_as_toomanyrequests(session) -> None:
    code = ('try_catch {\n  try {\n    for (3) {\n      each as $i {\n'
            '        redis.ratelimit { key = "api" max = 2 error = "Too many calls" } as $ok\n'
            '      }\n    }\n  }\n  catch {\n    var $caught { value = $error }\n  }\n}')
    caught = run_ok(session, code)["caught"]
    assert (caught["type"], caught["message"], caught["status"]) == (
        "toomanyrequests", "Too many calls", 429)


@pytest.mark.parametrize("code, message, hint", [
    ('redis.set { key = "k" value = 1 }', "`redis.set` has no attribute `value`", "data"),
    ('redis.set { key = "k" data = 1 expire = 5 }', "`redis.set` has no attribute `expire`", "ttl"),
    ('redis.ratelimit { key = "k" limit = 1 }', "`redis.ratelimit` has no attribute `limit`",
     "max"),
    ('redis.ratelimit { key = "k" window = 1 }', "`redis.ratelimit` has no attribute `window`",
     "ttl"),
])
def test_aliases_are_input_errors_with_a_hint(session, code, message, hint) -> None:
    err = run_error(session, code)
    assert (err.type, err.message) == ("inputerror", message)
    assert hint in err.hint


@pytest.mark.parametrize("code, name", [
    ("redis.get {} as $x", "key"),
    ('redis.set { key = "k" }', "data"),
    ('redis.push { key = "k" } as $n', "value"),
    ('redis.ratelimit { max = 3 } as $ok', "key"),
])
def test_a_missing_required_attribute_is_an_input_error_naming_it(session, code, name) -> None:
    err = run_error(session, code)
    assert err.type == "inputerror" and f"`{name}`" in err.message


@pytest.mark.parametrize("code, message", [
    ('redis.set { key = "k" data = 1 ttl = "soon" }',
     'redis.set: `ttl` must be an integer, got text "soon"'),
    ('redis.range { key = "k" start = 1.5 } as $r',
     "redis.range: `start` must be an integer, got decimal 1.5"),
    ('redis.ratelimit { key = "k" max = true } as $r',
     "redis.ratelimit: `max` must be an integer, got bool true"),
])
def test_bad_numbers_are_input_errors(session, code, message) -> None:
    err = run_error(session, code)
    assert (err.type, err.message) == ("inputerror", message)


def test_wrong_kind_is_a_located_xanoscript_error(session) -> None:
    run_ok(session, 'redis.set { key = "k" data = "text" }')
    err = run_error(session, 'var $x { value = 1 }\nredis.count { key = "k" } as $n')
    assert (err.type, err.message) == ("standard", 'redis.count: key "k" holds text, not a list')
    assert err.span is not None and err.span.line == 2


def test_unreachable_server_is_a_standard_error_without_the_password(monkeypatch) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    services = Services(redis_url=f"redis://:hunter2@127.0.0.1:{port}/0", redis_prefix="")
    err = run_error(Session(services=services), 'redis.get { key = "k" } as $v')
    assert err.type == "standard" and f"127.0.0.1:{port}" in err.message
    assert "hunter2" not in err.message


# -- every code block of the spec ---------------------------------------------------------


def spec_blocks() -> list:
    """(heading, code) of every ```xs block, read from the spec at collection time."""
    if not SPEC.is_file():
        return [pytest.param(None, None, id="spec-missing")]
    blocks, heading = [], ""
    text = SPEC.read_text(encoding="utf-8")
    for match in re.finditer(r"^(#{1,6}) ([^\n]+)$|^```(\w*)\n(.*?)^```[ \t]*$", text, re.M | re.S):
        if match.group(2):
            heading = match.group(2).strip()
        elif match.group(3) in ("xs", "xanoscript"):
            blocks.append(pytest.param(heading, match.group(4), id=heading or "block"))
    return blocks


PREAMBLE = """
table "product" {
  schema {
    int id
    text name
    text category
  }
}
db.add "product" { data = { name: "Atlas", category: "books" } } as $p1
db.add "product" { data = { name: "Lamp", category: "home" } } as $p2
var $session_data { value = { user_id: 7, theme: "dark" } }
var $task { value = { id: 1, job: "resize" } }
var $urgent_task { value = { id: 2, job: "refund" } }
var $token { value = "tok-123" }
var $user { value = { id: 7, role: "admin", email: "ada@example.com" } }
var $message { value = "Hello from the queue" }
for (12) {
  each as $n {
    redis.push { key = "recent:logs" value = "log " ~ $n }
  }
}
"""

BOOK = {"name": "Atlas", "category": "books"}


def _check_key_value(session, bindings) -> None:
    assert bindings["session"] == {"user_id": 7, "theme": "dark"}
    assert bindings["exists"] is True
    assert run_ok(session, 'redis.has { key = "user:123:session" } as $h')["h"] is False


def _check_counters(session, bindings) -> None:
    assert bindings["new_count"] == -1
    assert run_ok(session, 'redis.get { key = "page_views" } as $v')["v"] == 1


def _check_lists(session, bindings) -> None:
    assert (bindings["length"], bindings["task"], bindings["count"]) == (1, None, 0)
    assert bindings["logs"] == [f"log {n}" for n in range(10)]
    assert run_ok(session, 'redis.range { key = "queue:priority" } as $p')["p"] == [
        {"id": 2, "job": "refund"}]


def _check_ratelimit(session, bindings) -> None:
    assert bindings["status"] is True
    assert run_ok(session, 'redis.get { key = "api:127.0.0.1" } as $c')["c"] == 1


def _check_session_cache(session, bindings) -> None:
    assert bindings["session"] == {"user_id": 7, "role": "admin"}


def _check_response_cache(session, bindings) -> None:
    first = bindings["products"]
    assert bindings["cached"] is None
    assert [{k: row[k] for k in BOOK} for row in first] == [BOOK]
    again = run_ok(session, CODE_BY_HEADING["API Response Caching"])  # now a cache hit
    assert again["cached"] == first and again["products"] == first


def _check_queue(session, bindings) -> None:
    assert bindings["email"]["to"] == "ada@example.com"
    sent = session.services.outbox
    assert len(sent) == 1 and "ada@example.com" in str(sent[0])


CHECKS = {
    "Key-Value Operations": _check_key_value,
    "Counters": _check_counters,
    "Lists": _check_lists,
    "Rate Limiting": _check_ratelimit,
    "Session Caching": _check_session_cache,
    "API Response Caching": _check_response_cache,
    "Queue Processing": _check_queue,
}
CODE_BY_HEADING = {p.values[0]: p.values[1] for p in spec_blocks() if p.values[0]}


@pytest.mark.parametrize("heading, code", spec_blocks())
def test_every_spec_block_runs(session, heading, code) -> None:
    if code is None:
        message = f"the redis spec is missing: {SPEC}"
        if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    session.set_root("input", {"token": "tok-123", "category": "books"})
    session.set_root("env", {"RESEND_API_KEY": "re_test_key"})
    run_ok(session, PREAMBLE)
    bindings = run_ok(session, code)
    check = CHECKS.get(heading)
    if check is not None:
        check(session, bindings)


def test_every_spec_block_has_its_own_checks() -> None:
    """A block added to the spec must get checks here, not only 'it runs'."""
    if not SPEC.is_file():
        pytest.skip(f"the redis spec is missing: {SPEC}")
    assert sorted(CODE_BY_HEADING) == sorted(CHECKS)


# -- back-end selection from the environment ----------------------------------------------


@pytest.mark.live_redis
def test_env_url_and_prefix_choose_the_server_and_namespace_keys(real_url, new_prefix,
                                                                 monkeypatch) -> None:
    prefix = new_prefix(real_url)
    monkeypatch.setenv("XS_REDIS_URL", real_url)
    monkeypatch.setenv("XS_REDIS_PREFIX", prefix)
    session = Session()
    bindings = run_ok(session, 'redis.set { key = "seen" data = true }\n'
                               'redis.keys { search = "*" } as $k')
    assert bindings["k"] == ["seen"]
    assert session.services.redis.describe()["prefix"] == prefix
    raw = session.services.redis._client
    assert raw.get((prefix + "seen").encode()) == b"true" and raw.exists(b"seen") == 0
    session.services.close()


def test_each_embedded_session_has_its_own_store(monkeypatch) -> None:
    monkeypatch.delenv("XS_REDIS_URL", raising=False)
    first, second = Session(services=Services()), Session(services=Services())
    run_ok(first, 'redis.set { key = "mine" data = 1 }')
    assert run_ok(second, 'redis.get { key = "mine" } as $v')["v"] is None
    assert first.services.redis.describe()["backend"] == "embedded"
