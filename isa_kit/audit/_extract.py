"""Find the facts an auditor looks for in a document's text: no judgement, no clock.

* review dates in the usual phrasings (``Date of next review: April 2018``, ``Review date:
  February 2024``, ``Last reviewed December 2019``) and review columns of document-control
  tables;
* review periods (``reviewed every two years``, ``every 12 months``, ``annually``);
* signature tables (a header row naming an organisation column and a signature column, or a
  label-per-row block: ``Organisation`` / ``Name`` / ``Signature`` / ``Date``);
* ICO registration tables (an organisation column beside an ICO number column);
* the parties the scope names (``between A and B, C, D``);
* whether the text says it is agreed by signatories;
* email addresses.

Every fact keeps the block it came from, so a finding can say where and quote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .._types import ApproxDate
from ._text import Block, Cell, DocumentText, short_quote

# --- dates -----------------------------------------------------------------------------------

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


# --- facts -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Located:
    region: str
    quote: str


@dataclass(frozen=True, slots=True)
class ReviewDate:
    kind: str
    """``next`` (when the next review is due) or ``last`` (when it was last reviewed)."""
    date: ApproxDate
    where: Located


@dataclass(frozen=True, slots=True)
class ReviewPeriod:
    months: int
    phrase: str
    where: Located


@dataclass(frozen=True, slots=True)
class SignatureRow:
    organisation: str
    missing: tuple[str, ...]
    """Which of ``name``, ``signature``, ``date`` are empty."""
    where: Located


@dataclass(frozen=True, slots=True)
class SignatureTable:
    where: Located
    organisations: tuple[str, ...]
    rows: tuple[SignatureRow, ...]


@dataclass(frozen=True, slots=True)
class IcoRow:
    organisation: str
    number: str
    where: Located


@dataclass(frozen=True, slots=True)
class Email:
    address: str
    domain: str
    where: Located


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    where: Located


@dataclass
class Facts:
    review_dates: list[ReviewDate] = field(default_factory=list)
    review_periods: list[ReviewPeriod] = field(default_factory=list)
    signature_tables: list[SignatureTable] = field(default_factory=list)
    ico_rows: list[IcoRow] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    says_signed: Located | None = None
    emails: list[Email] = field(default_factory=list)


def extract(doc: DocumentText) -> Facts:
    facts = Facts()
    blocks = doc.blocks
    text_blocks = [b for b in blocks if b.part not in ("pdf-table", "layout-line")]
    _review_dates([b for b in blocks if b.part != "pdf-table"], facts)
    _review_columns(blocks, facts)
    _review_periods(text_blocks, facts)
    for rows in tables(blocks):
        _signature_table(rows, facts)
        _ico_table(rows, facts)
    _scope_parties(text_blocks, facts)
    _says_signed(text_blocks, facts)
    _emails(text_blocks, facts)
    return facts


def tables(blocks: list[Block]) -> list[list[Block]]:
    """Table rows grouped by table, in document order."""
    out: dict[tuple[str, int], list[Block]] = {}
    for b in blocks:
        if b.table is not None and b.cells:
            out.setdefault((b.part, b.table), []).append(b)
    return list(out.values())


def _loc(block: Block, span: tuple[int, int] | None = None) -> Located:
    return Located(block.region, short_quote(block.text, around=span))


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


def _review_dates(blocks: list[Block], facts: Facts) -> None:
    seen: set[tuple[str, str, str]] = set()

    def add(kind: str, raw: str, block: Block, span: tuple[int, int]) -> None:
        date = parse_date(raw)
        if date is None:
            return
        key = (kind, str(date), block.region)
        if key in seen:
            return
        seen.add(key)
        facts.review_dates.append(ReviewDate(kind, date, _loc(block, span)))

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


_NEXT_HEADER = re.compile(rf"^\s*{_NEXT_LABEL}\s*:?\s*$", re.IGNORECASE)
_LAST_HEADER = re.compile(rf"^\s*{_LAST_LABEL}\s*:?\s*$", re.IGNORECASE)


def _review_columns(blocks: list[Block], facts: Facts) -> None:
    """A ``Review date`` column of a document-control table: its latest date counts."""
    for rows in tables(blocks):
        for header_index, header in enumerate(rows[:3]):
            for kind, rx in (("next", _NEXT_HEADER), ("last", _LAST_HEADER)):
                cols = [c.col for c in header.cells if rx.match(c.text)]
                if not cols or len(header.cells) < 2:
                    continue
                best: tuple[ApproxDate, Block] | None = None
                for row in rows[header_index + 1 :]:
                    cell = _cell_at(row, cols[0])
                    if cell is None:
                        continue
                    m = _LEADING_DATE.match(cell.text)
                    date = parse_date(m["date"]) if m else None
                    if date is not None and (best is None or date.latest() > best[0].latest()):
                        best = (date, row)
                if best is not None:
                    facts.review_dates.append(ReviewDate(kind, best[0], _loc(best[1])))


def _cell_at(row: Block, col: int) -> Cell | None:
    for c in row.cells:
        if c.col <= col < c.col + c.span:
            return c
    return None


# --- review periods --------------------------------------------------------------------------

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


def _review_periods(blocks: list[Block], facts: Facts) -> None:
    for block in blocks:
        low = block.text.lower()
        if "review" not in low:
            continue
        offset = 0
        for sentence in _SENTENCE_SPLIT.split(block.text):
            start = block.text.find(sentence, offset)
            offset = max(start, 0) + len(sentence)
            if "review" not in sentence.lower() or not _SUBJECT_RX.search(sentence):
                continue
            for m in _PERIOD_RX.finditer(sentence):
                months = _period_months(m)
                window = sentence[max(0, m.start() - 100) : m.end() + 60]
                if months and "review" in window.lower() and _SUBJECT_RX.search(window):
                    span = (start + m.start(), start + m.end()) if start >= 0 else None
                    facts.review_periods.append(ReviewPeriod(months, m.group(0), _loc(block, span)))


# --- signature tables ------------------------------------------------------------------------

_ORG_HEAD = re.compile(
    r"\b(?:organi[sz]ations?|agency|agencies|partners?|partner\s+agency|body|bodies|parties|party"
    r"|on\s+behalf\s+of|signed\s+for|service)\b",
    re.IGNORECASE,
)
_SIG_HEAD = re.compile(r"\b(?:signatures?|signed|sign)\b", re.IGNORECASE)
_NAME_HEAD = re.compile(r"\b(?:name|print(?:ed)?\s+name|signatory)\b", re.IGNORECASE)
_DATE_HEAD = re.compile(r"\bdate(?:\s+signed)?\b", re.IGNORECASE)
_ROLE_HEAD = re.compile(r"\b(?:role|position|title|job)\b", re.IGNORECASE)


def _signature_header(row: Block) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for c in row.cells:
        t = c.text.strip()
        if not t or len(t) > 40:
            continue
        if "sig" not in cols and _SIG_HEAD.search(t) and not _NAME_HEAD.search(t):
            cols["sig"] = c.col
        elif "org" not in cols and _ORG_HEAD.search(t):
            cols["org"] = c.col
        elif "date" not in cols and _DATE_HEAD.search(t):
            cols["date"] = c.col
        elif "name" not in cols and _NAME_HEAD.search(t):
            cols["name"] = c.col
        elif "role" not in cols and _ROLE_HEAD.search(t):
            cols["role"] = c.col
    if "sig" in cols and "org" in cols:
        return cols
    return None


def _cell_filled(c: Cell | None) -> bool:
    if c is None:
        return False
    text = c.text.strip().strip("_.…-–— ")
    return bool(text) or c.has_image or c.merged


def _signature_table(rows: list[Block], facts: Facts) -> None:
    for header in rows[:3]:
        cols = _signature_header(header)
        if cols is not None:
            break
    else:
        _label_signature_table(rows, facts)
        return
    fields = [
        (label, key)
        for label, key in (("name", "name"), ("signature", "sig"), ("date", "date"))
        if key in cols
    ]
    groups: list[tuple[str, Block, dict[str, bool]]] = []
    for row in rows[rows.index(header) + 1 :]:
        if _signature_header(row) is not None:
            continue  # a header repeated on the next page
        org_cell = _cell_at(row, cols["org"])
        filled = {label: _cell_filled(_cell_at(row, cols[key])) for label, key in fields}
        if org_cell is not None and org_cell.merged and groups:
            # the organisation's cell spans this row too: one signature block over two rows
            for label, value in filled.items():
                groups[-1][2][label] = groups[-1][2][label] or value
            continue
        org = org_cell.text.strip() if org_cell is not None else ""
        others = [c for c in row.cells if c.col != cols["org"]]
        if not org:
            if not any(_cell_filled(c) for c in others):
                continue
            org = "(organisation not named)"
        groups.append((org, row, filled))
    orgs = [g[0] for g in groups]
    found = [
        SignatureRow(org, tuple(label for label, ok in filled.items() if not ok), _loc(row))
        for org, row, filled in groups
    ]
    facts.signature_tables.append(SignatureTable(_loc(header), tuple(orgs), tuple(found)))


_LABELS = {
    "org": re.compile(
        r"^(?:organi[sz]ation|agency|partner|on\s+behalf\s+of|signed\s+(?:for\s+and\s+)?on\s+behalf\s+of)\b",
        re.IGNORECASE,
    ),
    "sig": re.compile(r"^(?:signature|signed)\b", re.IGNORECASE),
    "name": re.compile(r"^(?:name|print\s+name|signatory)\b", re.IGNORECASE),
    "date": re.compile(r"^date\b", re.IGNORECASE),
}


def _label_signature_table(rows: list[Block], facts: Facts) -> None:
    """``Organisation: X`` / ``Name:`` / ``Signature:`` / ``Date:`` as one row each."""
    if not rows or len(rows[0].cells) > 4:
        return
    labelled: list[tuple[str, Block, Cell | None]] = []
    for row in rows:
        if not row.cells:
            continue
        first = row.cells[0].text.strip()
        for key, rx in _LABELS.items():
            if rx.match(first):
                value = row.cells[1] if len(row.cells) > 1 else None
                inline = re.sub(r"^[^:]*:\s*", "", first) if ":" in first else ""
                if inline:
                    value = Cell(text=inline)
                labelled.append((key, row, value))
                break
    keys = {k for k, _, _ in labelled}
    if "sig" not in keys or "org" not in keys:
        return
    groups: list[dict[str, tuple[Block, Cell | None]]] = []
    for key, row, value in labelled:
        if key == "org" or not groups or key in groups[-1]:
            groups.append({})
        groups[-1][key] = (row, value)
    found: list[SignatureRow] = []
    for g in groups:
        if "org" not in g:
            continue
        org_row, org_value = g["org"]
        org = org_value.text.strip() if org_value is not None else ""
        org = org or "(organisation not named)"
        missing = tuple(
            label
            for label, key in (("name", "name"), ("signature", "sig"), ("date", "date"))
            if key in g and not _cell_filled(g[key][1])
        )
        found.append(SignatureRow(org, missing, _loc(org_row)))
    if found:
        facts.signature_tables.append(
            SignatureTable(_loc(rows[0]), tuple(r.organisation for r in found), tuple(found))
        )


# --- ICO registration tables -----------------------------------------------------------------

_ICO_HEAD = re.compile(
    r"\bICO\b|\bregistration\s+(?:no|number|ref)|data\s+protection\s+(?:registration|notification)"
    r"|notification\s+(?:no|number)",
    re.IGNORECASE,
)
_ICO_STRONG = re.compile(r"\bICO\b.*\b(?:no|number|reg|registration|ref)", re.IGNORECASE)
_ICO_ORG_HEAD = re.compile(
    r"\b(?:organi[sz]ation|agency|partner|name|body|controller|signatory|party)\b", re.IGNORECASE
)
ICO_TOKEN = re.compile(r"\b[A-Z][A-Z0-9]\d{5,7}\b")
# Words people put in a registration cell instead of a number.
_NO_NUMBER = re.compile(
    r"not\s+(?:recorded|known|available|provided|registered|applicable|yet\s+registered)"
    r"|unknown|n/?a|none|nil|tbc|tbd|to\s+(?:follow|be\s+confirmed)|pending|awaited|[-\u2013\u2014?.\s]*",
    re.IGNORECASE,
)


def _ico_table(rows: list[Block], facts: Facts) -> None:
    for header in rows[:3]:
        ico_cols = [c.col for c in header.cells if _ICO_HEAD.search(c.text) and len(c.text) < 60]
        strong = [c.col for c in header.cells if _ICO_STRONG.search(c.text) and len(c.text) < 60]
        org_cols = [
            c.col
            for c in header.cells
            if _ICO_ORG_HEAD.search(c.text) and not _ICO_HEAD.search(c.text) and len(c.text) < 40
        ]
        if ico_cols and org_cols:
            ico_col = (strong or ico_cols)[0]
            org_col = org_cols[0]
            break
    else:
        return
    for row in rows[rows.index(header) + 1 :]:
        org_cell = _cell_at(row, org_col)
        org = org_cell.text.strip() if org_cell is not None else ""
        if not org or _ICO_HEAD.search(org):
            continue
        cell = _cell_at(row, ico_col)
        number = cell.text.strip() if cell is not None and not cell.merged else ""
        if cell is not None and cell.merged:
            continue
        if not number:  # a number typed in the next column still counts
            for c in row.cells:
                if c.col not in (org_col,) and ICO_TOKEN.search(c.text):
                    number = c.text.strip()
                    break
        if _NO_NUMBER.fullmatch(number):
            number = ""  # "Not recorded", "TBC", "n/a", "-": still no number
        facts.ico_rows.append(IcoRow(org, number, _loc(row)))


# --- parties named in the scope --------------------------------------------------------------

_BETWEEN = re.compile(
    r"\b(?:agreement|sharing\s+of\s+(?:personal\s+)?(?:information|data)|protocol|memorandum|mou)\b"
    r"[^.]{0,80}?\bbetween\b\s*(?::\s*)?(?P<list>.*)",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\([^()]*\)")
_AND = re.compile(r"\s+(?:and|&)\s+")
_LEADING_AND = re.compile(r"^(?:and|&)\s+")
_LAST_AND = re.compile(r"\s+(?:and|&)\s+(?!.*\s(?:and|&)\s)")
_TRAILING = re.compile(
    r"\s+(?:for|to|in|under|within|regarding|who|which|as|in\s+respect\s+of)\s.*$", re.IGNORECASE
)


def _scope_parties(blocks: list[Block], facts: Facts) -> None:
    for block in blocks:
        if block.table is not None:
            continue
        m = _BETWEEN.search(block.text)
        if not m:
            continue
        tail = m["list"]
        tail = _PAREN.sub("", _PAREN.sub("", tail))
        tail = re.split(r"\.\s+(?![a-z])|\.$|;|:\s|\s[•\uf0b7\uf0a7▪]", tail)[0]
        items = [p.strip() for p in tail.split(",") if p.strip()]
        if not items:
            continue
        names: list[str] = []
        if len(items) > 1 and _AND.search(items[0]):  # "between X and A, B, C"
            names.extend(_AND.split(items[0], maxsplit=1))
            names.extend(_LEADING_AND.sub("", i) for i in items[1:])
        else:  # "between A, B and C" (or "between A and B")
            names.extend(items[:-1])
            last = items[-1]
            if _LEADING_AND.match(last):
                names.append(_LEADING_AND.sub("", last))
            else:
                names.extend(_LAST_AND.split(last, maxsplit=1))
        names = [_TRAILING.sub("", n) for n in names]
        names = [re.sub(r"^(?:the)\s+", "", n.strip(" .'\"‘’")) for n in names]
        names = [n for n in names if 3 <= len(n) <= 90 and n[:1].isupper()]
        if len(names) >= 2:
            for n in names:
                facts.parties.append(Party(n, _loc(block, m.span())))
            return


# --- says it is signed -----------------------------------------------------------------------

_SIGNED_RX = re.compile(
    r"\b(?:signator(?:y|ies)\s+(?:to|of)\s+this|the\s+undersigned|signed\s+(?:by|on\s+behalf\s+of)\s+(?:all|each|the)\s+(?:partners?|parties|agencies|organisations)|agreed\s+by\s+(?:all\s+)?(?:the\s+)?signator(?:y|ies))",
    re.IGNORECASE,
)


def _says_signed(blocks: list[Block], facts: Facts) -> None:
    for block in blocks:
        m = _SIGNED_RX.search(block.text)
        if m:
            facts.says_signed = _loc(block, m.span())
            return


# --- emails ----------------------------------------------------------------------------------

_EMAIL_RX = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+'’-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def _emails(blocks: list[Block], facts: Facts) -> None:
    seen: set[str] = set()
    for block in blocks:
        if "@" not in block.text:
            continue
        for m in _EMAIL_RX.finditer(block.text):
            address = m.group(0).rstrip(".-")
            key = address.lower()
            if key in seen:
                continue
            seen.add(key)
            domain = key.split("@", 1)[1]
            facts.emails.append(Email(address, domain, _loc(block, m.span())))


# --- matching names --------------------------------------------------------------------------

_GENERIC = frozenset(
    [
        "the",
        "of",
        "and",
        "&",
        "part",
        "group",
        "including",
        "council",
        "london",
        "borough",
        "lb",
        "city",
        "county",
        "metropolitan",
        "nhs",
        "foundation",
        "trust",
        "ltd",
        "limited",
        "plc",
    ]
)


def name_tokens(name: str) -> frozenset[str]:
    """Distinctive words of an organisation's name, for matching scope against signatures."""
    text = _PAREN.sub(" ", name.lower())
    words = re.findall(r"[a-z0-9]+", text)
    out = set()
    for w in words:
        if w in _GENERIC:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return frozenset(out)


def _squash(name: str) -> str:
    return "".join(re.findall(r"[a-z0-9]+", _PAREN.sub(" ", name.lower())))


def same_organisation(a: str, b: str) -> bool:
    """Whether two spellings name the same organisation (``Barnet Council Family Services``
    and ``London Borough of Barnet Family Services``; a word broken by a narrow cell)."""
    if _squash(a) and _squash(a) == _squash(b):
        return True
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return a.strip().lower() == b.strip().lower()
    if ta == tb:
        return True
    small, large = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return len(small) >= 2 and small <= large
