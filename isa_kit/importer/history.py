"""The version history: from a table headed ``Version | Date | ...`` (Word, and PDFs whose
table the audit's reader rebuilt), or else from the text after a ``Version log/control``
heading, where a PDF leaves the cells in reading order."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from isa_kit.audit.extract import DATE, parse_date, tables
from isa_kit.audit.text import Block

from .tables import at, column, headed_tables

if TYPE_CHECKING:
    from .recover import Recovered

_HEAD = (re.compile(r"^version", re.I), re.compile(r"date", re.I))
_HEADING = re.compile(r"\bVersion\s+(?:log|control|history)\b", re.I)
_TOKEN = re.compile(rf"(?P<date>{DATE})|(?P<author>\[[^\]]{{1,80}}\])|(?P<word>\S+)", re.I)
_DAY_FIRST = re.compile(r"^(\d{1,2})\s+([A-Za-z]+\.?,?\s+\d{4})$")
_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,3})?$")
_HEADER_WORDS = {
    "version",
    "number",
    "no",
    "no.",
    "date",
    "author",
    "reason",
    "description",
    "of",
    "change",
    "for",
    "new",
    "pages",
}


def history(body: list[Block], rec: Recovered) -> list[dict[str, Any]]:
    rows = _from_table(body, rec)
    return rows or _from_text(body, rec)


def _from_table(body: list[Block], rec: Recovered) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for cols, rows, blocks in headed_tables(tables(body), _HEAD)[:1]:
        vc, dc = column(cols, r"^version"), column(cols, r"date")
        extra = [
            (k, column(cols, p))
            for k, p in (("author", "author"), ("reason", "reason"), ("description", "descr"))
        ]
        for cells, b in zip(rows, blocks, strict=True):
            version = at(cells, vc)
            if not version:
                continue
            entry: dict[str, Any] = {"version": version}
            date = parse_date(at(cells, dc))
            if date is not None:
                entry["date"] = str(date)
            entry.update({k: at(cells, c) for k, c in extra if at(cells, c)})
            out.append(entry)
            rec.note(
                "recovered", "version row", f"{version} {entry.get('date', '')}".strip(), b.region
            )
    return out


def _from_text(body: list[Block], rec: Recovered) -> list[dict[str, Any]]:
    pages = [b for b in body if b.part == "page"]
    for i, b in enumerate(pages):
        m = _HEADING.search(b.text)
        if m is None:
            continue
        versions: list[str] = []
        dates: list[str] = []
        authors: list[str] = []
        text = b.text[m.end() :]
        stopped = _scan(text, versions, dates, authors)
        if not stopped and i + 1 < len(pages):
            _scan(pages[i + 1].text, versions, dates, authors)
        n = min(len(versions), len(dates))
        if not n:
            continue
        out: list[dict[str, Any]] = []
        for j in range(n):
            entry: dict[str, Any] = {"version": versions[j], "date": dates[j]}
            if len(authors) == len(versions):
                entry["author"] = authors[j]
            out.append(entry)
            rec.note("recovered", "version row", f"{versions[j]} {dates[j]}", b.region)
        why = (
            "read from the PDF's text, where the table's cells run in reading order: "
            "check each row against the source"
        )
        rec.note("guessed", "version history", f"{n} rows", b.region, why, ("history",))
        return out
    return []


def _scan(text: str, versions: list[str], dates: list[str], authors: list[str]) -> bool:
    """Collect version numbers, dates and [authors] until prose starts; True when it did."""
    words = 0
    for m in _TOKEN.finditer(text):
        if m["date"]:
            lead = _DAY_FIRST.match(m["date"])
            if lead and len(versions) == len(dates) and lead[1] not in versions:
                versions.append(lead[1])  # "4 May 2023" in a row: version 4, May 2023
                date = parse_date(lead[2])
            else:
                date = parse_date(m["date"])
            if date is not None:
                dates.append(str(date))
            words = 0
        elif m["author"]:
            authors.append(m["author"].strip("[]"))
            words = 0
        elif _NUMBER.match(m["word"]) and m["word"] not in versions:
            versions.append(m["word"])
            words = 0
        elif m["word"].lower() in _HEADER_WORDS and not versions:
            continue
        else:
            if m["word"].lower() == "version":
                return True
            words += 1
            if words >= 3:
                return True
    return False
