"""Builtin statements, one module per XanoScript namespace.

The list below is explicit (not discovered) so grep finds it and a broken module fails
loudly at import. Each module registers its statements with ``registry.builtin``.
"""

from importlib import import_module

MODULES = (
    "array",
    "debug",
    "math",
    "object",
    "redis",
    "db",
    "db_direct",
    "email",
    "api",
    "api_lambda",
    "security",
    "security_keys",
    "storage",
    "expect",
    "text",
    "util",
    "calls",
    "template",
    "cloud_ai",
)

for _name in MODULES:
    import_module(f"{__name__}.{_name}")
