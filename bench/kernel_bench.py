"""Kernel benchmark: the xanoscript kernel beside ipykernel's python3 kernel, same run.

Measures, for each kernel:
  * start-up: from starting the process to the first kernel_info reply (median of N starts);
  * first cell: the first trivial cell sent at once after start-up (it waits for the
    parser and builtins to load), and the first cell sent after a 2 s pause (what a person
    typing sees: the kernel loads them in the background after kernel_info);
  * round trip: 200 trivial cells, from execute_request to the idle status that ends each
    (median and 95th percentile), after a few warm-up cells.
and prints xanoscript/python3 ratios. Target: at most 1.2x for start-up and round trip.

    python bench/kernel_bench.py [--starts N] [--cells N]

The xanoscript kernelspec is installed into a temporary prefix (this interpreter, this
checkout), so the figures never depend on what else is installed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

TRIVIAL = {"xanoscript": "1", "python3": "1"}
TIMEOUT = 60


def start(name: str) -> tuple[KernelManager, object, float]:
    """Start kernel NAME; return it, a client, and the seconds to its first kernel_info reply."""
    t0 = time.perf_counter()
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    msg_id = kc.kernel_info()
    while True:
        msg = kc.get_shell_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id:
            break
    return km, kc, time.perf_counter() - t0


def stop(km: KernelManager, kc: object) -> None:
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def round_trip(kc: object, code: str) -> float:
    """Seconds from sending CODE to the idle status that closes its execution."""
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            elapsed = time.perf_counter() - t0
            break
    kc.get_shell_msg(timeout=TIMEOUT)  # the execute_reply, already there
    return elapsed


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def measure(names: tuple[str, ...], starts: int, cells: int) -> dict[str, dict[str, float]]:
    """All figures for every kernel in NAMES, interleaved (start A, start B, start A, ...;
    cell on A, cell on B, ...) so a busy machine slows both sides alike."""
    startups: dict[str, list[float]] = {n: [] for n in names}
    paused: dict[str, float] = {}
    for _ in range(starts):
        for name in names:
            km, kc, seconds = start(name)
            startups[name].append(seconds)
            stop(km, kc)
    for name in names:
        km, kc, _ = start(name)
        try:
            time.sleep(2.0)
            paused[name] = round_trip(kc, TRIVIAL[name])
        finally:
            stop(km, kc)
    kernels = {name: start(name)[:2] for name in names}
    try:
        first = {name: round_trip(kc, TRIVIAL[name]) for name, (_, kc) in kernels.items()}
        for _ in range(5):
            for name, (_, kc) in kernels.items():
                round_trip(kc, TRIVIAL[name])
        trips: dict[str, list[float]] = {n: [] for n in names}
        for _ in range(cells):
            for name, (_, kc) in kernels.items():
                trips[name].append(round_trip(kc, TRIVIAL[name]))
    finally:
        for km, kc in kernels.values():
            stop(km, kc)
    return {n: {"startup": statistics.median(startups[n]), "first_cell": first[n],
                "paused_cell": paused[n], "rt_median": statistics.median(trips[n]),
                "rt_p95": p95(trips[n])} for n in names}


def install_into(prefix: str) -> None:
    from xs_kernel.install import install

    install(prefix=prefix)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [os.path.join(prefix, "share", "jupyter"), *filter(None, [os.environ.get("JUPYTER_PATH")])])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=5, help="kernel starts per kernel")
    parser.add_argument("--cells", type=int, default=200, help="trivial cells per kernel")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as prefix:
        install_into(prefix)
        results = measure(("xanoscript", "python3"), args.starts, args.cells)
    xs, py = results["xanoscript"], results["python3"]
    print(f"{'':24}{'xanoscript':>12}{'python3':>12}{'ratio':>8}")
    rows = [("start-up (median)", "startup"), ("first cell at once", "first_cell"),
            ("first cell after 2 s", "paused_cell"),
            (f"round trip median, {args.cells}", "rt_median"),
            (f"round trip p95, {args.cells}", "rt_p95")]
    for label, key in rows:
        print(f"{label:<24}{xs[key] * 1e3:>10.1f}ms{py[key] * 1e3:>10.1f}ms{xs[key] / py[key]:>7.2f}x")
    worst = max(xs[k] / py[k] for k in ("startup", "rt_median", "rt_p95"))
    print(f"worst of start-up and round-trip ratios: {worst:.2f}x (target <= 1.2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
