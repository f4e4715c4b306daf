"""The document cites current data protection law.

Cites legislation that has been repealed or replaced.

## Why it matters

The Data Protection Act 1998 was repealed on 25 May 2018; its conditions, 'sensitive
personal data' and section 29 no longer exist, so an agreement relying on them has no stated
lawful basis.

## Non-compliant

`in accordance with the Data Protection Act 1998`.

## Compliant

`UK GDPR Article 6(1)(e) and the Data Protection Act 2018`.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD050",
    "superseded-legislation",
    Category.SUPERSEDED_LEGISLATION,
    Severity.ERROR,
    "Cites legislation that has been repealed or replaced.",
    "",
)
