"""Every organisation in the signature table has signed.

A signature table row for an organisation has no name, signature or date.

## Why it matters

An unsigned row means that organisation never agreed; the agreement does not bind it (ICO
Data Sharing Code of Practice, 'Data sharing agreements').

## Non-compliant

A signature table row `London Fire Brigade | | | |` with no name, signature or date.

## Compliant

Each row with the signatory's role, name, signature and date.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD020",
    "unsigned-signature-row",
    Category.MISSING_SIGNATORY,
    Severity.ERROR,
    "A signature table row for an organisation has no name, signature or date.",
    "ICO Data Sharing Code of Practice (2021), 'Data sharing agreements'",
)
