"""Kernel tests: install the kernelspec into a temporary prefix and point Jupyter at it.

Every spawned kernel then runs this checkout with this interpreter, whatever else is
installed on the machine. Kernels use the embedded Redis store (XS_REDIS_URL unset).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from xs_kernel.install import install

KERNEL_NAME = "xanoscript"


@pytest.fixture(scope="session", autouse=True)
def kernelspec_prefix(tmp_path_factory: pytest.TempPathFactory):
    prefix = tmp_path_factory.mktemp("jupyter-prefix")
    install(prefix=str(prefix), name=KERNEL_NAME)
    data = prefix / "share" / "jupyter"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_PATH", os.pathsep.join(
            [str(data), *filter(None, [os.environ.get("JUPYTER_PATH")])]))
        mp.delenv("XS_REDIS_URL", raising=False)
        mp.delenv("XS_REDIS_PREFIX", raising=False)
        yield Path(prefix)
