"""ISA020 insecure-email-domain."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._email import email_findings
from .base import Check, CheckContext


class InsecureEmailDomain(Check):
    """Email addresses use a secure domain: never free webmail, and on the secure-domain policy.

    An address is acceptable when its domain (or a parent of it) is on the policy's
    ``secure_domains``, among the partners' ``secure_email_domains``, or among the domains of
    a document's ``secure-email`` transfer channel.

    ## Why it matters

    UK GDPR Article 5(1)(f) and Article 32 require appropriate security for personal data;
    special category data about children and adults at risk needs email that meets the secure
    email standard (DCB1596), such as NHSmail, CJSM or an accredited organisation's domain.
    Free webmail is never acceptable for a partner's contact in an information sharing
    agreement.

    ## Non-compliant

    ```yaml
    contacts:
      - role: MASH Manager
        email: mash.manager@gmail.com
    ```

    ## Compliant

    ```yaml
    secure_email_domains: [barnet.gov.uk]
    contacts:
      - role: MASH Manager
        email: mash@barnet.gov.uk
    ```
    """

    code = "ISA020"
    name = "insecure-email-domain"
    category = Category.INSECURE_EMAIL_DOMAIN
    severity = Severity.ERROR
    source = "UK GDPR Articles 5(1)(f) and 32; NHS England secure email standard DCB1596"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        return email_findings(self, partnership, ctx)
