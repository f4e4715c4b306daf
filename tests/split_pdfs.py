"""A small audit corpus of PDFs whose table cells the PDF splits (no real personal data).

LibreOffice breaks a long word inside a narrow table cell over several lines, as real
agreements exported to PDF do: an ICO number ``ZA100001`` comes out as ``ZA10000`` / ``1``,
an address as ``mash.lea`` / ``d@barnet.gcsx.gov.uk``, a review date over two lines. The
Word files are built here with python-docx and converted in one LibreOffice run by the tests.
"""

from __future__ import annotations

from pathlib import Path


def _table(document: object, rows: list[tuple[str, str]], widths_cm: tuple[float, float]) -> None:
    from docx.shared import Cm

    table = document.add_table(rows=0, cols=2)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.autofit = False
    for left, right in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = left, right
    for k, width in enumerate(widths_cm):
        table.columns[k].width = Cm(width)
        for cell in table.columns[k].cells:
            cell.width = Cm(width)


def build_split_isa(out: Path, number_cm: float = 1.4) -> Path:
    """An ISA whose ICO numbers, contact address and review date all wrap in narrow cells."""
    import docx

    d = docx.Document()
    d.add_heading("Information Sharing Agreement: Splitshire MASH", level=1)
    d.add_paragraph("Classification: OFFICIAL-SENSITIVE")
    d.add_paragraph("The ICO registration numbers of the parties are:")
    _table(
        d,
        [
            ("Organisation", "ICO number"),
            ("Splitshire County Council", "ZA100001"),
            ("Splitshire Police", "Z6665870"),
            ("Splitshire Community Health", "ZB76543"),
        ],
        (6.0, number_cm),
    )
    d.add_paragraph("Contacts and document control:")
    _table(
        d,
        [
            ("Role", "Address"),
            ("MASH lead", "mash.lead@splitshire.gcsx.gov.uk"),
            ("Document control", "Date of next review: April 2018"),
        ],
        (3.0, 2.2),
    )
    d.save(str(out))
    return out
