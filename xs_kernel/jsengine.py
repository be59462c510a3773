"""JavaScript for ``api.lambda`` and the ``lambda_*`` filters, on an embedded V8 (mini-racer).

Why mini-racer (measured in bench/lambda_bench.py and docs/lambda.md): it is V8, the engine
of the Node runtime Xano's lambdas run on, so modern syntax and ``async``/``await`` behave
the same; a running script can be stopped from Python (timeout, and Ctrl-C / a kernel
interrupt) and the isolate stays usable; a bare isolate has no ``require``, ``fetch``,
``process`` or file API, so a script cannot read files, open sockets or start processes.
quickjs is ~50x cheaper per call but cannot be interrupted from Python (a ``while(true)``
hangs until its own time limit) and was last released in 2023; dukpy is ES5-only, has no
timeout and costs milliseconds per call.

Values cross the border as JSON text: the script's globals are JSON literals spliced into
the wrapper (JSON is valid JavaScript), and the result comes back through
``JSON.stringify``. The user's code starts on line 1 of the evaluated text, so V8's line
numbers are the script's own. Imports nothing from the interpreter or the session.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import re
import threading
from dataclasses import dataclass
from typing import Any

from .errors import XsError
from .values import to_json

DEFAULT_TIMEOUT = 10.0  # seconds; the docs' default for the lambda filters
MEMORY_LIMIT = 256 * 1024 * 1024  # a runaway allocation stops the script, not the kernel
_POLL = 0.05  # seconds between checks for a cancel request

# Names captured when the isolate starts, so a script that overwrites JSON.stringify or
# Object.keys cannot break the wrapper of later calls in the same session.
_PRELUDE = """
globalThis.__xs = (function () {
  const stringify = JSON.stringify;
  const isArray = Array.isArray;
  function located(e) {
    const stack = (e && typeof e.stack === "string") ? e.stack : "";
    const m = /<anonymous>:(\\d+):(\\d+)/.exec(stack);
    const name = (e && e.name) ? String(e.name) : "Error";
    const message = (e && e.message !== undefined) ? String(e.message) : String(e);
    return {name: name, message: message, line: m ? Number(m[1]) : null,
            column: m ? Number(m[2]) : null};
  }
  return {
    ok(v) {
      try { return stringify({ok: v === undefined ? null : v}); }
      catch (e) {
        return stringify({error: {name: "TypeError", line: null, column: null,
          message: "the result cannot be turned into JSON: " + String(e && e.message)}});
      }
    },
    fail(e) { return stringify({error: located(e)}); },
    isArray: isArray,
  };
})();
"""

# How each filter walks the array, given f($this, $index, $parent, $result).
_LOOPS = {
    "map": "const out = []; for (let i = 0; i < xs.length; i++) out.push(await f(xs[i], i, xs)); return out;",
    "filter": "const out = []; for (let i = 0; i < xs.length; i++) if (await f(xs[i], i, xs)) out.push(i); return out;",
    "some": "for (let i = 0; i < xs.length; i++) if (await f(xs[i], i, xs)) return true; return false;",
    "every": "for (let i = 0; i < xs.length; i++) if (!(await f(xs[i], i, xs))) return false; return true;",
    "find": "for (let i = 0; i < xs.length; i++) if (await f(xs[i], i, xs)) return i; return -1;",
    "findIndex": "for (let i = 0; i < xs.length; i++) if (await f(xs[i], i, xs)) return i; return -1;",
    "reduce": "let acc = g.initial; for (let i = 0; i < xs.length; i++) acc = await f(xs[i], i, xs, acc); return acc;",
    "one": "return await f(g.value, 0, null);",
}


@dataclass(frozen=True)
class ScriptFailure:
    """A JavaScript error: its name, message and where in the script it was thrown."""

    name: str
    message: str
    line: int | None
    column: int | None


class Engine:
    """One V8 isolate with its own event-loop thread, reused by every call of a process."""

    def __init__(self) -> None:
        from py_mini_racer import mini_racer  # imported here: kernels that never run JS skip V8

        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True,
                                        name="xs-v8")
        self._thread.start()
        self._lock = threading.Lock()  # one script at a time per isolate
        self._factory = mini_racer
        self._open()

    def _open(self) -> None:
        self._cm = self._factory(event_loop=self._loop)
        self._mr = self._cm.__enter__()
        self._mr.set_hard_memory_limit(MEMORY_LIMIT)
        self._submit(self._mr.eval_cancelable(_PRELUDE)).result()

    def _renew(self) -> None:
        """A fresh isolate, after a script hit the memory limit."""
        try:
            self._cm.__exit__(None, None, None)
        finally:
            self._open()

    def _submit(self, coro: Any) -> concurrent.futures.Future:
        return asyncio.run_coroutine_threadsafe(coro, self._loop)

    def run(self, source: str, timeout: float, cancel: threading.Event | None = None) -> Any:
        """Evaluate SOURCE (which yields a promise of JSON text) and decode its result.

        Raises ``TimeoutError`` past TIMEOUT seconds, ``KeyboardInterrupt`` when interrupted
        (Ctrl-C or CANCEL set), ``ScriptError`` for a JavaScript error."""
        with self._lock:
            return self._run(source, timeout, cancel)

    def _run(self, source: str, timeout: float, cancel: threading.Event | None) -> Any:
        from py_mini_racer import JSEvalException, JSOOMException

        async def evaluate() -> Any:
            promise = await self._mr.eval_cancelable(source)
            return await promise

        future = self._submit(asyncio.wait_for(evaluate(), timeout=timeout))
        try:
            # Poll rather than block: a script's own TimeoutError is the same class as
            # the wait's, and a cancel request must be seen while V8 runs.
            while not concurrent.futures.wait([future], timeout=_POLL).done:
                if cancel is not None and cancel.is_set():
                    cancel.clear()
                    raise KeyboardInterrupt
            text = future.result()
        except BaseException as exc:
            _stop(future)
            self._settle()
            if isinstance(exc, (asyncio.TimeoutError, TimeoutError)):
                raise TimeoutError from None
            if isinstance(exc, JSOOMException):
                self._renew()
                raise ScriptError(ScriptFailure("RangeError", "the script ran out of memory "
                                                f"(limit {MEMORY_LIMIT // 2**20} MB)",
                                                None, None)) from None
            if isinstance(exc, JSEvalException):
                raise ScriptError(_parse_failure(str(exc))) from None
            raise
        reply = json.loads(text)
        if "error" in reply:
            raise ScriptError(ScriptFailure(**reply["error"]))
        return reply["ok"]


    def _settle(self) -> None:
        """Run one trivial script after a stopped one: V8 leaves the isolate in its
        terminating state until the next entry, and freeing it in that state hangs (at
        interpreter exit)."""
        try:
            self._submit(self._mr.eval_cancelable("0")).result(timeout=5)
        except BaseException:  # the isolate is renewed on the next failure anyway
            pass


def _stop(future: concurrent.futures.Future) -> None:
    """Cancel a running script and wait until V8 has really stopped it."""
    future.cancel()
    try:
        future.result(timeout=5)
    except BaseException:  # cancelled, timed out or failed: all mean it stopped
        pass


class ScriptError(Exception):
    def __init__(self, failure: ScriptFailure) -> None:
        super().__init__(failure.message)
        self.failure = failure


_LOCATION = re.compile(r"<anonymous>:(\d+)(?::(\d+))?")


def _parse_failure(text: str) -> ScriptFailure:
    """A failure from V8's own report (a syntax error: the wrapper never ran)."""
    line = column = None
    match = _LOCATION.search(text)
    if match:
        line = int(match.group(1))
        column = int(match.group(2)) if match.group(2) else None
    first = text.split("\n", 1)[0]
    first = _LOCATION.sub("", first).lstrip(": ").strip()
    name, _, message = first.partition(": ")
    if not message:
        name, message = "Error", first
    return ScriptFailure(name, message, line, column)


_ENGINE: Engine | None = None
_ENGINE_LOCK = threading.Lock()


def engine() -> Engine:
    """The process's V8 engine, started on first use."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            try:
                _ENGINE = Engine()
            except ImportError:
                raise XsError("unsupported", "JavaScript needs the `mini-racer` package, "
                              "which is not installed") from None
        return _ENGINE


def _literal(value: Any) -> str:
    # U+2028/2029 are legal in JSON strings and in modern JS strings alike; escaping them
    # keeps older parsers and our line numbering safe.
    return (to_json(value)
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def script_source(code: str, globals_: dict[str, Any], loop: str = "one",
                  data: dict[str, Any] | None = None) -> str:
    """The text V8 evaluates: line 1 opens the wrapper and starts the user's CODE, so the
    script's line N is V8's line N. GLOBALS become consts named after their keys."""
    names = "".join(f"const {name} = g.globals[{json.dumps(name)}]; " for name in globals_)
    head = (f"(async () => {{ const g = {_literal({'globals': globals_, **(data or {})})}; "
            f"{names}"
            "const xs = __xs.isArray(g.items) ? g.items : []; "
            "const f = async function ($this, $index, $parent, $result) {")
    return (head + code + "\n};\n"
            "try { const r = await (async () => { " + _LOOPS[loop] + " })(); "
            "return __xs.ok(r); } catch (e) { return __xs.fail(e); } })()")


def prefix_length(globals_: dict[str, Any], data: dict[str, Any] | None = None) -> int:
    """Columns the wrapper adds before the user's code on line 1."""
    return len(script_source("", globals_, "one", data).split("\n", 1)[0])


_MAX_TIMEOUT = 3600.0


def script_error(owner: str, code: str, failure: ScriptFailure,
                 prefix: int = 0) -> XsError:
    """A XanoScript error for a JavaScript FAILURE, naming the script's line and its text."""
    lines = code.split("\n")
    where, hint = "", None
    if failure.line is not None and 1 <= failure.line <= len(lines):
        column = failure.column
        if column is not None and failure.line == 1:
            column -= prefix
        where = f" (script line {failure.line}" + (f", column {column}" if column else "") + ")"
        hint = f"script line {failure.line}: {lines[failure.line - 1].strip()}"
    elif failure.line is not None:
        where = " (at the end of the script)"
    return XsError("standard", f"{owner}: JavaScript {failure.name}: {failure.message}{where}",
                   name=failure.name, hint=hint,
                   payload={"line": failure.line, "name": failure.name})


def timeout_seconds(owner: str, value: Any) -> float:
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise XsError("inputerror", f"{owner}: `timeout` must be a positive number of "
                      f"seconds, got {value!r}", payload={"param": "timeout"})
    return min(float(value), _MAX_TIMEOUT)


def run_script(owner: str, code: Any, globals_: dict[str, Any], *, timeout: float,
               loop: str = "one", data: dict[str, Any] | None = None,
               cancel: Any = None) -> Any:
    """Run CODE through the engine, turning every failure into a XanoScript error."""
    if not isinstance(code, str):
        raise XsError("inputerror", f"{owner}: the code must be text (JavaScript), got "
                      f"{type(code).__name__ if code is not None else 'null'}",
                      payload={"param": "code"})
    source = script_source(code, globals_, loop, data)
    try:
        return engine().run(source, timeout, cancel)
    except TimeoutError:
        raise XsError("standard", f"{owner}: the script ran longer than its timeout of "
                      f"{timeout:g} s and was stopped",
                      hint="raise `timeout`, or look for a loop that never ends") from None
    except ScriptError as exc:
        raise script_error(owner, code, exc.failure,
                           prefix_length(globals_, data)) from None
