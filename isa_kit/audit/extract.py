"""Find the facts an auditor looks for in a document's text: no judgement, no clock.

:func:`extract` runs every extractor over a document's blocks, in a fixed order, and returns
the :class:`Facts`. The extractors live beside it, one module per kind of fact:

* :mod:`.dates`: the grammar of dates (:data:`DATE`, :func:`parse_date`);
* :mod:`.reviews`: review dates (phrases and document-control columns) and review periods;
* :mod:`.orgtables`: signature tables and ICO registration tables;
* :mod:`.parties`: the parties the scope names, whether the text says it is signed, email
  addresses, and organisation-name matching (:func:`same_organisation`);
* :mod:`.facts`: the fact types and the block helpers they share.

Every fact keeps the block it came from, so a finding can say where and quote it. This
module is the public entry point: import the names below from here.
"""

from __future__ import annotations

import re

from .agreement import find_agreement
from .dates import DATE, parse_date
from .facts import (
    Email,
    Facts,
    IcoRow,
    Located,
    Party,
    ReviewDate,
    ReviewPeriod,
    SignatureRow,
    SignatureTable,
    tables,
)
from .orgtables import ICO_TOKEN, find_ico_table, find_signature_table
from .parties import (
    find_emails,
    find_says_signed,
    find_scope_parties,
    find_secure_domains,
    name_tokens,
    same_organisation,
)
from .reviews import (
    find_issue_dates,
    find_review_columns,
    find_review_dates,
    find_review_period_rows,
    find_review_periods,
)
from .text import Block, DocumentText

#: A signature pack opens with its title: "Signature pack: <the document's title>".
#: (A PDF page's text starts with its running header, so the title may follow a marking.)
_SIGNATURE_FORM = re.compile(r"(?:^|\s)signature pack\s*[:\u2013\u2014-]", re.IGNORECASE)

__all__ = [
    "DATE",
    "ICO_TOKEN",
    "Email",
    "Facts",
    "IcoRow",
    "Located",
    "Party",
    "ReviewDate",
    "ReviewPeriod",
    "SignatureRow",
    "SignatureTable",
    "extract",
    "name_tokens",
    "parse_date",
    "same_organisation",
    "tables",
]


def extract(doc: DocumentText) -> Facts:
    facts = Facts()
    blocks = doc.blocks
    text_blocks = [b for b in blocks if b.part not in ("pdf-table", "layout-line")]
    find_review_dates([b for b in blocks if b.part != "pdf-table"], facts)
    find_review_columns(blocks, facts)
    find_review_periods(text_blocks, facts)
    find_review_period_rows(blocks, facts)
    find_issue_dates(text_blocks, facts)
    for rows in tables(blocks):
        find_signature_table(rows, facts)
        find_ico_table(rows, facts)
    find_scope_parties(text_blocks, facts)
    find_says_signed(text_blocks, facts)
    find_emails(text_blocks, facts)
    find_secure_domains(blocks, facts)
    facts.signature_form = find_signature_form(text_blocks)
    find_agreement(blocks, facts)
    return facts


def find_signature_form(blocks: list[Block]) -> Located | None:
    """The title line of a signature pack, if the document opens with one (a PDF's first
    lines may be the running header, so the first few lines are looked at)."""
    opening = [b for b in blocks if b.text.strip()][:4]
    for block in opening:
        if _SIGNATURE_FORM.search(block.text[:200]):
            return Located(block.region, block.text.strip()[:120])
    return None
