"""The session's memory ceiling: a cell that would grow the kernel past ``XS_MAX_MEMORY``
fails with a plain XanoScript error instead of swapping the machine or being killed.

The ceiling is checked cooperatively, not with ``setrlimit``: once V8 is loaded (the
first ``api.lambda``) the process reserves about 1.4 TB of address space and 585 MB of
``VmData`` while its resident set is under 100 MB, so RLIMIT_AS is unusable and an
RLIMIT_DATA below that kills the kernel from inside V8 (measured; docs/semantics.md).
Instead the resident set size (``/proc/self/statm``, under a microsecond to read) is
compared with the ceiling

* before a large text is made (``~``, appends: ``grow`` with the size about to be
  allocated), and after a large value is produced by a filter or stored in a variable;
* every ``TICK`` loop iterations (``for``, ``foreach``, ``while``);

and a Python ``MemoryError`` anywhere in a cell becomes the same kind of error
(``out_of_memory``). Where ``/proc`` is missing only ``MemoryError`` is translated.
"""

from __future__ import annotations

import os
import re

from .errors import XsError

ENV = "XS_MAX_MEMORY"
DEFAULT_CAP = 8 << 30  # the default ceiling: half of the machine's memory, at most 8 GiB
LARGE = 1 << 16  # a value of more than this many items/characters is worth a check
STEP = 8 << 20  # otherwise, read the resident size again after this much new data
TICK = 1024  # loop iterations between two checks (a power of two: `i & (TICK - 1)`)

_UNITS = {"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "m": 1 << 20, "mb": 1 << 20,
          "g": 1 << 30, "gb": 1 << 30, "t": 1 << 40, "tb": 1 << 40}

limit: int | None = None  # bytes; None: no ceiling
setting: str = ""  # what the ceiling came from, for the error message
_pending = 0  # bytes produced since the resident size was last read
_statm: int | None = None  # an open /proc/self/statm (-1: not available)
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def parse(text: str) -> int | None:
    """Bytes for "2G", "512M", "1.5g", "300000000"; None for "0", "off", "none"."""
    cleaned = text.strip().lower()
    if cleaned in ("0", "off", "none", "no", "false", "unlimited"):
        return None
    found = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)", cleaned)
    if not found:
        raise ValueError(f"{ENV}={text!r} is not a size (use e.g. 2G, 512M or bytes; "
                         "0 or off for no ceiling)")
    number, unit = found.groups()
    size = int(float(number) * _UNITS[unit.replace("i", "")])
    return size or None


def machine_memory() -> int | None:
    """Physical memory, or the container's cgroup limit when it is smaller."""
    try:
        total = os.sysconf("SC_PHYS_PAGES") * _PAGE
    except (ValueError, OSError, AttributeError):
        total = None
    for path in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            with open(path) as handle:
                raw = handle.read().strip()
        except OSError:
            continue
        if raw.isdigit() and (total is None or int(raw) < total):
            total = int(raw)
    return total


def default_limit() -> int | None:
    total = machine_memory()
    return None if total is None else min(total // 2, DEFAULT_CAP)


def configure(value: str | int | None = None) -> int | None:
    """Set the ceiling from VALUE (a size text, bytes, or None: ``$XS_MAX_MEMORY``, else
    the default). An unreadable ``$XS_MAX_MEMORY`` falls back to the default."""
    global limit, setting, _pending
    _pending = 0
    if value is None:
        raw = os.environ.get(ENV, "").strip()
        if raw:
            try:
                limit, setting = parse(raw), f"{ENV}={raw}"
                return limit
            except ValueError:
                limit, setting = default_limit(), f"the default: {ENV}={raw!r} is not a size"
                return limit
        limit, setting = default_limit(), "the default"
        return limit
    if isinstance(value, int):
        limit, setting = (value or None), f"{ENV}={value}"
    else:
        limit, setting = parse(value), f"{ENV}={value.strip()}"
    return limit


def resident() -> int | None:
    """The process's resident set size in bytes (None where /proc is missing)."""
    global _statm
    if _statm is None:
        try:
            _statm = os.open("/proc/self/statm", os.O_RDONLY)
        except OSError:
            _statm = -1
    if _statm < 0:
        return None
    try:
        return int(os.pread(_statm, 64, 0).split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


def _forget_statm() -> None:  # a forked child must read its own /proc/self, not ours
    global _statm
    _statm = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_statm)


def check(extra: int = 0) -> None:
    """Fail when the resident size, plus EXTRA bytes about to be allocated, passes the
    ceiling."""
    global _pending
    _pending = 0
    if limit is None:
        return
    used = resident()
    if used is not None and used + extra > limit:
        raise exceeded()


def grow(size: int) -> None:
    """SIZE bytes are about to be allocated: check now, counting them, when that is a
    lot, else when enough has been made since the last check."""
    global _pending
    _pending += size
    if size >= LARGE or _pending >= STEP:
        check(size)


def made(size: int) -> None:
    """A value of about SIZE bytes was just made (it is already in the resident size)."""
    global _pending
    _pending += size
    if size >= LARGE or _pending >= STEP:
        check()


def show(size: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"


def exceeded() -> XsError:
    """The error of a cell that would pass the ceiling (or that Python ran out of memory
    in): it names the ceiling and how to raise it."""
    ceiling = (f"the session's memory ceiling of {show(limit)} ({setting})"
               if limit is not None else "the memory this machine has")
    return XsError("standard", f"out of memory: this cell needs more than {ceiling}; raise "
                   f"it with {ENV} (e.g. {ENV}=4G before starting the kernel, 0 for no "
                   "ceiling) or keep less in memory at once", name="out_of_memory",
                   hint="%reset frees the session's variables")


configure()
