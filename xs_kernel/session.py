"""A persistent XanoScript session: variables, functions and constructs survive from one
cell to the next; ``run(code)`` parses, compiles and runs a cell and returns an Outcome.

``run`` never raises: syntax errors, runtime errors, interrupts and even bugs come back as
``Outcome.error`` (an ``XsError`` located in the cell). Events (``debug.log`` lines and
warnings) are collected in ``Outcome.events`` and also handed to ``sink`` as they happen,
so a kernel can stream them. Nothing here prints.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from . import memory
from .compiler import Compiler, ConstructDef, compile_cell, compile_expression
from .compiler.functions import define
from .errors import XsError, XsInterrupt, XsSyntaxError
from .functions import FunctionDef, run_definition, validate
from .runtime import Runtime
from .scope import Frame, environment
from .signals import ReturnSignal, Signal, StopSignal
from .values import copy_value

# Each XanoScript call level costs a few dozen Python frames; leave room for max_depth.
_RECURSION_LIMIT = 20_000


@dataclass(frozen=True)
class Event:
    """Something a cell emitted while running. ``kind``: "log" (debug.log), "warning",
    "display". ``text`` is the line a plain-text front end prints (text as is, other values
    as compact JSON); ``value`` is the XanoScript value, for rich front ends."""

    kind: str
    value: Any
    text: str


@dataclass
class Outcome:
    events: list[Event] = field(default_factory=list)
    value: Any = None
    has_value: bool = False  # False when the last statement yields nothing to show
    bindings: dict[str, Any] = field(default_factory=dict)  # variables bound by this cell
    error: XsError | None = None
    stopped: bool = False  # True when debug.stop halted the cell (value is what it showed)


class Session:
    """One persistent XanoScript session (see module docstring)."""

    def __init__(self, *, registry: Any = None, services: Any = None,
                 sink: Callable[[Event], None] | None = None) -> None:
        if registry is None:
            from .registry import load_builtins

            registry = load_builtins()
        if services is None:
            from .services import Services

            services = Services()
        self.registry = registry
        self.services = services
        self.sink = sink
        self.config: dict[str, Any] = {}  # front-end settings; reset() keeps them
        self.max_depth = 100
        self._rt: Runtime | None = None  # the runtime of the cell being run, if any
        self.cancel = threading.Event()  # set by interrupt(); waits such as util.sleep stop
        self.reset()

    # -- state

    def reset(self) -> None:
        """Forget variables, functions, constructs, tables and the request roots."""
        if self.services.db_in_use:
            self.services.db.reset()
        self.variables: dict[str, Any] = {}
        self.functions: dict[str, Any] = {}
        self.constructs: dict[tuple[str, str], Any] = {}
        self.input: dict[str, Any] = {}
        self.auth: dict[str, Any] = {}
        self.env: dict[str, Any] = {}  # overrides on top of the process environment
        self.request: Any = None  # the request context (``request.Request``) cells see
        self._compiled: dict[int, tuple[Any, FunctionDef]] = {}  # invoke() cache

    @property
    def frame(self) -> Frame | None:
        """The innermost running frame (a function's, inside function.run), during run()."""
        return self._rt.frame if self._rt is not None else None

    @property
    def roots(self) -> dict[str, Any]:
        """The request roots a cell sees: ``input``, ``auth`` and the ``env`` overrides."""
        return {"input": self.input, "auth": self.auth, "env": self.env}

    def visible(self) -> dict[str, Any]:
        """What a front end lists and completes: live ``$variables`` by name, then the
        request roots ``input``, ``auth`` and ``env`` (a variable never hides behind one)."""
        return {**self.roots, **self.variables}

    def set_root(self, name: str, value: Any) -> None:
        """Replace ``$input``, ``$auth`` or the ``$env`` overrides (objects only)."""
        if name not in ("input", "auth", "env"):
            raise ValueError(f"unknown root {name!r}: use input, auth or env")
        if not isinstance(value, dict):
            raise ValueError(f"${name} must be an object")
        setattr(self, name, dict(value))

    def environment(self) -> dict[str, Any]:
        """What ``$env`` reads: request defaults, the process environment, the request
        set with ``%request`` (if any), the overrides."""
        if self.request is None:
            return environment(self.env)
        return environment({**self.request.env(), **self.env})

    # -- running

    def interrupt(self) -> None:
        """Ask the running cell to stop at its next wait (for front ends without SIGINT)."""
        self.cancel.set()

    def is_complete(self, code: str) -> tuple[str, str]:
        """("complete" | "incomplete" | "invalid", indent) for a console front end."""
        from .parsing import is_complete

        try:
            return is_complete(code)
        except Exception:  # a console waiting on Enter must get an answer
            return "invalid", ""

    def run(self, code: str, cell_name: str = "<cell>") -> Outcome:
        """Parse, compile and run CODE; never raises."""
        try:
            program = self._parse(code, cell_name)
        except XsError as exc:
            return Outcome(error=exc.located(cell_name, code))
        except KeyboardInterrupt:
            return Outcome(error=XsInterrupt().located(cell_name, code))
        except MemoryError:
            return Outcome(error=memory.exceeded().located(cell_name, code))
        except Exception as exc:  # a bug of ours; never let it reach the user raw
            return Outcome(error=XsError("standard", f"internal error: {exc}").located(
                cell_name, code))
        return self.run_parsed(program, code, cell_name)

    def run_parsed(self, program: Any, code: str, cell_name: str = "<cell>") -> Outcome:
        """Compile and run an already parsed PROGRAM of CODE; never raises."""
        outcome = Outcome()
        self.cancel.clear()
        try:
            self.run_program(program, code, cell_name, outcome)
        except XsError as exc:
            outcome.error = exc.located(cell_name, code)
        except KeyboardInterrupt:
            outcome.error = XsInterrupt().located(cell_name, code)
        except RecursionError:
            outcome.error = XsError("standard", "program too deeply nested").located(
                cell_name, code)
        except MemoryError:
            outcome.error = memory.exceeded().located(cell_name, code)
        except Signal:  # compile-time checks keep break/continue inside loops
            outcome.error = XsError("standard", "internal error: a control-flow signal "
                                    "escaped the cell").located(cell_name, code)
        except Exception as exc:  # a bug of ours; never let it reach the user raw
            outcome.error = XsError("standard", f"internal error: {exc}").located(
                cell_name, code)
        return outcome

    def _parse(self, code: str, cell_name: str) -> Any:
        from .parsing import parse

        try:
            return parse(code, cell_name)
        except RecursionError:
            raise XsSyntaxError("program too deeply nested") from None

    def run_program(self, program: Any, code: str, cell_name: str, outcome: Outcome) -> None:
        """Compile and run an already parsed PROGRAM, filling OUTCOME (may raise XsError)."""
        _ensure_recursion_limit()
        cell = compile_cell(program, self.registry, cell=cell_name, source=code)
        rt = self._runtime(outcome, cell_name)
        for kind, name, definition in cell.definitions:
            if kind == "table":
                self.services.db.define_table(definition.node, self._evaluator(rt))
            elif kind == "function":
                self.functions[name] = definition
            self.constructs[(kind, _construct_key(definition, name))] = definition
        frame = Frame(rt, self.variables, input=copy_value(self.input),
                      auth=copy_value(self.auth), env=self.environment())
        saved, rt.frame, self._rt = self._rt, frame, rt
        try:
            self._execute(cell, frame, outcome)
        finally:
            self._rt = saved
            outcome.bindings = {name: self.variables[name] for name in cell.assigned
                                if name in self.variables}

    def _execute(self, cell: Any, frame: Frame, outcome: Outcome) -> None:
        try:
            cell.body(frame)
        except ReturnSignal as signal:
            outcome.value, outcome.has_value = signal.value, True
            return
        except StopSignal as signal:
            outcome.value, outcome.has_value, outcome.stopped = signal.value, True, True
            return
        outcome.has_value, outcome.value = cell.result(frame)

    def _evaluator(self, rt: Runtime) -> Callable[[Any], Any]:
        """Evaluate an expression node in a fresh top-level frame (table defaults)."""
        def evaluate(node: Any) -> Any:
            frame = Frame(rt, {}, input={}, auth=copy_value(self.auth), env=self.environment())
            return compile_expression(node, self.registry)(frame)
        return evaluate

    def _runtime(self, outcome: Outcome | None, cell: str) -> Runtime:
        return Runtime(session=self, services=self.services, registry=self.registry,
                       functions=self.functions, cell=cell, max_depth=self.max_depth,
                       outlet=self._outlet(outcome))

    # -- running definitions from front ends (%call, %test, ...)

    def invoke(self, construct: Any, *, input: dict[str, Any] | None = None,
               auth: dict[str, Any] | None = None, test_name: str | None = None,
               env: dict[str, Any] | None = None) -> Any:
        """Run a function/query/task... with INPUT (validated per its `input` block) and
        AUTH; its response (or returned value). TEST_NAME selects `mock` values. Events go
        to the sink. Raises XsError."""
        definition = self._definition(construct)
        rt = self._runtime(None, definition.cell)
        if self._rt is not None:  # called from a running cell (api.call…): its events
            rt._outlet = self._rt._outlet
        rt.test_name = test_name
        frame = Frame(rt, {}, input=validate(definition.inputs, copy_value(input or {}), None,
                                                self.services),
                      auth=copy_value(self.auth if auth is None else auth),
                      env={**self.environment(), **(env or {})})
        return self._guarded(rt, lambda: run_definition(definition, frame))

    def run_statements(self, statements: Any, variables: dict[str, Any] | None = None, *,
                       cell: str = "<test>", source: str = "",
                       test_name: str | None = None) -> None:
        """Run STATEMENTS (e.g. a test block's expect.* lines) in a fresh frame where
        VARIABLES are bound. Raises XsError (located in CELL/SOURCE)."""
        compiler = Compiler(self.registry, cell=cell, source=source)
        body = compiler.block(statements)
        rt = self._runtime(None, cell)
        rt.test_name = test_name
        frame = Frame(rt, copy_value(dict(variables or {})), input=copy_value(self.input),
                      auth=copy_value(self.auth), env=self.environment())

        def run() -> None:
            try:
                body(frame)
            except (ReturnSignal, StopSignal):
                return
            except XsError as exc:
                raise exc.located(cell, source)
        self._guarded(rt, run)

    def _guarded(self, rt: Runtime, run: Callable[[], Any]) -> Any:
        _ensure_recursion_limit()
        saved, self._rt = self._rt, rt
        try:
            return run()
        except KeyboardInterrupt:
            raise XsInterrupt() from None
        except RecursionError:
            raise XsError("standard", "program too deeply nested") from None
        except MemoryError:
            raise memory.exceeded() from None
        finally:
            self._rt = saved

    def stored(self, node: Any) -> Any:
        """What a construct NODE defined in this session is stored as (or None)."""
        for (kind, _key), definition in self.constructs.items():
            if kind == node.kind and getattr(definition, "node", None) is node:
                return definition
        return None

    def prepare(self, construct: Any) -> FunctionDef:
        """Compile CONSTRUCT's body now (raises XsError), so it runs without surprises."""
        return self._definition(construct)

    def _definition(self, construct: Any) -> FunctionDef:
        """A FunctionDef for CONSTRUCT (a FunctionDef, a stored ConstructDef or a node)."""
        if isinstance(construct, FunctionDef):
            return construct
        node, cell, source = construct, "<cell>", ""
        if isinstance(construct, ConstructDef):
            node, cell, source = construct.node, construct.cell, construct.source
        cached = self._compiled.get(id(node))
        if cached is not None and cached[0] is node:
            return cached[1]
        definition = define(Compiler(self.registry, cell=cell, source=source), node)
        self._compiled[id(node)] = (node, definition)
        return definition

    def _outlet(self, outcome: Outcome | None) -> Callable[[str, Any, str], None]:
        def outlet(kind: str, value: Any, text: str) -> None:
            event = Event(kind, value, text)
            if outcome is not None:
                outcome.events.append(event)
            sink = self.sink
            if sink is not None:
                try:
                    sink(event)
                except Exception:  # a broken front end must not break the cell
                    pass
        return outlet


def _ensure_recursion_limit() -> None:
    if sys.getrecursionlimit() < _RECURSION_LIMIT:
        sys.setrecursionlimit(_RECURSION_LIMIT)


def _construct_key(definition: Any, name: str) -> str:
    """The name a construct is stored under: its name, preceded by its verb when it has
    one (``GET users/{id}``), so one path can hold several endpoints."""
    node = getattr(definition, "node", None)
    for attr in getattr(node, "header", ()) or ():
        if attr.name == "verb" and not attr.disabled and hasattr(attr.value, "value"):
            return f"{str(attr.value.value).upper()} {name}"
    return name
