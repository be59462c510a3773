"""The contract of the redis.* statements with their store, checked from the registry.

Every registered ``redis.*`` statement runs on every back-end (the TLS cluster too) with
sample arguments made from its own parameters, every method of ``keyvalue.KeyValueStore`` exists on the store
with the same parameters, and every statement has its row in docs/redis.md. Adding a
statement is a function in ``namespaces/redis.py`` and, if it needs one, a store method;
leaving out the method or the doc row fails here with a message naming the missing step.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from xs_kernel.backends.redis_store import RedisStore
from xs_kernel.keyvalue import KeyValueStore
from xs_kernel.registry import load_builtins

DOC = Path(__file__).resolve().parents[2] / "docs" / "redis.md"
STATEMENTS = [spec.name for spec in load_builtins().namespace("redis.")]
SAMPLE_VALUES = {"data": {"sample": [1, "two"]}, "value": "sample"}
EXTRA_DEPLOYMENTS = ("tls-cluster",)  # see conftest.pytest_generate_tests


def _sample_arguments(name: str) -> dict:
    """The statement's required attributes, filled in: a key of its own, a sample value."""
    spec = load_builtins().function(name)
    args = {}
    for param in spec.params:
        if param.name == "key":
            args["key"] = f"contract:{name}"
        elif param.required:
            args[param.name] = SAMPLE_VALUES.get(param.name, "sample")
    return args


@pytest.mark.parametrize("name", STATEMENTS)
def test_every_statement_runs_on_its_store(name: str, run, backend) -> None:
    try:
        run(name, **_sample_arguments(name))
    except Exception as exc:
        pytest.fail(f"{name} failed on the {backend.name} store with {type(exc).__name__}: "
                    f"{exc}. A redis.* statement may call only methods of "
                    "keyvalue.KeyValueStore: declare the method there and implement it in "
                    "backends/redis_store.RedisStore.")


@pytest.mark.parametrize("method", sorted(
    name for name, _ in inspect.getmembers(KeyValueStore, inspect.isfunction)
    if not name.startswith("_")))
def test_the_store_implements_each_contract_method(method: str) -> None:
    implemented = getattr(RedisStore, method, None)
    assert implemented is not None, (
        f"keyvalue.KeyValueStore declares {method}, which RedisStore does not implement")
    wanted = list(inspect.signature(getattr(KeyValueStore, method)).parameters)
    assert list(inspect.signature(implemented).parameters) == wanted


def test_a_store_satisfies_the_protocol() -> None:
    store = RedisStore(None)
    try:
        assert isinstance(store, KeyValueStore)
    finally:
        store.close()


def _documented() -> set[str]:
    rows = [line for line in DOC.read_text(encoding="utf-8").splitlines()
            if line.startswith("| `redis.")]
    return {name for row in rows for name in re.findall(r"redis\.\w+", row.split("|")[1])}


@pytest.mark.parametrize("name", STATEMENTS)
def test_every_statement_has_its_row_in_the_docs(name: str) -> None:
    assert name in _documented(), (
        f"{name} has no row in the statement table of docs/redis.md: add "
        f"`| \\`{name} {{…}}\\` | Redis command | result |`")
