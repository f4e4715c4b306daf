"""No address is on a retired domain.

An email address on a retired domain (the GSi family).

## Why it matters

The GSi family (gsi, gse, gcsx, gsx.gov.uk) was retired in 2019 and removed from DNS in
2023: mail to it is lost.

## Non-compliant

`mash.lead@probation.gsi.gov.uk`.

## Compliant

`mash@barnet.gov.uk` or `safeguarding@nhs.net`.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD040",
    "retired-email-domain",
    Category.RETIRED_EMAIL_DOMAIN,
    Severity.ERROR,
    "An email address on a retired domain (the GSi family).",
    "",
)
