"""The ruling lines drawn on a PDF page: the horizontal and vertical rules of its tables.

A PDF has no tables, only lines drawn between words; the table readers (:mod:`.pdftables`)
cut the page into rows and columns along these rules. The page's content stream (inflated
by pypdf under its bounds) is scanned for path operators only (``m``, ``l``, ``re``, ``cm``,
``q``, ``Q``), with one regular expression; text, strings and images are skipped, and forms
drawn with ``Do`` are not followed.
"""

from __future__ import annotations

import re
from typing import Any

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
Ruling = tuple[float, float, float]
"""A horizontal rule (y, x0, x1) or a vertical rule (x, y0, y1)."""

_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MAX_TOKENS = 2_000_000
_TOKEN = re.compile(
    rb"\((?:\\.|[^\\)])*\)|<<|>>|<[0-9A-Fa-f\s]*>|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'\"*]+|/[^\s/\[\]()<>{}%]*|[\[\]{}]|%[^\r\n]*"
)
_NUMBER = re.compile(rb"[-+]?(?:\d+\.?\d*|\.\d+)$")


def rules_on_page(page: Any) -> tuple[list[Ruling], list[Ruling]]:
    """Horizontal rules (y, x0, x1) and vertical rules (x, y0, y1), top-down coordinates."""
    box = page.cropbox
    pen = _Pen(float(box.left), float(box.top), float(box.width), float(box.height))
    contents = page.get_contents()
    if contents is None:
        return [], []
    data: bytes = contents.get_data()
    nums: list[float] = []
    for count, m in enumerate(_TOKEN.finditer(data)):
        if count > _MAX_TOKENS:
            break
        tok = m.group(0)
        if _NUMBER.match(tok):
            nums.append(float(tok))
            continue
        if tok[:1] in b"(<[]{/%>":
            nums.clear()
            continue
        pen.operator(tok, nums)
        nums.clear()
    return pen.hs, pen.vs


class _Pen:
    """Follows the path operators of one content stream and keeps the straight rules drawn."""

    def __init__(self, left: float, top: float, width: float, height: float) -> None:
        self.left, self.top = left, top
        self.width, self.height = width, height
        self.ctm: Matrix = _IDENTITY
        self.stack: list[Matrix] = []
        self.cur: Point | None = None
        self.hs: list[Ruling] = []
        self.vs: list[Ruling] = []

    def operator(self, op: bytes, nums: list[float]) -> None:
        """Apply one operator to the graphics state, with the numbers that preceded it."""
        if op == b"q":
            self.stack.append(self.ctm)
        elif op == b"Q":
            self.ctm = self.stack.pop() if self.stack else self.ctm
        elif op == b"cm" and len(nums) >= 6:
            self.ctm = _concat(nums[-6:], self.ctm)
        elif op == b"m" and len(nums) >= 2:
            self.cur = self.to_page(nums[-2], nums[-1])
        elif op == b"l" and len(nums) >= 2 and self.cur is not None:
            nxt = self.to_page(nums[-2], nums[-1])
            self.segment(self.cur, nxt)
            self.cur = nxt
        elif op == b"re" and len(nums) >= 4:
            x, y, w, h = nums[-4:]
            self.rectangle(self.to_page(x, y), self.to_page(x + w, y + h))

    def to_page(self, x: float, y: float) -> Point:
        """User space to top-down page coordinates relative to the crop box."""
        a, b, c, d, e, f = self.ctm
        return a * x + c * y + e - self.left, self.top - (b * x + d * y + f)

    def segment(self, p: Point, q: Point) -> None:
        """Keep a segment that is a horizontal or vertical rule longer than 5 pt."""
        (x0, y0), (x1, y1) = p, q
        if abs(y0 - y1) < 1.0 and abs(x1 - x0) > 5:
            self.hs.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x0 - x1) < 1.0 and abs(y1 - y0) > 5:
            self.vs.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))

    def rectangle(self, p1: Point, p2: Point) -> None:
        """A thin rectangle is one rule; a cell-sized one, four; a page-sized clip, none."""
        x0, x1 = sorted((p1[0], p2[0]))
        y0, y1 = sorted((p1[1], p2[1]))
        if x1 - x0 > 0.9 * self.width and y1 - y0 > 0.9 * self.height:
            return
        if y1 - y0 <= 2.5:
            self.segment((x0, (y0 + y1) / 2), (x1, (y0 + y1) / 2))
        elif x1 - x0 <= 2.5:
            self.segment(((x0 + x1) / 2, y0), ((x0 + x1) / 2, y1))
        else:
            self.segment((x0, y0), (x1, y0))
            self.segment((x0, y1), (x1, y1))
            self.segment((x0, y0), (x0, y1))
            self.segment((x1, y0), (x1, y1))


def _concat(nums: list[float], ctm: Matrix) -> Matrix:
    """The matrix ``nums`` (a ``cm`` operand) applied before the current matrix ``ctm``."""
    a2, b2, c2, d2, e2, f2 = nums
    a, b, c, d, e, f = ctm
    return (
        a2 * a + b2 * c,
        a2 * b + b2 * d,
        c2 * a + d2 * c,
        c2 * b + d2 * d,
        e2 * a + f2 * c + e,
        e2 * b + f2 * d + f,
    )
