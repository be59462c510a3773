"""How jupyter-lsp finds ``xs lsp``: a spec loader named in the ``jupyter_lsp_spec_v1``
entry-point group, so jupyterlab-lsp offers the server for XanoScript notebooks (the
kernel's ``language_info`` name and mimetype) and ``.xs`` files with nothing to configure.
"""

from __future__ import annotations

import sys
from typing import Any

LANGUAGE = "xanoscript"
MIME_TYPE = "text/x-xanoscript"


def spec_v1(manager: Any = None) -> dict[str, dict[str, Any]]:
    return {
        "xanoscript-lsp": {
            "version": 2,
            "display_name": "XanoScript (xs lsp)",
            # This interpreter, not whatever `xs` is first on PATH: the server must
            # match the installed kernel.
            "argv": [sys.executable, "-m", "xs_kernel.lsp"],
            "languages": [LANGUAGE],
            "mime_types": [MIME_TYPE],
            "requires_documents_on_disk": False,  # diagnostics come from the text sent
        }
    }
