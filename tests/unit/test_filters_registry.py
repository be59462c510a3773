"""The filter library as a whole: registration, help text, coverage by the per-family
tests, deprecated aliases, and robustness (no raw Python exception, no changed input)."""

from __future__ import annotations

import importlib.util
import inspect
import itertools
from pathlib import Path

import pytest

import xs_kernel.filters as filters_package
from xs_kernel.errors import XsError
from xs_kernel.registry import DEFAULT, summary
from xs_kernel.values import TYPE_NAMES, BinaryText, copy_value, strict_equals

HERE = Path(__file__).resolve().parent
SPECS = {spec.name: spec for spec in DEFAULT.filters.values()}


def _covered_names() -> set[str]:
    """Filter names used by the rows of every tests/unit/test_filters_<family>.py."""
    names: set[str] = set()
    for path in sorted(HERE.glob("test_filters_*.py")):
        if path.name == Path(__file__).name:
            continue
        spec = importlib.util.spec_from_file_location(f"_coverage_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        names |= module.NAMES
    return names


def test_library_has_at_least_120_filters():
    assert len(SPECS) >= 120


def test_every_filter_and_alias_has_a_test_row():
    missing = set(DEFAULT.filters) - _covered_names()
    assert not missing, f"no test row for: {sorted(missing)}"


DEPRECATED = [("array_push", "push"), ("array_slice", "slice"), ("lower", "to_lower"),
              ("upper", "to_upper"), ("strip_tags", "strip_html"), ("strpos", "index"),
              ("string_replace", "replace"), ("eq", "equals"), ("num_max", "max"),
              ("sub", "subtract"), ("uuid4", "uuid"), ("epochms_date", "format_timestamp"),
              ("regex_test", "regex_matches"), ("to_epochms", "to_timestamp"),
              ("fsort", "sort"), ("empty", "is_empty")]


@pytest.mark.parametrize("alias,name", DEPRECATED)
def test_deprecated_names_reach_the_current_filter(alias, name):
    assert DEFAULT.filter(alias) is DEFAULT.filter(name)
    assert DEFAULT.filter(name).name == name


@pytest.mark.parametrize("name", sorted(SPECS))
def test_help_text_has_a_summary_and_a_signature(name):
    spec = SPECS[name]
    first = summary(spec.doc)
    assert first.endswith(".") and len(first) <= 100, first
    rest = spec.doc.split("\n", 1)[1] if "\n" in spec.doc else ""
    assert f"|{name}" in rest, f"{name}: the help text needs a `receiver|{name}:...` line"


@pytest.mark.parametrize("name", sorted(SPECS))
def test_spec_shape_is_consistent(name):
    spec = SPECS[name]
    assert spec.accepts is None or set(spec.accepts) <= set(TYPE_NAMES)
    limit = spec.max_args if spec.max_args is not None else 99
    assert all(0 <= i < limit for i in spec.lazy)
    assert spec.min_args <= limit
    assert spec.impl.__module__.split(".")[-1] in filters_package.MODULES


def test_modules_list_matches_the_files():
    folder = Path(filters_package.__file__).parent
    files = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    assert files == set(filters_package.MODULES)


STANDALONE = {"range", "fill", "uuid", "create_uid", "list_encodings"}


def test_standalone_filters():
    assert {n for n, s in SPECS.items() if not s.needs_receiver} == STANDALONE


# -- robustness: every filter, many odd inputs ------------------------------------------------

RECEIVERS = [None, True, 0, -1.5, "", "abc", "12", "2023-08-15", BinaryText("\xff"), [],
             [1, "a", None], [{"a": 1}], {}, {"a": {"b": 1}}]
POOL = [None, "a", 2, [1], {"k": "v"}, -1, True, ""]


def _lazy(this=None, **_bound):
    return this


def _argument_lists(spec):
    top = spec.max_args if spec.max_args is not None else spec.min_args + 2
    for count in range(spec.min_args, min(top, 3) + 1):
        if count <= 2:
            combos = itertools.product(POOL, repeat=count)
        else:
            combos = (tuple(POOL[(i + j) % len(POOL)] for j in range(count))
                      for i in range(len(POOL)))
        for combo in combos:
            yield tuple(_lazy if i in spec.lazy else a for i, a in enumerate(combo))


def _receivers(spec):
    from xs_kernel.values import type_name
    return [r for r in RECEIVERS if spec.accepts is None or type_name(r) in spec.accepts]


@pytest.mark.parametrize("name", sorted(SPECS))
def test_filter_never_raises_a_raw_exception_nor_changes_its_input(name):
    spec = SPECS[name]
    for value in _receivers(spec):
        for args in _argument_lists(spec):
            before = copy_value([value, *[a for a in args if a is not _lazy]])
            try:
                spec.impl(value, *args)
            except XsError as err:
                assert err.type in ("inputerror", "standard") and err.message
            after = [value, *[a for a in args if a is not _lazy]]
            assert strict_equals(after, before), f"{name}{args} changed its input"


def test_python_names_follow_the_house_style():
    for name, spec in SPECS.items():
        assert spec.impl.__name__.startswith("filter_"), name
        assert inspect.getdoc(spec.impl) == spec.doc


def test_docs_filters_md_is_generated_from_the_registry():
    root = HERE.parents[1]
    spec = importlib.util.spec_from_file_location("_filters_doc", root / "tools" / "filters_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    current = (root / "docs" / "filters.md").read_text(encoding="utf-8")
    assert module.render() == current, "run: python tools/filters_doc.py"
