"""A document that lists the Caldicott principles up to the seventh, without the eighth.

A whole-document rule (the text scanner sees one block at a time, and the defect is an
absence): the seventh principle ("the duty to share information can be as important as the
duty to protect patient confidentiality", added 2013) is stated, and nothing in the document
gives the eighth (inform patients and service users about how their confidential information
is used; added 8 December 2020) or speaks of eight principles.
"""

from __future__ import annotations

import re

from .facts import Located
from .text import Block, short_quote

_SEVENTH = re.compile(
    r"duty\s+to\s+share\s+(?:personal\s+)?information\s+can\s+be\s+as\s+important\s+as\s+the"
    r"\s+duty\s+to\s+protect",
    re.IGNORECASE,
)
_EIGHTH = re.compile(
    r"\binform\s+(?:patients|people|individuals|service\s+users)[^.]{0,120}\b(?:how|about)\b"
    r"|\bno\s+surprises\b|\b(?:eight|8)\s+Caldicott\b|\beighth\s+(?:Caldicott\s+)?principle",
    re.IGNORECASE,
)
MESSAGE = (
    "lists the Caldicott principles up to the seventh, without the eighth (inform patients "
    "and service users how their confidential information is used, added 8 December 2020)"
)
SOURCE = (
    "UK Caldicott Guardian Council, The Eight Caldicott Principles (8 December 2020; "
    "gov.uk/government/publications/the-caldicott-principles) (effective 2020-12-08)"
)


def seven_caldicott_principles(blocks: list[Block]) -> Located | None:
    """Where the seventh principle is stated, if the eighth is nowhere in the document."""
    texts = [b for b in blocks if b.part not in ("pdf-table", "layout-line")]
    if not any("caldicott" in b.text.lower() for b in texts):
        return None
    if any(_EIGHTH.search(b.text) for b in texts):
        return None
    for b in texts:
        m = _SEVENTH.search(b.text)
        if m:
            return Located(b.region, short_quote(b.text, around=m.span()))
    return None
