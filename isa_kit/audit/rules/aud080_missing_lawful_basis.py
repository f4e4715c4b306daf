"""An agreement that shares personal data states each party's lawful basis.

States no UK GDPR Article 6 (or DPA 2018 Part 3) basis for sharing, or a basis table whose
Article 6 column says ``Not recorded``.

Scope, as for ``isa-kit check`` (ISA040): an information sharing agreement, a memorandum of
understanding or protocol between two or more parties, or any document with a table of the
data it shares. A basis counts when the text cites Article 6(1)(a)-(f) or names a basis
(public task, legal obligation, vital interests, legitimate interests) where it speaks of the
lawful basis; Data Protection Act 1998 Schedule 2 conditions do not count.

## Why it matters

Sharing personal data is lawful only on an Article 6(1) basis (UK GDPR Article 6), or for
police law enforcement purposes under Part 3 of the Data Protection Act 2018. The ICO Data
Sharing Code of Practice asks the agreement to record the basis of each party, since parties
may rely on different ones.

## Non-compliant

`Information is shared under Schedule 2 condition 5(b) of the Data Protection Act 1998.`, or
a basis table row `All parties | Not recorded`.

## Compliant

`Each partner shares under UK GDPR Article 6(1)(e) public task.`
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD080",
    "missing-lawful-basis",
    Category.MISSING_LAWFUL_BASIS,
    Severity.ERROR,
    "Shares personal data but states no UK GDPR Article 6 (or DPA 2018 Part 3) basis.",
    "UK GDPR Article 6(1); Data Protection Act 2018 Part 3; ICO Data Sharing Code of Practice (2021)",
)
