"""The kernel's cell history: tail, range and search, shaped as history_reply wants."""

from __future__ import annotations

from xs_kernel.history import SESSION, History


def filled() -> History:
    h = History()
    for line, code, out in [(1, "var $a { value = 1 }", "1"), (2, "$a", "1"),
                            (3, "redis.get { key = \"k\" } as $v", None), (4, "$a", "1")]:
        h.record(line, code, out)
    return h


def test_tail_gives_the_last_n_inputs() -> None:
    assert filled().request("tail", n=2) == [(SESSION, 3, 'redis.get { key = "k" } as $v'),
                                             (SESSION, 4, "$a")]


def test_output_pairs_each_input_with_its_shown_result() -> None:
    assert filled().request("tail", output=True, n=1) == [(SESSION, 4, ("$a", "1"))]


def test_range_is_half_open_and_only_for_this_session() -> None:
    h = filled()
    assert [e[1] for e in h.request("range", session=SESSION, start=2, stop=4)] == [2, 3]
    assert [e[1] for e in h.request("range", session=0, start=4)] == [4]
    assert h.request("range", session=7, start=1) == []


def test_search_globs_and_unique_keeps_the_latest_run() -> None:
    h = filled()
    assert [e[1] for e in h.request("search", pattern="$a")] == [2, 4]
    assert [e[1] for e in h.request("search", pattern="$a", unique=True)] == [4]
    assert [e[1] for e in h.request("search", pattern="redis.*")] == [3]
    assert h.request("search", pattern="*", n=1) == [(SESSION, 4, "$a")]


def test_an_unknown_access_type_gives_nothing() -> None:
    assert filled().request("everything") == []
