"""Recover one document's facts from the audit's reading of it: no files, no clock.

The audit's extractors find review dates, periods, signature and ICO tables, parties and email
addresses; this module adds what a draft needs besides (title, kind, version, status,
classification, version history) and says how sure it is of each. :mod:`.content` adds the
lawful bases, RAG levels, retention and security statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from isa_kit.audit.extract import Facts
from isa_kit.audit.text import Block, DocumentText

from .content import data_shared, lawful_bases, rag_levels, retention, security
from .history import history
from .notes import Note, Status, YamlPath
from .tables import clean, label_values

LabelValues = list[tuple[str, str, Block]]


@dataclass
class OrgSeen:
    name: str
    where: str
    ico: str | None = None
    signatory: dict[str, str] | None = None
    """``role``, ``name`` and ``date`` as filled in, when the org has a signature-table row."""


@dataclass
class Recovered:
    """One document's draft (plain data for ``documents/<id>.yaml``) and what it is unsure of."""

    source: str
    doc_id: str
    doc: dict[str, Any] = field(default_factory=dict)
    orgs: list[OrgSeen] = field(default_factory=list)
    emails: list[tuple[str, str, str | None]] = field(default_factory=list)
    """Address, where it is, and the role beside it in a table row (when there is one)."""
    rag: list[dict[str, Any]] = field(default_factory=list)
    escalation: list[dict[str, Any]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    says_signed: bool = False

    def note(
        self,
        status: Status,
        what: str,
        value: object,
        where: str = "",
        why: str = "",
        key: YamlPath | None = None,
    ) -> None:
        """Record a fact; a ``key`` (a path in this document's YAML) gets ``why`` as a comment."""
        self.notes.append(
            Note(
                status,
                what,
                str(value),
                f"{self.source}, {where}" if where else self.source,
                why,
                (f"documents/{self.doc_id}.yaml", key) if key else None,
            )
        )


_KINDS = (
    ("isa", re.compile(r"information sharing agreement", re.I)),
    ("mou", re.compile(r"(?i:memorandum of understanding)|\bMOU\b")),
    ("protocol", re.compile(r"\bprotocol\b", re.I)),
    ("guidance", re.compile(r"\bguidance\b|\bguide\b", re.I)),
)
_MARKING = re.compile(
    r"\b(OFFICIAL[- ]SENSITIVE|OFFICIAL|RESTRICTED|PROTECT|NOT PROTECTIVELY MARKED)\b"
)
_VERSION = re.compile(r"\bVersion\s*(?:number|no\.?)?\s*:?\s*(\d+(?:\.\d+)*)\b", re.I)


def recover(
    doc: DocumentText, facts: Facts, doc_id: str, lines: list[Block] | None = None
) -> Recovered:
    """``lines``: the paragraphs or a PDF's layout lines, where a title line is looked for."""
    rec = Recovered(source=doc.path, doc_id=doc_id, says_signed=facts.says_signed is not None)
    body = [b for b in doc.blocks if b.part != "layout-line"]
    lv = label_values(body)
    rec.doc["id"] = doc_id
    _identity(lines or body, lv, rec)
    if facts.ico_rows and rec.doc["kind"] in ("protocol", "guidance"):
        # a registration table is what an agreement carries (Barnet's protocol holds its ISA
        # as an appendix): import it as the agreement, so check asks what the audit asks
        rec.doc["kind"] = "isa"
        rec.note(
            "guessed",
            "kind",
            "isa",
            facts.ico_rows[0].where.region,
            "it carries an ICO registration table, which only an agreement has",
            ("kind",),
        )
    _version(body, lv, rec)
    _status(lv, rec)
    _classification(body, lv, rec)
    _review(facts, rec)
    lawful_bases(body, rec)
    data_shared(body, rec)
    _sensitive_data(facts, rec)
    retention(body, rec)
    security(body, rec)
    flow = lines if doc.kind == "pdf" and lines else [b for b in doc.blocks if b.part == "body"]
    rec.rag = rag_levels(flow, rec)
    rec.emails = _emails(doc, facts)
    return rec


def _sensitive_data(facts: Facts, rec: Recovered) -> None:
    """Special category and criminal offence data the document says it shares (the audit's
    reading: a data table's Yes, or a sentence such as "shares health information"), as data
    categories to be named by hand, so that check asks for their conditions as the audit does."""
    agreement = facts.agreement
    if agreement is None:
        return
    categories: list[dict[str, Any]] = []
    for name, where, flag in (
        ("Special category data", agreement.special, "special_category"),
        ("Criminal offence data", agreement.criminal, "criminal_offence"),
    ):
        if where is None:
            continue
        categories.append({"name": name, "description": where.quote, flag: True})
        why = f"the document says it shares {name.lower()} ({where.region}): name the categories"
        key = ("data_shared", "categories", len(categories) - 1, "name")
        rec.note("guessed", "data shared", name, where.region, why, key)
    if categories:
        rec.doc.setdefault("data_shared", {}).setdefault("categories", []).extend(categories)


def _identity(body: list[Block], lv: LabelValues, rec: Recovered) -> None:
    title, where, sure = _title(body, lv)
    name = PurePath(rec.source).stem.replace("-", " ").replace("_", " ")
    start = " ".join(clean(b.text) for b in body[:60])
    kind, how = None, ""
    for text, said in ((title or "", ""), (name, "the file name"), (start, "the opening text")):
        kind = next((k for k, rx in _KINDS if rx.search(text)), None)
        if kind is not None:
            how = said
            break
    kind = kind or "guidance"
    rec.doc["kind"] = kind
    if kind is not None and not how:
        rec.note("recovered", "kind", kind, where)
    else:
        why = f"taken from {how}" if how else "nothing says what kind of document it is"
        rec.note("guessed", "kind", kind, where, why, ("kind",))
    if title is None:
        title = f"{_KIND_NAMES[kind]} (title not found in the source)"
        rec.note("unread", "title", title, "", "no title line found: give the title", ("title",))
    elif sure:
        rec.note("recovered", "title", title, where)
    else:
        why = "the first heading naming the kind of document: confirm it is the title"
        rec.note("guessed", "title", title, where, why, ("title",))
    rec.doc["title"] = title


_KIND_NAMES = {
    "isa": "Information sharing agreement",
    "mou": "Memorandum of understanding",
    "protocol": "Protocol",
    "guidance": "Guidance",
}
_TITLE_LINE = re.compile(r"^[A-Z][^.;:!?]{3,110}$")


def _title(blocks: list[Block], lv: LabelValues) -> tuple[str | None, str, bool]:
    for label, value, b in lv:
        if label in ("document title", "title") and value:
            return value, b.region, True
    for b in blocks[:400]:
        text = clean(b.text)
        short = b.table is None and _TITLE_LINE.match(text) and len(text.split()) <= 14
        if short and any(k.search(text) for _, k in _KINDS):
            return text, b.region, False
    return None, "", False


def _version(body: list[Block], lv: LabelValues, rec: Recovered) -> None:
    found = next(
        (
            (value.split()[0], b.region)
            for label, value, b in lv
            if label in ("version", "version number", "version no") and re.match(r"^v?\d", value)
        ),
        None,
    )
    if found is None:
        for b in body:
            m = _VERSION.search(b.text)
            if m:
                found = (m[1], b.region)
                break
    rows = history(body, rec)
    if rows:
        rec.doc["history"] = rows
    if found:
        rec.doc["version"] = found[0]
        rec.note("recovered", "version", found[0], found[1])
    elif rows:
        rec.doc["version"] = rows[-1]["version"]
        why = "the last row of the version history"
        rec.note("guessed", "version", rec.doc["version"], "", why, ("version",))
    else:
        rec.doc["version"] = "1.0"
        why = "no version found: 1.0 is a placeholder"
        rec.note("unread", "version", "1.0", "", why, ("version",))


def _status(lv: LabelValues, rec: Recovered) -> None:
    for label, value, b in lv:
        if label in ("status", "document currency", "document status") and value:
            status = "draft" if "draft" in value.lower() else "final"
            rec.doc["status"] = status
            if value.lower() in ("final", "draft"):
                rec.note("recovered", "status", status, b.region)
            else:
                why = f"the document says '{value[:40]}'"
                rec.note("guessed", "status", status, b.region, why, ("status",))
            return
    rec.doc["status"] = "final"
    why = "the document does not say it is a draft"
    rec.note("guessed", "status", "final", "", why, ("status",))


def _classification(body: list[Block], lv: LabelValues, rec: Recovered) -> None:
    for label, value, b in lv:
        if label in ("security classification", "classification", "protective marking") and value:
            rec.doc["classification"] = value
            rec.note("recovered", "classification", value, b.region)
            return
    for b in body:
        m = _MARKING.search(b.text)
        if m:
            rec.doc["classification"] = m[1]
            why = "a protective marking found in the text, not in a classification field"
            rec.note("guessed", "classification", m[1], b.region, why, ("classification",))
            return
    rec.note("unread", "classification", "-", "", "no protective marking found")


def _review(facts: Facts, rec: Recovered) -> None:
    review: dict[str, Any] = {}
    for kind, key, what in (
        ("next", "next_review", "next review"),
        ("last", "last_reviewed", "last reviewed"),
    ):
        dates = [r for r in facts.review_dates if r.kind == kind]
        if dates:
            r = max(dates, key=lambda r: r.date.latest())
            review[key] = str(r.date)
            rec.note("recovered", what, r.date.human(), r.where.region)
    months = sorted({p.months for p in facts.review_periods})
    if months:
        review["period_months"] = months[0]
        first = next(p for p in facts.review_periods if p.months == months[0])
        if len(months) > 1:
            said = ", ".join(f"{m} months" for m in months)
            why = (
                f"the document states different review periods ({said}); the shortest is "
                "written: confirm which applies"
            )
            rec.note(
                "guessed",
                "review period",
                months[0],
                first.where.region,
                why,
                ("review", "period_months"),
            )
        else:
            rec.note("recovered", "review period", f"{months[0]} months", first.where.region)
    if review:
        rec.doc["review"] = review
    else:
        rec.note("unread", "review", "-", "", "no review date or period found")


def _emails(doc: DocumentText, facts: Facts) -> list[tuple[str, str, str | None]]:
    """Each address with the role written before it in its table row, if any."""
    rows = {b.region: b for b in doc.blocks if b.cells and b.table is not None}
    out: list[tuple[str, str, str | None]] = []
    for e in facts.emails:
        role = None
        row = rows.get(e.where.region)
        if row is not None:
            texts = [clean(c.text) for c in row.cells]
            at = next((i for i, t in enumerate(texts) if e.address.lower() in t.lower()), None)
            before = [t for t in texts[:at] if t and "@" not in t] if at is not None else []
            if before:
                role = before[-1].replace("[", "").replace("]", "").strip() or None
        out.append((e.address, e.where.region, role))
    return out
