"""PDF audit: text the PDF splits inside table cells is read back whole (issue 14, class d)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from audit_seeddocs import convert_to_pdf, soffice
from conftest import require
from split_pdfs import build_split_isa

from isa_kit import audit_paths
from isa_kit.audit.pdf import pdftotext_available

AS_OF = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def split_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require(soffice() is not None, "LibreOffice (soffice) is not installed")
    require(pdftotext_available(), "pdftotext is not installed: apt-get install poppler-utils")
    folder = tmp_path_factory.mktemp("split")
    (pdf,) = convert_to_pdf([build_split_isa(folder / "split.docx")], folder, folder / "p")
    return pdf


def test_the_corpus_really_splits_cells(split_pdf: Path) -> None:
    text = subprocess.run(
        ["pdftotext", "-layout", str(split_pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "ZA100001" not in text and "mash.lead@" not in text  # broken over lines
    assert "April 2018" not in text.replace("\n", " ").split("review:")[0]


def test_split_ico_numbers_are_not_invalid(split_pdf: Path) -> None:
    found = audit_paths([split_pdf], AS_OF).report.findings
    invalid = {f.subject for f in found if f.code == "AUD031"}
    # the two whole numbers split by the PDF are fine; the short one is really invalid
    assert invalid == {"Splitshire Community Health"}
    assert not [f for f in found if f.code == "AUD030"]


def test_split_address_and_review_date_are_found(split_pdf: Path) -> None:
    found = audit_paths([split_pdf], AS_OF).report.findings
    retired = [f for f in found if f.code == "AUD040"]
    assert [f.message.split(":")[0] for f in retired] == ["mash.lead@splitshire.gcsx.gov.uk"]
    overdue = [f for f in found if f.code == "AUD010"]
    assert len(overdue) == 1 and "April 2018" in overdue[0].message
    assert overdue[0].region == "page 1"
