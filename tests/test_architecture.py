"""The package's architecture: layer packages, the import contract, small modules.

The contract lives in ``pyproject.toml`` (``[tool.importlinter]``) and ``make test`` runs
``lint-imports``. These tests prove the contract has teeth: on a copy of the package, an
upward import or a reach into another package's private module breaks it.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "isa_kit"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
LAYERS = ("core", "data", "reference", "report", "checks", "audit", "render", "site", "letters")
LAYERS += ("importer", "cli")


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run ``lint-imports`` with the project's contract on the package found under ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    shutil.copytree(PACKAGE, tmp_path / "isa_kit", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_contract_is_kept_by_the_package() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_an_upward_import_breaks_the_layers_contract(package_copy: Path) -> None:
    errors = package_copy / "isa_kit" / "core" / "errors.py"
    errors.write_text(errors.read_text() + "\nimport isa_kit.cli.main  # upward\n")
    result = _lint_imports(package_copy)
    assert result.returncode == 1
    assert "Layers: core -> data" in result.stdout and "BROKEN" in result.stdout
    assert "isa_kit.core.errors -> isa_kit.cli.main" in result.stdout


def test_a_private_module_imported_from_another_package_breaks_the_contract(
    package_copy: Path,
) -> None:
    private = [
        p for p in (package_copy / "isa_kit" / "checks").glob("_*.py") if p.stem != "__init__"
    ]
    assert private, "the checks package keeps private helper modules"
    engine = package_copy / "isa_kit" / "cli" / "check.py"
    engine.write_text(engine.read_text() + f"\nimport isa_kit.checks.{private[0].stem}\n")
    result = _lint_imports(package_copy)
    assert result.returncode == 1
    assert "Private modules are imported only from inside their own package BROKEN" in (
        " ".join(result.stdout.split())
    )


def test_the_top_level_holds_only_the_layer_packages() -> None:
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert modules == ["__init__.py", "__main__.py"]
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert packages == sorted(LAYERS)


def test_no_module_is_over_400_lines() -> None:
    sizes = {
        str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines())
        for folder in (PACKAGE, ROOT / "scripts", ROOT / "bench")
        for p in folder.rglob("*.py")
    }
    assert {name: n for name, n in sizes.items() if n > 400} == {}


def test_only_the_cli_reads_the_clock() -> None:
    """Same data and --as-of give the same bytes: only the CLI's --as-of default reads today."""
    readers = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("today", "now", "utcnow"):
                readers.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert readers == ["isa_kit/cli/options.py:56"]


def test_every_command_has_a_service_in_the_public_api() -> None:
    import isa_kit

    for name in (
        "load_partnerships",
        "write_schemas",
        "build",
        "lint_templates",
        "copy_templates",
        "check_paths",
        "audit_paths",
    ):
        assert callable(getattr(isa_kit, name)), name
        assert name in isa_kit.__all__


def test_the_public_names_and_the_lazy_exports_agree() -> None:
    import isa_kit

    assert sorted(isa_kit.__all__) == sorted([*isa_kit._EXPORTS, "__version__"])
    for name in isa_kit.__all__:
        assert getattr(isa_kit, name) is not None, name
