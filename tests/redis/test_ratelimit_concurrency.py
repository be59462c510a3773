"""redis.ratelimit under contention: 8 processes x 500 calls on one key, max 100, against
the real server and the Redis Cluster the suite starts (where the script runs on the
primary owning the key's slot). Exactly 100 calls may be admitted, by the Lua script and by the MULTI
fallback alike, whether called directly or from a XanoScript loop (a GET-then-INCR
limiter over-admits here)."""

from __future__ import annotations

import multiprocessing
from types import SimpleNamespace

import pytest

from xs_kernel.backends.redis_store import RedisStore
from xs_kernel.registry import Call, load_builtins

PROCESSES = 8
CALLS = 500
MAX = 100


XANOSCRIPT = f"""
var $allowed {{ value = 0 }}
for ({CALLS}) {{
  each as $i {{
    redis.ratelimit {{ key = "hammer" max = {MAX} ttl = 120 }} as $ok
    conditional {{
      if ($ok) {{
        var.update $allowed {{ value = $allowed + 1 }}
      }}
    }}
  }}
}}
"""


def _hammer_xanoscript(url: str, prefix: str, barrier, results) -> None:
    from xs_kernel.services import Services
    from xs_kernel.session import Session

    session = Session(services=Services(redis_url=url, redis_prefix=prefix))
    session.run("redis.has { key = \"warm-up\" } as $warm")  # parser built, connected
    barrier.wait(timeout=60)
    outcome = session.run(XANOSCRIPT)
    results.put(outcome.bindings["allowed"] if outcome.error is None else outcome.error.message)
    session.services.close()


def _hammer(url: str, prefix: str, scripting: bool | None, barrier, results) -> None:
    try:
        if scripting is None:
            _hammer_xanoscript(url, prefix, barrier, results)
        else:
            _hammer_direct(url, prefix, scripting, barrier, results)
    except BaseException as exc:  # report instead of leaving the parent waiting
        results.put(f"{type(exc).__name__}: {exc}")
        raise


def _hammer_direct(url: str, prefix: str, scripting: bool, barrier, results) -> None:
    store = RedisStore(url, prefix=prefix)
    store._scripting = scripting
    call = Call(services=SimpleNamespace(redis=store), emit=lambda kind, value: None)
    ratelimit = load_builtins().function("redis.ratelimit").impl
    store.ping()  # connect before the start signal so all processes start together
    barrier.wait(timeout=60)
    admitted = sum(1 for _ in range(CALLS) if ratelimit(call, key="hammer", max=MAX, ttl=120))
    results.put(admitted)
    store.close()


@pytest.mark.live_redis
@pytest.mark.parametrize("scripting", [True, False, None], ids=["lua", "multi", "xanoscript"])
@pytest.mark.parametrize("kind", ["server", "cluster"])
def test_exactly_max_calls_are_admitted(redis_deployment_url, new_prefix, kind,
                                        scripting) -> None:
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs the fork start method (the workers live in this test module)")
    real_url = redis_deployment_url(kind)
    ctx = multiprocessing.get_context("fork")
    prefix = new_prefix(real_url)
    barrier, results = ctx.Barrier(PROCESSES), ctx.Queue()
    workers = [ctx.Process(target=_hammer, args=(real_url, prefix, scripting, barrier, results))
               for _ in range(PROCESSES)]
    for worker in workers:
        worker.start()
    admitted = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0, f"a worker exited with {worker.exitcode}"
    assert all(isinstance(n, int) for n in admitted), admitted  # else a worker's error text
    assert sum(admitted) == MAX, admitted
    store = RedisStore(real_url, prefix=prefix)
    assert store.get("hammer") == PROCESSES * CALLS
    store.close()
