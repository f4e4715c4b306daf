"""What a reader hands to the extractors: a document as located blocks of text.

A :class:`Block` is one paragraph, one table row or one line of a PDF page, with the region a
person would look at to find it (``paragraph 12``, ``table 2 row 5``, ``page 3``, ``header``).
Readers never judge; extractors never open files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

DocKind = Literal["docx", "pdf"]


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell (DOCX) or one column run of a PDF layout line."""

    text: str
    col: int = 0
    """Grid column (DOCX) or character offset in the layout line (PDF)."""
    has_image: bool = False
    """The cell holds a picture (a pasted signature counts as a signature)."""
    merged: bool = False
    """A vertically merged continuation cell: it shows the cell above, so it is not empty."""
    span: int = 1
    """Grid columns the cell covers (a horizontally merged cell is read once)."""


@dataclass(frozen=True, slots=True)
class Block:
    region: str
    text: str
    table: int | None = None
    """Table number within the document (DOCX); ``None`` for paragraphs and PDF lines."""
    row: int | None = None
    cells: tuple[Cell, ...] = ()
    part: str = "body"
    """``body``, ``header``, ``footer``, ``footnote``, ``text box``, ``hyperlink`` or ``page``."""
    page: int | None = None


@dataclass(frozen=True, slots=True)
class TrackedChanges:
    insertions: int
    deletions: int
    formatting: int
    region: str
    quote: str


@dataclass(slots=True)
class DocumentText:
    """Everything the extractors may know about one file."""

    path: str
    kind: DocKind
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    image_only_pages: tuple[int, ...] = ()
    tracked: TrackedChanges | None = None
    unverifiable: str | None = None
    """Why the text cannot be trusted to be the document (encrypted, image-only, text-less)."""

    def char_count(self) -> int:
        return sum(len(b.text.strip()) for b in self.blocks)


class UnreadableError(Exception):
    """The file is corrupt, disguised or beyond the reading bounds; the batch continues."""


def sized_within(path: Path, limit: int) -> int:
    """The size of ``path`` in bytes; :class:`UnreadableError` when it exceeds ``limit``
    (checked before any reader opens an untrusted file)."""
    size = path.stat().st_size
    if size > limit:
        raise UnreadableError(f"the file is {size:,} bytes, more than the audit limit of {limit:,}")
    return size


def clean(text: str) -> str:
    """Collapse whitespace to single spaces."""
    return " ".join(text.split())


def short_quote(text: str, limit: int = 120, around: tuple[int, int] | None = None) -> str:
    """A quote of at most ``limit`` characters, centred on ``around`` when given."""
    text = clean(text)
    if len(text) <= limit:
        return text
    if around is None:
        return text[: limit - 1].rstrip() + "…"
    start, end = around
    span = end - start
    if span >= limit - 2:
        return text[start : start + limit - 1].rstrip() + "…"
    pad = (limit - 2 - span) // 2
    lo = max(0, start - pad)
    hi = min(len(text), lo + limit - 2)
    lo = max(0, hi - (limit - 2))
    out = text[lo:hi].strip()
    return ("…" if lo > 0 else "") + out + ("…" if hi < len(text) else "")
