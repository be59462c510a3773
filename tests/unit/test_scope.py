"""Frames, path reads and writes, value copies and $env defaults."""

from __future__ import annotations

import pytest

from xs_kernel.errors import XsError
from xs_kernel.scope import ENV_DEFAULTS, environment, index, member, put


@pytest.mark.parametrize("value,name,expected", [
    ({"a": 1}, "a", 1), ({"a": 1}, "b", None), ([5, 6], "1", 6), ([5, 6], "-1", 6),
    ([5, 6], "x", None), (None, "a", None), ("text", "a", None), (3, "0", None),
])
def test_member(value, name, expected) -> None:
    assert member(value, name) == expected


@pytest.mark.parametrize("value,key,expected", [
    ([1, 2, 3], 0, 1), ([1, 2, 3], -1, 3), ([1, 2, 3], 3, None), ([1, 2, 3], "1", 2),
    ([1, 2, 3], 1.0, 2), ([1, 2, 3], 1.5, None), ({"1": "one"}, 1, "one"),
    ({"a": 1}, "a", 1), (None, 0, None), ("abc", 0, None),
])
def test_index(value, key, expected) -> None:
    assert index(value, key) == expected


@pytest.mark.parametrize("container,keys,value,expected", [
    (None, ["a", "b"], 1, {"a": {"b": 1}}),
    ({"a": 5}, ["a", "b"], 1, {"a": {"b": 1}}),
    ([1, 2], [0], 9, [9, 2]),
    ([1, 2], [-1], 9, [1, 9]),
    ([1, 2], [2], 3, [1, 2, 3]),
    ({"l": [{"k": 0}]}, ["l", 0, "k"], 1, {"l": [{"k": 1}]}),
    ({}, [1], "x", {"1": "x"}),
])
def test_put_creates_what_is_missing(container, keys, value, expected) -> None:
    assert put(container, keys, value) == expected


@pytest.mark.parametrize("container,keys,message", [
    ([1], [3], "position 3 is past the end of an array of 1 elements"),
    ([1], ["name"], "cannot use the text 'name' as a position in an array"),
])
def test_put_errors(container, keys, message) -> None:
    with pytest.raises(XsError) as caught:
        put(container, keys, 0)
    assert caught.value.message == message


def test_environment_layers(monkeypatch) -> None:
    monkeypatch.setenv("XS_SCOPE_TEST", "from-process")
    env = environment({"XS_SCOPE_TEST": "override", "$remote_ip": "10.0.0.1"})
    assert env["XS_SCOPE_TEST"] == "override" and env["$remote_ip"] == "10.0.0.1"
    assert environment()["XS_SCOPE_TEST"] == "from-process"
    assert env["$request_method"] == ENV_DEFAULTS["$request_method"]
    env["$http_headers"]["x"] = 1
    assert ENV_DEFAULTS["$http_headers"] == {}
