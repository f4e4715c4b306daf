"""Read a PDF as located lines of text, under bounds, with pypdf (and poppler if present).

pypdf opens the file first, under tightened limits (declared stream length, inflated stream
size, page-tree size), to refuse what is corrupt, too large or encrypted. The text itself
comes from poppler's ``pdftotext -layout`` when it is installed (it is several times faster
and keeps table columns apart), run with a time limit and an output cap; otherwise from
pypdf's layout extraction. Either way each line keeps its column runs, so signature and ICO
tables can be read from the page.

A PDF that is encrypted with a password, has no text at all, or whose pages are only
pictures (a scan) is *unverifiable*: the audit says so rather than report an empty
signature table or a pass.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .pdfrules import rules_on_page
from .pdftables import (
    HEADER_HINT,
    OpenTable,
    is_header,
    join_rows,
    layout_rows,
    rest_of_split_row,
    table_rows,
)
from .pdfwords import (
    PdftotextError,
    Word,
    layout_lines,
    pdftotext_words,
    rejoin_wrapped_emails,
)
from .text import Block, DocumentText, UnreadableError, clean, sized_within

if TYPE_CHECKING:
    from pypdf import PdfReader

__all__ = ["DEFAULT_LIMITS", "Engine", "PdfLimits", "pdftotext_available", "read_pdf"]

Engine = Literal["auto", "pdftotext", "pypdf"]


@dataclass(frozen=True, slots=True)
class PdfLimits:
    max_file_bytes: int = 100_000_000
    max_pages: int = 1_000
    max_stream_bytes: int = 20_000_000
    """Largest declared or inflated stream."""
    max_text_bytes: int = 20_000_000
    timeout_seconds: float = 60.0


DEFAULT_LIMITS = PdfLimits()

_MIN_TEXT_PER_PAGE = 3
_REVIEW_LABEL = re.compile(r"review\s+(?:date|due)|next\s+review|last\s+review", re.IGNORECASE)


def read_pdf(
    path: Path, display: str, limits: PdfLimits = DEFAULT_LIMITS, engine: Engine = "auto"
) -> DocumentText:
    _refuse_non_pdf(path, limits)

    import pypdf
    from pypdf.errors import PdfReadError, PyPdfError

    conf = _pypdf_configuration(limits)
    doc = DocumentText(path=display, kind="pdf")
    try:
        with pypdf.apply_configuration(**conf):
            reader = pypdf.PdfReader(path, strict=False)
            if not _decrypt(reader, doc):
                return doc
            pages = len(reader.pages)
            if pages > limits.max_pages:
                raise UnreadableError(
                    f"the PDF has {pages:,} pages, more than the audit limit of {limits.max_pages:,}"
                )
            doc.pages = pages
            words = _pdftotext_words(path, pages, limits, engine)
            doc.image_only_pages = tuple(_read_pages(reader, pages, words, doc))
    except UnreadableError:
        raise
    except (PdfReadError, PyPdfError) as exc:
        raise UnreadableError(f"the PDF is damaged or truncated ({exc})") from None
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, OSError) as exc:
        raise UnreadableError(f"the PDF could not be read ({type(exc).__name__}: {exc})") from None
    except (RecursionError, MemoryError):
        raise UnreadableError("the PDF is too deeply nested or too large to read") from None

    if not doc.blocks:
        if doc.image_only_pages:
            doc.unverifiable = (
                "it has no text layer: its pages are images (a scan), so nothing in it can "
                "be checked; ask for the original or an OCRed copy"
            )
        else:
            doc.unverifiable = "it contains no text that can be extracted"
    return doc


def pdftotext_available() -> bool:
    return shutil.which("pdftotext") is not None


# --- opening ---------------------------------------------------------------------------------


def _refuse_non_pdf(path: Path, limits: PdfLimits) -> None:
    """Refuse, before pypdf sees it, a file too large, not a PDF, or cut short."""
    size = sized_within(path, limits.max_file_bytes)
    with path.open("rb") as fh:
        head = fh.read(1024)
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    if b"%PDF-" not in head:
        if head.startswith(b"PK"):
            raise UnreadableError("this is a zip (perhaps a Word .docx) file with a .pdf name")
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise UnreadableError("this is an old binary Office file with a .pdf name")
        raise UnreadableError("this is not a PDF file (no %PDF header)")
    if b"%%EOF" not in tail:
        raise UnreadableError(
            "the PDF is truncated (it has no end-of-file marker): it was cut short in "
            "download or copying"
        )


def _pypdf_configuration(limits: PdfLimits) -> dict[str, Any]:
    """pypdf's limits, tightened to ours: declared and inflated stream sizes, page-tree size."""
    return {
        "maximum_declared_stream_length": limits.max_stream_bytes,
        "zlib_maximum_output_length": limits.max_stream_bytes,
        "lzw_maximum_output_length": limits.max_stream_bytes,
        "run_length_maximum_output_length": limits.max_stream_bytes,
        "array_based_stream_maximum_output_length": limits.max_stream_bytes,
        "jbig2_maximum_output_length": limits.max_stream_bytes,
        "brotli_maximum_output_length": limits.max_stream_bytes,
        "image_maximum_buffer_size": limits.max_stream_bytes,
        "stream_decoding_work_maximum_length": 5 * limits.max_stream_bytes,
        "page_tree_maximum_entries": limits.max_pages * 4,
        "jbig2dec_binary": None,
    }


def _decrypt(reader: PdfReader, doc: DocumentText) -> bool:
    """Open an encrypted PDF with the empty password; if it cannot be, say why in ``doc``."""
    if not reader.is_encrypted:
        return True
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # missing crypto library, unknown handler
        doc.unverifiable = f"it is encrypted and could not be opened ({exc})"
        return False
    if not opened:
        doc.unverifiable = "it is encrypted with a password, so its text cannot be read"
        return False
    return True


def _pdftotext_words(
    path: Path, pages: int, limits: PdfLimits, engine: Engine
) -> list[list[Word]] | None:
    """Every page's words from poppler, or ``None`` to read the text with pypdf instead."""
    if engine not in ("auto", "pdftotext"):
        return None
    try:
        words = pdftotext_words(path, pages, limits.timeout_seconds, limits.max_text_bytes)
    except PdftotextError as exc:
        if "longer than" in str(exc) or "larger than" in str(exc):
            raise UnreadableError(str(exc)) from None
        words = None  # let pypdf try; it raises if the file is truly unreadable
    if words is None and engine == "pdftotext":
        raise UnreadableError("pdftotext (poppler-utils) is not installed")
    return words


# --- pages -----------------------------------------------------------------------------------


def _read_pages(
    reader: PdfReader, pages: int, words: list[list[Word]] | None, doc: DocumentText
) -> list[int]:
    """Add every page's blocks to ``doc``; the numbers of the pages that are only an image."""
    image_only: list[int] = []
    open_table: OpenTable | None = None
    tables = 0
    for number in range(1, pages + 1):
        page = reader.pages[number - 1]
        page_words, page_lines, text = _page_text(page, number, words)
        if len(clean(text)) < _MIN_TEXT_PER_PAGE:
            if _page_has_image(page):
                image_only.append(number)
            open_table = None
            continue
        doc.blocks.append(_page_block(number, text))
        if page_words and _REVIEW_LABEL.search(text):
            # a label and its value in two columns are apart in reading order but
            # side by side in the layout: give the review-date reader the layout lines
            page_lines = layout_lines(page_words)
            doc.blocks.extend(_review_lines(number, page_lines))
        if open_table is None and not HEADER_HINT.search(text):
            continue
        if page_lines is None:
            page_lines = layout_lines(page_words or [])
        if open_table is None and not any(is_header(x) for x in page_lines):
            continue
        continued = open_table
        rows, open_table = _tables_on_page(
            page, page_words, number, page_lines, open_table, tables + 1
        )
        if rows and continued is not None and rows[0].table == continued.number:
            rows = _mend_split_row(doc.blocks, rows)
        if rows:
            tables = max(tables, rows[0].table or 0)
            doc.blocks.extend(rows)
    return image_only


def _mend_split_row(blocks: list[Block], rows: list[Block]) -> list[Block]:
    """Join the first row of a continued table to the last row of the page before when the
    page break split that row; returns the rows still to add."""
    last = next((i for i in range(len(blocks) - 1, -1, -1) if blocks[i].part == "pdf-table"), None)
    if last is None or blocks[last].table != rows[0].table:
        return rows
    if not rest_of_split_row(blocks[last], rows[0]):
        return rows
    blocks[last] = join_rows(blocks[last], rows[0])
    return rows[1:]


def _page_text(
    page: Any, number: int, words: list[list[Word]] | None
) -> tuple[list[Word] | None, list[str] | None, str]:
    """The page's words (poppler) or lines (pypdf), and its text in reading order."""
    if words is not None:
        page_words = words[number - 1] if number <= len(words) else []
        page_words = rejoin_wrapped_emails(page_words)
        return page_words, None, " ".join(w.text for w in page_words)  # poppler's reading order
    page_lines = _pypdf_page_text(page).splitlines()
    return None, page_lines, " ".join(page_lines)


def _review_lines(number: int, lines: list[str]) -> list[Block]:
    """The layout lines of a page that mention a review, as blocks for the review-date reader."""
    return [
        Block(region=f"page {number}", text=clean(x), part="layout-line", page=number)
        for x in lines
        if "review" in x.lower()
    ]


def _pypdf_page_text(page: Any) -> str:
    try:
        return str(page.extract_text(extraction_mode="layout"))
    except Exception:
        return str(page.extract_text())


def _page_block(number: int, text: str) -> Block:
    """The page's text as one block."""
    return Block(region=f"page {number}", text=clean(text), part="page", page=number)


def _tables_on_page(
    page: Any,
    words: list[Word] | None,
    number: int,
    lines: list[str],
    open_table: OpenTable | None,
    table_number: int,
) -> tuple[list[Block], OpenTable | None]:
    if words:
        hs, vs = rules_on_page(page)
        rows, still_open = table_rows(words, hs, vs, number, open_table, table_number)
        if rows:
            return rows, still_open
    if open_table is None:
        return layout_rows(lines, number, table_number), None
    return [], None


def _page_has_image(page: Any) -> bool:
    try:
        return _has_image(page.get("/Resources"), depth=0)
    except Exception:
        return False


def _has_image(resources: Any, depth: int) -> bool:
    if resources is None or depth > 3:
        return False
    resources = resources.get_object()
    xobjects = resources.get("/XObject")
    if xobjects is None:
        return False
    xobjects = xobjects.get_object()
    for key in list(xobjects.keys())[:200]:
        obj = xobjects[key].get_object()
        subtype = obj.get("/Subtype")
        if subtype == "/Image":
            return True
        if subtype == "/Form" and _has_image(obj.get("/Resources"), depth + 1):
            return True
    return False
