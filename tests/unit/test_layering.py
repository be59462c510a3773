"""The architecture, enforced: which modules may import what, and how big a module may get."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "xs_kernel"
JUPYTER = {"ipykernel", "jupyter_client", "IPython", "zmq", "traitlets", "nbformat"}
BACKENDS = {"redis", "fakeredis", "sqlalchemy", "psycopg"}

# module (relative path without .py) -> names it must never import (third-party top-level
# packages, or project modules as "xs_kernel.<name>").
FORBIDDEN: dict[str, set[str]] = {
    "source": {"lark", "xs_kernel"} | JUPYTER | BACKENDS,
    "errors": {"lark"} | JUPYTER | BACKENDS,
    "nodes": {"lark", "xs_kernel.interpreter", "xs_kernel.values"} | JUPYTER | BACKENDS,
    "values": {"lark", "xs_kernel.interpreter", "xs_kernel.parsing", "xs_kernel.render"} | JUPYTER | BACKENDS,
    "registry": {"lark", "xs_kernel.interpreter", "xs_kernel.parsing", "xs_kernel.session",
                 "xs_kernel.kernel"} | JUPYTER | BACKENDS,
    "interpreter": {"lark", "xs_kernel.parsing", "xs_kernel.kernel", "xs_kernel.render"} | JUPYTER | BACKENDS,
    "session": {"lark", "xs_kernel.kernel", "xs_kernel.render"} | JUPYTER | BACKENDS,
    "services": {"xs_kernel.interpreter", "xs_kernel.parsing", "xs_kernel.kernel"} | JUPYTER | BACKENDS,
    "render": {"lark", "xs_kernel.session", "xs_kernel.interpreter", "xs_kernel.parsing"} | JUPYTER | BACKENDS,
    "markup": {"xs_kernel"} | JUPYTER | BACKENDS,
    "patterns": {"xs_kernel", "lark"} | JUPYTER | BACKENDS,
    "install": {"xs_kernel.kernel", "ipykernel"} | BACKENDS,
    "kernel": {"lark", "xs_kernel.parsing", "xs_kernel.interpreter"} | BACKENDS,
    # Exported workspaces: loading, smoke runs, requests and their CLI never reach Jupyter.
    "workspace": {"lark", "xs_kernel.kernel", "xs_kernel.render", "xs_kernel.session"}
    | JUPYTER | BACKENDS,
    "smoke": {"lark", "xs_kernel.parsing", "xs_kernel.kernel", "xs_kernel.session"}
    | JUPYTER | BACKENDS,
    "request": {"lark", "xs_kernel.parsing", "xs_kernel.interpreter", "xs_kernel.session",
                "xs_kernel.kernel"} | JUPYTER | BACKENDS,
    "cli_workspace": {"lark", "xs_kernel.kernel"} | JUPYTER | BACKENDS,
    "unsupported": {"lark", "xs_kernel.compiler", "xs_kernel.interpreter", "xs_kernel.parsing",
                    "xs_kernel.session", "xs_kernel.kernel"} | JUPYTER | BACKENDS,
    "check": {"xs_kernel.kernel", "xs_kernel.session"} | JUPYTER | BACKENDS,
    "addons": {"lark", "xs_kernel.parsing", "xs_kernel.interpreter", "xs_kernel.session",
               "xs_kernel.kernel"} | JUPYTER | BACKENDS,
    # JavaScript runs with no view of the interpreter, the session or a back-end.
    "jsengine": {"lark", "xs_kernel.interpreter", "xs_kernel.parsing", "xs_kernel.session",
                 "xs_kernel.kernel", "xs_kernel.namespaces"} | JUPYTER | BACKENDS,
}
# Whole folders: the language core never imports Jupyter; only backends/ touch back-ends.
FOLDER_FORBIDDEN = {
    "namespaces": {"lark", "xs_kernel.interpreter", "xs_kernel.parsing", "xs_kernel.kernel",
                   "xs_kernel.render"} | JUPYTER | BACKENDS,
    "filters": {"lark", "xs_kernel.interpreter", "xs_kernel.parsing", "xs_kernel.kernel",
                "xs_kernel.session"} | JUPYTER | BACKENDS,
    "compiler": {"lark", "xs_kernel.kernel", "xs_kernel.render"} | JUPYTER | BACKENDS,
    "backends": {"lark", "xs_kernel.interpreter", "xs_kernel.parsing", "xs_kernel.kernel"} | JUPYTER,
}
LARK_ONLY_IN = {"parser.py", "syntax_errors.py"}
MAX_LINES = 600


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _imports(path: Path) -> set[str]:
    """Absolute names a module imports, with relative imports resolved inside xs_kernel."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package_parts = ["xs_kernel", *path.relative_to(PACKAGE).parent.parts]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package_parts[: len(package_parts) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
                if node.module is None:
                    names.update(f"{module}.{a.name}" for a in node.names)
                names.add(module)
            elif node.module:
                names.add(node.module)
    return names


def _violations(imports: set[str], forbidden: set[str]) -> set[str]:
    return {name for name in imports for bad in forbidden
            if name == bad or name.startswith(bad + ".")}


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_respects_layering(path: Path) -> None:
    rel = path.relative_to(PACKAGE)
    imports = _imports(path)
    forbidden = set(FORBIDDEN.get(rel.with_suffix("").as_posix(), set()))
    if len(rel.parts) > 1:
        forbidden |= FOLDER_FORBIDDEN.get(rel.parts[0], set())
    if rel.name not in LARK_ONLY_IN:
        forbidden.add("lark")
    assert not _violations(imports, forbidden), f"{rel} imports {_violations(imports, forbidden)}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_stays_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name} has {lines} lines; split it"


def test_layering_check_catches_a_violation(tmp_path: Path) -> None:
    assert _violations({"redis.client", "json"}, BACKENDS) == {"redis.client"}
    assert _violations({"xs_kernel.parsing"}, {"xs_kernel.parsing"}) == {"xs_kernel.parsing"}
    assert not _violations({"xs_kernel.parsers_extra"}, {"xs_kernel.parsing"})
