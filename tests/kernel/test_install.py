"""install.py / python -m xs_kernel.install, the shipped kernelspec and the wheel's data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from xs_kernel import install as inst

ROOT = Path(__file__).resolve().parents[2]
LOGOS = ("logo-32x32.png", "logo-64x64.png", "logo-svg.svg")


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=60)


def spec_dir(prefix: Path, name: str = "xanoscript") -> Path:
    return prefix / "share" / "jupyter" / "kernels" / name


@pytest.mark.parametrize("entry", [["install.py"], ["-m", "xs_kernel.install"]])
def test_install_into_a_prefix(tmp_path: Path, entry: list[str]) -> None:
    result = run(*entry, "--prefix", str(tmp_path))
    folder = spec_dir(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"Installed kernelspec xanoscript in {folder}"
    spec = json.loads((folder / "kernel.json").read_text())
    assert spec["argv"] == [sys.executable, "-m", "xs_kernel", "-f", "{connection_file}"]
    assert os.path.isabs(spec["argv"][0])
    assert (spec["display_name"], spec["language"]) == ("XanoScript", "xanoscript")
    assert sorted(p.name for p in folder.iterdir()) == sorted(["kernel.json", *LOGOS])


def test_reinstall_replaces_the_earlier_one(tmp_path: Path) -> None:
    inst.install(prefix=str(tmp_path))
    (spec_dir(tmp_path) / "stale.txt").write_text("old")
    result = run("install.py", "--prefix", str(tmp_path), "--display-name", "XanoScript (dev)")
    assert result.returncode == 0
    assert not (spec_dir(tmp_path) / "stale.txt").exists()
    spec = json.loads((spec_dir(tmp_path) / "kernel.json").read_text())
    assert spec["display_name"] == "XanoScript (dev)"


def test_name_and_uninstall(tmp_path: Path) -> None:
    assert run("install.py", "--prefix", str(tmp_path), "--name", "xs-two").returncode == 0
    assert (spec_dir(tmp_path, "xs-two") / "kernel.json").is_file()
    result = run("install.py", "--prefix", str(tmp_path), "--name", "xs-two", "--uninstall")
    assert result.stdout.strip() == f"Removed kernelspec xs-two from {spec_dir(tmp_path, 'xs-two')}"
    assert not spec_dir(tmp_path, "xs-two").exists()
    again = run("install.py", "--prefix", str(tmp_path), "--name", "xs-two", "--uninstall")
    assert again.returncode == 0 and again.stdout.startswith("No kernelspec xs-two at ")


def test_user_install_goes_to_the_jupyter_data_dir(tmp_path: Path) -> None:
    result = run("install.py", "--user", env={"JUPYTER_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kernels" / "xanoscript" / "kernel.json").is_file()
    # the highlighting too, where any JupyterLab of this user looks for extensions
    extension = tmp_path / "labextensions" / "xs-kernel-xanoscript"
    assert json.loads((extension / "package.json").read_text())["name"] == "xs-kernel-xanoscript"
    assert result.stdout.splitlines()[1] == (
        f"JupyterLab extension (XanoScript highlighting) in {extension}")
    removed = run("install.py", "--user", "--uninstall", env={"JUPYTER_DATA_DIR": str(tmp_path)})
    assert removed.stdout.splitlines()[1] == f"Removed the JupyterLab extension from {extension}"
    assert not extension.exists() and not (tmp_path / "kernels" / "xanoscript").exists()


def test_a_prefix_install_copies_the_labextension_and_jupyterlab_lists_it(tmp_path: Path) -> None:
    inst.install_labextension(prefix=str(tmp_path))
    shipped = ROOT / "share" / "jupyter" / "labextensions" / "xs-kernel-xanoscript"
    copied = tmp_path / "share" / "jupyter" / "labextensions" / "xs-kernel-xanoscript"
    assert sorted(p.relative_to(copied) for p in copied.rglob("*")) == sorted(
        p.relative_to(shipped) for p in shipped.rglob("*"))


def test_sys_prefix_never_copies_or_removes_the_extension_pip_installed() -> None:
    source = inst.labextension_source()
    assert source is not None
    target = inst.labextension_destination(prefix=sys.prefix)
    if target.resolve() == source.resolve():
        assert inst.install_labextension(prefix=sys.prefix) == target
        assert inst.uninstall_labextension(prefix=sys.prefix) is None and source.is_dir()


def test_jupyter_finds_the_installed_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jupyter_client.kernelspec import KernelSpecManager

    inst.install(prefix=str(tmp_path))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "share" / "jupyter"))
    spec = KernelSpecManager().get_kernel_spec("xanoscript")
    assert spec.language == "xanoscript" and spec.argv[0] == sys.executable
    assert spec.interrupt_mode == "signal"


@pytest.mark.parametrize("argv, user, prefix", [
    (["--sys-prefix"], False, sys.prefix),
    (["--prefix", "/x"], False, "/x"),
    (["--user"], True, None),
])
def test_location_options(argv: list[str], user: bool, prefix: str | None) -> None:
    args = inst.parse_args(argv)
    assert (args.user, args.prefix) == (user, prefix)


def test_location_options_are_exclusive() -> None:
    result = run("install.py", "--user", "--prefix", "/tmp/x")
    assert result.returncode == 2 and "not allowed with" in result.stderr


def test_shipped_kernelspec_matches_the_installer() -> None:
    shipped = spec_dir(ROOT)
    spec = json.loads((shipped / "kernel.json").read_text())
    expected = inst.kernel_json(python="python")  # jupyter_client swaps in its interpreter
    assert spec == expected
    resources = ROOT / "xs_kernel" / "resources"
    for logo in LOGOS:
        assert (shipped / logo).read_bytes() == (resources / logo).read_bytes()


@pytest.mark.parametrize("logo, size", [("logo-32x32.png", 32), ("logo-64x64.png", 64)])
def test_logos_are_pngs_of_the_right_size(logo: str, size: int) -> None:
    data = (ROOT / "xs_kernel" / "resources" / logo).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (size, size)


def test_the_wheel_carries_the_kernelspec_as_shared_data(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                             "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("xs_kernel-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    data = [n.split("/data/", 1)[1] for n in names if ".data/data/" in n]
    kernel = [n for n in data if n.startswith("share/jupyter/kernels/")]
    assert sorted(kernel) == sorted(f"share/jupyter/kernels/xanoscript/{f}"
                                    for f in ("kernel.json", *LOGOS))
    # the prebuilt JupyterLab extension, so pip install needs no Node
    shipped = ROOT / "share" / "jupyter" / "labextensions" / "xs-kernel-xanoscript"
    labext = sorted(n for n in data if n.startswith("share/jupyter/labextensions/"))
    assert labext == sorted(p.relative_to(ROOT).as_posix() for p in shipped.rglob("*")
                            if p.is_file())
    assert "share/jupyter/labextensions/xs-kernel-xanoscript/package.json" in labext
    assert len(data) == len(kernel) + len(labext)
    assert "xs_kernel/resources/logo-64x64.png" in names
    assert "xs_kernel/parsing/xanoscript.lark" in names  # the grammar is package data
