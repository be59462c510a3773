"""The ``xs`` command: ``xs check FILE...|-``, ``xs run FILE [--input JSON] [--env K=V]``,
``xs load DIR``, ``xs call DIR VERB PATH`` (an exported workspace; see ``cli_workspace``),
``xs notebook FILE`` (run a notebook headless in the kernel; see ``notebook_runner``) and
``xs --version``.

``check`` parses and compiles each file without running it and prints
``FILE:LINE:COL: message`` (and an indented hint line) per problem; exit status 1 when any
file has one. ``run`` runs one file in a fresh Session: every ``debug.log`` prints one line
on stdout (text as is, other values as compact JSON), then the program's final value as
the kernel would show it (a last bare expression or what the last statement bound),
warnings go to stderr, and an uncaught error prints ``FILE:LINE:COL: <type>: <message>``
on stderr with exit status 1. A script exported with ``jupyter nbconvert --to script`` runs
too: each ``%magic`` line starts a new cell, run as the kernel would.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, TextIO

from .check import check_all, check_text  # noqa: F401  (check_text: public API)
from .cli_workspace import add_commands, dispatch, json_object_option
from .errors import XsError


def _where(name: str, err: XsError) -> str:
    span = err.span
    if span is None or span.line <= 0:
        return f"{name}:"
    return f"{name}:{span.line}:{span.column}:"


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def cmd_check(paths: list[str], out: TextIO, strict: bool = False) -> int:
    failed = False
    for path in paths:
        name = "<stdin>" if path == "-" else path
        try:
            text = _read(path)
        except OSError as exc:
            out.write(f"{name}: cannot read the file: {exc.strerror}\n")
            failed = True
            continue
        for problem in check_all(text, name):
            err = problem.error
            failed = failed or not problem.warning or strict
            message = f"warning: {err.message}" if problem.warning else err.message
            out.write(f"{_where(name, err)} {message}\n")
            if err.hint and not problem.warning:
                out.write(f"  hint: {err.hint}\n")
    return 1 if failed else 0


def _parse_env(pairs: list[str]) -> dict[str, str]:
    env: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"--env expects KEY=VALUE, got {pair!r}")
        env[key] = value
    return env


_MAGIC_START = re.compile(r"^%{1,2}[A-Za-z_]")


def script_cells(text: str) -> list[str]:
    """TEXT cut into cells before each `%magic` line that follows code (as a notebook
    exported with nbconvert --to script has them); each cell keeps its line numbers by
    starting with as many blank lines as precede it."""
    lines = text.split("\n")
    starts, in_code = [0], False
    for i, line in enumerate(lines):
        if _MAGIC_START.match(line):
            if in_code:
                starts.append(i)
            in_code = False
        elif line.strip():
            in_code = True
    starts.append(len(lines))
    return ["\n" * a + "\n".join(lines[a:b]) for a, b in zip(starts, starts[1:])]


def _run_text(session: Any, text: str, name: str) -> Any:
    if not any(_MAGIC_START.match(line) for line in text.split("\n")):
        return session.run(text, name)
    from .magics.dispatch import run_cell

    outcome = None
    for cell in script_cells(text):
        outcome = run_cell(session, cell, cell_name=name)
        if outcome.error is not None:
            break
    return outcome


def cmd_run(path: str, input_text: str | None, env_pairs: list[str], out: TextIO,
            err_out: TextIO) -> int:
    from .session import Event, Session

    name = "<stdin>" if path == "-" else path
    try:
        text = _read(path)
        input_value, env = json_object_option(input_text, "--input"), _parse_env(env_pairs)
    except OSError as exc:
        err_out.write(f"xs: {name}: {exc.strerror or exc}\n")
        return 2
    except ValueError as exc:
        err_out.write(f"xs: {exc}\n")
        return 2

    def sink(event: Event) -> None:
        stream = err_out if event.kind == "warning" else out
        stream.write(event.text + "\n")
        stream.flush()

    session = Session(sink=sink)
    session.set_root("input", input_value)
    session.set_root("env", env)
    try:
        outcome = _run_text(session, text, name)
    finally:
        session.services.close()
    if outcome.has_value and outcome.error is None:
        value = outcome.value
        out.write((_printable(value) if isinstance(value, str) else _json(value)) + "\n")
    if outcome.error is not None:
        error = outcome.error
        err_out.write(f"{_where(name, error)} {error.type}: {error.message}\n")
        if error.hint:
            err_out.write(f"  hint: {error.hint}\n")
        return 1
    return 0


def _json(value: Any) -> str:
    from .values import to_json

    return to_json(value)


def _printable(text: str) -> str:
    from .values import printable

    return printable(text)


def main(argv: list[str] | None = None) -> int:
    from . import __version__

    parser = argparse.ArgumentParser(prog="xs", description="Check or run XanoScript files.")
    parser.add_argument("--version", action="version", version=f"xs {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="report syntax and compile errors")
    check.add_argument("files", nargs="+", metavar="FILE", help="files to check; - for stdin")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    run = commands.add_parser("run", help="run a file and print its debug.log lines")
    run.add_argument("file", metavar="FILE", help="the file to run; - for stdin")
    run.add_argument("--input", metavar="JSON", help="the $input object, as JSON")
    run.add_argument("--env", metavar="K=V", action="append", default=[],
                     help="set $env.K (repeatable)")
    notebook = commands.add_parser("notebook", help="run a notebook in the xanoscript kernel "
                                     "and print its cells with their outputs")
    notebook.add_argument("file", metavar="NOTEBOOK")
    notebook.add_argument("--kernel", default="xanoscript", help="kernelspec name")
    notebook.add_argument("--save", action="store_true", help="store the outputs in the file")
    notebook.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                          metavar=("NAME", "VALUE"),
                          help="set $NAME in a cell after the one tagged 'parameters' "
                               "(VALUE as JSON when it parses, else text; repeatable)")
    add_commands(commands)
    commands.add_parser("lsp", help="serve the XanoScript language server on stdin/stdout")
    args = parser.parse_args(argv)
    if args.command == "lsp":
        from .lsp.server import main as serve

        return serve()
    handled = dispatch(args, sys.stdout, sys.stderr)
    if handled is not None:
        return handled
    if args.command == "check":
        return cmd_check(args.files, sys.stdout, args.strict)
    if args.command == "notebook":
        from .notebook_runner import run_notebook
        from .parameters import parse_cli_value

        values = {name: parse_cli_value(value) for name, value in args.parameter}
        return run_notebook(args.file, kernel_name=args.kernel, save=args.save, parameters=values)
    return cmd_run(args.file, args.input, args.env, sys.stdout, sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
