"""Review dates and periods: when an agreement is next (or was last) reviewed, and how often.

* review dates in the usual phrasings (``Date of next review: April 2018``, ``Review date:
  February 2024``, ``Last reviewed December 2019``), including a label at the end of one
  line or cell with its date at the start of the next;
* review columns of document-control tables (the latest date in the column counts);
* review periods (``reviewed every two years``, ``every 12 months``, ``annually``), only in
  sentences that are about reviewing the agreement, and in a document-control row
  (``Review period | 24 months``).
"""

from __future__ import annotations

import re
from itertools import pairwise

from isa_kit.data.values import ApproxDate
from isa_kit.reference.review_periods import duration_months, review_periods_in

from .dates import DATE, MONTH, parse_date
from .facts import Facts, ReviewDate, ReviewPeriod, cell_at, locate, tables
from .text import Block

# --- review dates ----------------------------------------------------------------------------

_SEP = r"[\s:.\-–—|]*(?:(?:is|was|due|on|in|by|date|dated|of|scheduled(?:\s+for)?)[\s:.\-–—|]+)*"
_NEXT_LABEL = (
    r"(?:(?:date\s+of\s+)?next\s+review(?:\s+date)?|review\s+(?:due\s+)?date"
    r"|review\s+due|due\s+(?:for|to\s+be)\s+review(?:ed)?|to\s+be\s+reviewed(?:\s+(?:by|on|in|before))?"
    r"|review\s+by|reviewed\s+by\s+date)"
)
_LAST_LABEL = (
    r"(?:(?:date\s+)?last\s+review(?:ed)?(?:\s+date)?|date\s+reviewed|reviewed\s+(?:on|in))"
)
_NEXT_RX = re.compile(rf"\b{_NEXT_LABEL}{_SEP}(?P<date>{DATE})", re.IGNORECASE)
_LAST_RX = re.compile(rf"\b{_LAST_LABEL}{_SEP}(?P<date>{DATE})", re.IGNORECASE)
_NEXT_ONLY = re.compile(rf"\b{_NEXT_LABEL}[\s:.\-–—|]*$", re.IGNORECASE)
_LAST_ONLY = re.compile(rf"\b{_LAST_LABEL}[\s:.\-–—|]*$", re.IGNORECASE)
_LEADING_DATE = re.compile(rf"^[\s|]*(?P<date>{DATE})", re.IGNORECASE)
# a date broken across lines of a PDF (``Date of next review: April`` / ``2018``)
_PART = rf"(?P<part>(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{MONTH})[\s,]*$"
_NEXT_PART = re.compile(rf"\b{_NEXT_LABEL}{_SEP}{_PART}", re.IGNORECASE)
_LAST_PART = re.compile(rf"\b{_LAST_LABEL}{_SEP}{_PART}", re.IGNORECASE)
_LEADING_YEAR = re.compile(r"^[\s|]*(?P<year>(?:19|20)\d\d)\b")


# the document's own date, from which a stated review period runs when nothing else is given
_ISSUED_RX = re.compile(
    r"\b(?:version\s+\d+(?:\.\d+)*\s*[,:\-–]?\s*(?:dated\s+)?|date\s+of\s+issue|issue\s+date"
    r"|date\s+issued|issued(?:\s+on)?|published(?:\s+on)?|dated|date\s*:)"
    rf"[\s:\-–]*(?P<date>{DATE})",
    re.IGNORECASE,
)


def find_issue_dates(blocks: list[Block], facts: Facts) -> None:
    """The document's own date (``Version 1, January 2011``), once per date."""
    seen: set[str] = set()
    for block in blocks:
        for m in _ISSUED_RX.finditer(block.text):
            date = parse_date(m["date"])
            if date is None or str(date) in seen:
                continue
            seen.add(str(date))
            facts.review_dates.append(ReviewDate("issued", date, locate(block, m.span())))


def find_review_dates(blocks: list[Block], facts: Facts) -> None:
    """Next and last review dates stated in the text, each once per kind, date and region."""
    seen: set[tuple[str, str, str]] = set()

    def add(kind: str, raw: str, block: Block, span: tuple[int, int]) -> None:
        date = parse_date(raw)
        if date is None:
            return
        key = (kind, str(date), block.region)
        if key in seen:
            return
        seen.add(key)
        facts.review_dates.append(ReviewDate(kind, date, locate(block, span)))

    for i, block in enumerate(blocks):
        text = block.text
        if "review" not in text.lower():
            continue
        found = False
        for kind, rx in (("next", _NEXT_RX), ("last", _LAST_RX)):
            for m in rx.finditer(text):
                add(kind, m["date"], block, m.span())
                found = True
        if found:
            continue
        # a label at the end of a line or cell, its date at the start of the next
        for kind, only in (("next", _NEXT_ONLY), ("last", _LAST_ONLY)):
            label = only.search(text)
            if label and i + 1 < len(blocks) and blocks[i + 1].part == block.part:
                nxt = _LEADING_DATE.match(blocks[i + 1].text)
                if nxt:
                    add(kind, nxt["date"], block, label.span())
        for kind, part in (("next", _NEXT_PART), ("last", _LAST_PART)):
            label = part.search(text)
            if label and i + 1 < len(blocks) and blocks[i + 1].part == block.part:
                year = _LEADING_YEAR.match(blocks[i + 1].text)
                if year:
                    add(kind, f"{label['part']} {year['year']}", block, label.span())


_NEXT_HEADER = re.compile(rf"^\s*{_NEXT_LABEL}\s*:?\s*$", re.IGNORECASE)
_LAST_HEADER = re.compile(rf"^\s*{_LAST_LABEL}\s*:?\s*$", re.IGNORECASE)


def find_review_columns(blocks: list[Block], facts: Facts) -> None:
    """A ``Review date`` column of a document-control table: its latest date counts."""
    for rows in tables(blocks):
        for header_index, header in enumerate(rows[:3]):
            for kind, rx in (("next", _NEXT_HEADER), ("last", _LAST_HEADER)):
                cols = [c.col for c in header.cells if rx.match(c.text)]
                if not cols or len(header.cells) < 2:
                    continue
                best: tuple[ApproxDate, Block] | None = None
                for row in rows[header_index + 1 :]:
                    cell = cell_at(row, cols[0])
                    if cell is None:
                        continue
                    m = _LEADING_DATE.match(cell.text)
                    date = parse_date(m["date"]) if m else None
                    if date is not None and (best is None or date.latest() > best[0].latest()):
                        best = (date, row)
                if best is not None:
                    facts.review_dates.append(ReviewDate(kind, best[0], locate(best[1])))


# --- review periods --------------------------------------------------------------------------


def find_review_periods(blocks: list[Block], facts: Facts) -> None:
    """Review periods in sentences about reviewing the agreement (``every two years``)."""
    for block in blocks:
        for months, span, said in review_periods_in(block.text):
            facts.review_periods.append(ReviewPeriod(months, said, locate(block, span)))


_LABEL = r"^\s*(?:(?:agreement|document)\s+)?review\s+(?:period|frequency|cycle|interval)\s*:?"
_PERIOD_LABEL = re.compile(_LABEL + r"\s*$", re.IGNORECASE)
_PERIOD_LINE = re.compile(_LABEL + r"\s+(?P<value>\S.*)$", re.IGNORECASE)


def find_review_period_rows(blocks: list[Block], facts: Facts) -> None:
    """A document-control row giving the review period (``Review period | 24 months``): a
    period the document states as surely as a sentence does (in a PDF, the layout line)."""
    for block in blocks:
        m = _PERIOD_LINE.match(block.text) if block.part == "layout-line" else None
        if m and (months := duration_months(m["value"])):
            facts.review_periods.append(ReviewPeriod(months, m["value"], locate(block, m.span(1))))
    for rows in tables(blocks):
        for row in rows:
            cells = [c for c in row.cells if c.text.strip()]
            for label, value in pairwise(cells):
                if not _PERIOD_LABEL.match(label.text):
                    continue
                months = duration_months(value.text)
                if months:
                    start = row.text.find(value.text.strip())
                    span = (start, start + len(value.text.strip())) if start >= 0 else None
                    facts.review_periods.append(
                        ReviewPeriod(months, value.text.strip(), locate(row, span))
                    )
