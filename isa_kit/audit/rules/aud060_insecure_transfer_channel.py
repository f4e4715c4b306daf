"""Personal data is not sent by fax or on unencrypted removable media.

Sends personal data by fax or on removable media without encryption.

## Why it matters

UK GDPR Articles 5(1)(f) and 32 require security appropriate to the risk; the NHS stopped
using fax on 31 March 2020, and lost removable media without encryption are a reportable
breach. A sentence forbidding fax is not a finding.

## Non-compliant

`Information will be shared via phone, hand or fax.`

## Compliant

`Information is shared by secure email (gov.uk, NHSmail, CJSM).`
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD060",
    "insecure-transfer-channel",
    Category.INSECURE_TRANSFER_CHANNEL,
    Severity.ERROR,
    "Sends personal data by fax or on removable media without encryption.",
    "UK GDPR Articles 5(1)(f) and 32",
)
