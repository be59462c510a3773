"""How much the redis.* statements cost on top of plain redis-py, per statement.

For each workload (incr, set and get of an object, push of an object, range of 10 objects)
the same number of commands runs, in the same process and against the same server:

  plain       a redis-py loop with pre-encoded bytes (the floor: the round trip alone)
  plain+json  the same loop encoding/decoding JSON per call (what a Python app would do)
  statement   the registered redis.* implementation called directly (argument checks,
              codec, error translation; no interpreter)
  xanoscript  a XanoScript ``for`` loop run by ``Session.run`` (everything)

and prints ops/s and the ratio of each time to ``plain``: best of --repeat passes, the
halves taking turns within each pass.

    python bench/redis_bench.py [--url redis://127.0.0.1:6379/0] [--embedded] [-n 10000]

Keys live under a fresh ``xs-bench:<id>:`` prefix and are deleted afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import uuid
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from xs_kernel.backends.redis_store import RedisStore  # noqa: E402
from xs_kernel.registry import Call, load_builtins  # noqa: E402
from xs_kernel.services import Services  # noqa: E402

OBJECT = {"id": 123, "name": "Ada Lovelace", "tags": ["math", "engines"], "active": True,
          "score": 9.5, "address": {"city": "London", "zip": None}}
OBJECT_XS = ('{ id: 123, name: "Ada Lovelace", tags: ["math", "engines"], active: true, '
             'score: 9.5, address: { city: "London", zip: null } }')
WORKLOADS = ("incr", "set", "get", "push", "range")


def timed(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def plain_loops(client: Any, prefix: str, n: int, use_json: bool) -> dict[str, Callable[[], None]]:
    """redis-py loops doing exactly the commands the statements send."""
    k = (prefix + "plain").encode()
    lst = (prefix + "plain-list").encode()
    rng = (prefix + "range-list").encode()
    blob = json.dumps(OBJECT, separators=(",", ":")).encode()
    ex = client.execute_command
    dumps, loads = json.dumps, json.loads

    def incr() -> None:
        for _ in range(n):
            ex("INCRBY", k + b":n", 1)

    def set_() -> None:
        for _ in range(n):
            ex("SET", k, dumps(OBJECT, separators=(",", ":")).encode() if use_json else blob)

    def get() -> None:
        for _ in range(n):
            raw = ex("GET", k)
            if use_json:
                loads(raw)

    def push() -> None:
        for _ in range(n):
            ex("RPUSH", lst, dumps(OBJECT, separators=(",", ":")).encode() if use_json else blob)

    def range_() -> None:
        for _ in range(n):
            items = ex("LRANGE", rng, 0, 9)
            if use_json:
                [loads(item) for item in items]

    return {"incr": incr, "set": set_, "get": get, "push": push, "range": range_}


def statement_loops(store: RedisStore, n: int) -> dict[str, Callable[[], None]]:
    """The registered implementations, as the interpreter would call them."""
    registry = load_builtins()
    call = Call(services=SimpleNamespace(redis=store), emit=lambda kind, value: None)
    impl = {name: registry.function(f"redis.{name}").impl for name in WORKLOADS}

    def loop(name: str, **attributes: Any) -> Callable[[], None]:
        fn = impl[name]

        def run() -> None:
            for _ in range(n):  # results dropped at once, as the plain loops do
                fn(call, **attributes)

        return run

    return {"incr": loop("incr", key="stmt:n", by=1),
            "set": loop("set", key="stmt", data=OBJECT, ttl=0),
            "get": loop("get", key="stmt"),
            "push": loop("push", key="stmt-list", value=OBJECT),
            "range": loop("range", key="range-list", start=0, stop=9)}


def xanoscript_loops(session: Any, n: int) -> dict[str, Callable[[], None]]:
    """XanoScript ``for`` loops, one cell per workload, run by the session."""
    check(session.run(f"var $obj {{ value = {OBJECT_XS} }}"))
    bodies = {
        "incr": 'redis.incr { key = "xs:n" by = 1 } as $x',
        "set": 'redis.set { key = "xs" data = $obj }',
        "get": 'redis.get { key = "xs" } as $x',
        "push": 'redis.push { key = "xs-list" value = $obj } as $x',
        "range": 'redis.range { key = "range-list" start = 0 stop = 9 } as $x',
    }
    cells = {name: f"for ({n}) {{\n  each as $i {{\n    {body}\n  }}\n}}"
             for name, body in bodies.items()}
    return {name: (lambda code=code: check(session.run(code))) for name, code in cells.items()}


def empty_loop(session: Any, n: int) -> Callable[[], None]:
    """The interpreter's loop alone, to split its overhead from the statements'."""
    code = f"for ({n}) {{\n  each as $i {{\n    var $x {{ value = $i }}\n  }}\n}}"
    return lambda: check(session.run(code))


def check(outcome: Any) -> Any:
    if getattr(outcome, "error", None) is not None:
        raise SystemExit(f"XanoScript cell failed: {outcome.error.type}: {outcome.error.message}")
    return outcome


def make_session(url: str | None, prefix: str) -> tuple[Any, str]:
    """A Session on the same server, or None and the reason it is not available."""
    try:
        from xs_kernel.session import Session

        if url is None:
            os.environ.pop("XS_REDIS_URL", None)  # Services reads it when given no URL
        return Session(services=Services(redis_url=url, redis_prefix=prefix)), ""
    except NotImplementedError:
        return None, "the interpreter's Session is not available yet"


def measure(halves: dict[str, dict[str, Callable[[], None]]], repeat: int,
            reset: Callable[[], None]) -> dict[str, dict[str, float]]:
    """Best time of REPEAT passes per (half, workload). The halves take turns within each
    pass, so a burst of load on a shared machine hits them alike; the best pass is the
    one least disturbed."""
    times: dict[str, dict[str, list[float]]] = {h: {w: [] for w in loops}
                                                for h, loops in halves.items()}
    for _ in range(repeat):
        for name in WORKLOADS:
            for half, loops in halves.items():
                reset()
                times[half][name].append(timed(loops[name]))
    return {h: {w: min(ts) for w, ts in per.items()} for h, per in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=os.environ.get("XS_REDIS_URL")
                        or "redis://127.0.0.1:6379/0", help="real server URL")
    parser.add_argument("--embedded", action="store_true", help="use fakeredis instead")
    parser.add_argument("-n", type=int, default=10_000, help="commands per loop")
    parser.add_argument("--repeat", type=int, default=5, help="passes (the best counts)")
    args = parser.parse_args(argv)

    url = None if args.embedded else args.url
    prefix = f"xs-bench:{uuid.uuid4().hex[:8]}:"
    session, why_not = make_session(url, prefix)
    # The session's own store when there is one: embedded, every half must share its
    # FakeServer; on a server it changes nothing but keeps one connection pool.
    store = session.services.redis if session is not None else RedisStore(url, prefix=prefix)
    store.ping()
    client = store._client
    for _ in range(10):
        store.push("range-list", OBJECT)

    def reset() -> None:
        """Empty the lists push grows; give every get loop an object to read."""
        for key in ("plain-list", "stmt-list", "xs-list"):
            store.delete(key)
        for key in ("plain", "stmt", "xs"):
            store.set(key, OBJECT)

    halves: dict[str, dict[str, Callable[[], None]]] = {
        "plain": plain_loops(client, prefix, args.n, use_json=False),
        "plain+json": plain_loops(client, prefix, args.n, use_json=True),
        "statement": statement_loops(store, args.n),
    }
    if session is not None:
        halves["xanoscript"] = xanoscript_loops(session, args.n)
    try:
        results = measure(halves, args.repeat, reset)
        loop_only = (min(timed(empty_loop(session, args.n)) for _ in range(args.repeat))
                     if session is not None else None)
    finally:
        for key in store.keys("*"):
            store.delete(key)
    report(results, args.n, store.describe(), loop_only, why_not)
    return 0


def report(results: dict[str, dict[str, float]], n: int, where: dict[str, Any],
           loop_only: float | None, why_not: str) -> None:
    print(f"redis bench: {n} commands per loop, back-end {where}")
    halves = list(results)
    print(f"{'statement':<10}" + "".join(f"{h:>22}" for h in halves))
    for name in WORKLOADS:
        base = results["plain"][name]
        cells = [f"{n / t:>9.0f}/s {t / base:>6.2f}x" for t in (results[h][name] for h in halves)]
        print(f"{name:<10}" + "".join(f"{c:>22}" for c in cells))
    if "xanoscript" in results:
        print("\nper-statement overhead of the XanoScript half over plain (microseconds):")
        for name in WORKLOADS:
            extra = (results["xanoscript"][name] - results["plain"][name]) / n * 1e6
            print(f"  {name:<8} {extra:7.1f}")
        if loop_only is not None:
            per = loop_only / n * 1e6
            print(f"  (a loop iteration holding one var statement costs {per:.1f})")
    else:
        print(f"\nXanoScript half skipped: {why_not}")


if __name__ == "__main__":
    raise SystemExit(main())
