"""Hostile and broken files: refused or reported, never a crash, never a pass; the batch goes on."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest

from isa_kit import audit_paths
from isa_kit.audit.docx import DocxLimits, read_docx
from isa_kit.audit.text import UnreadableError
from isa_kit.core.findings import Category

AS_OF = dt.date(2025, 11, 21)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def docx_bytes(document_xml: str, extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def body(*paragraphs: str) -> str:
    ps = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{ps}</w:body></w:document>'


def only(path: Path) -> tuple[list[str], bool, list[str]]:
    result = audit_paths([path], AS_OF)
    return (
        [f.category.value for f in result.report.findings],
        result.could_not_read,
        [f.message for f in result.report.findings],
    )


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    # 80 MB of zeros deflates to ~80 KB: refused on its declared size and ratio
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("word/document.xml", body("Date of next review: April 2018"))
        z.writestr("word/media/image1.bin", b"\0" * 80_000_000)
    assert path.stat().st_size < 1_000_000
    cats, failed, messages = only(path)
    assert cats == ["unreadable-file"] and failed
    assert "zip bomb" in messages[0]


def test_ratio_bomb_below_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "ratio.docx"
    path.write_bytes(docx_bytes(body("x"), {"word/fill.xml": b"<a>" + b" " * 5_000_000 + b"</a>"}))
    with pytest.raises(UnreadableError, match="compressed"):
        read_docx(path, "ratio.docx")


def test_too_many_members(tmp_path: Path) -> None:
    path = tmp_path / "many.docx"
    path.write_bytes(docx_bytes(body("x"), {f"word/m{i}.xml": b"<a/>" for i in range(50)}))
    with pytest.raises(UnreadableError, match="members"):
        read_docx(path, "many.docx", DocxLimits(max_members=20))


def test_billion_laughs_docx(tmp_path: Path) -> None:
    lol = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
            for i in range(1, 10)
        )
        + f']><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    )
    path = tmp_path / "laughs.docx"
    path.write_bytes(docx_bytes(lol))
    cats, failed, messages = only(path)
    assert cats == ["unreadable-file"] and failed
    assert "DTD or entities" in messages[0]


def test_external_entity_docx(tmp_path: Path) -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
    )
    path = tmp_path / "xxe.docx"
    path.write_bytes(docx_bytes(xxe))
    cats, failed, _ = only(path)
    assert cats == ["unreadable-file"] and failed


def test_doc_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    cats, failed, messages = only(path)
    assert cats == ["unreadable-file"] and failed
    assert ".doc" in messages[0] and "save it as .docx" in messages[0]


def test_zip_that_is_not_word(tmp_path: Path) -> None:
    path = tmp_path / "sheet.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    path.write_bytes(buf.getvalue())
    cats, failed, messages = only(path)
    assert cats == ["unreadable-file"] and failed and "no Word document part" in messages[0]


# --- PDF -------------------------------------------------------------------------------------


def text_pdf(text: str = "Date of next review: April 2018") -> bytes:
    """A one-page PDF with a text layer, written by hand (no external tools)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>stream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return _assemble(objs)


def image_pdf() -> bytes:
    """A 'scanned' page: one image, no text."""
    pixels = b"\x80" * 64
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /Im0 5 0 R >> >> >>",
        b"<< /Length 33 >>stream\nq 500 0 0 700 50 50 cm /Im0 Do Q\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 64 >>stream\n" + pixels + b"\nendstream",
    ]
    return _assemble(objs)


def _assemble(objs: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_handmade_pdf_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.pdf"
    path.write_bytes(text_pdf())
    cats, failed, _ = only(path)
    assert not failed and "overdue-review" in cats


def test_encrypted_pdf_is_unverifiable(tmp_path: Path) -> None:
    import pypdf

    src = tmp_path / "plain.pdf"
    src.write_bytes(text_pdf())
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(src))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    cats, failed, messages = only(path)
    assert cats == ["unverifiable-document"]
    assert "encrypted" in messages[0]
    assert not failed  # it was read: it is the content that cannot be verified


def test_owner_password_only_pdf_is_read(tmp_path: Path) -> None:
    import pypdf

    src = tmp_path / "plain.pdf"
    src.write_bytes(text_pdf())
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(src))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    path = tmp_path / "restricted.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    cats, _, _ = only(path)
    assert "overdue-review" in cats


def test_truncated_pdf(tmp_path: Path) -> None:
    data = text_pdf()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    cats, failed, messages = only(path)
    assert cats == ["unreadable-file"] and failed
    assert "truncated" in messages[0]


def test_scanned_pdf_is_unverifiable_never_unsigned(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_pdf())
    result = audit_paths([path], AS_OF)
    cats = [f.category for f in result.report.findings]
    assert cats == [Category.UNVERIFIABLE_DOCUMENT]
    assert "scan" in result.report.findings[0].message
    assert result.report.findings[0].severity == "error"


def test_garbage_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    cats, failed, _ = only(path)
    assert cats == ["unreadable-file"] and failed


def test_batch_continues_and_exits_2(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    drawer = tmp_path / "drawer"
    drawer.mkdir()
    (drawer / "a-broken.pdf").write_bytes(text_pdf()[:200])
    (drawer / "b-old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    (drawer / "c-good.pdf").write_bytes(text_pdf())
    (drawer / "~$lock.docx").write_bytes(b"owner file")  # Word's lock file: ignored
    proc = cli("audit", str(drawer), "--as-of", "2025-11-21", "--format", "json")
    assert proc.returncode == 2, proc.stderr
    data = json.loads(proc.stdout)
    by_file = {}
    for f in data["findings"]:
        by_file.setdefault(Path(f["file"]).name, []).append(f["category"])
    assert by_file["a-broken.pdf"] == ["unreadable-file"]
    assert by_file["b-old.doc"] == ["unreadable-file"]
    assert "overdue-review" in by_file["c-good.pdf"]
    assert "~$lock.docx" not in by_file
    assert data["summary"]["checked_documents"] == 3


def test_missing_path_exits_2(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.pdf"
    good.write_bytes(text_pdf())
    proc = cli("audit", str(good), str(tmp_path / "nope"), "--as-of", "2025-11-21")
    assert proc.returncode == 2
    assert "no such file or folder" in proc.stdout
    assert "overdue-review" in proc.stdout


def test_textless_docx_is_unverifiable(tmp_path: Path) -> None:
    path = tmp_path / "pictures.docx"
    blip = (
        '<w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' r:embed="rId5" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
        "</w:drawing></w:r>"
    )
    path.write_bytes(
        docx_bytes(
            f'<w:document xmlns:w="{W}"><w:body><w:p>{blip}</w:p><w:p/></w:body></w:document>'
        )
    )
    cats, failed, messages = only(path)
    assert cats == ["unverifiable-document"] and not failed
    assert "only pictures" in messages[0]


# --- Issue 10: wrong work, disguised packages, special files ---------------------------------


def _audit_cli(tmp_path: Path, *paths: str) -> tuple[int, list[str]]:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "isa_kit", "audit", *paths, "--as-of", "2025-11-21"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,  # a FIFO read would hang forever: the timeout makes that a failure
    )
    assert "Traceback" not in result.stderr
    return result.returncode, [ln for ln in result.stdout.splitlines() if "could not check" in ln]


def test_folder_with_nothing_to_audit_exits_2(tmp_path: Path) -> None:
    (tmp_path / "typo").mkdir()
    (tmp_path / "typo" / "notes.txt").write_text("not an agreement")
    code, lines = _audit_cli(tmp_path, "typo")
    assert code == 2
    assert lines == [
        "could not check: typo: no Word or PDF files in this folder: expected .docx, .docm "
        "or .pdf files to audit"
    ]


def test_folder_named_like_a_document_and_fifo_and_link_out(tmp_path: Path) -> None:
    import os

    work = tmp_path / "in"
    (work / "x.docx").mkdir(parents=True)
    os.mkfifo(work / "pipe.pdf")
    (tmp_path / "secret.pdf").write_bytes(b"%PDF-1.4 outside")
    (work / "out.pdf").symlink_to(tmp_path / "secret.pdf")
    code, lines = _audit_cli(tmp_path, "in")
    assert code == 2
    assert sorted(lines) == [
        "could not check: in/out.pdf: leads outside in: refused (files must stay "
        "inside the folder named on the command line)",
        "could not check: in/pipe.pdf: not a regular file: expected a Word or PDF file",
        "could not check: in/x.docx: a folder with a Word or PDF name: expected a file",
    ]
    code, lines = _audit_cli(tmp_path, "in/x.docx", "in/pipe.pdf")
    assert code == 2 and len(lines) == 2


def test_duplicate_member_names_are_unreadable(tmp_path: Path) -> None:
    import warnings

    path = tmp_path / "twice.docx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate it is told to write
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("[Content_Types].xml", CONTENT_TYPES)
            z.writestr("word/document.xml", body("What Word shows"))
            z.writestr("word/document.xml", body("What another reader shows"))
    cats, failed, messages = only(path)
    assert cats == ["unreadable-file"] and failed
    assert "two members named 'word/document.xml'" in messages[0]


def test_missing_content_types_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "bare.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", body("Date of next review: April 2030"))
    cats, failed, messages = only(path)
    assert cats == ["unreadable-file"] and failed
    assert "no [Content_Types].xml" in messages[0]
