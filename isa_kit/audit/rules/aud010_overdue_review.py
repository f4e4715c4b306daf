"""The agreement's review is not overdue.

The stated next review date (or last review plus the review period) has passed.

## Why it matters

The ICO Data Sharing Code of Practice expects agreements to be reviewed regularly; an
agreement past its review date may no longer describe the sharing that happens. The date is
read from a document-control block ('Date of next review: April 2018'), from the last review
plus the stated period, or from the document's own date plus the stated period ('Version 1,
January 2011. Review annually.').

## Non-compliant

`Date of next review: April 2018` (audited in 2026).

## Compliant

`Date of next review: September 2027`.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD010",
    "overdue-review",
    Category.OVERDUE_REVIEW,
    Severity.ERROR,
    "The stated next review date (or last review plus the review period) has passed.",
    "ICO Data Sharing Code of Practice (2021), 'Data sharing agreements'",
)
