"""Lone surrogates ("\\ud800", from a JSON escape or a string literal) and surrogate pairs:
kept exactly in values, written as the escape \\ud800 wherever text leaves the kernel
(JSON, events, rendering, `xs run`, error messages), never a UnicodeEncodeError."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from xs_kernel.errors import XsError
from xs_kernel.render import bundle
from xs_kernel.session import Session
from xs_kernel.values import printable, to_json


def value_of(code: str):
    outcome = Session().run(code)
    assert outcome.error is None, outcome.error
    return outcome.value


def test_an_escaped_surrogate_pair_in_a_literal_is_one_character() -> None:
    assert value_of('"\\ud83d\\ude00"') == "\U0001F600"
    assert value_of('"\\ud83d\\ude00"|strlen') == 1
    assert value_of('"a\\ud800b"') == "a\ud800b"  # a lone half stays as it is


@pytest.mark.parametrize("text", ["\ud800", "x\udfffy", "\ude00\ud83d", "ok \U0001F600"])
def test_json_round_trips_exactly(text: str) -> None:
    encoded = to_json({"k": text})
    encoded.encode("utf-8")  # valid UTF-8: no raw surrogate inside
    assert json.loads(encoded) == {"k": text}
    session = Session()
    session.variables["t"] = text
    outcome = session.run("$t|json_encode|json_decode")
    assert outcome.value == text


def test_printable_escapes_only_lone_surrogates() -> None:
    assert printable("a\ud800b") == "a\\ud800b"
    assert printable("caf\u00e9 \U0001F600") == "caf\u00e9 \U0001F600"


def test_events_rendering_and_errors_carry_no_raw_surrogate() -> None:
    session = Session()
    outcome = session.run('var $x { value = "\\ud800" }\n'
                          'debug.log { value = $x }\n'
                          'debug.log { value = {a: $x} }\n'
                          'precondition (false) { error = "bad " ~ $x }')
    assert [e.text for e in outcome.events] == ["\\ud800", '{"a":"\\ud800"}']
    assert outcome.error.message == "bad \\ud800"
    for data in (bundle("\ud800"), bundle({"a": "\ud800"}), bundle([{"a": "\ud800"}])):
        for text in data.values():
            text.encode("utf-8")
            assert "\\ud800" in text
    assert session.variables["x"] == "\ud800"  # the value itself is untouched


def test_an_error_message_is_always_utf8() -> None:
    XsError("standard", "x\ud800", hint="y\udc00").message.encode("utf-8")


def test_xs_run_prints_a_lone_surrogate_as_its_escape(tmp_path) -> None:
    program = tmp_path / "s.xs"
    program.write_text('var $x { value = "\\ud800" }\ndebug.log { value = $x }\n$x\n')
    done = subprocess.run([sys.executable, "-m", "xs_kernel.cli", "run", str(program)],
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "\\ud800\n\\ud800\n", "")
