"""Tutorial 07, "Running an exported workspace": its cells (see build_notebooks.py).

The workspace it loads is `notebooks/workspace/`, written for the tutorial: a table, a
function whose step is JavaScript (`api.lambda`) and two endpoints, one of them a plain
SQL query (`db.direct_query`).
"""

from __future__ import annotations

EXPORTED_WORKSPACE = [
    ("md", """
# Running an exported workspace

A Xano workspace exported to files is a folder of `.xs` files: `tables/`, `functions/`,
`apis/` (one folder per API group), `tasks/`... This notebook loads one and runs it on
your machine: its endpoints, a JavaScript step, a SQL query and a template, all on the
embedded database, with nothing to configure.
"""),
    ("code", "%reset"),
    ("md", """
## Load it

`%load DIR` reads the folder in dependency order (tables first, then functions, then
endpoints and the rest) and says what loaded; a file that fails is listed with its
reason and the others still load. `xs load DIR` does the same from a terminal.
"""),
    ("code", "%load workspace"),
    ("md", """
## Call an endpoint

`api.call` sends a request to a loaded endpoint: its `input` block checks and converts
what you send (`filters=trim` tidies the name), then its stack runs. This one stores the
product and calls the function `catalog/gross_price`, whose step is JavaScript:

```xs
api.lambda {
  code = \"\"\"
    const gross = $input.net * (1 + $input.vat_rate);
    return Math.round(gross * 100) / 100;
    \"\"\"
  timeout = 5
} as $gross
```

The script runs in an embedded, sandboxed V8 (no files, no network) with Xano's globals
(`$input`, `$var`, `$env`, `$auth`).
"""),
    ("code", """
api.call "products" verb=POST {
  api_group = "catalog"
  input = {name: "  Desk lamp ", category: "lighting", price: 24.5}
} as $lamp
"""),
    ("md", "`%call VERB path {json}` is the same request written as a magic:"),
    ("code", '%call POST products {"name": "Floor lamp", "category": "lighting", "price": 80}'),
    ("code", '%call POST products {"name": "Notebook", "category": "paper", "price": 3.2}'),
    ("md", """
## A SQL query

The `GET products` endpoint answers with `db.direct_query`: plain SQL on the session's
database, its `?` placeholders bound to `arg` (never pasted into the text).
"""),
    ("code", """
api.call "products" verb=GET {
  api_group = "catalog"
  input = {category: "lighting"}
} as $lights
"""),
    ("md", "The same statement works in any cell; `response_type = \"single\"` gives one row:"),
    ("code", """
db.direct_query {
  sql = "SELECT COUNT(*) AS products, MAX(price) AS dearest FROM product WHERE category = ?"
  arg = ["lighting"]
  response_type = "single"
} as $summary
"""),
    ("md", """
## A template

`util.template_engine` renders Xano's Twig templates (here on Jinja2's sandbox);
variables are read as `$var.name`.
"""),
    ("code", '''
util.template_engine {
  value = """
    {% for p in $var.lights %}{{ p.name }}: {{ p.price|number_format(2) }} EUR
    {% endfor %}"""
} as $price_list
'''),
    ("md", """
## When something is wrong

An endpoint's input block refuses a request the way Xano would, and the error points at
the call:
"""),
    ("code", """
%% tags: raises-exception
api.call "products" verb=POST {
  api_group = "catalog"
  input = {name: "Pen"}
} as $pen
"""),
    ("md", """
Some statements need Xano's cloud (`cloud.*` services, `ai.*` with a model provider).
A workspace that uses them still loads and runs up to them; reaching one stops with an
`unsupported` error that names it:
"""),
    ("code", """
%% tags: raises-exception
cloud.elasticsearch.query { index = "products" } as $hits
"""),
]
