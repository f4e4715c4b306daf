from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


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
