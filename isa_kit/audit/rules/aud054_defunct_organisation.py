"""The document names organisations that exist.

Names an organisation that no longer exists.

## Why it matters

CCGs, CRCs, the National Probation Service, Public Health England and Safeguarding Children
Boards were replaced; an agreement naming them has parties and governance that no longer
exist.

## Non-compliant

`Reports go to the Barnet Safeguarding Children Board.`

## Compliant

`Reports go to the Barnet Safeguarding Children Partnership.`
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD054",
    "defunct-organisation",
    Category.DEFUNCT_ORGANISATION,
    Severity.ERROR,
    "Names an organisation that no longer exists.",
    "",
)
