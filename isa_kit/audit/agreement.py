"""What an agreement that shares personal data states about why and how it shares it.

The audit holds a document to the standard ``isa-kit check`` holds its data to (ISA040-042,
ISA061), with the same scope: an information sharing agreement, or a memorandum of
understanding or protocol between two or more parties (its signature table or its scope names
them), or any document with a table of the data it shares. Guidance and signature packs are
not agreements. For such a document this finds:

* the UK GDPR Article 6 bases, Article 9 and 10 conditions and DPA 2018 Part 3 bases it
  states, in prose or in a basis table (where a row may say ``Not recorded``);
* whether it shares special category or criminal offence data (a ``Special category`` column
  saying ``Yes``, or the words), and which of its parties are police forces;
* its security controls: a transfer channel, a breach procedure and its time limit.

The lawful bases and conditions are named as the data model names them
(:class:`~isa_kit.data.model.Art6Basis`, :class:`~isa_kit.data.model.Art9Condition`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from isa_kit.data.model import Art6Basis, Art9Condition

from .facts import Agreement, BasisRow, Facts, Located, Party, cell_at, locate, tables
from .parties import same_organisation
from .text import Block

_I = re.IGNORECASE
_SENTENCE = re.compile(r"(?<=[.;])\s+")

# --- what the document is --------------------------------------------------------------------

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("guidance", re.compile(r"\bguidance\b|\bguide\b", _I)),
    ("isa", re.compile(r"\b(?:information|data)\s+sharing\s+(?:agreement|protocol)\b|\bISA\b", _I)),
    ("mou", re.compile(r"\bmemorandum\s+of\s+understanding\b|\bMOU\b", _I)),
    ("protocol", re.compile(r"\bprotocol\b|\bagreement\b", _I)),
)
_TITLE_LABEL = re.compile(r"^\s*(?:document\s+)?title\s*:?\s*$", _I)
_POLICE = re.compile(r"\bpolice\b|\bconstabulary\b", _I)
"""A police force, by its name (the importer guesses an organisation's type the same way)."""

# --- bases and conditions --------------------------------------------------------------------

_WORDS = r"|".join(
    re.escape(b.value.replace("-", " "))
    for b in Art6Basis
    if b not in (Art6Basis.CONSENT, Art6Basis.CONTRACT)  # too common as plain words
)
_ART6 = re.compile(r"\bArt(?:icle|\.)?\s*6\s*\(\s*1\s*\)\s*\(\s*(?:ea|[a-f])\s*\)", _I)
_ART6_CONTEXT = re.compile(r"\bArticle\s*6\b|\b(?:lawful|legal)\s+bas[ie]s\b", _I)
_ART6_WORD = re.compile(rf"\b(?:{_WORDS})\b", _I)
_ART9 = re.compile(r"\bArt(?:icle|\.)?\s*9\s*\(\s*2\s*\)\s*\(\s*[a-j]\s*\)", _I)
_ART9_WORD = re.compile(
    r"\b(?:" + r"|".join(re.escape(c.value.replace("-", " ")) for c in Art9Condition) + r")\b",
    _I,
)
_SCHEDULE_1 = re.compile(
    r"\b(?:DPA|Data\s+Protection\s+Act)\s*2018[^.;]{0,30}?\bSchedule\s*1\b"
    r"|\bSchedule\s*1\b[^.;]{0,40}?\b(?:DPA|Data\s+Protection\s+Act)\s*2018",
    _I,
)
_ART10 = re.compile(r"\bArticle\s*10\b", _I)
_PART_3 = re.compile(
    r"\b(?:DPA|Data\s+Protection\s+Act)\s*2018[^.;]{0,20}?\bPart\s*3\b"
    r"|\bPart\s*3\b[^.;]{0,40}?\b(?:DPA|Data\s+Protection\s+Act)\s*2018"
    r"|\blaw\s+enforcement\s+processing\b|\bsection\s*35\s*\(\s*[2-5]\s*\)",
    _I,
)
_PART_3_PARTIES = re.compile(r"^\s*(?P<parties>[^:]{3,300}):\s*law\s+enforcement\s+processing", _I)
_SCHEDULE_8 = re.compile(r"\bSchedule\s*8\b", _I)
_EMPTY = re.compile(r"^\s*(?:not\s+recorded|none(?:\s+recorded)?|n/?a|-|\u2013|\u2014)?\s*$", _I)

# --- the data it shares ----------------------------------------------------------------------

_SPECIAL_COL = re.compile(r"^\s*special\s+categor(?:y|ies)(?:\s+data)?\s*\??\s*$", _I)
_CRIMINAL_COL = re.compile(r"^\s*criminal\s+offen[cs]es?(?:\s+data)?\s*\??\s*$", _I)
_YES = re.compile(r"^\s*(?:yes|y|\u2713|\u2714)\b", _I)
_SPECIAL = re.compile(
    r"\bspecial\s+categor(?:y|ies)\s+(?:of\s+)?(?:personal\s+)?(?:data|information)\b"
    r"(?!\s*\(\s*Article)|\bsensitive\s+personal\s+data\b"
    r"|\b(?:health|medical|mental\s+health)\s+(?:information|records?|data|histor(?:y|ies))\b",
    _I,
)
_CRIMINAL = re.compile(
    r"\bcriminal\s+offen[cs]e\s+data\b(?!\s*\(\s*Article)"
    r"|\bpolice\s+(?:information|intelligence|records?)\b|\bcriminal\s+(?:records?|convictions?)\b",
    _I,
)

_SHARES = re.compile(
    r"\bshar(?:e|es|ed|ing)\b|\bdisclos|\bexchang|\bprovid|\bsen[dt]s?\b|\breceiv|\bpass(?:es|ed)?\b",
    _I,
)

# --- security --------------------------------------------------------------------------------

_TRANSFER = re.compile(
    r"\bsecure\s+(?:e-?mail|portal|file\s+transfer|network|system|transfer|link)"
    r"|\bCJSM\b|\bNHS\s?mail\b|\bnhs\.net\b|\bEgress\b|\bencrypt(?:ed|ion)\b"
    r"|\bcase\s+(?:management\s+)?(?:system|record)\b|\bGCSX\b|\bpnn\b",
    _I,
)
_METHOD_HEADER = re.compile(r"^\s*(?:transfer\s+)?method\s*$", _I)
_BREACH = re.compile(r"\bbreach(?:es|ed)?\b|\b(?:security|data)\s+incidents?\b", _I)
_REPORTED = re.compile(r"\breport|\bnotif|\binform|\btell\b|\btold\b|\bescalat", _I)
_DEADLINE = re.compile(
    r"\bwithin\s+(?:\d{1,3}|one|two|three|twenty-four|forty-eight|seventy-two)\s+"
    r"(?:working\s+)?(?:hours?|days?)\b|\bimmediately\b|\bwithout\s+(?:undue\s+)?delay\b"
    r"|\bsame\s+(?:working\s+)?day\b|\bas\s+soon\s+as\s+(?:possible|practicable)\b",
    _I,
)
_TIME_LIMIT = re.compile(r"\btime\s+limit\s+for\s+reporting\b", _I)
_NO_DEADLINE = re.compile(r"\btime\s+limit\s+for\s+reporting\s*:?\s*not\s+recorded\b", _I)


def find_agreement(blocks: list[Block], facts: Facts) -> None:
    """Fill ``facts.agreement`` when the document is an agreement that shares personal data."""
    if facts.signature_form is not None:
        return
    text = [b for b in blocks if b.part not in ("pdf-table", "layout-line")]
    title = _title(text)
    if title is None:
        return
    kind, where = title
    parties = _parties(facts)
    special, criminal, data_table = _data_shared(blocks, text)
    if not (kind == "isa" or (kind in ("mou", "protocol") and len(parties) >= 2) or data_table):
        return
    art6_rows, art9_rows, art10_rows = _basis_rows(blocks)
    facts.agreement = Agreement(
        kind=kind,
        title=where,
        parties=parties,
        article_6=_first(text, lambda t: _ART6.search(t) or _art6_in_words(t)),
        article_6_rows=art6_rows,
        article_9=_first(
            text,
            lambda t: (
                _ART9.search(t)
                or _SCHEDULE_1.search(t)
                or (re.search(r"\bArticle\s*9\b", t) and _ART9_WORD.search(t))
            ),
        ),
        article_9_rows=art9_rows,
        article_10=_first(text, lambda t: _ART10.search(t) and _SCHEDULE_1.search(t)),
        article_10_rows=art10_rows,
        part_3=tuple(_part_3(text)),
        schedule_8=_first(text, lambda t: _SCHEDULE_8.search(t) and _PART_3.search(t)),
        special=special,
        criminal=criminal,
        transfer=_transfer(blocks, text),
        breach=_first(text, lambda t: _BREACH.search(t) and _REPORTED.search(t)),
        deadline=_first(text, _deadline),
        no_deadline=_first(text, _NO_DEADLINE.search),
    )


def is_police(name: str) -> bool:
    return _POLICE.search(name) is not None


def covers(parties: str, party: str) -> bool:
    """Whether a basis stated for ``parties`` (``All parties``, ``A, B and C``, or ``""`` when
    the text does not say) covers ``party``."""
    if not parties.strip() or re.match(r"^\s*all\s+(?:parties|partners)\b", parties, _I):
        return True
    names = re.split(r",\s*|\s+and\s+|;\s*", parties)
    return any(same_organisation(party, n) for n in names if n.strip())


# --- helpers ---------------------------------------------------------------------------------


def _first(blocks: Iterable[Block], test: Callable[[str], object]) -> Located | None:
    """Where the first block passing ``test`` is (quoting its match, when it gives one)."""
    for block in blocks:
        m = test(block.text)
        if m:
            return locate(block, m.span() if isinstance(m, re.Match) else None)
    return None


def _deadline(text: str) -> re.Match[str] | None:
    """A time limit in a sentence about reporting a breach (a PDF page is one block)."""
    for sentence in _SENTENCE.split(text):
        near = _BREACH.search(sentence) or _TIME_LIMIT.search(sentence)
        if near and (m := _DEADLINE.search(sentence)):
            return m
    return None


def _art6_in_words(text: str) -> re.Match[str] | None:
    """A basis named in words (``public task``) in a sentence about the lawful basis."""
    for sentence in _SENTENCE.split(text):
        if _ART6_CONTEXT.search(sentence) and (m := _ART6_WORD.search(sentence)):
            return m
    return None


def _title(blocks: list[Block]) -> tuple[str, Located] | None:
    """The document's kind, from its title: the document-control ``Title`` row, else the
    first lines of the body (a PDF's first page, whose text may run a table's columns
    together: the kind named first wins)."""
    candidates: list[tuple[Block, str]] = []
    for block in blocks:
        if len(block.cells) >= 2 and _TITLE_LABEL.match(block.cells[0].text):
            candidates.append((block, block.cells[1].text))
            break
    opening = [b for b in blocks if b.part == "body" and b.table is None and b.text.strip()]
    candidates.extend((b, b.text[:200]) for b in opening[:3])
    candidates.extend((b, b.text[:200]) for b in blocks[:1] if b.part == "page")
    for block, title in candidates:
        found = [(m.start(), i) for i, (_, rx) in enumerate(_KINDS) if (m := rx.search(title))]
        if found:
            return _KINDS[min(found)[1]][0], locate(block, None)
    return None


def _parties(facts: Facts) -> tuple[Party, ...]:
    """The parties: the signature table's organisations, then those the scope names."""
    out: list[Party] = []
    for table in facts.signature_tables:
        for row in table.rows:
            out.append(Party(row.organisation, row.where))
    for party in facts.parties:
        if not any(same_organisation(party.name, p.name) for p in out):
            out.append(party)
    return tuple(out)


def _data_shared(
    blocks: list[Block], text: list[Block]
) -> tuple[Located | None, Located | None, bool]:
    """Where the document says it shares special category and criminal offence data, and
    whether it has a table of the data it shares (whose Yes/No columns then decide)."""
    special: Located | None = None
    criminal: Located | None = None
    found = False
    for rows in tables(blocks):
        header = rows[0]
        cols = {
            name: next((c.col for c in header.cells if rx.match(c.text)), None)
            for name, rx in (("special", _SPECIAL_COL), ("criminal", _CRIMINAL_COL))
        }
        if cols["special"] is None and cols["criminal"] is None:
            continue
        found = True
        for row in rows[1:]:
            for name, col in cols.items():
                cell = cell_at(row, col) if col is not None else None
                if cell is None or not _YES.match(cell.text):
                    continue
                if name == "special" and special is None:
                    special = locate(row, None)
                if name == "criminal" and criminal is None:
                    criminal = locate(row, None)
    if not found:
        special = _first(text, lambda t: _shared(_SPECIAL, t))
        criminal = _first(text, lambda t: _shared(_CRIMINAL, t))
    return special, criminal, found


def _shared(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The data ``rx`` names, in a sentence that says it is shared (not a heading such as
    "Management of Police Information")."""
    for sentence in _SENTENCE.split(text):
        if _SHARES.search(sentence) and (m := rx.search(sentence)):
            return m
    return None


def _basis_rows(
    blocks: list[Block],
) -> tuple[tuple[BasisRow, ...], tuple[BasisRow, ...], tuple[BasisRow, ...]]:
    """The rows of the basis tables, for the Article 6, 9 and 10 columns."""
    found: dict[str, list[BasisRow]] = {"6": [], "9": [], "10": []}
    for rows in tables(blocks):
        header = rows[0]
        for number in found:
            rx = re.compile(rf"\bArticle\s*{number}\b", _I)
            col = next((c.col for c in header.cells[1:] if rx.search(c.text)), None)
            if col is None:
                continue
            for row in rows[1:]:
                cell = cell_at(row, col)
                if cell is None or not row.cells:
                    continue
                recorded = not _EMPTY.match(cell.text)
                found[number].append(BasisRow(row.cells[0].text.strip(), recorded, locate(row)))
    return tuple(found["6"]), tuple(found["9"]), tuple(found["10"])


def _part_3(blocks: list[Block]) -> list[tuple[str, Located]]:
    out: list[tuple[str, Located]] = []
    for block in blocks:
        m = _PART_3.search(block.text)
        if m is None:
            continue
        named = _PART_3_PARTIES.match(block.text)
        out.append((named["parties"] if named else "", locate(block, m.span())))
    return out


def _transfer(blocks: list[Block], text: list[Block]) -> Located | None:
    """A table of transfer methods with a row, or a secure route named in the text."""
    for rows in tables(blocks):
        if len(rows) > 1 and any(_METHOD_HEADER.match(c.text) for c in rows[0].cells):
            return locate(rows[1])
    return _first(text, _TRANSFER.search)
