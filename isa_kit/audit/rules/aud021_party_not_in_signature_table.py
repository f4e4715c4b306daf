"""Every party the scope names appears in the signature table.

A party the scope names has no row in the signature table.

## Why it matters

A party named in the scope but missing from the signature table shares data without having
agreed to the terms.

## Non-compliant

The scope lists 'Barnet Schools'; the signature table has no row for them.

## Compliant

Every party in the scope has a signed row.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD021",
    "party-not-in-signature-table",
    Category.MISSING_SIGNATORY,
    Severity.ERROR,
    "A party the scope names has no row in the signature table.",
    "ICO Data Sharing Code of Practice (2021), 'Data sharing agreements'",
)
