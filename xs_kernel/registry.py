"""The one place where XanoScript-facing names are registered.

A builtin statement (``redis.set``), a filter (``trim``) or a magic (``%vars``) is one
decorated Python function; its docstring is the help text that ``%help``, completion and
inspection show. The interpreter, the completer and the docs all read this registry, so
adding a name is one local change.
"""

from __future__ import annotations

import difflib
import inspect
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Protocol

MISSING: Any = object()

# Attributes every statement accepts and the interpreter consumes itself.
UNIVERSAL_ATTRIBUTES = frozenset({"description", "disabled", "mock"})


@dataclass(frozen=True)
class Param:
    """One attribute of a builtin statement.

    ``type`` is a values type name the interpreter coerces to (``any``, ``text``, ``int``,
    ``decimal``, ``number``, ``bool``, ``array``, ``object``); ``lazy`` parameters are passed
    unevaluated as a ``Lazy`` so the implementation decides when (and how often) to evaluate.
    """

    name: str
    type: str = "any"
    required: bool = False
    default: Any = None
    doc: str = ""
    lazy: bool = False
    raw: bool = False  # passed as a RawExpr: the expression as written (db where clauses)
    repeat: bool = False  # may be given more than once: the values arrive as a Repeated


class Repeated(list):
    """The values of an attribute given more than once (``arg = $a`` ``arg = $b``), in
    order; an attribute given once arrives as its plain value."""


class Lazy(Protocol):
    """An unevaluated expression handed to a builtin or a higher-order filter.

    Calling it evaluates the expression with ``$this``/``$$`` (and ``$index``, ``$result``,
    ``$parent`` when given) bound for that evaluation only.
    """

    def __call__(self, this: Any = None, *, index: Any = None, result: Any = None,
                 parent: Any = None) -> Any: ...


@dataclass(frozen=True)
class RawExpr:
    """An attribute's expression as written, for builtins that interpret its structure
    (a db ``where`` clause becomes SQL). ``evaluate(sub_node)`` evaluates any part of it
    in the caller's frame."""

    node: Any
    evaluate: Callable[[Any], Any]


@dataclass
class Call:
    """What a builtin implementation receives besides its arguments."""

    services: Any  # the session's Services (redis, db, outbox, ...)
    emit: Callable[[str, Any], None]  # emit(kind, value): "log", "warning", "display"
    span: Any = None
    session: Any = None  # the running Session, for builtins that reach session state
    target: Any = None  # the evaluated target (``function.run "name"`` -> "name")


@dataclass(frozen=True)
class FunctionSpec:
    name: str  # dotted XanoScript name, e.g. "redis.set"
    params: tuple[Param, ...]
    impl: Callable[..., Any]
    returns: bool  # False: the statement yields no value (``as`` is an error)
    doc: str
    target: str | None = None  # what the statement takes before its block, if anything
    rejected: dict[str, str] = field(default_factory=dict)  # alias -> the right name
    # True when every result is a value made for this call (decoded from Redis, read from a
    # table) that nothing else holds, so `as $x` may keep it without a private copy.
    fresh_result: bool = False

    def param(self, name: str) -> Param | None:
        for p in self.params:
            if p.name == name:
                return p
        return None


@dataclass(frozen=True)
class FilterSpec:
    name: str
    impl: Callable[..., Any]  # impl(value, *args)
    doc: str
    accepts: tuple[str, ...] | None = None  # value type names; None accepts anything
    lazy: tuple[int, ...] = ()  # argument positions passed as Lazy
    min_args: int = 0
    max_args: int | None = None
    aliases: tuple[str, ...] = ()
    needs_receiver: bool = True  # False: usable standalone, ``(|uuid)``


@dataclass(frozen=True)
class MagicSpec:
    name: str  # without the leading %
    impl: Callable[..., Any]  # impl(session, argument_text) -> value or None
    doc: str
    cell: bool = False  # also opens a cell as ``%%NAME``, around the rest of the cell


def summary(doc: str, limit: int = 88) -> str:
    """The first sentence of a docstring's first paragraph, on one line (Markdown kept;
    ``plain`` unwraps it); a sentence longer than LIMIT (counted as plain text) stops at
    its last clause that fits (before a colon, semicolon, dash, parenthesis or comma),
    never mid-phrase."""
    paragraph = " ".join((doc or "").strip().split("\n\n")[0].split())
    sentence = paragraph[: _sentence_end(paragraph)]
    if len(plain(sentence)) <= limit:
        return sentence
    for marks in ((":", ";", " —", " ("), (",",)):
        cuts = [i for i in _outside_code(sentence, marks) if len(plain(sentence[:i])) <= limit]
        if cuts:
            return sentence[: max(cuts)].rstrip(" ,;:") + "."
    words = sentence[: limit - 1].rsplit(" ", 1)[0]
    return words.rstrip(" ,;:") + "…"


def _sentence_end(text: str) -> int:
    """Where the first sentence of TEXT ends: a full stop before a space, outside `code`
    and not part of an ellipsis."""
    in_code = False
    for i, c in enumerate(text):
        if c == "`":
            in_code = not in_code
        elif (c == "." and not in_code and text[i + 1: i + 2] in (" ", "")
              and text[i - 1: i] != "."):
            return i + 1
    return len(text)


_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def plain(text: str) -> str:
    """TEXT with Markdown code spans unwrapped (`` `%vars` `` reads ``%vars``), for
    text/plain; a lone backtick stays."""
    return _CODE_SPAN.sub(lambda m: m.group(2).strip() if m.group(1) != "`" else m.group(2),
                          text)


def _outside_code(text: str, marks: tuple[str, ...]) -> list[int]:
    """Where in TEXT one of MARKS starts, outside `code`."""
    found, in_code = [], False
    for i, c in enumerate(text):
        if c == "`":
            in_code = not in_code
        elif not in_code and i and any(text.startswith(mark, i) for mark in marks):
            found.append(i)
    return found


class Registry:
    """Lookup tables for builtins, filters and magics, with did-you-mean suggestions."""

    def __init__(self) -> None:
        self.functions: dict[str, FunctionSpec] = {}
        self.filters: dict[str, FilterSpec] = {}
        self.magics: dict[str, MagicSpec] = {}

    # -- registration

    def add_function(self, spec: FunctionSpec) -> None:
        _check_new(spec.name, self.functions, "statement")
        names = [p.name for p in spec.params]
        if len(names) != len(set(names)):
            raise ValueError(f"{spec.name}: duplicate parameter names")
        self.functions[spec.name] = spec

    def add_filter(self, spec: FilterSpec) -> None:
        for name in (spec.name, *spec.aliases):
            _check_new(name, self.filters, "filter")
            self.filters[name] = spec

    def add_magic(self, spec: MagicSpec) -> None:
        _check_new(spec.name, self.magics, "magic")
        self.magics[spec.name] = spec

    # -- lookup

    def function(self, name: str) -> FunctionSpec | None:
        return self.functions.get(name)

    def filter(self, name: str) -> FilterSpec | None:
        return self.filters.get(name)

    def suggest(self, name: str, candidates: Iterable[str]) -> str | None:
        match = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
        return match[0] if match else None

    def namespace(self, prefix: str) -> list[FunctionSpec]:
        """Every builtin whose name starts with PREFIX (``"redis."``), sorted by name."""
        return [s for n, s in sorted(self.functions.items()) if n.startswith(prefix)]


def _check_new(name: str, table: dict, what: str) -> None:
    if name in table:
        raise ValueError(f"{what} {name!r} is registered twice")


def _doc_of(impl: Callable[..., Any]) -> str:
    doc = inspect.getdoc(impl)
    if not doc:
        raise ValueError(f"{impl.__qualname__} needs a docstring: it is the user's help text")
    return doc


DEFAULT = Registry()


def builtin(name: str, *params: Param, returns: bool = True, target: str | None = None,
            rejected: dict[str, str] | None = None, fresh_result: bool = False,
            registry: Registry = DEFAULT):
    """Register the decorated ``impl(call, **attributes)`` as the statement NAME."""

    def decorate(impl: Callable[..., Any]) -> Callable[..., Any]:
        registry.add_function(FunctionSpec(name, tuple(params), impl, returns, _doc_of(impl),
                                           target, dict(rejected or {}), fresh_result))
        return impl

    return decorate


def xs_filter(name: str, *, accepts: tuple[str, ...] | str | None = None,
              lazy: tuple[int, ...] = (), min_args: int | None = None,
              max_args: int | None = MISSING, aliases: tuple[str, ...] = (),
              needs_receiver: bool = True, registry: Registry = DEFAULT):
    """Register the decorated ``impl(value, *args)`` as the filter NAME.

    Argument counts default to what the Python signature allows.
    """

    def decorate(impl: Callable[..., Any]) -> Callable[..., Any]:
        lo, hi = _arity(impl)
        spec = FilterSpec(
            name=name, impl=impl, doc=_doc_of(impl),
            accepts=(accepts,) if isinstance(accepts, str) else accepts,
            lazy=lazy, min_args=lo if min_args is None else min_args,
            max_args=hi if max_args is MISSING else max_args,
            aliases=aliases, needs_receiver=needs_receiver,
        )
        registry.add_filter(spec)
        return impl

    return decorate


def magic(name: str, registry: Registry = DEFAULT, *, cell: bool = False):
    """Register the decorated ``impl(session, argument_text)`` as the magic ``%NAME``.

    CELL: it may also open a cell as ``%%NAME``; its impl then returns a
    ``dispatch.AroundCell``, which runs the rest of the cell (magic lines included)."""

    def decorate(impl: Callable[..., Any]) -> Callable[..., Any]:
        registry.add_magic(MagicSpec(name, impl, _doc_of(impl), cell))
        return impl

    return decorate


def _arity(impl: Callable[..., Any]) -> tuple[int, int | None]:
    params = list(inspect.signature(impl).parameters.values())[1:]  # skip the receiver
    lo = sum(1 for p in params if p.default is p.empty and p.kind == p.POSITIONAL_OR_KEYWORD)
    if any(p.kind == p.VAR_POSITIONAL for p in params):
        return lo, None
    return lo, len(params)


def load_builtins() -> Registry:
    """Import every filter, namespace and magic module once, filling ``DEFAULT``: the one
    loader, so every session's registry has all three."""
    from . import filters, magics, namespaces  # noqa: F401  (their imports register entries)

    return DEFAULT
