"""No template placeholder is left in the text.

A template placeholder ([insert ...], <<name>>, XXXX) left in the text.

## Why it matters

An agreement states what was agreed (ICO Data Sharing Code of Practice); `[insert name of
database]` is a term nobody agreed.

## Non-compliant

`Records are held on [insert name of database].`

## Compliant

`Records are held on the MASH case management system.`
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD070",
    "unfilled-placeholder",
    Category.UNFILLED_PLACEHOLDER,
    Severity.ERROR,
    "A template placeholder ([insert ...], <<name>>, XXXX) left in the text.",
    "",
)
