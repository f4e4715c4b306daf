"""`pip install` of the kit works outside this repository: the wheel carries the checks'
knowledge base and the default templates, and the installed kit finds them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, require


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    require(result.returncode == 0, f"cannot build a wheel here: {result.stderr.strip()[-200:]}")
    wheel = next(out.glob("isa_kit-*.whl"))
    site = out / "site"
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        zf.extractall(site)
    assert "isa_kit/_resources/checks/policy.yaml" in names
    assert "isa_kit/_resources/templates/isa.docx" in names
    assert "isa_kit/_resources/templates/clauses.yaml" in names
    return site


def run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys, runpy; sys.argv = ['isa-kit', *sys.argv[1:]]; runpy.run_module('isa_kit', run_name='__main__')"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        # The template cache goes where conftest points it, never the user's ~/.cache.
        env={
            "PYTHONPATH": str(site),
            "PATH": "/usr/bin:/bin",
            "ISA_KIT_CACHE_DIR": os.environ["ISA_KIT_CACHE_DIR"],
        },
    )


def test_installed_kit_checks_and_builds_outside_the_repository(
    unpacked_wheel: Path, tmp_path: Path
) -> None:
    shutil.copytree(ROOT / "agreements" / "demo", tmp_path / "demo")
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import isa_kit.core.resources as r; print(r.__file__); print(r.resource_dir('checks'))",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(unpacked_wheel)},
    )
    module_file, checks_dir = where.stdout.split()
    assert module_file.startswith(str(unpacked_wheel)), "the unpacked wheel must be imported"
    assert checks_dir == str(unpacked_wheel / "isa_kit" / "_resources" / "checks")
    probe = run_installed(unpacked_wheel, tmp_path, "validate", "demo")
    assert probe.returncode == 0, probe.stderr
    check = run_installed(unpacked_wheel, tmp_path, "check", "demo", "--as-of", "2026-11-21")
    assert check.returncode == 0, check.stdout + check.stderr
    build = run_installed(
        unpacked_wheel, tmp_path, "build", "demo", "--out", "out", "--as-of", "2026-11-21"
    )
    assert build.returncode == 0, build.stderr
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [".docx"] * len(
        list((tmp_path / "out").iterdir())
    )
    assert len(list((tmp_path / "out").glob("*.docx"))) >= 4
