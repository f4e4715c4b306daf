"""Every audit rule, like every check, has a module, a docs page, and compliant and
non-compliant cases (``tests/audit_cases/AUDnnn.yaml``) built here as small Word files and,
where a case says so, converted to PDF through LibreOffice (all in one run).

A case lists blocks (``p`` paragraph, ``h`` heading, ``table`` rows, ``page_break``,
``image``), or ``raw`` bytes for a file that is not what its name says; ``tracked`` adds a
tracked insertion; ``crash`` makes a rule raise. ``fires`` says whether the case's rule must
report it.
"""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
import yaml
from audit_seeddocs import convert_to_pdf, soffice
from conftest import ROOT, require

from isa_kit import audit_paths
from isa_kit.audit.docs import main as docs_main
from isa_kit.audit.rules import MODULES, RULES

AS_OF = dt.date(2026, 11, 21)
CASES = ROOT / "tests" / "audit_cases"


def _load() -> dict[str, dict[str, Any]]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in CASES.glob("AUD*.yaml")}


ALL = _load()
PARAMS = [
    pytest.param(code, i, kind, id=f"{code}-{i}-{kind}")
    for code, data in sorted(ALL.items())
    for i, case in enumerate(data["cases"])
    for kind in (
        ["pdf"] if case.get("pdf_only") else ["docx", "pdf"] if case.get("pdf") else ["docx"]
    )
]


def _png() -> bytes:
    """A 64x64 grey PNG, made here so that no binary fixture is committed."""
    raw = b"".join(b"\x00" + b"\x80" * 64 for _ in range(64))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    head = struct.pack(">IIBBBBB", 64, 64, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", head)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def build(case: dict[str, Any], out: Path) -> Path:
    if "raw" in case:
        out.write_bytes(str(case["raw"]).encode())
        return out
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm

    d = docx.Document()
    for block in case.get("blocks") or []:
        if "h" in block:
            d.add_heading(block["h"], level=1)
        elif "p" in block:
            d.add_paragraph(block["p"])
        elif "table" in block:
            rows = block["table"]
            t = d.add_table(rows=0, cols=len(rows[0]))
            t.style = "Table Grid"
            for row in rows:
                for cell, text in zip(t.add_row().cells, row, strict=True):
                    cell.text = str(text)
            d.add_paragraph("")
        elif block.get("page_break"):
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif block.get("image"):
            png = out.with_suffix(".png")
            png.write_bytes(_png())
            d.add_picture(str(png), width=Cm(12))
    d.save(str(out))
    if case.get("tracked"):
        _track(out, str(case["tracked"]))
    return out


def _track(path: Path, text: str) -> None:
    """Add a tracked insertion at the end of the first paragraph."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    ins = (
        f'<w:ins w:id="90" w:author="Editor" w:date="2016-06-10T00:00:00Z">'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:ins></w:p>'
    )
    parts["word/document.xml"] = xml.replace("</w:p>", ins, 1).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int, str], Path]:
    folder = tmp_path_factory.mktemp("audit-rules")
    out: dict[tuple[str, int, str], Path] = {}
    to_pdf: list[tuple[tuple[str, int, str], Path]] = []
    for code, data in ALL.items():
        for i, case in enumerate(data["cases"]):
            path = build(case, folder / f"{code}-{i}.docx")
            out[(code, i, "docx")] = path
            if case.get("pdf") or case.get("pdf_only"):
                to_pdf.append(((code, i, "pdf"), path))
    if to_pdf:
        require(soffice() is not None, "LibreOffice (soffice) is not installed")
        pdfs = convert_to_pdf([p for _, p in to_pdf], folder / "pdf", folder / "profile")
        out.update({key: pdf for (key, _), pdf in zip(to_pdf, pdfs, strict=True)})
    return out


@pytest.mark.parametrize(("code", "index", "kind"), PARAMS)
def test_case(
    code: str,
    index: int,
    kind: str,
    files: dict[tuple[str, int, str], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = ALL[code]["cases"][index]
    if case.get("crash"):

        def boom(*_: object) -> None:
            raise RuntimeError("a planted bug")

        monkeypatch.setattr("isa_kit.audit.service.judge", boom)
    result = audit_paths([files[(code, index, kind)]], AS_OF)
    fired = [f for f in result.report.findings if f.code == code]
    assert bool(fired) == case["fires"], (case["name"], result.report.findings)
    for f in fired:  # reported on the file audited
        assert Path(f.file).name == files[(code, index, kind)].name


def test_every_rule_has_a_module_docs_and_both_kinds_of_case() -> None:
    assert [m.RULE.code for m in MODULES] == sorted(m.RULE.code for m in MODULES)
    assert len({r.code for r in RULES}) == len(RULES)
    for m in MODULES:
        code = m.RULE.code
        assert m.__name__.rsplit(".", 1)[1].startswith(
            code.lower() + "_" + m.RULE.name.replace("-", "_")
        )
        doc = m.__doc__ or ""
        for heading in ("## Why it matters", "## Non-compliant", "## Compliant"):
            assert heading in doc, (code, heading)
        assert code in ALL, f"no tests/audit_cases/{code}.yaml"
        fires = {c["fires"] for c in ALL[code]["cases"]}
        assert fires == {True, False}, f"{code} needs compliant and non-compliant cases"
    assert set(ALL) == {r.code for r in RULES}


def test_audit_reference_pages_are_up_to_date() -> None:
    assert docs_main(["--check"]) == 0, "run: python -m isa_kit.audit.docs"
