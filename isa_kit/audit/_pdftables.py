"""Rebuild the rows of signature and ICO tables on a PDF page from its ruling lines.

A PDF has no tables, only words at positions and lines drawn between them; a long
organisation name wraps inside its cell, so text lines are not rows. Rows are recovered the
way a reader sees them: the table's horizontal rules cut the page into bands, its vertical
rules into columns, and each word falls in one cell. Words come from ``pdftotext -bbox``
(positions) and rules from the page's content stream (pypdf, already bounded). Only pages
whose text shows a signature or ICO table header are examined, plus the page after one whose
table runs on. Without rules, the layout text is used with a wrapped-line heuristic.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from ._text import Block, Cell, clean

_HEADER_ORG = re.compile(r"\b(?:organi[sz]ation|agency|partner|name|party|body)\b", re.IGNORECASE)
_HEADER_SIG = re.compile(
    r"\bsignature\b|\bsigned\b|\bICO\b|registration\s+(?:no|number)", re.IGNORECASE
)
HEADER_HINT = re.compile(r"signature|signed|\bICO\b|registration\s+(?:no|number)", re.IGNORECASE)
"""A cheap test of a whole page: could it hold a signature or ICO table header?"""


def is_header(line: str) -> bool:
    """A line that reads as a signature or ICO table header."""
    return _HEADER_SIG.search(line) is not None and _HEADER_ORG.search(line) is not None


_WORD_RX = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


class Word(NamedTuple):
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass
class OpenTable:
    number: int
    columns: list[float]
    """Column boundaries (x, top-down page coordinates), left to right."""


class PdftotextError(Exception):
    pass


def pdftotext_words(
    path: Path, pages: int, timeout: float, max_bytes: int
) -> list[list[Word]] | None:
    """Every page's words with their boxes, from one ``pdftotext -bbox`` run (None: no poppler)."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    try:
        proc = subprocess.run(
            [exe, "-bbox", "-q", "-l", str(pages), os.fspath(path), "-"],
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PdftotextError(f"reading the text took longer than {timeout:.0f} s") from None
    if proc.returncode != 0:
        raise PdftotextError(f"pdftotext failed (exit {proc.returncode})")
    if len(proc.stdout) > max_bytes:
        raise PdftotextError("the PDF's text is larger than the audit limit")
    text = proc.stdout.decode("utf-8", errors="replace")
    out: list[list[Word]] = []
    for chunk in text.split("<page ")[1:]:
        out.append(
            [
                Word(float(a), float(b), float(c), float(d), html.unescape(t))
                for a, b, c, d, t in _WORD_RX.findall(chunk)
                if t.strip()
            ]
        )
    return out


_EMAIL_TAIL = re.compile(r"^\.?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*[.,;)]?$")
_TLDS = frozenset(
    ["uk", "com", "net", "org", "gov", "info", "eu", "io", "co", "ac", "sch", "police", "nhs"]
)


def _incomplete_address(text: str, tail: str) -> bool:
    if text.endswith((".", "-", "@")) or tail.startswith("."):
        return True
    domain = text.rsplit("@", 1)[-1]
    return "." not in domain or domain.rsplit(".", 1)[-1].lower() not in _TLDS


def rejoin_wrapped_emails(words: list[Word]) -> list[Word]:
    """An address wrapped inside a table cell (``a@x.gcsx.`` / ``gov.uk``) made whole again."""
    if not any("@" in w.text for w in words):
        return words
    out = list(words)
    used: set[int] = set()
    for i in range(len(out)):
        w = out[i]
        if i in used or "@" not in w.text:
            continue
        for _ in range(3):  # an address wraps over at most a few lines
            height = w.y1 - w.y0
            below = [
                (j, v)
                for j, v in enumerate(out)
                if j not in used
                and j != i
                and abs(v.x0 - w.x0) < 3
                and 0 < v.y0 - w.y1 + height < 1.8 * height
            ]
            if not below:
                break
            j, v = min(below, key=lambda jv: jv[1].y0)
            if not (_EMAIL_TAIL.match(v.text) and _incomplete_address(w.text, v.text)):
                break
            w = Word(w.x0, w.y0, max(w.x1, v.x1), v.y1, w.text + v.text)
            out[i] = w
            used.add(j)
    return [w for k, w in enumerate(out) if k not in used]


def layout_lines(words: list[Word]) -> list[str]:
    """Words as text lines, each word placed at a column proportional to its x position."""
    out: list[str] = []
    groups: list[tuple[float, list[Word]]] = []
    for w in sorted(words, key=lambda w: (w.cy, w.x0)):
        if groups and abs(groups[-1][0] - w.cy) < 2:
            groups[-1][1].append(w)
        else:
            groups.append((w.cy, [w]))
    for _y, ws in groups:
        line = ""
        for w in sorted(ws, key=lambda w: w.x0):
            col = int(w.x0 / 4.5)
            if len(line) < col:
                line += " " * (col - len(line))
            elif line:
                line += " "
            line += w.text
        out.append(line)
    return out


_TOKEN = re.compile(
    rb"\((?:\\.|[^\\)])*\)|<<|>>|<[0-9A-Fa-f\s]*>|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'\"*]+|/[^\s/\[\]()<>{}%]*|[\[\]{}]|%[^\r\n]*"
)
_NUMBER = re.compile(rb"[-+]?(?:\d+\.?\d*|\.\d+)$")


def rules_on_page(
    page: Any,
) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Horizontal rules (y, x0, x1) and vertical rules (x, y0, y1), top-down coordinates.

    The content stream (inflated by pypdf under its bounds) is scanned for path operators
    only (``m``, ``l``, ``re``, ``cm``, ``q``, ``Q``), with one regular expression; text,
    strings and images are skipped. Forms drawn with ``Do`` are not followed.
    """
    box = page.cropbox
    left, top = float(box.left), float(box.top)
    width, height = float(box.width), float(box.height)
    contents = page.get_contents()
    if contents is None:
        return [], []
    data: bytes = contents.get_data()
    ctm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack: list[tuple[float, float, float, float, float, float]] = []
    cur: tuple[float, float] | None = None
    hs: list[tuple[float, float, float]] = []
    vs: list[tuple[float, float, float]] = []
    nums: list[float] = []

    def tr(x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = ctm
        return a * x + c * y + e - left, top - (b * x + d * y + f)

    def seg(p: tuple[float, float], q: tuple[float, float]) -> None:
        (x0, y0), (x1, y1) = p, q
        if abs(y0 - y1) < 1.0 and abs(x1 - x0) > 5:
            hs.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x0 - x1) < 1.0 and abs(y1 - y0) > 5:
            vs.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))

    for count, m in enumerate(_TOKEN.finditer(data)):
        if count > 2_000_000:
            break
        tok = m.group(0)
        first = tok[:1]
        if _NUMBER.match(tok):
            nums.append(float(tok))
            continue
        if first in b"(<[]{/%>":
            nums.clear()
            continue
        op = tok
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop() if stack else ctm
        elif op == b"cm" and len(nums) >= 6:
            a2, b2, c2, d2, e2, f2 = nums[-6:]
            a, b, c, d, e, f = ctm
            ctm = (
                a2 * a + b2 * c,
                a2 * b + b2 * d,
                c2 * a + d2 * c,
                c2 * b + d2 * d,
                e2 * a + f2 * c + e,
                e2 * b + f2 * d + f,
            )
        elif op == b"m" and len(nums) >= 2:
            cur = tr(nums[-2], nums[-1])
        elif op == b"l" and len(nums) >= 2 and cur is not None:
            nxt = tr(nums[-2], nums[-1])
            seg(cur, nxt)
            cur = nxt
        elif op == b"re" and len(nums) >= 4:
            x, y, w, h = nums[-4:]
            p1, p2 = tr(x, y), tr(x + w, y + h)
            x0, x1 = sorted((p1[0], p2[0]))
            y0, y1 = sorted((p1[1], p2[1]))
            if not (x1 - x0 > 0.9 * width and y1 - y0 > 0.9 * height):  # not a page-sized clip
                if y1 - y0 <= 2.5:
                    seg((x0, (y0 + y1) / 2), (x1, (y0 + y1) / 2))
                elif x1 - x0 <= 2.5:
                    seg(((x0 + x1) / 2, y0), ((x0 + x1) / 2, y1))
                else:
                    seg((x0, y0), (x1, y0))
                    seg((x0, y1), (x1, y1))
                    seg((x0, y0), (x0, y1))
                    seg((x1, y0), (x1, y1))
        nums.clear()
    return hs, vs


def _merge(values: list[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def table_rows(
    words: list[Word],
    hs: list[tuple[float, float, float]],
    vs: list[tuple[float, float, float]],
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


def _runs(vs: list[tuple[float, float, float]]) -> list[tuple[list[float], float, float]]:
    """Vertical rules grouped into tables: (column boundaries, top, bottom), top to bottom."""
    groups: list[list[tuple[float, float, float]]] = []
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
    hs: list[tuple[float, float, float]],
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


def _continues(prev: list[str], cells: list[str]) -> bool:
    """Whether a layout line is the wrapped rest of the row above, not a row of its own."""
    if any(c and not p for p, c in zip(prev, cells, strict=False)):
        return False  # text where the row above had none: a new row begins
    if all(not c for c in cells[1:]) and all(not p for p in prev[1:]):
        # only the first column, above and here: wrapped only if it reads as a continuation
        return bool(
            cells[0][:1].islower()
            or cells[0].startswith("(")
            or re.search(r"(?:\b(?:and|of|the|&)|[,(-])$", prev[0])
        )
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
