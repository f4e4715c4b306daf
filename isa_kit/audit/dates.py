"""Dates as British documents write them: the ``DATE`` pattern and :func:`parse_date`.

Kept apart from the extractors because both the review-date reader and its tests need the
one grammar of dates (``1st of March, 2020``, ``April 2018``, ``31/12/19``, ``2024-05``), and
because it is the only place that decides what a day/month order means (British: day first).
"""

from __future__ import annotations

import re

from isa_kit.data.values import ApproxDate

_MONTH_NAMES = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
MONTH = _MONTH
"""A month name as documents write it (``Apr``, ``April``, ``Sept.``)."""
DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,\s+\d{{4}}"
    rf"|{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
    r"|\d{1,2}/\d{4}"
    r"|\d{4}-\d{2})(?![\d/])"
)
_DATE_RX = re.compile(DATE, re.IGNORECASE)


def parse_date(text: str) -> ApproxDate | None:
    """A British date as a document writes it, to the day or to the month."""
    t = text.strip().lower().replace(",", " ").replace(".", " ").replace("of ", "")
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", t)
    t = " ".join(t.split())
    m = re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", t)
    if m and m[2] in _MONTH_NAMES:
        return _make(int(m[3]), _MONTH_NAMES[m[2]], int(m[1]))
    m = re.fullmatch(r"([a-z]+) (\d{1,2}) (\d{4})", t)
    if m and m[1] in _MONTH_NAMES:
        return _make(int(m[3]), _MONTH_NAMES[m[1]], int(m[2]))
    m = re.fullmatch(r"([a-z]+) (\d{4})", t)
    if m and m[1] in _MONTH_NAMES:
        return _make(int(m[2]), _MONTH_NAMES[m[1]], None)
    raw = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{4})-(\d{2})", raw)
    if m:
        return _make(int(m[1]), int(m[2]), None)
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", raw)
    if m:  # British order: day/month/year
        year = int(m[3])
        if year < 100:
            year += 2000
        return _make(year, int(m[2]), int(m[1]))
    m = re.fullmatch(r"(\d{1,2})/(\d{4})", raw)
    if m:
        return _make(int(m[2]), int(m[1]), None)
    return None


def _make(year: int, month: int, day: int | None) -> ApproxDate | None:
    if not 1990 <= year <= 2100:
        return None
    try:
        return ApproxDate.parse(
            f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
        )
    except ValueError:
        return None
