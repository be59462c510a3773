"""papermill support: ``papermill NB OUT -p NAME VALUE`` with the xanoscript kernel.

papermill (2.7) looks parameter translators up in a registry it fills itself and offers no
entry point for them; it does import every ``papermill.engine`` entry point when it loads.
Our entry point names ``XanoScriptEngine`` (papermill's own nbclient engine, also usable
as ``--engine xanoscript``), and importing this module registers ``XanoScriptTranslator``
for the kernel and language ``xanoscript``. The injected cell is ``parameters.cell_source``.
"""

from __future__ import annotations

from typing import Any

from . import parameters


class XanoScriptEngine:
    """papermill's default engine (nbclient) under the name ``xanoscript``.

    Delegates instead of subclassing: this class must exist before papermill's engines
    module finishes loading (which is what imports this module).
    """

    @staticmethod
    def _engine() -> Any:
        from papermill.engines import NBClientEngine

        return NBClientEngine

    @classmethod
    def execute_notebook(cls, *args: Any, **kwargs: Any) -> Any:
        return cls._engine().execute_notebook(*args, **kwargs)

    @classmethod
    def nb_kernel_name(cls, *args: Any, **kwargs: Any) -> str:
        return cls._engine().nb_kernel_name(*args, **kwargs)

    @classmethod
    def nb_language(cls, *args: Any, **kwargs: Any) -> str:
        return cls._engine().nb_language(*args, **kwargs)


from papermill.translators import Translator, papermill_translators  # noqa: E402


class XanoScriptTranslator(Translator):
    """Parameters as ``var $NAME { value = LITERAL }`` lines under a ``//`` comment."""

    @classmethod
    def translate(cls, val: Any) -> str:
        return parameters.literal(val)

    @classmethod
    def comment(cls, cmt_str: str) -> str:
        return parameters.comment(cmt_str)

    @classmethod
    def assign(cls, name: str, str_val: str) -> str:
        return parameters.assignment(name, str_val)


papermill_translators.register("xanoscript", XanoScriptTranslator)
