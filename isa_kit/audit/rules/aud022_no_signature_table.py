"""A document that says it is signed has a signature table.

The document says it is agreed by signatories but has no signature table.

## Why it matters

'Agreed by the signatories below' with nothing below it is an agreement nobody can be shown
to have made.

## Non-compliant

`This MOU is agreed by the signatories.` and no signature table.

## Compliant

A signature table with a row per party.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD022",
    "no-signature-table",
    Category.MISSING_SIGNATORY,
    Severity.ERROR,
    "The document says it is agreed by signatories but has no signature table.",
    "ICO Data Sharing Code of Practice (2021), 'Data sharing agreements'",
)
