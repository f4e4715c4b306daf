"""The parties a document names: from its ICO table, signature table and scope, merged by
name, each with a type guessed from its name (and said to be guessed)."""

from __future__ import annotations

import re

from isa_kit.audit.extract import Facts, same_organisation, tables
from isa_kit.audit.facts import cell_at
from isa_kit.audit.orgtables import signature_columns
from isa_kit.audit.text import Block, DocumentText

from .recover import OrgSeen
from .tables import clean

_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ccg", re.compile(r"clinical commissioning group|\bCCG\b", re.I)),
    ("crc", re.compile(r"community rehabilitation company", re.I)),
    ("icb", re.compile(r"integrated care board|\bICB\b", re.I)),
    ("police", re.compile(r"police|constabulary", re.I)),
    ("fire", re.compile(r"\bfire\b", re.I)),
    ("ambulance", re.compile(r"ambulance", re.I)),
    ("probation", re.compile(r"probation", re.I)),
    ("nhs-trust", re.compile(r"\bNHS\b|hospital|health ?care|foundation trust", re.I)),
    ("gp-practices", re.compile(r"\bGPs?\b|general practi", re.I)),
    ("school-college", re.compile(r"school|college|academy", re.I)),
    ("housing", re.compile(r"homes\b|housing", re.I)),
    ("local-authority", re.compile(r"council|borough|county|city of|local authority", re.I)),
    (
        "local-authority",
        re.compile(r"social care|youth offending|education|early help|children", re.I),
    ),
    ("nhs-trust", re.compile(r"health|midwifery|nursing", re.I)),
)
_INCLUDING = re.compile(r"\s+(?:including|incl\.)\b", re.IGNORECASE)
"""An ICO row may list a body's departments after its name: match on the body's name."""
_PUBLIC = {
    "ccg",
    "crc",
    "icb",
    "police",
    "fire",
    "ambulance",
    "probation",
    "nhs-trust",
    "school-college",
    "local-authority",
    "gp-practices",
}


def org_type(name: str) -> str:
    return next((t for t, rx in _TYPES if rx.search(name)), "other")


def is_public(kind: str) -> bool:
    return kind in _PUBLIC


def slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].rstrip("-") or "organisation"
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    taken.add(out)
    return out


def _signature_values(doc: DocumentText, region: str) -> dict[str, dict[str, str]]:
    """What each row of the signature table headed at ``region`` has filled in, by organisation
    (the audit says which cells are empty; the draft needs what the others say)."""
    for rows in tables(doc.blocks):
        for i, row in enumerate(rows[:3]):
            cols = signature_columns(row)
            if cols is None or row.region != region:
                continue
            out: dict[str, dict[str, str]] = {}
            for r in rows[i + 1 :]:
                org_cell = cell_at(r, cols["org"])
                if org_cell is None or not org_cell.text.strip():
                    continue
                cells = {k: cell_at(r, cols[k]) for k in ("name", "role", "date") if k in cols}
                values: dict[str, str] = {
                    k: clean(c.text) for k, c in cells.items() if c and clean(c.text)
                }
                out.setdefault(clean(org_cell.text), values)
            return out
    return {}


def parties(doc: DocumentText, facts: Facts, lines: list[Block]) -> list[OrgSeen]:
    """Every organisation the document names as a party, once, in the order first seen."""
    seen: list[OrgSeen] = []

    def add(name: str, where: str, signing: bool = False) -> OrgSeen:
        name = clean(name)
        core = _INCLUDING.split(name)[0].strip(" :,").lower()
        for o in seen:
            if o.name.lower() in (name.lower(), core):
                return o
        for o in seen:
            if same_organisation(o.name, name) and not (signing and o.signatory is not None):
                return o
        o = OrgSeen(name, where)
        seen.append(o)
        return o

    for p in facts.parties:
        add(p.name, p.where.region)
    for name, where in listed_parties(lines):
        add(name, where)
    for row in facts.ico_rows:
        o = add(row.organisation, row.where.region)
        if row.number and o.ico is None:
            o.ico = row.number.split()[0].strip(".,;")
    for table in facts.signature_tables:
        by_org = _signature_values(doc, table.where.region)
        for srow in table.rows:
            o = add(srow.organisation, srow.where.region, signing=True)
            o.signatory = by_org.get(clean(srow.organisation), {})
    return seen


_LIST_INTRO = re.compile(
    r"\b(?:partner agencies|partners|parties|partner organi[sz]ations|agencies)\b[^.]{0,40}:$",
    re.IGNORECASE,
)
_ITEM_END = re.compile(r"[.;:,]$")
MAX_LISTED = 40


def listed_parties(paras: list[Block]) -> list[tuple[str, str]]:
    """Names listed one per paragraph after a line such as 'The following are the MASH partner
    agencies:' (the audit's scope extractor reads agreements' 'between ... and:' lists)."""
    out: list[tuple[str, str]] = []
    for i, b in enumerate(paras):
        if not _LIST_INTRO.search(clean(b.text)):
            continue
        for item in paras[i + 1 : i + 1 + MAX_LISTED]:
            text = clean(item.text).lstrip("•·-– ").strip()
            if not text or len(text.split()) > 8 or _ITEM_END.search(text):
                break
            if not text[0].isupper():
                break
            out.append((text, item.region))
    return out
