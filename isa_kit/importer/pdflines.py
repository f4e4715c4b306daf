"""A PDF's text as layout lines, for the readers that need line breaks (headings, lists).

The audit's PDF reader keeps each page as one block in reading order, which loses where
headings and list items start. This asks poppler for the words again, through the audit's
own bounded reader (same timeout and output limits; the file has already passed the audit's
checks), and lays them out as lines.
"""

from __future__ import annotations

import re
from pathlib import Path

from isa_kit.audit.pdf import DEFAULT_LIMITS
from isa_kit.audit.pdfwords import PdftotextError, layout_lines, pdftotext_words
from isa_kit.audit.text import Block, DocumentText, UnreadableError

from .tables import clean

_GAP = re.compile(r"\S {6,}\S")
_BULLETS = "\uf0b7•·▪◦-– "


def pdf_lines(path: Path, doc: DocumentText) -> list[Block] | None:
    """Every line of every page as a body block (``None`` when poppler is not installed)."""
    try:
        words = pdftotext_words(
            path, doc.pages or 1, DEFAULT_LIMITS.timeout_seconds, DEFAULT_LIMITS.max_text_bytes
        )
    except PdftotextError as exc:
        raise UnreadableError(str(exc)) from None
    if words is None:
        return None
    out: list[Block] = []
    for number, page in enumerate(words, start=1):
        for line in layout_lines(page):
            text = clean(line).lstrip(_BULLETS).strip()
            if text:
                # words far apart on one line are table cells side by side, not a heading
                part = "table-line" if _GAP.search(line.strip()) else "body"
                out.append(Block(region=f"page {number}", text=text, part=part, page=number))
    return out
