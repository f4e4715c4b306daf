"""The three commands agree: a document built from data audits the way the data checks.

``build`` writes what the data says, ``check`` judges the data and ``audit`` judges a document
as a reader would; the same facts must give the same categories whichever way they are read.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import ROOT

from isa_kit import audit_paths, load_partnership, run_checks
from isa_kit.reference.policy import load_policy

AS_OF = dt.date(2026, 11, 21)


def build(folder: str, out: Path) -> list[Path]:
    from conftest import run_cli

    result = run_cli("build", f"agreements/{folder}", "--out", str(out), "--as-of", "2026-11-21")
    assert result.returncode == 0, result.stderr
    return sorted(p for p in out.glob("*.docx") if not p.stem.endswith("signature-pack"))


def test_documents_built_from_the_complete_demo_audit_clean(tmp_path: Path) -> None:
    documents = build("demo", tmp_path)
    assert len(documents) == 4
    result = audit_paths(documents, AS_OF)
    assert not result.could_not_read
    assert [(f.file, f.code, f.message) for f in result.report.findings] == []


def test_barnet_built_documents_show_the_gaps_check_finds_in_the_data(tmp_path: Path) -> None:
    folder = ROOT / "agreements" / "barnet"
    partnership = load_partnership(folder)
    checked = run_checks(
        [partnership], AS_OF, policies={partnership.folder or "": load_policy(folder)}
    )
    check_categories = {f.category.value for f in checked.report.findings}

    audited = audit_paths(build("barnet", tmp_path), AS_OF)  # the ISA and the protocol
    audit_categories = {f.category.value for f in audited.report.findings}
    blank_ico = [
        f for f in audited.report.findings if f.code == "AUD030" and "isa" in Path(f.file).stem
    ]
    # The data leaves 19 parties without a number; the four council departments are covered
    # by the council's registration, so the document's table shows 15 blanks, as the seed did.
    assert len(blank_ico) == 15

    shared = {
        "overdue-review",
        "missing-signatory",
        "missing-ico-registration",
        "retired-email-domain",
        "superseded-legislation",
        "obsolete-protective-marking",
        "defunct-organisation",
    }
    assert shared <= check_categories
    assert shared <= audit_categories
