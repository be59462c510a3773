"""Parse every ```xs block of a documentation tree and report the ones that fail.

Usage: python tools/check_docs.py DOCS_DIR [-v]

Every block is parsed. A block that fails is excused when the docs show it as wrong on
purpose, which we recognise by these rules:
  1. the block's text contains "WRONG" (any case of the word as a marker: "WRONG",
     "Wrong:", "// wrong") or the cross mark "❌";
  2. the closest non-blank line above the opening fence says so: it contains "❌" or one
     of the words wrong / incorrect / invalid / "don't" / "do not" / avoid / bad
     (case-insensitive, whole words);
  3. the nearest heading above the block says so by the same words.
A block containing "✅" or "correct" in its own text is never excused by rule 2 or 3.
Marked blocks that parse anyway (the wrong line is usually commented out) count as
parsed. Every other failure is printed as FILE:BLOCK:LINE: message.

Failing blocks that are templates rather than code are listed separately: they contain
an elision `...` outside strings and comments (`{ ... }`, `[...]`, a line of `...`) or a
`<placeholder>` such as `<name>`. They count as failures of the docs, not of the parser.
Exit status: 0 when every checked block parses or is a template, 1 otherwise.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from xs_kernel.errors import XsSyntaxError  # noqa: E402
from xs_kernel.parsing import parse  # noqa: E402

_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*(\S*)")
_WRONG_WORDS = re.compile(r"❌|\b(wrong|incorrect|invalid|don'?t|do not|avoid|bad)\b", re.I)
_WRONG_IN_BLOCK = re.compile(r"❌|\bWRONG\b|\bwrong\b", re.I)
_RIGHT_IN_BLOCK = re.compile(r"✅|\bcorrect\b", re.I)


def _closes(line: str, fence: str) -> bool:
    """CommonMark: a closing fence has at most 3 spaces of indentation, at least as many
    fence characters as the opening one, and nothing after them."""
    indent = len(line) - len(line.lstrip(" "))
    rest = line.strip()
    return indent <= 3 and rest.startswith(fence) and rest.strip(fence[0]) == ""


def extract_blocks(text: str) -> list[tuple[int, str, str, str]]:
    """Return (first body line number, body, line before the fence, nearest heading)."""
    blocks = []
    lines = text.split("\n")
    heading, prev, i = "", "", 0
    while i < len(lines):
        line = lines[i]
        m = _FENCE.match(line)
        if m:
            fence, lang = m.group(2), m.group(3).lower()
            body, j = [], i + 1
            while j < len(lines) and not _closes(lines[j], fence):
                body.append(lines[j])
                j += 1
            if lang == "xs":
                blocks.append((i + 2, "\n".join(body), prev, heading))
            prev, i = "", j + 1
            continue
        if line.lstrip().startswith("#"):
            heading = line.strip()
        if line.strip():
            prev = line.strip()
        i += 1
    return blocks


_STRINGS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
_COMMENTS = re.compile(r"//[^\n]*")
_TEMPLATE = re.compile(r"\.\.\.|<[A-Za-z_][\w ]*>")


def is_template(body: str) -> bool:
    code = _COMMENTS.sub("", _STRINGS.sub('""', body))
    return bool(_TEMPLATE.search(code))


def marked_wrong(body: str, prev: str, heading: str) -> bool:
    if _WRONG_IN_BLOCK.search(body):
        return True
    if _RIGHT_IN_BLOCK.search(body):
        return False
    return bool(_WRONG_WORDS.search(prev) or _WRONG_WORDS.search(heading))


# Blocks the docs present as valid that we reject on purpose, by (file, block number): the
# reason is ours, no text of the docs is kept. A listed block that starts to parse, or that
# disappears, is reported so the table stays true.
KNOWN_INVALID: dict[tuple[str, int], str] = {
    ("middleware.md", 4): "an operator right after a filter chain: the docs' own rule "
                          "(and our syntax error with its hint) asks for parentheses",
    ("security.md", 17): "`??` right after a filter chain, the same rule",
    ("addons.md", 11): "function-call syntax `ns.fn(...)`, which Xano's validator rejects; "
                       "we point at the filter form instead",
    ("syntax/functions.md", 5): "function-call syntax, as above",
    ("syntax/string-filters.md", 7): "function-call syntax, as above",
    ("agents.md", 10): "an `output { ... }` declaration block inside an object literal "
                       "(agent configuration, not an expression)",
    ("agents.md", 13): "template-engine `{{ ... }}` text shown as code, not XanoScript",
    ("streaming.md", 8): "statements called on a variable (`$stream.send { }`), a streaming "
                         "form outside the language the kernel runs",
    ("types.md", 19): "the markdown leaves a fence unclosed, so prose runs into the block",
}


def check(docs: Path, verbose: bool = False) -> int:
    total = parsed = skipped = 0
    failures: list[str] = []
    templates: list[str] = []
    known: list[str] = []
    unused = set(KNOWN_INVALID)
    for path in sorted(docs.rglob("*.md")):
        for number, (line, body, prev, heading) in enumerate(
            extract_blocks(path.read_text(encoding="utf-8")), start=1
        ):
            total += 1
            where = (path.relative_to(docs).as_posix(), number)
            try:
                parse(body, str(path))
                parsed += 1
            except XsSyntaxError as err:
                unused.discard(where)
                at = line - 1 + (err.span.line if err.span else 1)
                msg = err.message + (f" (hint: {err.hint})" if err.hint else "")
                line_msg = f"{path.relative_to(docs)}:{number}:{at}: {msg}"
                if marked_wrong(body, prev, heading):
                    skipped += 1
                    if verbose:
                        print(f"wrong as marked: {line_msg}")
                elif is_template(body):
                    templates.append(line_msg)
                elif where in KNOWN_INVALID:
                    known.append(f"{line_msg}\n      why: {KNOWN_INVALID[where]}")
                else:
                    failures.append(line_msg)
    if templates:
        print("templates (placeholders such as `...` or `<name>`, not code):")
        for f in templates:
            print("  " + f)
    if known:
        print("rejected on purpose (KNOWN_INVALID):")
        for f in known:
            print("  " + f)
    for file, number in sorted(unused):
        if not (docs / file).exists():
            continue  # another docs tree (or an older copy): nothing to say
        failures.append(f"{file}:{number}: listed in KNOWN_INVALID but it parses (or is gone)")
    if failures:
        print("failures:")
        for f in failures:
            print("  " + f)
    print(
        f"blocks: {total}  parsed: {parsed}  failed as marked wrong: {skipped}  "
        f"templates: {len(templates)}  rejected on purpose: {len(known)}  "
        f"failed: {len(failures)}"
    )
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("docs_dir", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="list excused failures too")
    args = ap.parse_args(argv)
    return check(args.docs_dir, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
