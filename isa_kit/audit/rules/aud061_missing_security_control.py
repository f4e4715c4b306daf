"""An agreement that shares personal data says how it is transferred and what happens when
it is breached.

States no secure way of transferring the data it shares, no breach procedure, or a breach
procedure with no time limit for reporting (a warning).

Scope, as for ``isa-kit check`` (ISA061): an information sharing agreement, a memorandum of
understanding or protocol between two or more parties, or any document with a table of the
data it shares. A breach procedure whose time limit is ``Not recorded`` has none.

## Why it matters

UK GDPR Article 32 requires security appropriate to the risk, and Article 33 requires a
controller to report a personal data breach to the ICO within 72 hours: partners must
therefore tell the lead quickly. The ICO code asks the agreement to set out how data is
transferred and what happens when something goes wrong.

## Non-compliant

`Personal data breaches. Breaches are reported to: Data Protection Officer. Time limit for
reporting: Not recorded.`

## Compliant

`Information is shared by secure email (gov.uk, NHSmail, CJSM). Breaches are reported to the
council's Data Protection Officer within 24 hours.`
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD061",
    "missing-security-control",
    Category.MISSING_SECURITY_CONTROL,
    Severity.ERROR,
    "Names no secure transfer channel or breach procedure, or sets no time to report a breach.",
    "UK GDPR Articles 32 and 33; ICO Data Sharing Code of Practice (2021), 'Security'",
)
