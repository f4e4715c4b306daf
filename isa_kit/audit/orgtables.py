"""The tables that list the partner organisations: signature tables and ICO registration tables.

* signature tables: a header row naming an organisation column and a signature column (a
  header repeated on the next page is skipped; an organisation cell merged over two rows is
  one signature block), or a label-per-row block: ``Organisation`` / ``Name`` /
  ``Signature`` / ``Date``;
* ICO registration tables: an organisation column beside an ICO number column (a number
  typed in the next column still counts; ``TBC``, ``n/a`` and the like are no number).
"""

from __future__ import annotations

import re

from .facts import Facts, IcoRow, SignatureRow, SignatureTable, cell_at, locate
from .text import Block, Cell

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


def find_signature_table(rows: list[Block], facts: Facts) -> None:
    """The signature table in ``rows`` (one table), by header row or by labels, if it is one."""
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
        org_cell = cell_at(row, cols["org"])
        filled = {label: _cell_filled(cell_at(row, cols[key])) for label, key in fields}
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
        SignatureRow(org, tuple(label for label, ok in filled.items() if not ok), locate(row))
        for org, row, filled in groups
    ]
    facts.signature_tables.append(SignatureTable(locate(header), tuple(orgs), tuple(found)))


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
        found.append(SignatureRow(org, missing, locate(org_row)))
    if found:
        facts.signature_tables.append(
            SignatureTable(locate(rows[0]), tuple(r.organisation for r in found), tuple(found))
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


def find_ico_table(rows: list[Block], facts: Facts) -> None:
    """Each organisation's ICO number, if ``rows`` (one table) is an ICO registration table."""
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
        org_cell = cell_at(row, org_col)
        org = org_cell.text.strip() if org_cell is not None else ""
        if not org or _ICO_HEAD.search(org):
            continue
        cell = cell_at(row, ico_col)
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
        facts.ico_rows.append(IcoRow(org, number, locate(row)))


def signature_columns(row: Block) -> dict[str, int] | None:
    """The grid columns of a signature table's header row (``org``, ``sig`` and, when present,
    ``name``, ``role``, ``date``), or ``None`` when ``row`` is not such a header (used by import)."""
    return _signature_header(row)
