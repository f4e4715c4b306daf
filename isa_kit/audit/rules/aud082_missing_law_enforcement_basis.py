"""A police party to an agreement that shares personal data has a Part 3 basis.

Names a police force as a party (in its signature table or scope) but states no Data
Protection Act 2018 Part 3 (law enforcement) basis for it.

Scope as for AUD080. A Part 3 basis counts when the text cites Part 3 of the Data Protection
Act 2018, section 35(2) or law enforcement processing, for the force (or without naming
parties, or for all of them).

## Why it matters

Police forces are competent authorities: what they share and receive for law enforcement
purposes is processed under Part 3 of the Data Protection Act 2018, not the UK GDPR. The first
principle is met under section 35 and sensitive processing needs a Schedule 8 condition
(s.35(5)). The ICO's data sharing request form (Annex B of the code) asks for the Part 3
provisions.

## Non-compliant

A signature table with a row for `Barnet Metropolitan Police Service` and no Part 3 basis
anywhere.

## Compliant

`Demoshire Police: law enforcement processing, Data Protection Act 2018 Part 3, section
35(2)(b); sensitive processing: Schedule 8 paragraph 4.`
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD082",
    "missing-law-enforcement-basis",
    Category.MISSING_LAW_ENFORCEMENT_BASIS,
    Severity.ERROR,
    "Names a police force as a party but states no DPA 2018 Part 3 basis for it.",
    "Data Protection Act 2018 Part 3, s.31, s.35 and Schedule 8",
)
