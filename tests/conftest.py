from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def require(condition: bool, reason: str) -> None:
    """Skip the test when ``condition`` is false, or fail it when running in CI.

    For tests that need a system tool (LibreOffice, poppler, a wheel build): a developer
    without the tool gets a skip, but CI (``CI=true``) installs every tool, so there a missing
    one is a broken environment and must not pass silently as a skip.
    """
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: a missing tool is a failure, not a skip)")
    pytest.skip(reason)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m isa_kit`` as a user would, capturing output."""
    return subprocess.run(
        [sys.executable, "-m", "isa_kit", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def cli():  # type: ignore[no-untyped-def]
    return run_cli


@pytest.fixture(autouse=True, scope="session")
def _template_cache(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Compiled templates go to a temporary folder, never the user's ~/.cache (also for the
    CLI processes tests start: they inherit the environment)."""
    before = os.environ.get("ISA_KIT_CACHE_DIR")
    os.environ["ISA_KIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("isa-kit-cache"))
    yield
    if before is None:
        os.environ.pop("ISA_KIT_CACHE_DIR", None)
    else:
        os.environ["ISA_KIT_CACHE_DIR"] = before


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own (for it and the processes it starts), caching on."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("ISA_KIT_CACHE_DIR", str(folder))
    monkeypatch.delenv("ISA_KIT_NO_CACHE", raising=False)
    return folder
