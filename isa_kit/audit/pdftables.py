"""Rebuild the rows of signature and ICO tables on a PDF page from its ruling lines.

A PDF has no tables, only words at positions and lines drawn between them; a long
organisation name wraps inside its cell, so text lines are not rows. Rows are recovered the
way a reader sees them: the table's horizontal rules cut the page into bands, its vertical
rules into columns, and each word falls in one cell. Words come from ``pdftotext -bbox``
(:mod:`.pdfwords`) and rules from the page's content stream (:mod:`.pdfrules`). Only pages
whose text shows a signature or ICO table header are examined, plus the page after one whose
table runs on. Without rules, the layout text is used with a wrapped-line heuristic
(:func:`layout_rows`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .pdfrules import Ruling
from .pdfwords import Word
from .text import Block, Cell, clean

_HEADER_ORG = re.compile(r"\b(?:organi[sz]ation|agency|partner|name|party|body)\b", re.IGNORECASE)
_HEADER_SIG = re.compile(
    r"\bsignature\b|\bsigned\b|\bICO\b|registration\s+(?:no|number)", re.IGNORECASE
)
HEADER_HINT = re.compile(r"signature|signed|\bICO\b|registration\s+(?:no|number)", re.IGNORECASE)
"""A cheap test of a whole page: could it hold a signature or ICO table header?"""


def is_header(line: str) -> bool:
    """A line that reads as a signature or ICO table header."""
    return _HEADER_SIG.search(line) is not None and _HEADER_ORG.search(line) is not None


@dataclass
class OpenTable:
    number: int
    columns: list[float]
    """Column boundaries (x, top-down page coordinates), left to right."""


def _merge(values: list[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def table_rows(
    words: list[Word],
    hs: list[Ruling],
    vs: list[Ruling],
    page_number: int,
    open_table: OpenTable | None,
    next_number: int,
) -> tuple[list[Block], OpenTable | None]:
    """Rows of the ruled tables on this page that have a signature or ICO header, and of
    the table running on from the previous page (the first table, without a header)."""
    lines = _lines(words)
    page_bottom = max((w.y1 for w in words), default=0.0)
    blocks: list[Block] = []
    still_open: OpenTable | None = None
    number = next_number
    for index, (columns, top, bottom) in enumerate(_runs(vs)):
        has_header = any(top - 2 <= y <= bottom and is_header(text) for y, text in lines)
        if has_header:
            table = number
            number += 1
        elif index == 0 and open_table is not None and _same(columns, open_table.columns):
            table = open_table.number
        else:
            still_open = None
            continue
        blocks.extend(_bands(words, hs, columns, top, bottom, page_number, table))
        still_open = OpenTable(table, columns) if bottom >= page_bottom - 30 else None
    return blocks, still_open


def _runs(vs: list[Ruling]) -> list[tuple[list[float], float, float]]:
    """Vertical rules grouped into tables: (column boundaries, top, bottom), top to bottom."""
    groups: list[list[Ruling]] = []
    for v in sorted(vs, key=lambda v: v[1]):
        for g in groups:
            if v[1] <= max(x[2] for x in g) + 3 and v[2] >= min(x[1] for x in g) - 3:
                g.append(v)
                break
        else:
            groups.append([v])
    out = []
    for g in groups:
        columns = _merge([v[0] for v in g], 2.0)
        if len(columns) >= 3:
            out.append((columns, min(v[1] for v in g), max(v[2] for v in g)))
    return sorted(out, key=lambda r: r[1])


def _same(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) < 3 for x, y in zip(a, b, strict=True))


def _bands(
    words: list[Word],
    hs: list[Ruling],
    columns: list[float],
    top: float,
    bottom: float,
    page_number: int,
    table: int,
) -> list[Block]:
    left, right = columns[0], columns[-1]
    cuts = _merge(
        [
            h[0]
            for h in hs
            if h[1] <= left + 3 and h[2] >= right - 3 and top - 2 <= h[0] <= bottom + 2
        ],
        1.5,
    )
    blocks: list[Block] = []
    for i in range(len(cuts) - 1):
        lo, hi = cuts[i], cuts[i + 1]
        band = [w for w in words if lo < w.cy < hi and left - 1 < w.cx < right + 1]
        cells: list[Cell] = []
        for k in range(len(columns) - 1):
            inside = [w for w in band if columns[k] <= w.cx < columns[k + 1]]
            inside.sort(key=lambda w: (round(w.y0), w.x0))
            cells.append(Cell(text=clean(" ".join(w.text for w in inside)), col=k))
        if not any(c.text for c in cells):
            continue
        blocks.append(
            Block(
                region=f"page {page_number}",
                text=" | ".join(c.text for c in cells if c.text),
                table=table,
                row=len(blocks) + 1,
                cells=tuple(cells),
                part="pdf-table",
                page=page_number,
            )
        )
    return blocks


def _lines(words: list[Word]) -> list[tuple[float, str]]:
    """Words grouped into text lines (centre y within 2 pt), top to bottom."""
    out: list[tuple[float, list[Word]]] = []
    for w in sorted(words, key=lambda w: (w.cy, w.x0)):
        if out and abs(out[-1][0] - w.cy) < 2:
            out[-1][1].append(w)
        else:
            out.append((w.cy, [w]))
    return [(y, " ".join(x.text for x in sorted(ws, key=lambda x: x.x0))) for y, ws in out]


_NAME_TAIL = re.compile(
    r"^(?:NHS|Trust|Foundation|Council|Services?|Group|Partnership|Board|Authority|Company"
    r"|Limited|Ltd|CIC|Hospitals?|Team|Unit)\b"
)
"""Words that end an organisation's name and do not start one."""


def rest_of_split_row(prev: Block, first: Block) -> bool:
    """Whether ``first``, the first row of a table continued from the previous page, is the
    rest of ``prev``, the last row there, that the page break split (Word and LibreOffice let
    a row break across pages): only its first column has text, and that text reads as the
    end of the name above rather than a name of its own."""
    if not prev.cells or not first.cells or any(c.text for c in first.cells[1:]):
        return False
    head, rest = prev.cells[0].text, first.cells[0].text
    return bool(head and rest) and (_wrapped(head, rest) or bool(_NAME_TAIL.match(rest)))


def join_rows(prev: Block, rest: Block) -> Block:
    """``prev`` with the text of ``rest`` (its continuation on the next page) added cell by cell."""
    more = [c.text for c in rest.cells]
    cells = tuple(
        Cell(text=clean(f"{c.text} {more[k] if k < len(more) else ''}"), col=c.col)
        for k, c in enumerate(prev.cells)
    )
    return replace(prev, text=" | ".join(c.text for c in cells if c.text), cells=cells)


def _wrapped(head: str, rest: str) -> bool:
    """Whether ``rest`` reads as the wrapped end of the text ``head``."""
    return bool(
        rest[:1].islower()
        or rest.startswith("(")
        or re.search(r"(?:\b(?:and|of|the|&)|[,(-])$", head)
    )


def _continues(prev: list[str], cells: list[str]) -> bool:
    """Whether a layout line is the wrapped rest of the row above, not a row of its own."""
    if any(c and not p for p, c in zip(prev, cells, strict=False)):
        return False  # text where the row above had none: a new row begins
    if all(not c for c in cells[1:]) and all(not p for p in prev[1:]):
        # only the first column, above and here: wrapped only if it reads as a continuation
        return _wrapped(prev[0], cells[0])
    return True


def layout_rows(lines: list[str], page_number: int, number: int) -> list[Block]:
    """Fallback without rules: rows from layout text, joining wrapped first-column lines."""
    start = next((i for i, line in enumerate(lines) if is_header(line)), None)
    if start is None:
        return []
    header = lines[start]
    heads = [(m.start(), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", header)]
    if len(heads) < 2:
        return []
    bounds = [h[0] for h in heads]

    def column(offset: int) -> int:
        k = 0
        for j, b in enumerate(bounds):
            if offset >= b - 2:
                k = j
        return k

    rows: list[list[str]] = [[h[1] for h in heads]]
    prev_line: list[str] = rows[0]
    for line in lines[start + 1 :]:
        if not line.strip():
            if len(rows) > 1:
                break
            continue
        cells = [""] * len(heads)
        for m in re.finditer(r"\S+(?: \S+)*", line):
            k = column(m.start())
            cells[k] = (cells[k] + " " + m.group(0)).strip()
        prev = rows[-1]
        if len(rows) > 1 and _continues(prev_line, cells):
            for k, c in enumerate(cells):
                if c:
                    prev[k] = f"{prev[k]} {c}".strip()
        else:
            rows.append(list(cells))
        prev_line = cells
    return [
        Block(
            region=f"page {page_number}",
            text=" | ".join(c for c in cells if c),
            table=number,
            row=i + 1,
            cells=tuple(Cell(text=c, col=k) for k, c in enumerate(cells)),
            part="pdf-table",
            page=page_number,
        )
        for i, cells in enumerate(rows)
    ]
