"""The architecture, enforced: what every module may import, no import cycles, small modules.

This file is the single source of truth for the layering. ``RULES`` names, for every
module of ``xs_kernel``, the project modules it may import and the third-party packages
it may use (the standard library is always allowed). A rule keyed ``name`` covers that
module; ``name.*`` covers every module inside the package ``name``; the exact name wins.
A module without a rule fails the test, so a new module states its place here.

Imports are read from the source (``ast``), including the deferred ones inside
functions, so ``from .x import y`` in a function body counts like one at the top.
A package's ``__init__`` may import its own submodules (to register or re-export them);
submodules import their siblings directly, never the package ``__init__``, so the
cycle check below holds with packages too. Plugin modules that a registry loads by name
(``import_module`` over a list: filters, namespaces, magics) are not import statements
and are not edges.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "xs_kernel"
MAX_LINES = 500

JUPYTER = frozenset({"ipykernel", "jupyter_client", "jupyter_core", "IPython", "zmq",
                     "traitlets", "nbformat", "nbclient"})
DATABASES = frozenset({"sqlalchemy", "psycopg"})
REDIS = frozenset({"redis", "fakeredis"})


@dataclass(frozen=True)
class Rule:
    modules: frozenset[str] = frozenset()  # project modules, "name" or "name.*"
    packages: frozenset[str] = frozenset()  # third-party top-level packages


def rule(*modules: str, packages: frozenset[str] | set[str] = frozenset()) -> Rule:
    return Rule(frozenset(modules), frozenset(packages))


# Shared by whole layers below.
VALUE_MODEL = ("errors", "values", "source", "nodes", "operators", "coercion", "patterns",
               "memory")
RUNTIME = ("scope", "signals", "runtime", "functions", "fieldtypes", "hashing", "query")

RULES: dict[str, Rule] = {
    # the package itself: `xs_kernel.parse` and the version
    "xs_kernel": rule("parsing"),
    # foundations: spans, errors, values, the AST
    "source": rule(),
    "errors": rule("source", "credentials"),
    "credentials": rule(),
    "values": rule(),
    "signals": rule(),
    "keywords": rule(),
    "markup": rule(),
    "patterns": rule(packages={"regex"}),
    "nodes": rule("source"),
    "hashing": rule("errors"),
    "unsupported": rule("errors"),
    "keyvalue": rule(),
    "memory": rule("errors"),
    "operators": rule("errors", "memory", "nodes", "values"),
    "coercion": rule("patterns", "values"),
    "query": rule("errors", "nodes", "values"),
    "fieldtypes": rule("coercion", "errors", "hashing", "nodes", "values"),
    "schema": rule("coercion", "errors", "fieldtypes", "nodes"),
    # parsing: text -> AST; lark only in the parser itself
    "parsing": rule("parsing.*"),
    "parsing.*": rule("parsing.*", "errors", "nodes", "source"),
    "parsing.parser": rule("parsing.*", "errors", "nodes", "source", packages={"lark"}),
    # the run side, below the compiler: it never imports the compiler
    "scope": rule("errors", "values"),
    "runtime": rule("values"),
    "functions": rule("errors", "fieldtypes", "scope", "signals", "values"),
    # the compiler: AST -> closures over the run side; builtins only through the registry
    "compiler": rule("compiler.*", "nodes"),
    "compiler.*": rule("compiler.*", *VALUE_MODEL, *RUNTIME, "registry", "unsupported"),
    # the registry loads the builtin families by name; each builtin module imports it
    "registry": rule("filters", "magics", "namespaces"),
    "filters": rule(),
    "filters.*": rule("filters.*", "registry", "errors", "values", "patterns", "jsengine",
                      "memory", packages={"dateutil"}),
    # JavaScript (api.lambda, lambda_* filters) runs with no view of the interpreter
    "jsengine": rule("errors", "values", packages={"py_mini_racer"}),
    "namespaces": rule(),
    # statements reach back-ends only through call.services, never a back-end module
    "namespaces.*": rule("namespaces.*", "registry", *VALUE_MODEL, "hashing", "query",
                         "request", "addons", "keyvalue", "jsengine", "filters._php_date",
                         packages={"jinja2", "cryptography"}),
    "addons": rule("errors", "nodes", "request"),
    "request": rule("errors", "fieldtypes", "nodes", "values"),
    # back-ends: the only modules that import redis, fakeredis, SQLAlchemy, psycopg
    "backends": rule(),
    "backends.*": rule("backends.*", "errors", "values", "query", "schema", "fieldtypes",
                       "patterns", "keyvalue", "credentials", packages=DATABASES | REDIS),
    # browsing keys works on any redis-py client (a cluster's too): no redis import at all
    "backends.redis_browse": rule("backends.redis_codec", "keyvalue", "values"),
    "services": rule("backends.*"),
    # the session: parse, compile, run; never Jupyter, never rendering
    "session": rule("compiler", "compiler.*", "errors", "functions", "memory", "parsing",
                    "registry", "runtime", "scope", "services", "signals", "values"),
    "check": rule("compiler", "compiler.*", "errors", "nodes", "parsing", "registry",
                  "schema", "unsupported"),
    # exported workspaces
    "workspace": rule("errors", "parsing"),
    "smoke": rule("errors", "fieldtypes", "workspace"),
    "cli_workspace": rule("errors", "request", "session", "smoke", "values", "workspace"),
    # showing values, completing, magics: the front end, still without Jupyter
    "render": rule("markup", "values"),
    "completion": rule("keywords", "registry", "render", "values"),
    "magics": rule(),
    "magics.*": rule("magics.*", "completion", "errors", "fieldtypes", "keywords", "nodes",
                     "parsing", "registry", "render", "request", "session", "smoke",
                     "source", "values", "workspace", "namespaces.expect",
                     "namespaces.security"),
    # the language server: pygls only in its wiring
    "lsp": rule(),
    "lsp.*": rule("lsp.*", "check", "completion", "errors", "nodes", "parsing", "source",
                  "magics.dispatch"),
    "lsp.server": rule("xs_kernel", "lsp.*", "registry", "source",
                       packages={"pygls", "lsprotocol"}),
    # Jupyter: the kernel adapter, its installer and the notebook tools
    "kernel": rule("xs_kernel", "completion", "errors", "history", "magics.dispatch", "memory",
                   "registry", "render", "services", "session", packages=JUPYTER),
    "__main__": rule("kernel", packages=JUPYTER),
    "history": rule(),
    "install": rule(packages=JUPYTER),
    "lexer": rule(packages={"pygments"}),
    "parameters": rule(),
    "notebook_runner": rule("parameters", packages=JUPYTER),
    "papermill_engine": rule("parameters", packages={"papermill"}),
    "cli": rule("xs_kernel", "check", "cli_workspace", "errors", "lsp.server",
                "magics.dispatch", "notebook_runner", "parameters", "session", "values"),
}

STDLIB = frozenset(sys.stdlib_module_names)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {
    module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in p.parts}


def imports(name: str, source: str, known: set[str] | dict[str, Path]) -> tuple[set[str], set[str]]:
    """(project modules, third-party top-level packages) that SOURCE of module NAME
    imports anywhere in its body; a name imported from a package is the submodule
    when one exists, else the package."""
    is_package = MODULES.get(name, Path("x.py")).name == "__init__.py"
    project: set[str] = set()
    third_party: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                _classify(alias.name, project, third_party)
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            base = _absolute(name, is_package, node)
            if not base.startswith("xs_kernel"):
                _classify(base, project, third_party)
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                project.add(sub if sub in known else base)
    project.discard(name)
    return project, third_party


def _absolute(name: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    parts = name.split(".")
    if not is_package:
        parts.pop()
    parts = parts[: len(parts) - (node.level - 1)]
    return ".".join(parts + ([node.module] if node.module else []))


def _classify(dotted: str, project: set[str], third_party: set[str]) -> None:
    top = dotted.split(".")[0]
    if top == "xs_kernel":
        project.add(dotted)
    elif top not in STDLIB:
        third_party.add(top)


def rule_for(name: str) -> Rule | None:
    short = _short(name)
    if short in RULES:
        return RULES[short]
    parts = short.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        found = RULES.get(".".join(parts[:cut]) + ".*")
        if found is not None:
            return found
    return None


def _short(name: str) -> str:
    return "xs_kernel" if name == "xs_kernel" else name.removeprefix("xs_kernel.")


def allowed(target: str, patterns: frozenset[str]) -> bool:
    short = _short(target)
    return any(short == p or (p.endswith(".*") and short.startswith(p[:-1]))
               for p in patterns)


def violations(name: str, source: str, known: set[str] | dict[str, Path]) -> list[str]:
    found = rule_for(name)
    if found is None:
        return [f"{_short(name)} has no rule in RULES: add one saying what it may import"]
    project, third_party = imports(name, source, known)
    bad = [f"{_short(name)} imports {_short(m)}" for m in sorted(project)
           if not allowed(m, found.modules)]
    bad += [f"{_short(name)} uses {p}" for p in sorted(third_party) if p not in found.packages]
    return bad


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles of GRAPH: its strongly connected parts of more than one module
    (Tarjan's algorithm, iterative so a deep graph cannot hit the recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                part = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    part.append(member)
                    if member == node:
                        break
                if len(part) > 1:
                    found.append(sorted(part))
    return found


def project_graph() -> dict[str, set[str]]:
    return {name: imports(name, path.read_text(encoding="utf-8"), MODULES)[0]
            for name, path in MODULES.items()}


# ---------------------------------------------------------------- the rules, applied


@pytest.mark.parametrize("name", sorted(MODULES), ids=_short)
def test_module_imports_only_what_its_rule_allows(name: str) -> None:
    assert violations(name, MODULES[name].read_text(encoding="utf-8"), MODULES) == []


def test_no_import_cycle_inside_the_package() -> None:
    assert cycles(project_graph()) == []


def test_every_rule_names_modules_that_exist() -> None:
    names = {_short(m) for m in MODULES}
    for key, found in RULES.items():
        for pattern in {key, *found.modules}:
            stem = pattern.removesuffix(".*")
            assert stem in names, f"RULES mentions {pattern}, which is no module"


@pytest.mark.parametrize("name", sorted(MODULES), ids=_short)
def test_module_stays_small(name: str) -> None:
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{_short(name)} has {lines} lines; split it"


# ---------------------------------------------------------------- the checker can fail


def test_an_unlisted_import_is_a_violation() -> None:
    known = {"xs_kernel.render", "xs_kernel.session", "xs_kernel.values"}
    source = "from .values import to_json\n\ndef later():\n    from .session import Session\n"
    assert violations("xs_kernel.render", source, known) == ["render imports session"]
    assert violations("xs_kernel.render", "import redis\n", known) == ["render uses redis"]


def test_a_module_without_a_rule_is_a_violation() -> None:
    (problem,) = violations("xs_kernel.brand_new", "", set())
    assert "brand_new has no rule" in problem


def test_relative_imports_resolve_to_submodules() -> None:
    known = {"xs_kernel.compiler", "xs_kernel.compiler.base", "xs_kernel.compiler.calls",
             "xs_kernel.nodes"}
    source = "from . import calls\nfrom .base import Compiler\nfrom .. import nodes\n"
    project, _ = imports("xs_kernel.compiler", source, known)
    assert project == {"xs_kernel.compiler.calls", "xs_kernel.compiler.base", "xs_kernel.nodes"}


def test_cycles_are_found_including_through_deferred_imports() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    known = {"xs_kernel.a", "xs_kernel.b"}
    deferred = "def f():\n    from .b import g\n"
    assert imports("xs_kernel.a", deferred, known)[0] == {"xs_kernel.b"}
