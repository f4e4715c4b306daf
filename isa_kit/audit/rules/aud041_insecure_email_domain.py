"""No address is on free webmail.

An email address on free webmail (or, with a policy, not on its allow-list).

## Why it matters

Free webmail is never acceptable for safeguarding information (UK GDPR Articles 5(1)(f) and
32). Government domains (gov.uk, police.uk), NHSmail, CJSM and DCB1596-accredited domains
are secure routes and are not reported.

## Non-compliant

`mash.manager@gmail.com`.

## Compliant

`mash@barnet.gov.uk`.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD041",
    "insecure-email-domain",
    Category.INSECURE_EMAIL_DOMAIN,
    Severity.ERROR,
    "An email address on free webmail (or, with a policy, not on its allow-list).",
    "",
)
