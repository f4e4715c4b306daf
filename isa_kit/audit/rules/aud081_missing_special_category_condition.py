"""An agreement that shares special category or criminal offence data states a condition
for it.

Shares special category data (health, ethnicity and the like) with no UK GDPR Article 9
condition, or criminal offence data with no Article 10 condition (nor a DPA 2018 Part 3
basis), or a condition table that says ``Not recorded``.

Scope as for AUD080. The data shared is read from a table of the data with a ``Special
category`` or ``Criminal offence`` column saying ``Yes`` or, without one, from the words
(special category data, health records, police information). A condition counts when the text
cites Article 9(2)(a)-(j), names an Article 9 condition, or cites a DPA 2018 Schedule 1
condition (a police force's Part 3 Schedule 8 condition also counts).

## Why it matters

Health, ethnicity, sexual life and similar data may be processed only under an Article 9(2)
condition (UK GDPR Article 9), most with a Schedule 1 condition of the Data Protection Act
2018 (s.10), e.g. Part 2 paragraph 18, "safeguarding of children and of individuals at risk".
Criminal offence data needs an Article 10 authorisation (DPA 2018 s.11 and Schedule 1).

## Non-compliant

`GP and health records are shared under Schedule 3 condition 7 of the Data Protection Act
1998.`

## Compliant

`Health information is shared under Article 9(2)(g) substantial public interest, Data
Protection Act 2018 Schedule 1 Part 2 paragraph 18.`
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD081",
    "missing-special-category-condition",
    Category.MISSING_SPECIAL_CATEGORY_CONDITION,
    Severity.ERROR,
    "Shares special category or criminal offence data with no Article 9 or 10 condition.",
    "UK GDPR Articles 9 and 10; Data Protection Act 2018 ss.10-11 and Schedule 1",
)
