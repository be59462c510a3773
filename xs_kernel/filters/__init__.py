"""Expression filters (``$x|trim``), one module per family; see ``registry.xs_filter``."""

from importlib import import_module

MODULES = (
)

for _name in MODULES:
    import_module(f"{__name__}.{_name}")
