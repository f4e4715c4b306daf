"""Review periods as documents state them (``reviewed every two years``, ``annually``).

One grammar shared by ``audit`` (periods stated in a Word or PDF file) and ``check``
(periods stated in a document's free text, compared with its ``review.period_months``): a
period counts only in a sentence about reviewing the agreement, so "an annual report" is not
a review period.
"""

from __future__ import annotations

import re

__all__ = ["duration_months", "review_periods_in"]

_NUMBER = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "nine": 9,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
    "thirty-six": 36,
}
_PERIOD_RX = re.compile(
    r"\bevery\s+(?P<n>\d{1,2}|one|two|three|four|five|six|nine|twelve|eighteen|twenty-four|thirty-six)"
    r"\s+(?P<unit>years?|months?)\b"
    r"|\bevery\s+(?P<single>year|other\s+year|six\s+months|quarter)\b"
    r"|\b(?P<adverb>annually|yearly|biennially|bi-annually|biannually|six-monthly|half-yearly|quarterly)\b"
    r"|\b(?:on\s+an?\s+)(?P<basis>annual|yearly|biennial|six-monthly|quarterly)\s+basis\b"
    r"|\breview\s+period\s+(?:of|is|will\s+be)\s+(?P<pn>\d{1,2}|one|two|three|six|twelve)\s+(?P<punit>years?|months?)\b",
    re.IGNORECASE,
)
_SUBJECT_RX = re.compile(
    r"\b(?:agreement|protocol|document|memorandum|mou|guidance|arrangements?|procedures?|policy|isa)\b",
    re.IGNORECASE,
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.;!?])\s+(?=[A-Z0-9(])")


def _period_months(m: re.Match[str]) -> int | None:
    if m["n"]:
        n = int(m["n"]) if m["n"].isdigit() else _NUMBER[m["n"].lower()]
        return n * (12 if m["unit"].lower().startswith("year") else 1)
    if m["pn"]:
        n = int(m["pn"]) if m["pn"].isdigit() else _NUMBER[m["pn"].lower()]
        return n * (12 if m["punit"].lower().startswith("year") else 1)
    word = (m["single"] or m["adverb"] or m["basis"] or "").lower()
    word = " ".join(word.split())
    return {
        "year": 12,
        "other year": 24,
        "six months": 6,
        "quarter": 3,
        "annually": 12,
        "yearly": 12,
        "annual": 12,
        "biennially": 24,
        "biennial": 24,
        "bi-annually": 6,
        "biannually": 6,
        "six-monthly": 6,
        "half-yearly": 6,
        "quarterly": 3,
    }.get(word)


def review_periods_in(text: str) -> list[tuple[int, tuple[int, int] | None, str]]:
    """Each review period stated in ``text``: (months, span in ``text``, the words)."""
    out: list[tuple[int, tuple[int, int] | None, str]] = []
    if "review" not in text.lower():
        return out
    offset = 0
    for sentence in _SENTENCE_SPLIT.split(text):
        start = text.find(sentence, offset)
        offset = max(start, 0) + len(sentence)
        if "review" not in sentence.lower() or not _SUBJECT_RX.search(sentence):
            continue
        for m in _PERIOD_RX.finditer(sentence):
            months = _period_months(m)
            window = sentence[max(0, m.start() - 100) : m.end() + 60]
            if months and "review" in window.lower() and _SUBJECT_RX.search(window):
                span = (start + m.start(), start + m.end()) if start >= 0 else None
                out.append((months, span, m.group(0)))
    return out


_DURATION_RX = re.compile(
    r"^\s*(?:every\s+)?(?:(?P<n>\d{1,2}|one|two|three|four|five|six|nine|twelve|eighteen"
    r"|twenty-four|thirty-six)\s+(?P<unit>years?|months?)"
    r"|(?P<adverb>annually|yearly|biennially|bi-annually|biannually|six-monthly|half-yearly"
    r"|quarterly))\b",
    re.IGNORECASE,
)


def duration_months(text: str) -> int | None:
    """A bare review period as a document-control table gives it (``24 months``, ``2 years``,
    ``annually``), in months; ``None`` for anything else (``Not recorded``)."""
    m = _DURATION_RX.match(text)
    if m is None:
        return None
    if m["n"]:
        n = int(m["n"]) if m["n"].isdigit() else _NUMBER[m["n"].lower()]
        return n * (12 if m["unit"].lower().startswith("year") else 1)
    return {
        "annually": 12,
        "yearly": 12,
        "biennially": 24,
        "bi-annually": 6,
        "biannually": 6,
        "six-monthly": 6,
        "half-yearly": 6,
        "quarterly": 3,
    }.get(m["adverb"].lower())
