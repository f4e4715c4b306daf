"""The partnership is warned before a review falls due.

The next review falls within the policy's warning window.

## Why it matters

A review needs every party; starting it before the date passes keeps the agreement current.

## Non-compliant

`Date of next review:` within the policy's warning window (60 days by default).

## Compliant

A next review further away than the warning window.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD011",
    "review-due-soon",
    Category.REVIEW_DUE_SOON,
    Severity.WARNING,
    "The next review falls within the policy's warning window.",
    "ICO Data Sharing Code of Practice (2021), 'Data sharing agreements'",
)
