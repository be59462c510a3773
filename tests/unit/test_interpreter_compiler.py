"""The compiler: one handler per node class, and programs built by hand from nodes."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from xs_kernel import nodes
from xs_kernel.compiler import HANDLERS, Compiler, compile_cell, compile_expression
from xs_kernel.errors import XsError
from xs_kernel.runtime import Runtime
from xs_kernel.registry import load_builtins
from xs_kernel.scope import Frame
from xs_kernel.source import Span

S = Span(1, 1, 1, 2)


def lit(value):
    return nodes.Literal(S, value)


def var(name):
    return nodes.Variable(S, name)


def stmt(name, target=None, alias=None, **attrs):
    items = tuple(nodes.Attr(S, k, v) for k, v in attrs.items())
    return nodes.Statement(S, name, target, items, alias)


def run_nodes(*items):
    """Run hand-built top-level items; returns (variables, log lines)."""
    logs: list[str] = []
    rt = Runtime(registry=load_builtins(),
                 outlet=lambda kind, value, text: logs.append(f"{kind}:{text}"))
    cell = compile_cell(nodes.Program(S, tuple(items)), rt.registry)
    frame = Frame(rt)
    cell.body(frame)
    return frame.vars, logs


def node_classes() -> list[type]:
    return [cls for _, cls in inspect.getmembers(nodes, inspect.isclass)
            if dataclasses.is_dataclass(cls) and issubclass(cls, nodes.Node)
            and cls is not nodes.Node]


@pytest.mark.parametrize("cls", node_classes(), ids=lambda c: c.__name__)
def test_every_node_class_has_a_compile_handler(cls) -> None:
    assert cls in HANDLERS


def test_handlers_only_cover_node_classes() -> None:
    assert set(HANDLERS) == set(node_classes())


def test_importing_the_compiler_is_enough_to_compile_a_cell() -> None:
    # No registration step an entry point could forget: a fresh interpreter that imports
    # only the compiler compiles a whole cell with a function and a core statement.
    import subprocess
    import sys

    code = ("from xs_kernel.compiler import compile_cell; from xs_kernel.parsing import parse; "
            "from xs_kernel.registry import load_builtins; "
            "cell = compile_cell(parse('function \"f\" { stack { return { value = 1 } } }\\n"
            "var $a { value = 2 }'), load_builtins()); print(len(cell.definitions))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"


def test_hand_built_program_runs() -> None:
    variables, logs = run_nodes(
        nodes.VarDecl(S, "x", nodes.Binary(S, nodes.BinaryOp.ADD, lit(1),
                                           nodes.Binary(S, nodes.BinaryOp.MUL, lit(2), lit(3)))),
        nodes.For(S, lit(3), "i", (
            nodes.VarUpdate(S, var("x"), nodes.Binary(S, nodes.BinaryOp.ADD, var("x"), var("i"))),
        )),
        stmt("debug.log", value=var("x")),
    )
    assert variables["x"] == 10 and logs == ["log:10"]


def test_lazy_filter_argument_binds_this_only_while_it_runs() -> None:
    expr = nodes.FilterApply(S, nodes.ArrayLit(S, (lit(1), lit(2))), "map",
                             (nodes.Binary(S, nodes.BinaryOp.MUL, var("this"), lit(10)),))
    rt = Runtime(registry=load_builtins(), outlet=lambda *a: None)
    frame = Frame(rt, {"this": "outer"})
    assert compile_expression(expr, rt.registry)(frame) == [10, 20]
    assert compile_expression(var("this"), rt.registry)(frame) == "outer"


def test_value_semantics_copy_on_assignment() -> None:
    variables, _ = run_nodes(
        nodes.VarDecl(S, "a", nodes.ArrayLit(S, (nodes.ObjectLit(S, (nodes.ObjectEntry(S, "k", lit(1)),)),))),
        nodes.VarDecl(S, "b", var("a")),
        nodes.VarUpdate(S, nodes.Member(S, nodes.Index(S, var("b"), lit(0)), "k"), lit(2)),
    )
    assert variables["a"] == [{"k": 1}] and variables["b"] == [{"k": 2}]


@pytest.mark.parametrize("item,message", [
    (nodes.Break(S), "`break` is only allowed inside a loop"),
    (nodes.ForeachRemove(S), "`foreach.remove` is only allowed inside foreach"),
    (stmt("debug.lag", value=lit(1)), "unknown statement `debug.lag`"),
    (nodes.ExprStmt(S, nodes.FilterApply(S, None, "trimm", ())), "unknown filter `trimm`"),
    (nodes.ExprStmt(S, nodes.Binary(S, nodes.BinaryOp.LIKE, lit("a"), lit("b"))),
     "operator `like` is only allowed inside a db where clause"),
    (nodes.VarDecl(S, "env", lit(1)), "`$env` is reserved and cannot be declared"),
    (stmt("debug.log", alias="x", value=lit(1)),
     "`debug.log` has no result, so `as $x` cannot bind anything"),
    (nodes.Attr(S, "value", lit(1)), "`value` can only appear inside a statement or a definition"),
])
def test_compile_time_errors(item, message) -> None:
    with pytest.raises(XsError) as caught:
        compile_cell(nodes.Program(S, (item,)), load_builtins())
    assert caught.value.message == message and caught.value.span == S


@pytest.mark.parametrize("attrs,message,hint", [
    ({"valeu": lit(1)}, "`debug.log` has no attribute `valeu`", "did you mean `value`?"),
    ({}, "`math.add` needs the attribute `value`", None),
])
def test_attribute_binding_errors(attrs, message, hint) -> None:
    name = "debug.log" if "valeu" in attrs else "math.add"
    target = None if name == "debug.log" else var("n")
    with pytest.raises(XsError) as caught:
        compile_cell(nodes.Program(S, (stmt(name, target, **attrs),)), load_builtins())
    assert caught.value.type == "inputerror"
    assert caught.value.message == message and caught.value.hint == hint


def test_filter_receiver_type_error_names_the_filter_and_types() -> None:
    # `[]|strlen` at line 2, column 5: the error points at `|strlen`, after the operand.
    expr = nodes.FilterApply(Span(2, 5, 2, 14), nodes.ArrayLit(Span(2, 5, 2, 7), ()), "strlen", ())
    rt = Runtime(registry=load_builtins(), outlet=lambda *a: None)
    with pytest.raises(XsError) as caught:
        compile_expression(expr, rt.registry)(Frame(rt))
    err = caught.value
    assert (err.type, err.message, err.span) == (
        "inputerror", "filter `strlen` expects text, got array", Span(2, 7, 2, 14))


def test_compiler_tracks_names_the_cell_assigns() -> None:
    c = Compiler(load_builtins())
    c.compile(nodes.Program(S, (
        nodes.VarDecl(S, "a", lit(1)),
        nodes.Foreach(S, nodes.ArrayLit(S, ()), "item", ()),
        stmt("object.keys", alias="k", value=nodes.ObjectLit(S, ())),
    )))
    assert c.assigned == ["a", "item", "k"]


def test_every_core_statement_has_help_text() -> None:
    from xs_kernel.compiler.core import CORE
    from xs_kernel.keywords import KEYWORDS

    assert set(CORE) <= set(KEYWORDS) and all(KEYWORDS[name].doc for name in CORE)


def test_core_statements_are_not_also_registry_builtins() -> None:
    from xs_kernel.compiler.core import CORE

    assert not set(CORE) & set(load_builtins().functions)
