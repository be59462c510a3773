"""A long string literal costs memory in proportion to its length, not 400 bytes a character.

Measured in a child process (`xs run` on a file), by the peak resident size the kernel
reports for children; memory, unlike time, is steady enough on a shared machine to test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LIMIT_MB = 150


def test_xs_run_with_a_5_mb_literal_stays_under_150_mb(tmp_path: Path) -> None:
    program = tmp_path / "long.xs"
    program.write_text('var $s { value = "' + "x" * 5_000_000 + '" }\n'
                       'debug.log { value = $s|strlen }\n', encoding="utf-8")
    # A fresh parent whose only child is `xs run`: its children's peak is that run's.
    measure = ("import resource, subprocess, sys; "
               "done = subprocess.run([sys.executable, '-m', 'xs_kernel.cli', 'run', sys.argv[1]], "
               "capture_output=True, text=True); print(done.returncode); print(done.stdout); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", measure, str(program)], capture_output=True,
                          text=True, timeout=300)
    code, log, *_, peak_kb = done.stdout.split()
    assert code == "0" and log == "5000000", done.stdout + done.stderr
    assert int(peak_kb) / 1024 < LIMIT_MB, f"peak {int(peak_kb) / 1024:.0f} MB"
