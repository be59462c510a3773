"""Help for the statements the language itself defines, beside the registry's builtins.

``var``, ``conditional``, ``foreach``, ``return``, ``throw``... are grammar or compiler
features, not registry entries, so their help and attribute names live here: completion,
inspection and ``%help`` read this table the way they read the registry.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Keyword:
    name: str
    usage: str
    doc: str
    attributes: tuple[str, ...] = ()  # names its `{ }` block takes, when it takes attributes
    offered: bool = True  # False: understood and explained, but not suggested while typing


KEYWORDS: dict[str, Keyword] = {k.name: k for k in (
    Keyword("var", 'var $name { value = … }',
            "Declare a variable (or overwrite it). Variables are visible in the whole "
            "function or cell, also after the block that declared them.", ("value",)),
    Keyword("var.update", 'var.update $name.path { value = … }',
            "Change a variable or one place inside it; missing objects on the path are "
            "created.", ("value",)),
    Keyword("conditional", 'conditional { if (…) { … } elseif (…) { … } else { … } }',
            "Run the first branch whose condition holds (`elseif` is one word)."),
    Keyword("switch", 'switch ($x) { case (1) { … } break  default { … } }',
            "Run the case equal to the subject, or `default`; cases never fall through."),
    Keyword("foreach", 'foreach ($list) { each as $item { … } }',
            "Run the body once per element; `foreach.remove` drops the current one."),
    Keyword("for", 'for (n) { each as $i { … } }', "Run the body n times, $i from 0 to n-1."),
    Keyword("while", 'while (…) { each { … } }', "Run the body while the condition holds."),
    Keyword("break", "break", "Leave the innermost loop."),
    Keyword("continue", "continue", "Go on with the next round of the innermost loop."),
    Keyword("foreach.remove", "foreach.remove",
            "Inside foreach: drop the current element from the iterated array variable."),
    Keyword("try_catch", 'try_catch { try { … } catch { … } finally { … } }',
            "Run `try`; on an error run `catch` with $error (name, message, type, payload); "
            "`finally` always runs."),
    Keyword("precondition", 'precondition (…) { error_type = "notfound" error = "…" }',
            "Stop with an error unless the condition holds (error_type defaults to "
            "standard).", ("error_type", "error", "payload")),
    Keyword("throw", 'throw { name = "Name" value = "message" }',
            "Raise an error: `value` is its message, `name` its $error.name.",
            ("name", "value")),
    Keyword("return", 'return { value = … }',
            "End the running function (or cell) now; `value` becomes its result.", ("value",)),
    Keyword("debug.stop", 'debug.stop { value = … }', "Halt the whole run and show `value`.",
            ("value",)),
    Keyword("group", 'group { stack { … } }',
            "Run the statements of its stack in place (no new scope)."),
    Keyword("function.run", 'function.run "name" { input = {…} } as $result',
            "Call a function defined in an earlier cell with the given input.",
            ("input",)),
    Keyword("remove", "remove", "Inside foreach: the same as foreach.remove (an older form).",
            offered=False),
)}

# Further words that open blocks or constructs; offered by completion, no help of their own.
BLOCK_WORDS = ("if", "elseif", "else", "case", "default", "each", "try", "catch", "finally",
               "stack", "input", "response", "schema", "test", "function", "query", "task",
               "table")
CONSTANTS = ("true", "false", "null", "now")


def help_text(keyword: Keyword) -> str:
    lines = [keyword.usage, "", keyword.doc]
    if keyword.attributes:
        lines += ["", "attributes: " + ", ".join(keyword.attributes)]
    return "\n".join(lines)
