"""Run every documented filter example whose result the docs state, and compare.

Usage: python tools/check_doc_examples.py DOCS_DIR [-v]

The docs are read at run time; nothing of theirs is stored here. An example is an
expression together with its stated result, found in three shapes:
  1. a markdown table with an "Example" and a "Result" column (pipes inside code spans
     are written `\\|` in the tables and unescaped here);
  2. a line of a fenced code block whose trailing `//` comment is a value
     (`expr  // [1,2]`), or whose next line is a comment holding only a value;
  3. prose of the form `expr` -> `value` (arrow written as → , -> or =>).
A stated result is read as a XanoScript literal: numbers, quoted text (XanoScript
escapes), arrays, objects (bare or quoted keys), true/false/null. A leading label
("Result:") is dropped, `~` marks an approximate number, `...` after a number marks a
truncated one, and prose after the value ("-- offset 1", "(case-insensitive)") is a
note. A table result that is not a literal is compared as unquoted text; a comment
that is not a literal is a description, not a result, and is not counted.

Each expression runs in a fresh xs_kernel Session; values compare with values.equals.
Skipped and counted apart: `lambda_*` filters (they need Xano's JavaScript runtime),
call syntax such as `math.add(5, 3)` (not XanoScript) and lines of blocks the docs mark
as wrong. Mismatches listed in KNOWN_DOC_ERRORS (keyed by file and filter name, with the
reason the docs are wrong or ambiguous) are reported as explained.
Exit status: 0 when no unexplained mismatch remains, 1 otherwise.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from xs_kernel.parsing.fragments import unescape_dq, unescape_sq
from xs_kernel.values import equals, is_number, to_json

# (file relative to DOCS_DIR, filter name the example is about) -> why the docs are off.
KNOWN_DOC_ERRORS: dict[tuple[str, str], str] = {
    ("syntax/functions.md", "rad2deg"):
        "the receiver is pi/2 cut to 7 decimals, so the exact result is 89.9999985; "
        "the stated 90 is rounded without the `~` the same block uses for approximations",
    ("syntax/string-filters.md", "regex_quote"):
        "the result is shown as raw text inside quotes; read as a literal (as the addslashes "
        "line just above must be read) `\\$` is an escaped `$`, so the literal lacks the "
        "backslash the filter (like PCRE quoting) puts before `$`",
}


# ---------------------------------------------------------------- stated results


class NotLiteral(ValueError):
    pass


@dataclass
class Expected:
    value: Any
    approx: bool = False  # written "~N"
    digits: int | None = None  # written "N.ddd...": compare to that many decimals
    note: str = ""  # prose after the value
    raw_text: bool = False  # a table result that is not a literal, compared as text


_NUMBER = re.compile(r"-?(?:\d+\.\d+|\d+|\.\d+)(?:[eE][+-]?\d+)?")
_KEY = re.compile(r"[A-Za-z_$][\w$]*")
_WORDS = {"true": True, "false": False, "null": None}
_LABEL = re.compile(r"[A-Za-z][A-Za-z ]{0,20}:\s+")


class _Literal:
    """A small recursive-descent reader of XanoScript literal values."""

    def __init__(self, text: str) -> None:
        self.s, self.i = text, 0

    def ws(self) -> None:
        while self.i < len(self.s) and self.s[self.i].isspace():
            self.i += 1

    def peek(self) -> str:
        return self.s[self.i] if self.i < len(self.s) else ""

    def expect(self, ch: str) -> None:
        self.ws()
        if self.peek() != ch:
            raise NotLiteral(f"expected {ch!r} at {self.i}")
        self.i += 1

    def value(self) -> Any:
        self.ws()
        ch = self.peek()
        if ch in "\"'":
            return self.string(ch)
        if ch == "[":
            return self.items("]", self.value)
        if ch == "{":
            pairs = self.items("}", self.pair)
            return dict(pairs)
        m = _NUMBER.match(self.s, self.i)
        if m:
            self.i = m.end()
            text = m.group()
            return float(text) if any(c in text for c in ".eE") else int(text)
        m = _KEY.match(self.s, self.i)
        if m and m.group() in _WORDS:
            self.i = m.end()
            return _WORDS[m.group()]
        raise NotLiteral(f"no value at {self.i}")

    def string(self, quote: str) -> str:
        j = self.i + 1
        while j < len(self.s) and self.s[j] != quote:
            j += 2 if self.s[j] == "\\" else 1
        if j >= len(self.s):
            raise NotLiteral("unterminated text")
        body, self.i = self.s[self.i + 1:j], j + 1
        return unescape_dq(body) if quote == '"' else unescape_sq(body)

    def pair(self) -> tuple[str, Any]:
        self.ws()
        if self.peek() in "\"'":
            key = self.string(self.peek())
        else:
            m = _KEY.match(self.s, self.i)
            if not m:
                raise NotLiteral(f"no key at {self.i}")
            key, self.i = m.group(), m.end()
        self.expect(":")
        return key, self.value()

    def items(self, close: str, read: Any) -> list:
        self.i += 1
        out: list = []
        self.ws()
        if self.peek() == close:
            self.i += 1
            return out
        while True:
            out.append(read())
            self.ws()
            if self.peek() == ",":
                self.i += 1
                continue
            self.expect(close)
            return out


def parse_expected(text: str) -> Expected:
    """Read a stated result (see module docstring); raise NotLiteral when it is prose."""
    text = text.strip()
    label = _LABEL.match(text)
    if label and label.group().split(":")[0].strip() not in _WORDS:
        text = text[label.end():]
    approx = text.startswith("~")
    reader = _Literal(text[1:] if approx else text)
    value = reader.value()
    digits = None
    rest = reader.s[reader.i:]
    if rest.startswith("...") and is_number(value):
        whole = reader.s[:reader.i].lstrip("~")
        digits = len(whole.split(".", 1)[1]) if "." in whole else 0
        rest = rest[3:]
    if rest and not rest[0].isspace():
        raise NotLiteral(f"text after the value: {rest!r}")
    return Expected(value, approx=approx, digits=digits, note=rest.strip())


def matches(expected: Expected, got: Any) -> bool:
    want = expected.value
    if is_number(want) and is_number(got):
        if expected.digits is not None:
            return math.floor(abs(got) * 10 ** expected.digits) == math.floor(
                abs(want) * 10 ** expected.digits) and (got < 0) == (want < 0)
        if expected.approx:
            return abs(got - want) <= 1e-3 * max(1.0, abs(want))
    return equals(want, got)


# ---------------------------------------------------------------- extraction


@dataclass
class Example:
    file: str
    line: int
    expr: str
    result: str  # the stated result as written
    kind: str  # table / code / prose


@dataclass
class Found:
    examples: list[Example] = field(default_factory=list)
    unstated: list[Example] = field(default_factory=list)  # table rows without a value
    wrong_blocks: list[Example] = field(default_factory=list)
    described: list[Example] = field(default_factory=list)  # comment is prose


_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_CODE_SPAN = re.compile(r"`([^`]+)`")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}")
_PROSE = re.compile(r"`([^`]*\|[^`]*)`\s*(?:→|->|=>)\s*`([^`]+)`")
_STATEMENT = re.compile(r"^[a-z_][\w.]*\s+[$\w]")  # `var $x {`, `array.push $a {` ...
_RANGE = re.compile(r"\(\s*[-\w$.]+?\s*\.\.\s*[-\w$.]+\s*\)")
_WRONG = re.compile(r"❌|\bwrong\b", re.IGNORECASE)
# A variable an example cannot run without ($$, $this, $index, $parent, $result are bound
# by the filters themselves).
_FREE_VARIABLE = re.compile(r"\$(?!\$|(?:this|index|parent|result)\b)\w")


def split_comment(line: str) -> tuple[str, str | None]:
    """Code and trailing `//` comment of LINE, minding quoted text."""
    i, quote = 0, ""
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif line.startswith("//", i):
            return line[:i].rstrip(), line[i + 2:].strip()
        i += 1
    return line.rstrip(), None


def _cells(row: str) -> list[str]:
    row = row.strip()
    row = row.removeprefix("|")
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [c.strip().replace("\\|", "|") for c in _CELL_SPLIT.split(row)]


def _span(cell: str) -> str | None:
    m = _CODE_SPAN.search(cell)
    return m.group(1) if m else None


def is_expression(code: str) -> bool:
    """Whether CODE reads as one expression with a filter, a range or a call: not a
    statement, an input declaration (`filters=`) or a template (`{{ }}`)."""
    code = code.strip()
    if is_call(code):
        return True
    if not code or _STATEMENT.match(code) or "filters=" in code or code.startswith("{{"):
        return False
    return "|" in code or bool(_RANGE.search(code))


def is_call(code: str) -> bool:
    return bool(re.match(r"[A-Za-z_]\w*(\.\w+)+\s*\(", code.strip()))


def _is_value(comment: str) -> bool:
    try:
        parse_expected(comment)
        return True
    except NotLiteral:
        return False


def _table(rel: str, lines: list[str], start: int, found: Found) -> int:
    """Read the table whose header is lines[start]; return the index after it."""
    header = [c.lower() for c in _cells(lines[start])]
    i = start + 2
    ex_col = next((k for k, c in enumerate(header) if c == "example"), None)
    res_col = next((k for k, c in enumerate(header) if c == "result"), None)
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        cells = _cells(lines[i])
        if ex_col is not None and res_col is not None and max(ex_col, res_col) < len(cells):
            expr = _span(cells[ex_col])
            if expr:
                stated = cells[res_col]
                span = _span(stated)
                ex = Example(rel, i + 1, expr, stated if span is None else
                             span + stated.split("`" + span + "`", 1)[1], "table")
                try:
                    parse_expected(ex.result)
                    found.examples.append(ex)
                except NotLiteral:
                    if span is not None:  # `a,b`: unquoted text in a code span
                        found.examples.append(ex)
                    else:
                        found.unstated.append(ex)
        i += 1
    return i


def _code_block(rel: str, lines: list[str], start: int, end: int, prev: str,
                found: Found) -> None:
    body = lines[start:end]
    wrong = bool(_WRONG.search(prev) or any(_WRONG.search(b) for b in body))
    for k, line in enumerate(body):
        code, comment = split_comment(line)
        if comment is None and is_expression(code) and k + 1 < len(body):
            nxt_code, nxt = split_comment(body[k + 1])
            if not nxt_code.strip() and nxt and _is_value(nxt):
                comment = nxt
                if parse_expected(nxt).note:  # a whole line must be just the value
                    comment = None
        if comment is None or not is_expression(code):
            continue
        if not _is_value(comment):
            if not _FREE_VARIABLE.search(code) and not is_call(code):
                found.described.append(Example(rel, start + k + 1, code.strip(), comment,
                                               "code"))
            continue
        ex = Example(rel, start + k + 1, code.strip(), comment, "code")
        (found.wrong_blocks if wrong else found.examples).append(ex)


def _closes(line: str, fence: str) -> bool:
    """CommonMark: at most 3 spaces, at least the opening fence's length, nothing after."""
    rest = line.strip()
    return (len(line) - len(line.lstrip(" ")) <= 3 and rest.startswith(fence)
            and rest.strip(fence[0]) == "")


def extract(rel: str, text: str, found: Found) -> None:
    lines = text.split("\n")
    i, prev = 0, ""
    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line)
        if fence:
            j = i + 1
            while j < len(lines) and not _closes(lines[j], fence.group(1)):
                j += 1
            _code_block(rel, lines, i + 1, j, prev, found)
            i, prev = j + 1, ""
            continue
        if line.lstrip().startswith("|") and i + 1 < len(lines) and _SEPARATOR.match(
                lines[i + 1]):
            i = _table(rel, lines, i, found)
            continue
        for m in _PROSE.finditer(line):
            found.examples.append(Example(rel, i + 1, m.group(1), m.group(2), "prose"))
        if line.strip():
            prev = line.strip()
        i += 1


# ---------------------------------------------------------------- running


def skip_reason(expr: str) -> str | None:
    if re.search(r"\|\s*lambda(?:_\w+)?\b", expr):
        return "lambda_* filter (needs a JavaScript runtime)"
    if is_call(expr):
        return "call syntax (not XanoScript)"
    return None


def topic(expr: str) -> str:
    """The filter an example is about: the last one of its chain ('' for none)."""
    names = re.findall(r"\|\s*([A-Za-z_]\w*)", expr)
    return names[-1] if names else ""


def show(value: Any) -> str:
    try:
        return to_json(value)
    except (TypeError, ValueError):  # a value JSON cannot hold is still worth showing
        return repr(value)


def evaluate(session: Any, expr: str) -> tuple[bool, Any]:
    """(ok, value or error text)."""
    session.reset()
    out = session.run(expr)
    if out.error is not None:
        return False, f"{out.error.type}: {out.error.message}"
    if not out.has_value:
        return False, "no value"
    return True, out.value


def compare(ex: Example, session: Any) -> tuple[bool, str, str]:
    """(matched, expected shown, got shown)."""
    try:
        expected = parse_expected(ex.result)
    except NotLiteral:
        expected = Expected(ex.result.strip(), raw_text=True)
    ok, got = evaluate(session, ex.expr)
    if not ok:
        return False, show(expected.value), f"<{got}>"
    return matches(expected, got), show(expected.value), show(got)


def check(docs: Path, verbose: bool = False) -> int:
    from xs_kernel.session import Session

    found = Found()
    for path in sorted(docs.rglob("*.md")):
        extract(str(path.relative_to(docs)), path.read_text(encoding="utf-8"), found)
    session = Session()
    skipped: dict[str, list[Example]] = {}
    matched, explained, failures = 0, [], []
    used_known: set[tuple[str, str]] = set()
    for ex in found.examples:
        reason = skip_reason(ex.expr)
        if reason:
            skipped.setdefault(reason, []).append(ex)
            continue
        hit, want, got = compare(ex, session)
        if hit:
            matched += 1
            continue
        key = (ex.file, topic(ex.expr))
        row = f"{ex.file}:{ex.line}: {ex.expr}  expected {want}  got {got}"
        if key in KNOWN_DOC_ERRORS:
            used_known.add(key)
            explained.append(f"{row}\n      why: {KNOWN_DOC_ERRORS[key]}")
        else:
            failures.append(row)
    _report(found, skipped, matched, explained, failures, verbose)
    for key in sorted(set(KNOWN_DOC_ERRORS) - used_known):
        print(f"note: KNOWN_DOC_ERRORS entry {key} explained nothing (fixed or gone?)")
    return 1 if failures else 0


def _report(found: Found, skipped: dict[str, list[Example]], matched: int,
            explained: list[str], failures: list[str], verbose: bool) -> None:
    if verbose:
        for reason, rows in skipped.items():
            print(f"skipped, {reason}:")
            for ex in rows:
                print(f"  {ex.file}:{ex.line}: {ex.expr}")
        if found.wrong_blocks:
            print("not run, in a block the docs mark as wrong:")
            for ex in found.wrong_blocks:
                print(f"  {ex.file}:{ex.line}: {ex.expr}")
        if found.unstated:
            print("table rows whose result is prose, not a value (not counted):")
            for ex in found.unstated:
                print(f"  {ex.file}:{ex.line}: {ex.expr}  ({ex.result})")
        if found.described:
            print("runnable code lines whose comment describes, not states, a value "
                  "(not counted):")
            for ex in found.described:
                print(f"  {ex.file}:{ex.line}: {ex.expr}  // {ex.result}")
    if explained:
        print("explained mismatches (the docs are wrong or ambiguous):")
        for row in explained:
            print("  " + row)
    if failures:
        print("mismatches:")
        for row in failures:
            print("  " + row)
    n_skipped = sum(len(v) for v in skipped.values())
    print(f"examples: {len(found.examples)}  match: {matched}  explained: {len(explained)}  "
          f"mismatch: {len(failures)}  skipped: {n_skipped}")
    for reason, rows in skipped.items():
        print(f"  skipped {len(rows)}: {reason}")
    if found.wrong_blocks:
        print(f"  not run {len(found.wrong_blocks)}: in blocks the docs mark as wrong")
    if found.unstated:
        print(f"  not counted {len(found.unstated)}: table rows whose result is prose")
    if found.described:
        print(f"  not counted {len(found.described)}: runnable lines whose comment is prose")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("docs_dir", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also list skipped examples and prose results")
    args = ap.parse_args(argv)
    return check(args.docs_dir, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
