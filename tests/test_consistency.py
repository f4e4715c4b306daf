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


def build(folder: str, out: Path, *extra: str, packs: bool = False) -> list[Path]:
    from conftest import run_cli

    result = run_cli(
        "build", f"agreements/{folder}", "--out", str(out), "--as-of", "2026-11-21", *extra
    )
    assert result.returncode == 0, result.stderr
    return sorted(
        p
        for p in out.iterdir()
        if p.suffix in (".docx", ".pdf") and (packs or not p.stem.endswith("signature-pack"))
    )


def categories(folder: str, out: Path) -> tuple[set[str], set[str]]:
    """(what check finds in a partnership's data, what audit finds in its built documents)."""
    path = ROOT / "agreements" / folder
    partnership = load_partnership(path)
    checked = run_checks(
        [partnership], AS_OF, policies={partnership.folder or "": load_policy(path)}
    )
    audited = audit_paths(build(folder, out, packs=True), AS_OF)
    assert not audited.could_not_read
    return (
        {f.category.value for f in checked.report.findings},
        {f.category.value for f in audited.report.findings},
    )


def test_documents_built_from_the_complete_demo_audit_clean(tmp_path: Path) -> None:
    documents = build("demo", tmp_path, packs=True)
    assert len(documents) == 8  # four documents and their four signature packs
    result = audit_paths(documents, AS_OF)
    assert not result.could_not_read
    assert [(f.file, f.code, f.message) for f in result.report.findings] == []


def test_demo_pdfs_audit_clean_and_are_byte_identical(tmp_path: Path) -> None:
    from conftest import require

    from isa_kit.render.pdf import find_soffice

    require(find_soffice() is not None, "LibreOffice (soffice) is not installed")
    first = [p for p in build("demo", tmp_path / "a", "--pdf", packs=True) if p.suffix == ".pdf"]
    again = [p for p in build("demo", tmp_path / "b", "--pdf", packs=True) if p.suffix == ".pdf"]
    assert len(first) == 8
    # The same data and --as-of give the same bytes: no conversion time, no random id.
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert b"/CreationDate(D:20261121000000" in first[0].read_bytes()
    result = audit_paths(first, AS_OF)
    assert not result.could_not_read
    assert [(f.file, f.code, f.message) for f in result.report.findings] == []


def test_check_and_audit_agree_on_the_demo(tmp_path: Path) -> None:
    assert categories("demo", tmp_path) == (set(), set())


#: What check finds in Barnet's data that audit does not find in the documents built from it:
#: nothing (lawful bases, conditions and security are read from the generated tables, which
#: show a gap as "Not recorded"; review periods from the document-control row; addresses
#: against the secure domains the document declares).
BARNET_CHECK_ONLY: set[str] = set()
#: What audit finds in Barnet's documents that check does not find in its data: nothing.
BARNET_AUDIT_ONLY: set[str] = set()


def test_check_and_audit_agree_by_category_on_barnet(tmp_path: Path) -> None:
    checked, audited = categories("barnet", tmp_path)
    assert checked - audited == BARNET_CHECK_ONLY
    assert audited - checked == BARNET_AUDIT_ONLY
    assert len(checked & audited) >= 10


def test_a_signature_pack_is_a_form_awaiting_signature(tmp_path: Path) -> None:
    # Barnet's agreement is unsigned: the agreement shows the blanks; its pack is the form
    # for the signatures, not an unsigned agreement, and has no review date of its own.
    documents = build("barnet", tmp_path, packs=True)
    pack = next(p for p in documents if p.stem.endswith("signature-pack"))
    isa = next(p for p in documents if p.stem == pack.stem.removesuffix("-signature-pack"))
    on_pack = {f.category.value for f in audit_paths([pack], AS_OF).report.findings}
    on_isa = {f.category.value for f in audit_paths([isa], AS_OF).report.findings}
    assert "missing-signatory" in on_isa and "missing-signatory" not in on_pack
    assert "missing-review-date" not in on_pack


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
