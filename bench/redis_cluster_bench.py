"""redis.* on a Redis Cluster, against redis-py's own cluster client in the same run.

Starts a local 3-primary cluster (tests/redis_deployments.py: redis-server and redis-cli
on free ports; stopped by pid afterwards), or uses --url redis+cluster://…, then prints:

1. statements per second from one client: bench/redis_bench.py's table on the cluster,
   where ``plain`` is redis-py's ``RedisCluster.execute_command`` with pre-encoded bytes;
2. 8 processes x ratelimit on one key: how many calls were admitted (exactly ``max`` per
   window, or the limiter is wrong) and the calls per second, for ``redis.ratelimit`` and
   for the same Lua script run by redis-py's cluster client (``register_script``), with
   their ratio.

    python bench/redis_cluster_bench.py [--url redis+cluster://127.0.0.1:7000] [-n 5000]
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

import redis_bench  # noqa: E402
import redis_deployments  # noqa: E402

from xs_kernel.backends import redis_connect  # noqa: E402
from xs_kernel.backends.redis_store import RATELIMIT_LUA, RedisStore  # noqa: E402
from xs_kernel.registry import Call, load_builtins  # noqa: E402

PROCESSES = 8
MAX = 100


def _ours(url: str, key: str, calls: int, barrier, results) -> None:
    store = RedisStore(url)
    call = Call(services=SimpleNamespace(redis=store), emit=lambda kind, value: None)
    ratelimit = load_builtins().function("redis.ratelimit").impl
    store.ping()
    barrier.wait(timeout=60)
    start = time.perf_counter()
    admitted = sum(1 for _ in range(calls) if ratelimit(call, key=key, max=MAX, ttl=300))
    results.put((admitted, time.perf_counter() - start))


def _plain(url: str, key: str, calls: int, barrier, results) -> None:
    client = redis_connect.connect(url, redis_connect.parse(url))
    script = client.register_script(RATELIMIT_LUA)
    client.ping()
    barrier.wait(timeout=60)
    start = time.perf_counter()
    admitted = sum(1 for _ in range(calls) if script(keys=[key], args=[300]) <= MAX)
    results.put((admitted, time.perf_counter() - start))


def hammer(target, url: str, calls: int) -> tuple[int, float]:
    """PROCESSES workers x CALLS calls on one fresh key: (admitted, calls per second)."""
    ctx = multiprocessing.get_context("fork")
    key = f"xs-bench:{uuid.uuid4().hex[:8]}:rl"
    barrier, results = ctx.Barrier(PROCESSES), ctx.Queue()
    workers = [ctx.Process(target=target, args=(url, key, calls, barrier, results))
               for _ in range(PROCESSES)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
    client = redis_connect.connect(url, redis_connect.parse(url))
    client.delete(key)
    client.close()
    slowest = max(seconds for _, seconds in outcomes)
    return sum(admitted for admitted, _ in outcomes), PROCESSES * calls / slowest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="an existing cluster (default: start one)")
    parser.add_argument("-n", type=int, default=5000, help="commands per loop")
    parser.add_argument("--calls", type=int, default=500, help="ratelimit calls per process")
    args = parser.parse_args(argv)
    cluster = None
    url = args.url
    if url is None:
        cluster = redis_deployments.start_cluster(Path(tempfile.mkdtemp(prefix="xs-bench-")))
        url = cluster.url
    try:
        print("1. one client, statements per second (plain = redis-py's RedisCluster)\n")
        redis_bench.main(["--url", url, "-n", str(args.n), "--repeat", "3"])
        print(f"\n2. {PROCESSES} processes x {args.calls} ratelimit calls on one key, "
              f"max {MAX}")
        plain_admitted, plain_rate = hammer(_plain, url, args.calls)
        ours_admitted, ours_rate = hammer(_ours, url, args.calls)
        print(f"  {'redis-py Lua':<16} admitted {plain_admitted:>4}  {plain_rate:>8.0f} calls/s  1.00x")
        print(f"  {'redis.ratelimit':<16} admitted {ours_admitted:>4}  {ours_rate:>8.0f} calls/s"
              f"  {plain_rate / ours_rate:.2f}x the time")
        return 0 if ours_admitted == MAX == plain_admitted else 1
    finally:
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    raise SystemExit(main())
