"""Recover one document's facts from the audit's reading of it: no files, no clock.

The audit's extractors find review dates, periods, signature and ICO tables, parties and email
addresses; this module adds what a draft needs besides (title, kind, version, status,
classification, version history, lawful bases, RAG levels) and says how sure it is of each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from isa_kit.audit.extract import Facts, parse_date, tables
from isa_kit.audit.text import Block, DocumentText

from .notes import Note
from .tables import at, clean, column, headed_tables, label_values


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
    doc: dict[str, Any] = field(default_factory=dict)
    orgs: list[OrgSeen] = field(default_factory=list)
    emails: list[tuple[str, str]] = field(default_factory=list)
    rag: list[dict[str, Any]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    says_signed: bool = False


_KINDS = (
    ("isa", re.compile(r"information sharing agreement", re.I)),
    ("mou", re.compile(r"memorandum of understanding|\bMOU\b")),
    ("protocol", re.compile(r"\bprotocol\b", re.I)),
    ("guidance", re.compile(r"\bguidance\b|\bguide\b", re.I)),
)
_MARKING = re.compile(
    r"\b(OFFICIAL[- ]SENSITIVE|OFFICIAL|RESTRICTED|PROTECT|CONFIDENTIAL|NOT PROTECTIVELY MARKED"
    r"|Not classified)\b"
)
_VERSION = re.compile(r"\bVersion\s*(?:number|no\.?)?\s*:?\s*(\d+(?:\.\d+)*)\b", re.I)
_ART6 = {"a": "consent", "b": "contract", "c": "legal-obligation", "d": "vital-interests",
         "e": "public-task", "f": "legitimate-interests"}
_ART6_RX = re.compile(r"Article\s*6\s*\(1\)\s*\(([a-f])\)", re.I)
_ACT = re.compile(
    r"\b((?:[A-Z][A-Za-z]*\s+){1,6}Act\s+(?:1[89]|20)\d\d)(?:,?\s+(?:section|s\.)\s*(\d+[A-Z]?))?"
)
_RAG_RX = re.compile(r"^\s*(RED|AMBER|GREEN|BLUE|BLACK)\b", re.I)
_TIME_RX = re.compile(r"\b(\d+)\s+(working\s+)?(hour|day|week)s?\b", re.I)


def _title(blocks: list[Block], facts_lv: list[tuple[str, str, Block]]) -> tuple[str, str, bool]:
    for label, value, b in facts_lv:
        if label in ("document title", "title") and value:
            return value, b.region, True
    for b in blocks:
        text = clean(b.text)
        if b.table is None and b.part in ("body", "page") and any(k.search(text) for _, k in _KINDS):
            return (text if len(text) <= 120 else text[:117].rstrip() + "…"), b.region, False
    first = next((clean(b.text) for b in blocks if clean(b.text)), "Untitled document")
    return first[:120], blocks[0].region if blocks else "", False


def recover(doc: DocumentText, facts: Facts, doc_id: str) -> Recovered:
    src = doc.path
    rec = Recovered(source=src, says_signed=facts.says_signed is not None)
    body = [b for b in doc.blocks if b.part not in ("layout-line",)]
    lv = label_values(body)
    d = rec.doc
    d["id"] = doc_id
    path = ("documents", doc_id)

    def note(status: str, what: str, value: object, where: str, why: str = "",
             key: tuple[str | int, ...] | None = None) -> None:
        rec.notes.append(Note(status, what, str(value), f"{src}, {where}" if where else src,  # type: ignore[arg-type]
                              why, (f"documents/{doc_id}.yaml", key) if key else None))

    title, where, sure = _title(body, lv)
    alltext = " ".join(clean(b.text) for b in body[:40])
    kind = next((k for k, rx in _KINDS if rx.search(title)), None)
    kind_sure = kind is not None
    kind = kind or next((k for k, rx in _KINDS if rx.search(alltext)), "guidance")
    d["kind"] = kind
    d["title"] = title
    note("recovered" if sure else "guessed", "title", title, where,
         "" if sure else "taken from the first heading-like line naming the kind of document",
         None if sure else ("title",))
    note("recovered" if kind_sure else "guessed", "kind", kind, where,
         "" if kind_sure else "the title does not say what kind of document it is",
         None if kind_sure else ("kind",))

    version = None
    for label, value, b in lv:
        if label in ("version", "version number", "version no") and re.match(r"^v?\d", value):
            version = (value.split()[0], b.region)
            break
    if version is None:
        for b in body:
            m = _VERSION.search(b.text)
            if m:
                version = (m[1], b.region)
                break
    history = _history(body, note)
    if history:
        d["history"] = history
    if version:
        d["version"] = version[0]
        note("recovered", "version", version[0], version[1])
    elif history:
        d["version"] = history[-1]["version"]
        note("guessed", "version", d["version"], "", "the latest row of the version history",
             ("version",))
    else:
        d["version"] = "1.0"
        note("unread", "version", "1.0", "", "no version found; 1.0 written as a placeholder",
             ("version",))

    status = None
    for label, value, b in lv:
        if label in ("status", "document currency", "document status") and value:
            low = value.lower()
            status = ("draft" if "draft" in low else "final", value, b.region)
            break
    if status:
        d["status"] = status[0]
        note("guessed" if status[1].lower() not in ("final", "draft") else "recovered", "status",
             status[0], status[2], f"the document says '{status[1][:40]}'", ("status",))
    else:
        d["status"] = "final"
        note("guessed", "status", "final", "", "the document does not say it is a draft",
             ("status",))

    for label, value, b in lv:
        if label in ("security classification", "classification", "protective marking") and value:
            d["classification"] = value
            note("recovered", "classification", value, b.region)
            break
    else:
        for b in body:
            m = _MARKING.search(b.text)
            if m:
                d["classification"] = m[1]
                note("guessed", "classification", m[1], b.region,
                     "a protective marking found in the text, not in a classification field",
                     ("classification",))
                break
    _review(facts, d, note)
    _lawful(body, d, note)
    _rag(doc.blocks, rec)
    for e in facts.emails:
        rec.emails.append((e.address, e.where.region))
    return rec


def _history(body: list[Block], note: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    found = headed_tables(tables(body), (re.compile(r"^version", re.I), re.compile(r"date", re.I)))
    for cols, rows, blocks in found[:1]:
        vc, dc = column(cols, r"^version"), column(cols, r"date")
        ac, rc = column(cols, r"author"), column(cols, r"reason")
        desc = column(cols, r"descr")
        for cells, b in zip(rows, blocks, strict=True):
            version = at(cells, vc)
            if not version:
                continue
            entry: dict[str, Any] = {"version": version}
            date = parse_date(at(cells, dc))
            if date is not None:
                entry["date"] = str(date)
            for key, c in (("author", ac), ("reason", rc), ("description", desc)):
                if at(cells, c):
                    entry[key] = at(cells, c)
            out.append(entry)
            note("recovered", "version row", f"{version} {entry.get('date', '')}".strip(), b.region)
    return out


def _review(facts: Facts, d: dict[str, Any], note: Any) -> None:
    review: dict[str, Any] = {}
    nexts = [r for r in facts.review_dates if r.kind == "next"]
    lasts = [r for r in facts.review_dates if r.kind == "last"]
    if nexts:
        r = max(nexts, key=lambda r: r.date.latest())
        review["next_review"] = str(r.date)
        note("recovered", "next review", r.date.human(), r.where.region)
    if lasts:
        r = max(lasts, key=lambda r: r.date.latest())
        review["last_reviewed"] = str(r.date)
        note("recovered", "last reviewed", r.date.human(), r.where.region)
    months = sorted({p.months for p in facts.review_periods})
    if months:
        review["period_months"] = months[0]
        first = next(p for p in facts.review_periods if p.months == months[0])
        if len(months) > 1:
            said = ", ".join(f"{m} months" for m in months)
            note("guessed", "review period", months[0], first.where.region,
                 f"the document states different review periods ({said}); the shortest is "
                 "written: confirm which applies", ("review", "period_months"))
        else:
            note("recovered", "review period", f"{months[0]} months", first.where.region)
    if review:
        d["review"] = review


def _lawful(body: list[Block], d: dict[str, Any], note: Any) -> None:
    art6: list[str] = []
    gateways: dict[str, dict[str, str]] = {}
    for b in body:
        if b.part not in ("body", "page", "pdf-table"):
            continue
        for m in _ART6_RX.finditer(b.text):
            basis = _ART6[m[1].lower()]
            if basis not in art6:
                art6.append(basis)
                note("recovered", "lawful basis", f"Article 6(1)({m[1]})", b.region)
        for m in _ACT.finditer(clean(b.text)):
            act = m[1].strip()
            act = re.sub(r"^(?:The|the|Under|under|And|and|Of|of|In|in)\s+", "", act)
            key = f"{act} s{m[2]}" if m[2] else act
            if key not in gateways and len(gateways) < 40:
                gateways[key] = {"act": act, **({"section": f"section {m[2]}"} if m[2] else {})}
                note("recovered", "gateway cited", key, b.region)
    if art6 or gateways:
        basis: dict[str, Any] = {}
        if art6:
            basis["article_6"] = art6
        if gateways:
            basis["gateways"] = list(gateways.values())
        d["lawful_bases"] = [basis]


def _rag(blocks: list[Block], rec: Recovered) -> None:
    seen: set[str] = set()
    for b in blocks:
        if b.part == "layout-line":
            continue
        text = clean(b.text)
        m = _RAG_RX.match(text)
        t = _TIME_RX.search(text)
        if not m or not t or m[1].upper() in seen:
            continue
        seen.add(m[1].upper())
        amount, working, unit = t[1], t[2], t[3].lower()
        timescale = f"{amount} {'working ' if working else ''}{unit}{'s' if amount != '1' else ''}"
        rec.rag.append({"name": m[1].upper(), "colour": m[1].lower(),
                        "priority": len(rec.rag) + 1, "timescale": timescale})
        rec.notes.append(Note("guessed", "RAG level", f"{m[1].upper()}: {timescale}",
                              f"{rec.source}, {b.region}",
                              "priority taken from the order of the levels in the document",
                              ("partnership.yaml", ("rag_scheme", "levels", len(rec.rag) - 1))))
