"""ISA022 suspicious-email-domain."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._email import email_findings
from .base import Check, CheckContext


class SuspiciousEmailDomain(Check):
    """No email domain is a near miss of a secure one, or a domain that cannot exist.

    A near miss is one edit (a letter changed, added, dropped or two swapped) away from a
    known secure, retired or allowed domain: ``nsh.net`` for ``nhs.net``,
    ``barnet.qcsx.gov.uk`` for ``barnet.gcsx.gov.uk``. A domain cannot exist when it is
    malformed or its top-level domain is not one (``beh-mht.nhs``).

    ## Why it matters

    A mistyped domain in an agreement is copied into address books: at best mail bounces and
    a referral is delayed, at worst a look-alike domain receives safeguarding information
    about a child (a personal data breach, UK GDPR Articles 32 to 34).

    ## Non-compliant

    ```yaml
    contacts:
      - role: Safeguarding Lead
        email: safeguarding@nsh.net
    ```

    ## Compliant

    ```yaml
    contacts:
      - role: Safeguarding Lead
        email: safeguarding@nhs.net
    ```
    """

    code = "ISA022"
    name = "suspicious-email-domain"
    category = Category.SUSPICIOUS_EMAIL_DOMAIN
    severity = Severity.ERROR
    source = "UK GDPR Articles 32 to 34; RFC 1035 (domain names)"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        return email_findings(self, partnership, ctx)
