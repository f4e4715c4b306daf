"""The document uses the Government Security Classifications.

Uses the Government Protective Marking Scheme, replaced in 2014.

## Why it matters

The Government Protective Marking Scheme (PROTECT, RESTRICTED, CONFIDENTIAL) was replaced on
2 April 2014. A marking counts only where it is used as one (standing alone, after
'Classification:', or quoted as a grade): the word 'confidential' in a heading or sentence
is not a marking.

## Non-compliant

A header `RESTRICTED`, or `classified as 'RESTRICTED'`.

## Compliant

`OFFICIAL-SENSITIVE`; and a heading such as `CONFIDENTIAL INFORMATION AND CONSENT` is fine.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD053",
    "obsolete-protective-marking",
    Category.OBSOLETE_PROTECTIVE_MARKING,
    Severity.ERROR,
    "Uses the Government Protective Marking Scheme, replaced in 2014.",
    "Government Security Classifications (April 2014)",
)
