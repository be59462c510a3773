"""Parser throughput: XanoScript lines per second, and the ratio to CPython's ast.parse.

Usage: python bench/parse_bench.py [LINES]   (default 5000)

Generates a program of about LINES lines that mixes every construct the grammar knows
(statements, loops, conditionals, switch, try/catch, filters, objects, arrays, comments,
constructs with input/stack/response, tables, text blocks, backtick expressions) and a
Python program of the same line count, parses each several times and reports the best
run. Both are measured in the same process, one after the other, in CPU time of this
process (``time.process_time``) so that other work on a shared machine disturbs the
figures less than wall-clock time would.
"""

from __future__ import annotations

import ast
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from xs_kernel.parsing import parse  # noqa: E402

_XS_UNIT = '''\
// unit {i}: a little of everything
var $n{i} {{ value = {i} }}
var $list{i} {{ value = [1, 2, 3, -4, "five", {{ six: 6, "seven": [7] }}] }}
var.update $list{i}[0] {{ value = ($n{i} + 1) * 2 % 7 }}
var $text{i} {{ value = "item " ~ ($n{i}|to_text) ~ '!' }}
conditional {{
  if ($n{i} > 10 && ($list{i}|count) >= 3) {{
    debug.log {{ value = $list{i}|filter:$$ > 1|count }}
  }}
  elseif ($n{i} == 5 || $text{i} != null) {{
    var $flag{i} {{ value = $n{i} ?? 0 }}
  }}
  else {{
    var $flag{i} {{ value = $n{i} > 2 ? "big" : "small" }}
  }}
}}
foreach ($list{i}) {{
  each as $item {{
    array.push $out {{ value = $item|to_text|trim }}
  }}
}}
for (3) {{
  each as $k {{
    math.add $n{i} {{ value = $k }}
  }}
}}
switch ($n{i}) {{
  case (1) {{
    var $s{i} {{ value = "one" }}
  }} break
  default {{
    var $s{i} {{ value = "other" }}
  }}
}}
try_catch {{
  try {{
    redis.set {{ key = "k:{i}", data = $n{i}, ttl = 60 }}
    redis.get {{ key = "k:{i}" }} as $got{i}
  }}
  catch {{
    throw {{ name = "E{i}" value = $error.message }}
  }}
}}
db.query "user" {{
  where = $db.user.age >= 18 && $db.user.name ilike "%a%" && $db.user.id in [1, 2]
  sort = {{ created_at: "desc" }}
  return = {{ type: "list", paging: {{ page: 1, per_page: 25 }} }}
}} as $users{i}
precondition ($n{i} > 0) {{ error_type = "notfound" error = "missing" }}
$users{i}|count
function "fn_{i}" {{
  input {{
    text? name?="x" filters=trim|min:3 {{ description = "a name" }}
    int[] nums
  }}
  stack {{
    var $r {{ value = `$input.nums|count` }}
    var $doc {{ value = """
      multi-line
      text
    """ }}
  }}
  response = $r
}}
'''

_PY_UNIT = '''\
# unit {i}: a little of everything
n{i} = {i}
list{i} = [1, 2, 3, -4, "five", {{"six": 6, "seven": [7]}}]
list{i}[0] = (n{i} + 1) * 2 % 7
text{i} = "item " + str(n{i}) + '!'
if n{i} > 10 and len(list{i}) >= 3:
    print(len([x for x in list{i} if x > 1]))
elif n{i} == 5 or text{i} is not None:
    flag{i} = n{i} if n{i} is not None else 0
else:
    flag{i} = "big" if n{i} > 2 else "small"
for item in list{i}:
    out.append(str(item).strip())
for k in range(3):
    n{i} += k
match n{i}:
    case 1:
        s{i} = "one"
    case _:
        s{i} = "other"
try:
    cache.set("k:{i}", n{i}, ex=60)
    got{i} = cache.get("k:{i}")
except Exception as error:
    raise RuntimeError(str(error))
users{i} = db.query(
    "user",
    where=(lambda u: u.age >= 18 and "a" in u.name.lower() and u.id in [1, 2]),
    sort={{"created_at": "desc"}},
    paging={{"page": 1, "per_page": 25}},
)
assert n{i} > 0, "missing"
len(users{i})
def fn_{i}(name: str = "x", nums: list[int] = ()) -> int:
    """a name"""
    r = len(nums)
    doc = """
      multi-line
      text
    """
    return r
'''


def build(unit: str, lines: int) -> str:
    per = unit.count("\n")
    return "".join(unit.format(i=i) for i in range(max(1, lines // per)))


def best_of(fn, text: str, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        fn(text)
        best = min(best, time.process_time() - t0)
    return best


def main(argv: list[str]) -> int:
    lines = int(argv[1]) if len(argv) > 1 else 5000
    xs_src, py_src = build(_XS_UNIT, lines), build(_PY_UNIT, lines)
    xs_lines, py_lines = xs_src.count("\n"), py_src.count("\n")
    parse(_XS_UNIT.format(i=0))  # build the parser outside the measurement
    t_xs = best_of(parse, xs_src, 7)
    t_py = best_of(ast.parse, py_src, 7)
    xs_rate, py_rate = xs_lines / t_xs, py_lines / t_py
    print(f"xanoscript: {xs_lines} lines in {t_xs * 1000:.1f} ms = {xs_rate:,.0f} lines/s")
    print(f"ast.parse : {py_lines} lines in {t_py * 1000:.1f} ms = {py_rate:,.0f} lines/s")
    print(f"ratio (time per line, xanoscript / ast.parse): {py_rate / xs_rate:.1f}x")
    _long_literals()
    return 0


def _long_literals() -> None:
    """One string literal of 1 MB and of 5 MB: time against ast.parse of the same Python
    literal, and 5 MB against 1 MB (linear when near 5). Memory is the test suite's job
    (tests/unit/test_parser_memory.py)."""
    times = {}
    for megabytes in (1, 5):
        body = "a" * (megabytes * 1_000_000)
        xs = best_of(parse, f'var $s {{ value = "{body}" }}\n', 3)
        py = best_of(ast.parse, f's = "{body}"\n', 3)
        times[megabytes] = xs
        print(f"{megabytes} MB string literal: {xs * 1000:.1f} ms, {xs / py:.1f}x ast.parse")
    print(f"5 MB / 1 MB parse time: {times[5] / times[1]:.1f} (5.0 is linear)")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
