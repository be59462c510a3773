"""What one JavaScript call costs, against a plain Python function call measured in the
same run.

  python        a Python function doubling a number (the baseline)
  engine        jsengine: one V8 script run (wrap, JSON in, evaluate, JSON out)
  api.lambda    the registered statement, called directly (no interpreter)
  lambda_map    the filter over 1000 elements (one script run for the whole array)
  xs map        the expression filter `map` over the same 1000 elements, for comparison

Prints microseconds per call and the ratio to the baseline: best of --repeat passes.

    python bench/lambda_bench.py [-n 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from xs_kernel import jsengine  # noqa: E402
from xs_kernel.registry import Call, load_builtins  # noqa: E402
from xs_kernel.services import Services  # noqa: E402


def best(fn: Callable[[], object], n: int, repeat: int) -> float:
    """Seconds per call, best of REPEAT passes of N calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(n):
            fn()
        times.append((time.perf_counter() - start) / n)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    registry = load_builtins()
    call = Call(services=Services(), emit=lambda kind, value: None)
    engine = jsengine.engine()
    source = jsengine.script_source("return $this * 2", {}, "one", {"value": 21})
    items = list(range(1000))
    lambda_map = registry.filter("lambda_map").impl
    xs_map = registry.filter("map").impl
    api_lambda = registry.function("api.lambda").impl

    def double(x: int) -> int:
        return x * 2

    rows = [
        ("python", lambda: double(21)),
        ("engine", lambda: engine.run(source, 10)),
        ("api.lambda", lambda: api_lambda(call, code="return 21 * 2")),
        ("lambda_map x1000", lambda: lambda_map(items, "return $this * 2")),
        ("xs map x1000", lambda: xs_map(items, lambda this, **_: this * 2)),
    ]
    engine.run(source, 10)  # warm the isolate
    base = None
    print(f"{'workload':<18} {'us/call':>10} {'ratio':>10}")
    for name, fn in rows:
        n = args.n * 100 if name == "python" else args.n
        seconds = best(fn, n, args.repeat)
        base = base or seconds
        print(f"{name:<18} {seconds * 1e6:>10.2f} {seconds / base:>10.0f}x")


if __name__ == "__main__":
    main()
