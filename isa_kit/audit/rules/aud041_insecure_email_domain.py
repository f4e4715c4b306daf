"""Every address is on a route shown to meet a secure email standard; none on free webmail.

An email address on free webmail (an error), or on a domain not shown to meet a secure email
standard (a warning).

An address is secure on a government domain (gov.uk, police.uk), NHSmail, CJSM, a domain on
the DCB1596 accredited list (or the policy's), the policy's secure domains, or a domain the
document itself declares secure in a ``Secure email domains`` or ``Approved email domains``
column, as ``isa-kit check`` judges the same addresses in the data.

## Why it matters

Free webmail is never acceptable for safeguarding information (UK GDPR Articles 5(1)(f) and
32). An organisation's own domain (a charity's ``.org.uk``, an NHS trust's ``nhs.uk`` not
shown accredited) may be secure, but the agreement should show it: the partnership resolves
the warning by recording its evidence in its policy or its secure-domain table.

## Non-compliant

`mash.manager@gmail.com`; `housing@barnethomes.org` in an agreement that lists no secure
domain for it.

## Compliant

`mash@barnet.gov.uk`; `lead@wdp.org.uk` where the agreement's `Secure email domains` table
lists `wdp.org.uk`.
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
