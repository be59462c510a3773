"""The ipykernel adapter: Jupyter messages in, one persistent XanoScript session out.

Thin on purpose: ``magics.dispatch.run_cell`` runs a cell (magics, then code), ``render`` turns values
into MIME bundles, ``completion`` answers Tab and shift-Tab. This module only translates:
events become ``stream``/``display_data`` messages sent while the cell runs (parented to
it, nothing when ``silent``), the cell's value becomes ``execute_result``, an error becomes
an iopub ``error`` plus an error reply. Replies are built in exactly two helpers. Nothing a
cell does may kill the process: an unexpected Python exception is reported as
``InternalError`` (a kernel bug). The session and the language core are loaded in a
background thread once the first ``kernel_info`` has been answered (or by the first
request that needs them), so start-up stays as fast as ipykernel's own.
"""

from __future__ import annotations

import threading
import traceback
from typing import Any

from ipykernel._version import kernel_protocol_version
from ipykernel.kernelbase import Kernel

from . import __version__
from .errors import XsError, XsInterrupt, format_error
from .history import History

# XanoScript has no language version number of its own; we name the release of the
# XanoScript documentation the grammar follows (its version.json).
LANGUAGE_VERSION = "2.4.0"
STREAMS = {"log": "stdout", "warning": "stderr"}


class XanoScriptKernel(Kernel):
    implementation = "xs_kernel"
    implementation_version = __version__
    language_info = {
        "name": "xanoscript",
        "version": LANGUAGE_VERSION,
        "mimetype": "text/x-xanoscript",
        "file_extension": ".xs",
        "pygments_lexer": "xanoscript",
        "codemirror_mode": "xanoscript",  # the labextension this wheel ships (labextension/)
    }
    banner = (f"XanoScript kernel {__version__}: each cell runs in one persistent session; "
              "%help lists the magics")
    help_links = [{"text": "Xano documentation", "url": "https://docs.xano.com/"}]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._xs: Any = None  # the XanoScript session, made on first use
        self._registry: Any = None
        self._services: Any = None
        self._silent = False
        self._session_lock = threading.Lock()
        self._history = History()
        self._warm_up_started = False

    @property
    def kernel_info(self) -> dict[str, Any]:
        # Not the base's: it claims "debugger" and "kernel subshells" (we support neither)
        # and imports debugpy to find out, which costs start-up time and prints warnings.
        return {"protocol_version": kernel_protocol_version, "implementation": self.implementation,
                "implementation_version": self.implementation_version,
                "language_info": self.language_info, "banner": self.banner,
                "help_links": self.help_links, "supported_features": []}

    # -- the session

    @property
    def xs(self) -> Any:
        with self._session_lock:  # the warm-up thread may be making it right now
            if self._xs is None:
                from .registry import load_builtins
                from .services import Services
                from .session import Session

                self._registry, self._services = load_builtins(), Services()
                self._xs = Session(registry=self._registry, services=self._services,
                                   sink=self._on_event)
        return self._xs

    async def kernel_info_request(self, stream: Any, ident: Any, parent: Any) -> None:
        await super().kernel_info_request(stream, ident, parent)
        if not self._warm_up_started:
            # Load the language (parser tables, builtins) while the user is still typing,
            # so the first cell does not pay for it; kernel_info has already been answered.
            self._warm_up_started = True
            threading.Thread(target=self._warm_up, name="xs-warm-up", daemon=True).start()

    def _warm_up(self) -> None:
        try:
            from .magics.dispatch import warm_up

            warm_up(self.xs)
        except Exception:  # the first cell will report it
            self.log.warning("warming up the session failed", exc_info=True)

    def _on_event(self, event: Any) -> None:
        """Send one event of the running cell at once (debug.log lines stream live)."""
        if self._silent:
            return
        if event.kind == "display":
            self._send_bundle("display_data", event.value)
        else:
            text = event.text if event.text.endswith("\n") else event.text + "\n"
            self.send_response(self.iopub_socket, "stream",
                               {"name": STREAMS.get(event.kind, "stdout"), "text": text})

    def _send_bundle(self, msg_type: str, value: Any) -> str:
        """Send VALUE as MSG_TYPE; its text/plain form (what history keeps as the output)."""
        from .magics.dispatch import render_options
        from .render import bundle

        content = {"data": bundle(value, render_options(self.xs)), "metadata": {}}
        if msg_type == "execute_result":
            content["execution_count"] = self.execution_count
        self.send_response(self.iopub_socket, msg_type, content)
        return content["data"]["text/plain"]

    # -- handlers

    async def do_execute(self, code: str, silent: bool, store_history: bool = True,
                         user_expressions: dict | None = None, allow_stdin: bool = False,
                         *, cell_meta: Any = None, cell_id: Any = None) -> dict[str, Any]:
        self._silent = silent
        try:
            from .magics.dispatch import run_cell

            session = self.xs  # first: it also loads self._registry
            outcome = run_cell(session, code, registry=self._registry,
                               cell_name=f"<cell {self.execution_count}>")
            shown = None
            if outcome.error is None and outcome.has_value and not silent:
                shown = self._send_bundle("execute_result", outcome.value)
            if store_history and not silent:
                self._history.record(self.execution_count, code, shown)
            if outcome.error is not None:
                if outcome.error.type == "KeyboardInterrupt":
                    self._interrupted()
                return self._error_reply(outcome.error)
            return self._ok_reply()
        except KeyboardInterrupt:  # arrived outside the interpreter's own guard
            self._interrupted()
            return self._error_reply(XsInterrupt())
        except MemoryError:  # showing a huge value: the same plain error as in a cell
            from .memory import exceeded

            return self._error_reply(exceeded())
        except Exception as exc:  # a kernel bug must not kill the session
            self.log.error("internal error in do_execute", exc_info=True)
            err = XsError("InternalError", f"{type(exc).__name__}: {exc} "
                          "(a bug in xs_kernel, not in your code)")
            return self._error_reply(err, traceback.format_exc().splitlines())

    def _interrupted(self) -> None:
        """Drop a Redis connection an interrupt may have cut mid-reply (only if one exists)."""
        if self._services is None:
            return
        try:
            self._services.reset_redis_connection()
        except Exception:
            self.log.warning("could not reset the redis connection", exc_info=True)

    async def do_history(self, hist_access_type: str, output: bool, raw: bool,
                         **request: Any) -> dict[str, Any]:
        """The cells run so far (up-arrow in consoles, history search)."""
        return {"status": "ok",
                "history": self._history.request(hist_access_type, output, **request)}

    # Tab, shift-Tab and Enter must always get a reply: a request without one leaves the
    # front end waiting, so a failure answers "nothing found" and is logged.

    async def do_complete(self, code: str, cursor_pos: int) -> dict[str, Any]:
        try:
            from .completion import complete

            session = self.xs
            return complete(code, cursor_pos, self._registry, session.visible())
        except Exception:
            self.log.error("completion failed", exc_info=True)
            return {"status": "ok", "matches": [], "cursor_start": cursor_pos,
                    "cursor_end": cursor_pos, "metadata": {}}

    async def do_inspect(self, code: str, cursor_pos: int, detail_level: int = 0,
                         omit_sections: Any = ()) -> dict[str, Any]:
        try:
            from .completion import inspect

            session = self.xs
            return inspect(code, cursor_pos, self._registry, session.visible(), detail_level)
        except Exception:
            self.log.error("inspection failed", exc_info=True)
            return {"status": "ok", "found": False, "data": {}, "metadata": {}}

    async def do_is_complete(self, code: str) -> dict[str, Any]:
        try:
            from .magics.dispatch import is_complete

            # No session needed: the parser answers, fast enough for a console's 1 s wait
            # even while the session is still loading.
            status, indent = is_complete(self._xs, code)
        except Exception:
            self.log.error("is_complete failed", exc_info=True)
            status, indent = "unknown", ""
        return {"status": status, "indent": indent} if status == "incomplete" else {"status": status}

    async def do_shutdown(self, restart: bool) -> dict[str, Any]:
        if self._services is not None:
            self._services.close()
        return {"status": "ok", "restart": restart}

    # -- the only two reply builders

    def _ok_reply(self) -> dict[str, Any]:
        return {"status": "ok", "execution_count": self.execution_count,
                "payload": [], "user_expressions": {}}

    def _error_reply(self, err: XsError, details: list[str] | tuple[str, ...] = ()) -> dict[str, Any]:
        content = {"ename": err.type, "evalue": err.message,
                   "traceback": [*format_error(err), *details]}
        if not self._silent:
            self.send_response(self.iopub_socket, "error", content)
        return {"status": "error", "execution_count": self.execution_count, **content}
