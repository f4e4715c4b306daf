"""The document states one review period, within the policy's maximum.

The document states different review periods, or one longer than the policy allows.

## Why it matters

Two review periods ('every two years' in one clause, 'every 12 months' in another) are
conflicting promises to the parties; a period longer than the policy allows is not regular
review.

## Non-compliant

`This agreement will be reviewed annually.` and elsewhere `The protocol is reviewed every
two years.`; or `A review of this agreement will take place every 12 months` against a
document-control row `Review period | 24 months`.

## Compliant

One period, stated once: `This agreement will be reviewed every 12 months.`
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD013",
    "inconsistent-review-period",
    Category.INCONSISTENT_REVIEW_PERIOD,
    Severity.WARNING,
    "The document states different review periods, or one longer than the policy allows.",
    "ICO Data Sharing Code of Practice (2021), 'Data sharing agreements'",
)
