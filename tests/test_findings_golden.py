"""Golden finding files: every finding the kit raises on the bundled partnerships and seeds.

``check`` runs over each bundled partnership in ``agreements/``; ``audit`` runs over each
seed document in ``tests/fixtures/seeds`` rebuilt as Word and (through LibreOffice) PDF.
Each finding is one line (severity, code, subject, location, message) in
``tests/golden/<kind>-<name>.txt``; the files are reviewed line by line against the seeds, so
a change in what the kit reports shows up as a diff a reviewer reads.

Regenerate after a deliberate change with one command::

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_findings_golden.py
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from audit_seeddocs import SEED_FILES, build_docx, convert_to_pdf, seed_path, soffice
from conftest import ROOT, require

from isa_kit import audit_paths, load_partnership, run_checks
from isa_kit.core.findings import Finding

AS_OF = dt.date(2026, 11, 21)
GOLDEN = ROOT / "tests" / "golden"
PARTNERSHIPS = sorted(
    p.name for p in (ROOT / "agreements").iterdir() if (p / "partnership.yaml").is_file()
)


def render(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        name = Path(f.file).name if Path(f.file).is_absolute() else f.file
        where = f"{name}:{f.line}" if f.line else f"{name} {f.region or ''}".strip()
        lines.append(f"{f.severity.value} {f.code} [{f.subject}] @ {where}: {f.message}")
    return "".join(sorted(line + "\n" for line in lines))


def compare(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.is_file(), f"no golden file {path}: run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"findings differ from {path.name}"


@pytest.mark.parametrize("name", PARTNERSHIPS)
def test_check_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run_checks([load_partnership(Path("agreements") / name)], AS_OF)
    assert not result.could_not_check
    compare(f"check-{name}", render(result.report.findings))


@pytest.fixture(scope="module")
def seed_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("golden-seeds")
    return {
        name: build_docx(seed_path(name).read_text(encoding="utf-8"), folder / f"{name}.docx")
        for name in SEED_FILES
    }


@pytest.fixture(scope="module")
def seed_pdfs(
    seed_docs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    require(soffice() is not None, "LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("golden-pdf")
    names = list(seed_docs)
    made = convert_to_pdf([seed_docs[n] for n in names], folder, folder / "profile")
    return dict(zip(names, made, strict=True))


@pytest.mark.parametrize("name", list(SEED_FILES))
def test_audit_golden_docx(name: str, seed_docs: dict[str, Path]) -> None:
    result = audit_paths([seed_docs[name]], AS_OF)
    compare(f"audit-{name}.docx", render(result.report.findings))


@pytest.mark.parametrize("name", list(SEED_FILES))
def test_audit_golden_pdf(name: str, seed_pdfs: dict[str, Path]) -> None:
    result = audit_paths([seed_pdfs[name]], AS_OF)
    compare(f"audit-{name}.pdf", render(result.report.findings))
