"""mask_credentials: every password form the drivers accept is hidden, in linear time,
and errors, excerpts and magic output go through it."""

from __future__ import annotations

import pytest

from xs_kernel.credentials import mask_credentials
from xs_kernel.errors import XsError, format_error
from xs_kernel.magics.dispatch import run_cell
from xs_kernel.session import Session


@pytest.mark.parametrize("text, masked", [
    ("redis://:secret@host:6379/0", "redis://:***@host:6379/0"),
    ("redis://user:pa ss@host/0", "redis://user:***@host/0"),  # a password with a space
    ("rediss://:p@ss@host", "rediss://:***@host"),  # an @ inside the password
    ("postgresql://u:p@h:5/x?sslmode=require", "postgresql://u:***@h:5/x?sslmode=require"),
    ("redis://host:6379/0?password=hunter2&db=1", "redis://host:6379/0?password=***&db=1"),
    ("postgresql://u@h/x?passfile=/home/u/.pgpass", "postgresql://u@h/x?passfile=***"),
    ("host=db password=s3cret user=x", "host=db password=*** user=x"),  # libpq conninfo
    ("sslpassword='two words' port=5", "sslpassword=*** port=5"),
    ("x://y\nredis://:s@h", "x://y\nredis://:***@h"),
])
def test_each_credential_form_is_masked(text: str, masked: str) -> None:
    assert mask_credentials(text) == masked


@pytest.mark.parametrize("text", [
    "mypassword=keep", "http://example.com/a:b@c", "no secret: a://b", "user@host.com"])
def test_what_is_not_a_credential_stays(text: str) -> None:
    assert mask_credentials(text) == text


def test_adversarial_input_is_handled_in_one_pass() -> None:
    # An 80 KB word and thousands of schemes: the old regex tried a scheme at every
    # position (16 s for one failing magic line); this must simply finish and be right.
    word = "a" * 80_000
    text = word + " " + "x://" * 20_000 + "redis://:pw@h " + "password=" * 20_000
    masked = mask_credentials(text)
    assert "pw@" not in masked and masked.startswith(word)


def test_errors_mask_their_message_hint_and_excerpt() -> None:
    err = XsError("standard", "cannot use redis://:secret@h", hint="try password=secret")
    err.span = None
    assert "secret" not in "\n".join(format_error(err))
    session = Session()
    outcome = run_cell(session, "%redis connect redis://:top secret@127.0.0.1:1/0")
    shown = "\n".join(format_error(outcome.error))
    assert "top secret" not in shown and "redis://:***@127.0.0.1:1/0" in shown


@pytest.mark.parametrize("cell, message", [
    ("%redis connect redis://:pw@[::1/0", "invalid Redis URL 'redis://:***@[::1/0': Invalid IPv6 URL"),
    ("%redis connect redis://127.0.0.1:6379/13?bogus=1", "invalid Redis URL "
     "'redis://127.0.0.1:6379/13?bogus=1': unknown option 'bogus'"),
    ("%db connect postgresql://u:p@host:abc/x", "not a valid database URL "
     "'postgresql+psycopg://u:***@host:abc/x': the port must be a number"),
])
def test_bad_urls_are_plain_input_errors(cell: str, message: str) -> None:
    outcome = run_cell(Session(), cell)
    assert (outcome.error.type, outcome.error.message) == ("inputerror", message)


def test_a_bad_xs_redis_url_is_a_plain_error(monkeypatch) -> None:
    monkeypatch.setenv("XS_REDIS_URL", "redis://:pw@[::1/0")
    outcome = Session().run('redis.get { key = "a" } as $x')
    assert outcome.error.type == "inputerror" and "Invalid IPv6 URL" in outcome.error.message
    assert "pw" not in outcome.error.message
