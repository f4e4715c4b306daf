"""The narrative: the document's remaining text as sections, each under the heading it
follows in the source (Word paragraphs or a PDF's layout lines; page by page when a PDF's
lines cannot be read)."""

from __future__ import annotations

import re
from typing import Any

from isa_kit.audit.text import Block, DocumentText

from .notes import Note
from .tables import clean

_SENTENCE_END = re.compile(r"[.!?)\]]$")
_ADDRESS_END = re.compile(r"(?:\S+@\S+|https?://\S+)$")
"""A paragraph ending in an email address or link has ended, though it has no full stop."""
_END = re.compile(r"[.:;!?)\]]$")
_NUMBERED = re.compile(r"^(?:\d+(?:\.\d+)*\.?|Appendix \d+|Section \d+)\s+\S")
MAX_SECTIONS = 200


def _heading(text: str, prev: str, prev_heading: bool) -> bool:
    """A short capitalised line without final punctuation, after the end of a sentence or
    another heading (never the items of a list introduced by a colon)."""
    words = text.split()
    if not words or len(words) > 10 or len(text) > 90 or _END.search(text):
        return False
    if not (text[0].isupper() or _NUMBERED.match(text)):
        return False
    if _NUMBERED.match(text) and len(words) > 8:
        return False
    if prev.endswith(":"):
        return False
    ended = _SENTENCE_END.search(prev) or _ADDRESS_END.search(prev)
    return not prev or prev_heading or bool(ended)


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:50].rstrip("-") or "section"
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    taken.add(out)
    return out


def paragraphs(doc: DocumentText) -> list[Block]:
    """A Word document's body paragraphs (not table rows), in order."""
    return [b for b in doc.blocks if b.part == "body" and b.table is None and clean(b.text)]


def narrative(
    doc: DocumentText, doc_id: str, lines: list[Block] | None
) -> tuple[list[dict[str, Any]], list[Note]]:
    """Sections from ``lines`` (paragraphs, or a PDF's layout lines); page by page when a PDF's
    lines could not be read."""
    sections: list[dict[str, Any]] = []
    notes: list[Note] = []
    taken: set[str] = set()
    if lines is None:
        for b in doc.blocks:
            if b.part != "page" or not clean(b.text):
                continue
            sections.append(
                {
                    "id": _slug(f"page-{b.page}", taken),
                    "title": f"Page {b.page}",
                    "paragraphs": [clean(b.text)],
                }
            )
        if sections:
            notes.append(
                Note(
                    "guessed",
                    "sections",
                    f"{len(sections)} pages",
                    doc.path,
                    "a PDF does not mark its headings: the text is kept page by page; "
                    "split it into the document's sections by hand",
                    (f"documents/{doc_id}.yaml", ("sections",)),
                )
            )
        return sections, notes
    current: dict[str, Any] | None = None
    buffer: list[str] = []
    prev = ""
    prev_heading = False

    def flush() -> None:
        nonlocal buffer
        if buffer and current is not None:
            current["paragraphs"].append(" ".join(buffer))
        buffer = []

    for b in lines:
        text = clean(b.text)
        if not text:
            continue
        heading = b.part == "body" and _heading(text, prev, prev_heading)
        if heading and len(sections) < MAX_SECTIONS:
            flush()
            current = {"id": _slug(text, taken), "title": text, "paragraphs": []}
            sections.append(current)
            notes.append(Note("recovered", "section", text, f"{doc.path}, {b.region}"))
        else:
            if current is None:
                current = {
                    "id": _slug("front matter", taken),
                    "title": "Front matter",
                    "paragraphs": [],
                }
                sections.append(current)
            buffer.append(text)
            if _END.search(text):
                flush()
        prev, prev_heading = text, heading
    flush()
    for s in sections:
        if not s["paragraphs"]:
            del s["paragraphs"]
    return sections, notes
