"""User regular expressions: Python syntax, and a time limit instead of a hung kernel."""

from __future__ import annotations

import pytest

from xs_kernel import patterns
from xs_kernel.errors import XsError
from xs_kernel.session import Session

RUNAWAY, VICTIM = "^(a|aa)+$", "a" * 40 + "!"


def test_search_finds_and_misses() -> None:
    assert patterns.search(r"(\d+)-(\d+)", "a 12-34").groups() == ("12", "34")
    assert patterns.search("x", "abc") is None
    assert patterns.search("ABC", "abc", patterns.IGNORECASE) is not None


def test_a_bad_pattern_is_a_pattern_error() -> None:
    with pytest.raises(patterns.PatternError):
        patterns.search("(", "abc")


def test_bounded_consumes_iterators_inside_the_limit() -> None:
    pattern = patterns.compile_pattern(r"\d")
    assert [m.group(0) for m in patterns.bounded(pattern.finditer, "a1b2")] == ["1", "2"]


def test_a_runaway_pattern_is_stopped(monkeypatch) -> None:
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.2)
    with pytest.raises(patterns.RunawayPattern) as caught:
        patterns.search(RUNAWAY, VICTIM)
    assert str(caught.value) == "the pattern ran for more than 0.2 s and was stopped"


def test_expect_to_match_stops_a_runaway_pattern(monkeypatch) -> None:
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.2)
    out = Session().run(f'expect.to_match ("{VICTIM}") {{ value = "{RUNAWAY}" }}')
    assert isinstance(out.error, XsError) and out.error.type == "standard"
    assert out.error.message == "expect.to_match: the pattern ran for more than 0.2 s and was stopped"
