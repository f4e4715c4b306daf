"""The audit against the five real seed documents, rebuilt as Word and (via LibreOffice) PDF.

The seeds are vendored in tests/fixtures/seeds (names of individuals replaced by their roles,
see its README.md). Each seed is turned into a .docx with its tables as real Word tables, then
all of them (and a current, complete control agreement) are converted to PDF in one
LibreOffice run per test session. The assertions are what an auditor reading the originals
today would say.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from audit_seeddocs import SEED_FILES, build_docx, convert_to_pdf, seed_path, soffice
from conftest import require

from isa_kit import audit_paths
from isa_kit.audit.pdf import pdftotext_available
from isa_kit.core.findings import Category, Finding

AS_OF = dt.date(2025, 11, 21)


def build_control_docx(out: Path) -> Path:
    """A current, complete ISA: none of the audit's problem categories should fire."""
    import docx

    d = docx.Document()
    d.add_heading("Information Sharing Agreement: Example MASH", level=1)
    d.add_paragraph("Classification: OFFICIAL-SENSITIVE")
    t = d.add_table(rows=0, cols=2)
    for k, v in (
        ("Version", "3.0"),
        ("Date last reviewed", "September 2025"),
        ("Date of next review", "September 2026"),
    ):
        cells = t.add_row().cells
        cells[0].text, cells[1].text = k, v
    d.add_paragraph(
        "This agreement covers the sharing of information between Example County Council, "
        "Example Police and Example Integrated Care Board for the MASH."
    )
    d.add_paragraph(
        "The lawful bases are UK GDPR Article 6(1)(e) and Article 9(2)(g) with Data Protection "
        "Act 2018 Schedule 1 paragraph 18, and Working Together to Safeguard Children 2023 "
        "applies. This agreement will be reviewed every 12 months."
    )
    d.add_paragraph(
        "Example Police: law enforcement processing, Data Protection Act 2018 Part 3, section "
        "35(2)(b); sensitive processing: Schedule 8 paragraph 4. Information is sent only by "
        "secure email, and personal data breaches are reported to the council's Data "
        "Protection Officer within 24 hours."
    )
    d.add_paragraph(
        "Contacts: mash@example-council.gov.uk, mash.health@nhs.net, "
        "public.protection@example.police.uk."
    )
    d.add_paragraph("The ICO registration numbers of the parties are:")
    ico = d.add_table(rows=1, cols=2)
    ico.rows[0].cells[0].text, ico.rows[0].cells[1].text = "Organisation", "ICO number"
    for org, number in (
        ("Example County Council", "Z6665870"),
        ("Example Police", "ZA123456"),
        ("Example Integrated Care Board", "ZB765432"),
    ):
        cells = ico.add_row().cells
        cells[0].text, cells[1].text = org, number
    d.add_paragraph("We the undersigned agree to adopt and adhere to this agreement.")
    sig = d.add_table(rows=1, cols=5)
    sig.style = "Table Grid"
    for cell, head in zip(
        sig.rows[0].cells, ("Organisation", "Role", "Name", "Signature", "Date"), strict=True
    ):
        cell.text = head
    for org, role, name in (
        ("Example County Council", "Director of Children's Services", "A Director"),
        ("Example Police", "Detective Superintendent", "B Officer"),
        ("Example Integrated Care Board", "Chief Nurse", "C Nurse"),
    ):
        cells = sig.add_row().cells
        for cell, value in zip(
            cells, (org, role, name, f"/signed/ {name}", "01/10/2025"), strict=True
        ):
            cell.text = value
    d.save(str(out))
    return out


@pytest.fixture(scope="session")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    folder = tmp_path_factory.mktemp("audit-seeds")
    out: dict[str, Path] = {}
    for name in SEED_FILES:
        out[name] = build_docx(seed_path(name).read_text(encoding="utf-8"), folder / f"{name}.docx")
    out["control"] = build_control_docx(folder / "control.docx")
    yield out


@pytest.fixture(scope="session")
def pdfs(docs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    require(
        soffice() is not None,
        "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui",
    )
    # without poppler the audit falls back to pypdf: correct but not the path users meet
    require(pdftotext_available(), "pdftotext is not installed: apt-get install poppler-utils")
    folder = tmp_path_factory.mktemp("audit-pdf")
    names = list(docs)
    made = convert_to_pdf([docs[n] for n in names], folder, folder / "profile")
    return dict(zip(names, made, strict=True))


def findings_for(path: Path, as_of: dt.date = AS_OF) -> list[Finding]:
    result = audit_paths([path], as_of)
    assert not result.could_not_read
    return result.report.findings


def by(findings: list[Finding], category: Category) -> list[Finding]:
    return [f for f in findings if f.category == category]


@pytest.fixture(params=["docx", "pdf"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def get(kind: str, request: pytest.FixtureRequest) -> object:
    def _get(name: str) -> Path:
        store = request.getfixturevalue("docs" if kind == "docx" else "pdfs")
        return Path(store[name])

    return _get


def _region_ok(f: Finding, kind: str) -> None:
    assert f.region is not None
    if kind == "pdf":
        assert f.region.startswith("page ")
    else:
        assert f.region.startswith(("paragraph ", "table ", "header", "footer", "text box"))


def test_barnet_isa_overdue_for_review(get, kind: str) -> None:  # type: ignore[no-untyped-def]
    found = by(findings_for(get("barnet-protocol-isa")), Category.OVERDUE_REVIEW)
    assert len(found) == 1
    f = found[0]
    assert "April 2018" in f.message and "Date of next review: April 2018" in (f.quote or "")
    assert f.code == "AUD010" and f.severity == "error"
    _region_ok(f, kind)


def test_barnet_isa_unsigned(get, kind: str) -> None:  # type: ignore[no-untyped-def]
    found = by(findings_for(get("barnet-protocol-isa")), Category.MISSING_SIGNATORY)
    rows = {f.subject: f for f in found if f.code == "AUD020"}
    for org in (
        "London Borough of Barnet",
        "London Fire Brigade",
        "Barnet Metropolitan Police Service",
        "Royal Free London (NHS Foundation Trust) (Barnet Hospital, Chase Farm Hospital, Royal Free Hospital)",
        "Young People's Drug and Alcohol Service",
        "Solace Advocacy and Support Service Barnet",
    ):
        assert org in rows, f"no unsigned-row finding for {org}"
        assert "no name, signature or date" in rows[org].message
        _region_ok(rows[org], kind)
    assert len(rows) == 17  # every row of both signature tables is empty
    absent = {f.subject for f in found if f.code == "AUD021"}
    assert absent == {
        "Your Choice Barnet",
        "Barnet GPs",
        "Barnet Schools",
        "Barnet Council Corporate Anti-Fraud team",
        "Barnet and Southgate College",
        "CommUNITY Barnet",
    }


def test_barnet_isa_partners_without_ico_numbers(get, kind: str) -> None:  # type: ignore[no-untyped-def]
    found = by(findings_for(get("barnet-protocol-isa")), Category.MISSING_ICO_REGISTRATION)
    subjects = {f.subject for f in found}
    assert "London Fire Brigade" in subjects
    assert "Barnet Metropolitan Police Service" in subjects
    assert "CommUNITY Barnet" in subjects
    # the four partners that do have a number are not reported
    assert not any(
        s.startswith(("Barnet Homes", "Your Choice", "Barnet Enfield")) for s in subjects
    )
    assert len(found) == 15  # 19 partners, four with a number
    for f in found:
        _region_ok(f, kind)


def test_barnet_contacts_on_retired_domains(get, kind: str) -> None:  # type: ignore[no-untyped-def]
    found = findings_for(get("barnet-protocol-isa"))
    retired = {f.message.split(":")[0].lower() for f in by(found, Category.RETIRED_EMAIL_DOMAIN)}
    assert "lado@barnet.gcsx.gov.uk" in retired
    assert "mash.lead@probation.gsi.gov.uk" in retired
    suspicious = " ".join(f.message for f in by(found, Category.SUSPICIOUS_EMAIL_DOMAIN))
    assert "barnet.qcsx.gov.uk" in suspicious  # one letter from gcsx: a typing error
    assert "beh-mht.nhs" in suspicious  # .nhs is not a top-level domain


def test_barnet_review_periods_contradict(get) -> None:  # type: ignore[no-untyped-def]
    found = by(findings_for(get("barnet-protocol-isa")), Category.INCONSISTENT_REVIEW_PERIOD)
    assert len(found) == 1
    assert "every 1 year" in found[0].message and "every 2 years" in found[0].message


def test_barnet_currency(get) -> None:  # type: ignore[no-untyped-def]
    found = findings_for(get("barnet-protocol-isa"))
    cats = {f.category for f in found}
    assert Category.SUPERSEDED_LEGISLATION in cats
    assert Category.OBSOLETE_PROTECTIVE_MARKING in cats
    assert Category.DEFUNCT_ORGANISATION in cats
    assert Category.SUPERSEDED_GUIDANCE in cats
    marking = by(found, Category.OBSOLETE_PROTECTIVE_MARKING)[0]
    assert "RESTRICTED" in marking.message and "RESTRICTED" in (marking.quote or "")


def test_herefordshire_past_february_2024_review(get, kind: str) -> None:  # type: ignore[no-untyped-def]
    found = by(findings_for(get("herefordshire-guidance")), Category.OVERDUE_REVIEW)
    assert len(found) == 1
    assert "February 2024" in found[0].message
    assert "February 2024" in (found[0].quote or "")
    _region_ok(found[0], kind)


def test_herefordshire_month_precision(docs: dict[str, Path]) -> None:
    path = docs["herefordshire-guidance"]
    # during February 2024 the review is not yet overdue, only due soon
    during = findings_for(path, dt.date(2024, 2, 29))
    assert not by(during, Category.OVERDUE_REVIEW)
    assert by(during, Category.REVIEW_DUE_SOON)
    after = findings_for(path, dt.date(2024, 3, 1))
    assert by(after, Category.OVERDUE_REVIEW)
    long_before = findings_for(path, dt.date(2023, 6, 1))
    assert not by(long_before, Category.OVERDUE_REVIEW)
    assert not by(long_before, Category.REVIEW_DUE_SOON)


def test_northamptonshire_last_reviewed_2019(get) -> None:  # type: ignore[no-untyped-def]
    found = by(findings_for(get("northamptonshire-protocol")), Category.OVERDUE_REVIEW)
    assert len(found) == 1
    assert "last reviewed December 2019" in found[0].message


def test_staffordshire_mou_agreed_by_signatories_without_table(get) -> None:  # type: ignore[no-untyped-def]
    found = findings_for(get("staffordshire-mou"))
    missing = by(found, Category.MISSING_SIGNATORY)
    assert [f.code for f in missing] == ["AUD022"]
    assert "signatories" in (missing[0].quote or "")
    assert by(found, Category.MISSING_REVIEW_DATE)
    assert by(found, Category.OBSOLETE_PROTECTIVE_MARKING)


PROBLEM_CATEGORIES = {
    Category.OVERDUE_REVIEW,
    Category.REVIEW_DUE_SOON,
    Category.MISSING_REVIEW_DATE,
    Category.INCONSISTENT_REVIEW_PERIOD,
    Category.MISSING_SIGNATORY,
    Category.MISSING_ICO_REGISTRATION,
    Category.INVALID_ICO_REGISTRATION,
    Category.RETIRED_EMAIL_DOMAIN,
    Category.INSECURE_EMAIL_DOMAIN,
    Category.SUSPICIOUS_EMAIL_DOMAIN,
    Category.SUPERSEDED_LEGISLATION,
    Category.SUPERSEDED_GUIDANCE,
    Category.OBSOLETE_PROTECTIVE_MARKING,
    Category.DEFUNCT_ORGANISATION,
    Category.UNKNOWN_LEGISLATION,
    Category.UNVERIFIABLE_DOCUMENT,
    Category.UNACCEPTED_TRACKED_CHANGE,
    Category.UNREADABLE_FILE,
    Category.MISSING_LAWFUL_BASIS,
    Category.MISSING_SPECIAL_CATEGORY_CONDITION,
    Category.MISSING_LAW_ENFORCEMENT_BASIS,
    Category.MISSING_SECURITY_CONTROL,
}


def test_negative_control_current_complete_agreement(get) -> None:  # type: ignore[no-untyped-def]
    found = findings_for(get("control"))
    assert [(f.code, f.message) for f in found if f.category in PROBLEM_CATEGORIES] == []


def test_cli_batch_json(docs: dict[str, Path], cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "drawer"
    folder.mkdir()
    for name in ("herefordshire-guidance", "control"):
        (folder / f"{name}.docx").write_bytes(docs[name].read_bytes())
    out = tmp_path / "report.json"
    proc = cli(
        "audit", str(folder), "--as-of", "2025-11-21", "--format", "json", "--output", str(out)
    )
    assert proc.returncode == 1, proc.stderr
    data = json.loads(out.read_text())
    assert data["command"] == "audit" and data["as_of"] == "2025-11-21"
    assert data["summary"]["checked_documents"] == 2
    files = {f["file"] for f in data["findings"]}
    assert files == {str(folder / "herefordshire-guidance.docx").replace("\\", "/")} or all(
        f.endswith("herefordshire-guidance.docx") for f in files
    )
    overdue = [f for f in data["findings"] if f["category"] == "overdue-review"]
    assert overdue[0]["region"] == "table 3 row 4"
    assert overdue[0]["quote"] == "Review date: | February 2024"
    assert overdue[0]["line"] is None
