"""Expression filters (``$x|trim``), one module per family; see ``registry.xs_filter``.

``MODULES`` lists every module that registers filters; modules whose name starts with
an underscore (``_support``, ``_dates``, ``_php_date``, ``_sprintf``) hold shared helpers
and register nothing. docs/filters.md is generated from the registry by
tools/filters_doc.py.
"""

from importlib import import_module

MODULES = (
    "text",
    "regex",
    "url",
    "array",
    "array_query",
    "higher_order",
    "object",
    "number",
    "math_functions",
    "convert",
    "timestamp",
    "timestamp_parts",
    "encoding",
    "csv_text",
    "lambda_",
)

for _name in MODULES:
    import_module(f"{__name__}.{_name}")
