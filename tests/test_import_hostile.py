"""Hostile or unreadable input: a clear one-line error, exit 2, and no folder left behind."""

from __future__ import annotations

from pathlib import Path

import docx


def test_corrupt_docx_is_refused_and_nothing_written(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "agreement.docx"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip file" * 10)
    into = tmp_path / "agreements" / "new"
    proc = cli("import", str(bad), "--into", str(into), "--as-of", "2025-11-21")
    assert proc.returncode == 2
    assert "cannot import this file" in proc.stderr and "Traceback" not in proc.stderr
    assert not into.exists()
    assert not (tmp_path / "agreements").exists()  # files are read before anything is made


def test_existing_folder_is_never_overwritten(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    d = docx.Document()
    d.add_heading("Information Sharing Agreement", level=1)
    src = tmp_path / "isa.docx"
    d.save(str(src))
    into = tmp_path / "existing"
    into.mkdir()
    (into / "partnership.yaml").write_text("keep me\n")
    proc = cli("import", str(src), "--into", str(into))
    assert proc.returncode == 2 and "already exists" in proc.stderr
    assert (into / "partnership.yaml").read_text() == "keep me\n"


def test_synthetic_signed_agreement(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    d = docx.Document()
    d.add_heading("Information Sharing Agreement: Example MASH", level=1)
    t = d.add_table(rows=0, cols=2)
    for k, v in (("Version", "3.0"), ("Status", "Final"), ("Classification", "OFFICIAL")):
        cells = t.add_row().cells
        cells[0].text, cells[1].text = k, v
    d.add_paragraph("Date of next review: September 2026")
    d.add_paragraph(
        "The lawful basis is UK GDPR Article 6(1)(e) and the Children Act 2004 section 11."
    )
    sig = d.add_table(rows=1, cols=4)
    for cell, head in zip(
        sig.rows[0].cells, ("Organisation", "Name", "Signature", "Date"), strict=True
    ):
        cell.text = head
    cells = sig.add_row().cells
    for cell, value in zip(
        cells, ("Example County Council", "A Director", "/signed/", "01/10/2025"), strict=True
    ):
        cell.text = value
    src = tmp_path / "isa.docx"
    d.save(str(src))
    into = tmp_path / "example"
    proc = cli("import", str(src), "--into", str(into), "--as-of", "2025-11-21", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert '"command": "import"' in proc.stdout
    doc = (into / "documents" / "isa.yaml").read_text()
    assert "kind: isa" in doc and "version: '3.0'" in doc and "classification: OFFICIAL" in doc
    assert "next_review: 2026-09" in doc and "public-task" in doc and "Children Act 2004" in doc
    assert "organisation: example-county-council" in doc
    assert "name: A Director" in doc and "date_signed: '2025-10-01'" in doc
    assert cli("validate", str(into)).returncode == 0


def _refused(cli, src: Path, tmp_path: Path, expect: str) -> None:  # type: ignore[no-untyped-def]
    into = tmp_path / "out" / "new"
    (tmp_path / "out").mkdir()
    proc = cli("import", str(src), "--into", str(into))
    assert proc.returncode == 2, proc.stderr
    assert expect in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert list((tmp_path / "out").iterdir()) == []  # no folder, no half-written temp folder


def test_external_entity_is_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from test_audit_hostile import W, docx_bytes

    xxe = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
    )
    src = tmp_path / "xxe.docx"
    src.write_bytes(docx_bytes(xxe))
    _refused(cli, src, tmp_path, "xxe.docx: cannot import this file")


def test_scanned_pdf_is_refused_not_imported_empty(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from test_audit_hostile import image_pdf

    src = tmp_path / "scan.pdf"
    src.write_bytes(image_pdf())
    _refused(cli, src, tmp_path, "no text layer")


def test_one_bad_file_among_good_ones_writes_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from test_audit_hostile import text_pdf

    good = tmp_path / "good.pdf"
    good.write_bytes(text_pdf("Information Sharing Agreement. Date of next review: April 2027"))
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(text_pdf()[:200])
    into = tmp_path / "new"
    proc = cli("import", str(good), str(bad), "--into", str(into))
    assert proc.returncode == 2 and "bad.pdf" in proc.stderr
    assert not into.exists()
    proc = cli("import", str(good), "--into", str(into), "--as-of", "2026-01-01")
    assert proc.returncode == 0, proc.stderr
    assert "next_review: 2027-04" in (into / "documents" / "good.yaml").read_text()
