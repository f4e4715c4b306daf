"""Tagged PDFs through LibreOffice: checked by reading each PDF's structure tree.

CI installs Debian's libreoffice-writer-nogui so these run. Without LibreOffice they are
skipped on a developer's machine and fail under CI=true (``conftest.require``). One
LibreOffice process converts the whole demo partnership.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import require

from isa_kit import build, load_partnership
from isa_kit.render.pdf import find_soffice, is_tagged

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "agreements" / "demo"


@pytest.fixture(scope="module", autouse=True)
def _needs_libreoffice() -> None:
    """Module-scoped so that it runs before ``demo_pdfs`` tries to convert anything."""
    require(
        find_soffice() is not None,
        "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui",
    )


@pytest.fixture(scope="module")
def demo_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo-pdf")
    build(DEMO, out, pdf=True, as_of=dt.date(2026, 11, 21))
    return out


def _struct_types(node: Any, seen: set[str], depth: int = 0) -> None:
    node = node.get_object() if hasattr(node, "get_object") else node
    if depth > 60:
        return
    if isinstance(node, list):
        for kid in node:
            _struct_types(kid, seen, depth + 1)
        return
    if not hasattr(node, "get"):
        return
    if "/S" in node:
        seen.add(str(node["/S"]))
    if "/K" in node:
        _struct_types(node["/K"], seen, depth + 1)


def test_every_document_has_a_tagged_pdf(demo_pdfs: Path) -> None:
    from pypdf import PdfReader

    partnership = load_partnership(DEMO)
    docx_files = sorted(demo_pdfs.glob("*.docx"))
    assert sorted(p.with_suffix(".pdf") for p in docx_files) == sorted(demo_pdfs.glob("*.pdf"))
    titles = {d.id: d.title for d in partnership.documents}
    for pdf in sorted(demo_pdfs.glob("*.pdf")):
        assert is_tagged(pdf), pdf.name
        reader = PdfReader(str(pdf))
        root: Any = reader.trailer["/Root"].get_object()
        assert root["/MarkInfo"]["/Marked"]
        kinds: set[str] = set()
        _struct_types(root["/StructTreeRoot"], kinds)
        assert "/H1" in kinds and kinds & {"/P", "/Standard"}, (pdf.name, kinds)
        assert {"/Table", "/TR", "/TH"} <= kinds, (pdf.name, kinds)  # tables tagged as tables
        assert str(root.get("/Lang", "")).startswith("en-GB"), pdf.name
        doc_id = pdf.stem.removesuffix("-signature-pack")
        assert reader.metadata is not None and titles[doc_id] in str(reader.metadata.title)


def test_every_kind_has_a_pdf(demo_pdfs: Path) -> None:
    partnership = load_partnership(DEMO)
    for doc in partnership.documents:
        assert (demo_pdfs / f"{doc.id}.pdf").stat().st_size > 10_000
