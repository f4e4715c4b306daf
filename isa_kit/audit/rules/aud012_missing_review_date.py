"""The document states when it is next reviewed.

No next review date, and no last review date with a review period.

## Why it matters

Without a next review date (or a last review with a period, or a dated version with a
period) nobody can tell when the agreement lapses.

## Non-compliant

A document with no review date and no review period.

## Compliant

`Date of next review: September 2027`, or `Last reviewed: March 2026. Reviewed annually.`
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD012",
    "missing-review-date",
    Category.MISSING_REVIEW_DATE,
    Severity.WARNING,
    "No next review date, and no last review date with a review period.",
    "ICO Data Sharing Code of Practice (2021), 'Data sharing agreements'",
)
