"""Interpreter benchmark: XanoScript programs beside the same work in plain Python.

Runs each program through a real ``Session`` (parse + compile + run) and its plain-Python
equivalent in the same process, takes the best of a few repetitions of each, and prints
the slowdown factor. The target is at most 25x on each line.

    python bench/interp_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from typing import Any, Callable

from xs_kernel.session import Session

LOOP_STEPS = 200_000
ELEMENTS = 50_000
PIECES = 100_000
NESTS = 20_000

LOOP_XS = f"""
var $total {{ value = 0 }}
for ({LOOP_STEPS}) {{
  each as $i {{
    var.update $total {{ value = $total + $i }}
  }}
}}
$total
"""


def loop_py() -> int:
    total = 0
    for i in range(LOOP_STEPS):
        total = total + i
    return total


PIPELINE_XS = f"""
var $numbers {{ value = 1..{ELEMENTS} }}
var $doubled {{ value = $numbers|map:$$ * 2 }}
var $kept {{ value = $doubled|filter:$$ % 3 == 0 }}
var $sum {{ value = $kept|reduce:$$ + $result:0 }}
$sum
"""


def pipeline_py() -> int:
    numbers = list(range(1, ELEMENTS + 1))
    doubled = [n * 2 for n in numbers]
    kept = [n for n in doubled if n % 3 == 0]
    return functools.reduce(lambda acc, n: n + acc, kept, 0)


STRINGS_XS = f"""
var $csv {{ value = "" }}
for ({PIECES}) {{
  each as $i {{
    var.update $csv {{ value = $csv ~ $i ~ "," }}
  }}
}}
$csv|strlen
"""


def strings_py() -> int:
    csv = ""
    for i in range(PIECES):
        csv += str(i) + ","
    return len(csv)


NESTING_XS = f"""
var $x {{ value = [] }}
for ({NESTS}) {{
  each as $i {{
    var.update $x {{ value = [$x] }}
  }}
}}
$x|count
"""


def nesting_py() -> int:
    # Python lists share: the baseline is the work without any copy.
    x: list[Any] = []
    for _ in range(NESTS):
        x = [x]
    return len(x)


WHILE_XS = f"""
var $i {{ value = 0 }}
var $text {{ value = "" }}
while ($i < {LOOP_STEPS}) {{
  each {{
    var.update $i {{ value = $i + 1 }}
    var $text {{ value = "n" ~ $i }}
  }}
}}
$i
"""


def while_py() -> int:
    # the loop the memory ceiling checks every 1024 steps, with a `~` per step
    i, text = 0, ""
    while i < LOOP_STEPS:
        i = i + 1
        text = "n" + str(i)
    return i


CASES: list[tuple[str, str, Callable[[], Any]]] = [
    (f"for loop, {LOOP_STEPS:,} steps with var.update", LOOP_XS, loop_py),
    (f"while loop, {LOOP_STEPS:,} steps with ~", WHILE_XS, while_py),
    (f"map/filter/reduce over {ELEMENTS:,} elements", PIPELINE_XS, pipeline_py),
    (f"string building, {PIECES:,} appends", STRINGS_XS, strings_py),
    (f"nesting, {NESTS:,} steps of $x = [$x]", NESTING_XS, nesting_py),
]


def best_of(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def run_xs(code: str) -> Any:
    outcome = Session().run(code, "<bench>")
    if outcome.error is not None:
        raise SystemExit(f"benchmark program failed: {outcome.error.type}: "
                         f"{outcome.error.message}")
    return outcome.value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    args = parser.parse_args(argv)
    Session().run("var $warm { value = 1 }")  # load the registry and grammar once
    worst = 0.0
    print(f"{'benchmark':48} {'xanoscript':>11} {'python':>9} {'factor':>7}")
    for title, code, plain in CASES:
        xs_time, xs_value = best_of(args.repeat, lambda: run_xs(code))
        py_time, py_value = best_of(args.repeat, plain)
        if xs_value != py_value:
            raise SystemExit(f"{title}: results differ ({xs_value!r} vs {py_value!r})")
        factor = xs_time / py_time
        worst = max(worst, factor)
        print(f"{title:48} {xs_time * 1000:9.1f}ms {py_time * 1000:7.1f}ms {factor:6.1f}x")
    print(f"worst factor: {worst:.1f}x (target <= 25x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
