"""Register the XanoScript kernel with Jupyter: ``python -m xs_kernel.install [--user ...]``.

Installs in-process through jupyter_client's ``KernelSpecManager`` (no ``jupyter`` command
needed on PATH), writes this interpreter's absolute path into ``kernel.json`` so the kernel
runs where xs_kernel is installed, ships the 32 and 64 pixel logos, replaces an earlier
install of the same name and prints where it went. ``pip install`` alone also registers the
kernel for its environment (the wheel carries ``share/jupyter/kernels/xanoscript``); this
command is for ``--user``/``--prefix`` installs, other names and other interpreters.
It also copies the prebuilt JupyterLab extension (XanoScript highlighting) beside the
kernelspec, so a JupyterLab installed elsewhere highlights cells too.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from importlib import resources
from pathlib import Path

KERNEL_NAME = "xanoscript"
DISPLAY_NAME = "XanoScript"
LOGOS = ("logo-32x32.png", "logo-64x64.png", "logo-svg.svg")
LABEXTENSION = "xs-kernel-xanoscript"


def kernel_json(display_name: str = DISPLAY_NAME, python: str | None = None) -> dict:
    """The kernelspec: this interpreter's absolute path, signal interrupts, no debugger."""
    return {
        "argv": [python or sys.executable, "-m", "xs_kernel", "-f", "{connection_file}"],
        "display_name": display_name,
        "language": "xanoscript",
        "interrupt_mode": "signal",
        "metadata": {"debugger": False},
    }


def write_spec(folder: Path, display_name: str = DISPLAY_NAME) -> None:
    """Fill FOLDER with kernel.json and the logos."""
    (folder / "kernel.json").write_text(json.dumps(kernel_json(display_name), indent=2) + "\n",
                                        encoding="utf-8")
    logos = resources.files("xs_kernel") / "resources"
    for name in LOGOS:
        (folder / name).write_bytes((logos / name).read_bytes())


def install(*, user: bool = False, prefix: str | None = None, name: str = KERNEL_NAME,
            display_name: str = DISPLAY_NAME) -> str:
    """Install the kernelspec and return the folder it went to."""
    from jupyter_client.kernelspec import KernelSpecManager

    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)  # the copy keeps this mode; others must be able to read it
        write_spec(Path(tmp), display_name)
        return KernelSpecManager().install_kernel_spec(tmp, kernel_name=name, user=user,
                                                       prefix=prefix)


def destination(*, user: bool = False, prefix: str | None = None, name: str = KERNEL_NAME) -> Path:
    """Where ``install`` with the same options puts the kernelspec (KernelSpecManager's rule)."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_core.paths import SYSTEM_JUPYTER_PATH

    if user:
        return Path(KernelSpecManager().user_kernel_dir) / name
    if prefix:
        return Path(os.path.abspath(prefix)) / "share" / "jupyter" / "kernels" / name
    return Path(SYSTEM_JUPYTER_PATH[0]) / "kernels" / name


def uninstall(*, user: bool = False, prefix: str | None = None, name: str = KERNEL_NAME) -> Path | None:
    """Remove the kernelspec installed with the same options; None when there was none."""
    folder = destination(user=user, prefix=prefix, name=name)
    if not (folder / "kernel.json").is_file():
        return None
    shutil.rmtree(folder)
    return folder


def labextension_source() -> Path | None:
    """The built JupyterLab extension: where pip put it, else this checkout's copy."""
    for base in (Path(sys.prefix), Path(__file__).resolve().parents[1]):
        folder = base / "share" / "jupyter" / "labextensions" / LABEXTENSION
        if (folder / "package.json").is_file():
            return folder
    return None


def labextension_destination(*, user: bool = False, prefix: str | None = None) -> Path:
    """Where JupyterLab looks for the extension with the same options as the kernelspec."""
    from jupyter_core.paths import SYSTEM_JUPYTER_PATH, jupyter_data_dir

    if user:
        return Path(jupyter_data_dir()) / "labextensions" / LABEXTENSION
    if prefix:
        return Path(os.path.abspath(prefix)) / "share" / "jupyter" / "labextensions" / LABEXTENSION
    return Path(SYSTEM_JUPYTER_PATH[0]) / "labextensions" / LABEXTENSION


def install_labextension(*, user: bool = False, prefix: str | None = None) -> Path | None:
    """Copy the extension next to the kernelspec (replacing an older copy); None if unbuilt."""
    source = labextension_source()
    if source is None:
        return None
    target = labextension_destination(user=user, prefix=prefix)
    if target.resolve() != source.resolve():  # --sys-prefix: pip already put it there
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target)
    return target


def uninstall_labextension(*, user: bool = False, prefix: str | None = None) -> Path | None:
    """Remove a copy install_labextension made (never the one pip installed)."""
    target = labextension_destination(user=user, prefix=prefix)
    source = labextension_source()
    if not target.is_dir() or (source is not None and target.resolve() == source.resolve()):
        return None
    shutil.rmtree(target)
    return target


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m xs_kernel.install",
                                     description="Install the XanoScript kernel for Jupyter.")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--user", action="store_true",
                       help="install for the current user (the default unless run as root)")
    where.add_argument("--sys-prefix", action="store_true",
                       help=f"install into this Python environment ({sys.prefix})")
    where.add_argument("--prefix", metavar="PATH",
                       help="install into PATH/share/jupyter/kernels")
    parser.add_argument("--name", default=KERNEL_NAME, help=f"kernel name (default {KERNEL_NAME})")
    parser.add_argument("--display-name", default=DISPLAY_NAME,
                        help=f"name shown in menus (default {DISPLAY_NAME})")
    parser.add_argument("--uninstall", action="store_true", help="remove the kernelspec instead")
    args = parser.parse_args(argv)
    if args.sys_prefix:
        args.prefix = sys.prefix
    if not args.prefix and not args.user and not _is_root():
        args.user = True
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    where = {"user": args.user, "prefix": args.prefix, "name": args.name}
    place = {"user": args.user, "prefix": args.prefix}
    if args.uninstall:
        removed = uninstall(**where)
        print(f"Removed kernelspec {args.name} from {removed}" if removed
              else f"No kernelspec {args.name} at {destination(**where)}")
        if args.name == KERNEL_NAME and (gone := uninstall_labextension(**place)):
            print(f"Removed the JupyterLab extension from {gone}")
        return 0
    try:
        folder = install(display_name=args.display_name, **where)
        extension = install_labextension(**place)
    except (OSError, ValueError) as err:
        print(f"Could not install the kernelspec: {err}", file=sys.stderr)
        return 1
    print(f"Installed kernelspec {args.name} in {folder}")
    if extension is not None:
        print(f"JupyterLab extension (XanoScript highlighting) in {extension}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
