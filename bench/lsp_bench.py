"""Language server speed: diagnostics after an edit and completion, on a 2,000-line file,
as ratios to a whole ``xs check`` of the same file measured in the same run.

Usage: python bench/lsp_bench.py [LINES]   (default 2000)

The file is the parse benchmark's generated program (every construct the grammar
knows), split into functions as a workspace file would be. "after an edit" is what the
server does on didChange: split the document, re-read the one changed item, reuse the
rest. The targets are under 100 ms for diagnostics and under 20 ms for completion; the
ratio to the full check is the figure that survives a noisy machine. CPU time of this
process, best of several runs.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from parse_bench import _XS_UNIT, build  # noqa: E402

from xs_kernel.cli import check_text  # noqa: E402
from xs_kernel.lsp import features  # noqa: E402
from xs_kernel.lsp.analysis import Analyser  # noqa: E402
from xs_kernel.registry import load_builtins  # noqa: E402


def best(run, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    text = build(_XS_UNIT, lines)
    registry = load_builtins()
    analyser = Analyser(registry)
    assert analyser.problems(text) == [], "the generated program must be valid"
    full = best(lambda: check_text(text, "bench.xs"), 3)
    edits = iter(range(10**6))

    def edit() -> None:
        analyser.problems(text.replace("value = 1 }", f"value = {next(edits)} }}", 1))

    after_edit = best(edit)
    unchanged = best(lambda: analyser.problems(text))
    at_end = text + "var $probe { value = $"
    line = at_end.count("\n")
    completion = best(lambda: features.completions(at_end, line, 22, analyser))
    print(f"{text.count(chr(10))} lines")
    print(f"{'measure':<28}{'ms':>9}{'ratio to xs check':>20}")
    for name, seconds in [("xs check (whole file)", full), ("diagnostics after an edit", after_edit),
                          ("diagnostics, no change", unchanged), ("completion at the end", completion)]:
        print(f"{name:<28}{seconds * 1000:>9.1f}{seconds / full:>19.3f}x")


if __name__ == "__main__":
    main()
