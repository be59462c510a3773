"""magics/core.py and magics/redis.py, run through magics.dispatch.run_cell on a fake session."""

from __future__ import annotations

from typing import Any

import pytest

import xs_kernel.magics  # noqa: F401  (registers the magics)
from xs_kernel.magics import dispatch as cells
from xs_kernel.errors import XsError
from xs_kernel.registry import DEFAULT, Param, Registry, builtin, plain, summary, xs_filter
from xs_kernel.session import Outcome

REG = Registry()
for _spec in DEFAULT.magics.values():
    REG.add_magic(_spec)


@builtin("redis.get", Param("key", "text", required=True), registry=REG)
def _get(call, **kw):
    """Read KEY."""


@builtin("redis.set", Param("key", "text", required=True), returns=False, registry=REG)
def _set(call, **kw):
    """Write KEY."""


@xs_filter("trim", registry=REG)
def _trim(value):
    """Strip whitespace."""


class FakeStore:
    def __init__(self, url: str | None) -> None:
        self.url = url
        self.prefix = "app:"
        self.stored = ["a", "b", "c"]

    def clear(self, confirm: bool) -> Any:
        from xs_kernel.backends.redis_browse import Deletion, Scan

        found = Deletion("*", Scan(list(self.stored)))
        if confirm:
            found.deleted, self.stored = len(self.stored), []
        return found

    def describe(self) -> dict[str, Any]:
        if self.url is None:
            return {"backend": "embedded", "prefix": ""}
        return {"backend": "server", "url": self.url.replace("secret", "***")}


class FakeServices:
    def __init__(self) -> None:
        self.redis = FakeStore(None)

    def use_redis(self, url: str | None) -> FakeStore:
        self.redis = FakeStore(url)
        return self.redis


class FakeSession:
    def __init__(self) -> None:
        self.registry = REG
        self.services = FakeServices()
        self.sink = None
        self.variables: dict[str, Any] = {}
        self.roots: dict[str, Any] = {"input": {}, "auth": {}, "env": {}}
        self.config: dict[str, Any] = {}
        self.resets = 0
        self.results: dict[str, Outcome] = {}

    @property
    def env(self) -> dict[str, Any]:
        return self.roots["env"]

    def run(self, code: str, cell_name: str = "<cell>") -> Outcome:
        return self.results.get(code.strip(), Outcome())

    def reset(self) -> None:
        self.resets += 1
        self.variables.clear()

    def set_root(self, root: str, value: Any) -> None:
        self.roots[root] = value


def run(cell: str, session: FakeSession | None = None) -> Outcome:
    return cells.run_cell(session or FakeSession(), cell, registry=REG)


def printed(out: Outcome) -> str:
    assert out.error is None, out.error
    return "\n".join(e.text for e in out.events if e.kind == "log")


def test_every_magic_has_a_help_summary() -> None:
    assert {"help", "lsmagic", "vars", "reset", "input", "auth", "env", "config", "time",
            "display", "redis"} <= set(DEFAULT.magics)
    assert all(summary(s.doc) for s in DEFAULT.magics.values())


def test_help_overview_lists_magics_and_namespaces() -> None:
    text = printed(run("%help"))
    for name, spec in DEFAULT.magics.items():
        assert f"%{name}" in text and plain(summary(spec.doc)) in text
    assert "namespaces (%help NAME lists one): redis" in text
    assert "Filters: 1" in text


@pytest.mark.parametrize("argument, first_line", [
    ("redis.get", "redis.get { key = ... } as $result"),
    ("trim", "|trim"),
    ("%vars", "%vars"),
    ("vars", "%vars"),
    ("redis", "  redis.get  Read KEY."),
    ("redis.", "  redis.get  Read KEY."),
    ("%redis", "%redis"),
    ("precondition", "precondition (…) { error_type = \"notfound\" error = \"…\" }"),
    ("foreach", "foreach ($list) { each as $item { … } }"),
])
def test_help_for_one_name(argument: str, first_line: str) -> None:
    assert printed(run(f"%help {argument}")).splitlines()[0] == first_line


def test_help_for_a_namespace_points_at_the_magic_of_the_same_name() -> None:
    assert printed(run("%help redis")).splitlines()[-1] == "(the magic: %help %redis)"


def test_help_for_an_unknown_name_suggests_one() -> None:
    err = run("%help redis.gte").error
    assert (err.type, err.message, err.hint) == ("inputerror", "no help for 'redis.gte'",
                                                 "did you mean redis.get?")


def test_lsmagic() -> None:
    lines = printed(run("%lsmagic")).splitlines()
    assert [line.split()[0] for line in lines] == ["%" + n for n in sorted(REG.magics)]


def test_vars_is_a_table_of_name_type_preview() -> None:
    session = FakeSession()
    session.variables = {"n": 3, "user": {"name": "Ann"}, "s": "x" * 100}
    out = run("%vars", session)
    assert out.value == [
        {"name": "$n", "type": "int", "preview": 3},
        {"name": "$user", "type": "object", "preview": {"name": "Ann"}},
        {"name": "$s", "type": "text", "preview": "x" * 59 + "…"},
    ]


def test_vars_without_variables_says_so() -> None:
    assert printed(run("%vars")) == "no variables yet"


def test_reset_says_what_it_forgot_and_how_to_delete_the_stored_keys() -> None:
    session = FakeSession()
    session.variables = {"a": 1}
    out = run("%reset", session)
    assert (session.resets, session.variables, out.has_value) == (1, {}, False)
    assert printed(out) == (
        "reset: variables, functions, tables, $input, $auth and $env are forgotten\n"
        "stored keys: 3, kept (%reset --keys deletes them too)")
    assert session.services.redis.stored == ["a", "b", "c"]
    out = run("%reset --keys", session)
    assert printed(out).endswith("\nstored keys: 3 deleted")
    assert session.services.redis.stored == [] and session.resets == 2
    assert printed(run("%reset", session)).endswith("\nstored keys: none")
    assert "app:" not in printed(out)  # the prefix stays hidden, as in %redis keys


def test_reset_refuses_other_arguments_and_resets_nothing() -> None:
    session = FakeSession()
    session.variables = {"a": 1}
    out = run("%reset --all", session)
    assert out.error.type == "inputerror" and session.variables == {"a": 1}


@pytest.mark.parametrize("root", ["input", "auth"])
def test_input_and_auth_set_a_root_from_json(root: str) -> None:
    session = FakeSession()
    out = run(f'%{root} {{"id": 1, "tags": ["a"]}}', session)
    assert out.error is None and not out.has_value
    assert session.roots[root] == {"id": 1, "tags": ["a"]}
    assert run(f"%{root}", session).value == {"id": 1, "tags": ["a"]}


def test_input_may_span_lines() -> None:
    session = FakeSession()
    run('%input {\n  "id": 2\n}', session)
    assert session.roots["input"] == {"id": 2}


@pytest.mark.parametrize("argument, message", [
    ("{oops}", "%input needs a JSON object: Expecting property name"),
    ("[1, 2]", "%input needs a JSON object, got array"),
])
def test_input_rejects_what_is_not_an_object(argument: str, message: str) -> None:
    err = run(f"%input {argument}").error
    assert err.type == "inputerror" and err.message.startswith(message)


def test_env_sets_shows_and_rejects() -> None:
    session = FakeSession()
    run("%env API_KEY=abc=def", session)
    run("%env MODE = test", session)
    assert session.roots["env"] == {"API_KEY": "abc=def", "MODE": "test"}
    assert run("%env MODE", session).value == "test"
    assert run("%env", session).value == {"API_KEY": "abc=def", "MODE": "test"}
    assert run("%env NOPE", session).error.type == "notfound"
    assert run("%env 1x=2", session).error.type == "inputerror"


def test_config_shows_and_sets_max_rows() -> None:
    session = FakeSession()
    assert run("%config", session).value == {"max_rows": 50}
    assert run("%config max_rows=100", session).error is None
    assert cells.render_options(session).max_rows == 100
    assert run("%config", session).value == {"max_rows": 100}


@pytest.mark.parametrize("argument", ["max_rows=0", "max_rows=abc", "max_rows", "colour=red"])
def test_config_rejects_bad_settings(argument: str) -> None:
    assert run(f"%config {argument}").error.type == "inputerror"


def test_time_runs_the_rest_and_reports_on_stderr() -> None:
    session = FakeSession()
    session.results["value 1"] = Outcome(value=1, has_value=True)
    out = run("%time\nvalue 1", session)
    assert (out.value, out.has_value) == (1, True)
    (event,) = out.events
    assert event.kind == "warning" and event.text.startswith("time: ")


def test_time_wants_its_code_on_the_next_lines() -> None:
    assert run("%time value 1").error.type == "inputerror"


def test_display_sends_the_value_as_a_display_event() -> None:
    session = FakeSession()
    session.results["$users"] = Outcome(value=[{"id": 1}], has_value=True)
    out = run("%display $users", session)
    assert [(e.kind, e.value) for e in out.events] == [("display", [{"id": 1}])]
    assert not out.has_value


def test_display_reports_the_expression_error_or_a_missing_value() -> None:
    session = FakeSession()
    session.results["$x"] = Outcome(error=XsError("notfound", "no $x"))
    assert run("%display $x", session).error.message == "no $x"
    assert run("%display $y", session).error.type == "inputerror"
    assert run("%display").error.type == "inputerror"


def test_redis_shows_connects_and_goes_back() -> None:
    session = FakeSession()
    assert run("%redis", session).value == {"backend": "embedded", "prefix": ""}
    out = run("%redis connect redis://:secret@localhost:6379/0", session)
    assert out.value == {"backend": "server", "url": "redis://:***@localhost:6379/0"}
    assert run("%redis", session).value["backend"] == "server"
    assert run("%redis embedded", session).value["backend"] == "embedded"


@pytest.mark.parametrize("argument", ["connect", "flush", "embedded now"])
def test_redis_rejects_bad_commands(argument: str) -> None:
    assert run(f"%redis {argument}").error.type == "inputerror"


def test_redis_keys_browses_the_store() -> None:
    from xs_kernel.magics.dispatch import run_cell
    from xs_kernel.registry import load_builtins as default_registry
    from xs_kernel.session import Session

    registry = default_registry()
    session = Session(registry=registry)
    session.run('redis.set { key = "b:1" data = [1, 2] }\nredis.set { key = "other" data = 1 }')
    out = run_cell(session, "%redis keys b:*", registry=registry)
    assert out.value == [{"key": "b:1", "holds": "an array", "ttl": "—", "value": [1, 2]}]
    assert [e.text for e in out.events] == ["1 key matching 'b:*'"]


def test_redis_connect_to_a_dead_server_keeps_the_store_and_never_echoes_the_password() -> None:
    from xs_kernel.magics.dispatch import run_cell
    from xs_kernel.registry import load_builtins as default_registry
    from xs_kernel.errors import format_error
    from xs_kernel.session import Session

    registry = default_registry()
    session = Session(registry=registry)
    session.run('redis.set { key = "kept" data = 1 }')
    out = run_cell(session, "%redis connect redis://:s3cret@127.0.0.1:1/0", registry=registry)
    shown = "\n".join(format_error(out.error))
    assert out.error.type == "standard" and "cannot reach Redis at 127.0.0.1:1" in shown
    assert "s3cret" not in shown and ":***@127.0.0.1:1" in shown
    assert session.run('redis.get { key = "kept" } as $v').value == 1


# -- cells: %%NAME cell magics, values that code follows, magic lines below the code


def _real_session() -> Any:
    from xs_kernel.registry import load_builtins as default_registry
    from xs_kernel.session import Session

    return Session(registry=default_registry())


def test_cell_time_runs_the_whole_cell_and_reports_after_it() -> None:
    session = _real_session()
    out = cells.run_cell(session, "%%time\n%input {\"n\": 2}\nvar $x { value = $input.n }\n$x")
    assert out.error is None and (out.has_value, out.value) == (True, 2)
    assert [e.kind for e in out.events] == ["warning"]
    assert out.events[-1].text.startswith("time: ")


def test_a_cell_magic_is_a_registry_flag_any_magic_can_carry() -> None:
    registry = Registry()
    for spec in DEFAULT.magics.values():
        registry.add_magic(spec)
    from xs_kernel.registry import magic

    @magic("twice", registry, cell=True)
    def _twice(session, text):
        """Run the rest of the cell twice."""
        def around(run_rest):
            run_rest()
            return run_rest(), "ran twice"
        return cells.AroundCell(around)

    session = _real_session()
    session.run('var $n { value = 0 }')
    out = cells.run_cell(session, "%%twice\nvar.update $n { value = $n + 1 }\n$n",
                         registry=registry)
    assert (out.error, out.value, out.events[-1].text) == (None, 2, "ran twice")
    out = cells.run_cell(session, "%%vars", registry=registry)
    assert out.error.type == "inputerror" and "%%time, %%twice" in out.error.hint


def test_cell_magic_below_the_first_line_is_refused_before_anything_runs() -> None:
    session = _real_session()
    out = cells.run_cell(session, "%input {\"n\": 1}\n%%time\n$input")
    assert out.error.type == "inputerror" and out.error.span.line == 2
    assert session.input == {} and out.events == []


def test_a_magic_value_is_not_lost_when_code_follows() -> None:
    session = _real_session()
    out = cells.run_cell(session, "%redis\nvar $x { value = 5 }\n$x")
    assert out.error is None and out.value == 5
    (shown,) = [e for e in out.events if e.kind == "display"]
    assert shown.value["backend"] == "embedded"
    out = cells.run_cell(session, "%redis\n%vars")
    assert [e.kind for e in out.events] == ["display"]
    assert out.value == [{"name": "$x", "type": "int", "preview": 5}]


@pytest.mark.parametrize("cell, line, column, name", [
    ("var $x { value = 1 }\n%redis keys", 2, 1, "%redis"),
    ("var $x { value = 1 }\n\n   %%time", 3, 4, "%%time"),
    ("var $x { value = 1 }\n%vars\nvar $y { value = 2 }", 2, 1, "%vars"),
])
def test_a_magic_line_below_the_code_says_magics_go_at_the_top(cell, line, column, name) -> None:
    from xs_kernel.errors import format_error

    session = _real_session()
    out = cells.run_cell(session, cell, cell_name="<cell 4>")
    assert out.error.type == "inputerror" and "magics go at the top of a cell" in out.error.message
    assert (out.error.span.line, out.error.span.column) == (line, column)
    shown = format_error(out.error)
    assert f"line {line}, column {column}" in "\n".join(shown)
    assert " " * (column - 1) + "^" * len(name) in shown[-2] and name in out.error.hint
    assert session.variables == {}


def test_an_unknown_percent_word_below_the_code_stays_a_syntax_error() -> None:
    out = cells.run_cell(_real_session(), "var $x { value = 1 }\n%nomagic")
    assert out.error.type == "syntaxerror"


# -- %help: whole phrases, plain text


def test_every_magic_summary_is_a_whole_phrase_in_plain_text() -> None:
    for name, spec in DEFAULT.magics.items():
        line = summary(spec.doc)
        assert line.endswith(".") and len(plain(line)) <= 88, (name, line)
        assert plain(line) in printed(run("%help")), (name, line)


def test_summary_stops_at_a_clause_never_mid_phrase() -> None:
    doc = ("Show or change display settings: `%config max_rows=100` sets how many rows of a "
           "result are shown before the showing line (default 50).")
    assert summary(doc) == "Show or change display settings."
    assert summary("Do `a: b; c` now, then " + "more " * 30 + "words.") == "Do `a: b; c` now."
    words = summary("word " * 40)
    assert words.endswith("word…") and len(words) <= 88
    assert plain("Use ``a `b` c`` and `%vars` here.") == "Use a `b` c and %vars here."


def test_help_is_plain_text_without_markdown_backticks() -> None:
    for argument in ("", "%redis", "%reset", "redis.set", "%vars"):
        assert "`" not in printed(run(f"%help {argument}")), argument
