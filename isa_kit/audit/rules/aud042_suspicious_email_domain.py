"""No address is on a domain that cannot exist or is a typing error.

An email domain that cannot exist or is one letter from a secure one.

## Why it matters

A domain such as `beh-mht.nhs` (no '.nhs' top-level domain) or `barnet.qcsx.gov.uk` (one
letter from gcsx) sends personal data nowhere, or to the wrong place.

## Non-compliant

`safeguarding@beh-mht.nhs`.

## Compliant

`safeguarding@beh-mht.nhs.uk`.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD042",
    "suspicious-email-domain",
    Category.SUSPICIOUS_EMAIL_DOMAIN,
    Severity.ERROR,
    "An email domain that cannot exist or is one letter from a secure one.",
    "",
)
