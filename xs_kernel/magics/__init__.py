"""Cell magics (``%vars``, ``%redis``...), one module per topic; see ``registry.magic``."""

from importlib import import_module

MODULES = (
    "core",
    "redis",
    "platform",
    "workspace",
)

for _name in MODULES:
    import_module(f"{__name__}.{_name}")
