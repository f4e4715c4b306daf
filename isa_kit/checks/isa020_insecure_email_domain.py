"""ISA020 insecure-email-domain."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._email import email_findings
from .base import Check, CheckContext


class InsecureEmailDomain(Check):
    """Email addresses use a route shown to meet a secure email standard; never free webmail.

    Secure email is modelled as it is governed. An address is secure when its domain (or a
    parent of it) is a route secure as a whole (``nhs.net`` NHSmail, ``cjsm.net``, force
    domains under ``police.uk``, and ``gov.uk`` domains, which must meet the government email
    security standard), an organisation domain on the DCB1596 accredited list (shipped in
    ``checks/knowledge/email.yaml``, refreshed by the partnership's policy
    ``accredited_domains_file`` or ``accredited_domains``), on the policy's
    ``secure_domains``, among the partners' ``secure_email_domains``, or among the domains of
    a document's ``secure-email`` transfer channel.

    Severity follows what is known: free webmail is an **error** (known to be wrong); any
    other domain (an NHS trust's own ``*.nhs.uk`` not shown accredited, a charity's
    ``.org.uk``) is a **warning**, "not shown to meet a secure standard", which the
    partnership resolves by recording its evidence in its policy. Retired GSi domains and
    typing errors are ISA021 and ISA022.

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
    contacts:
      - role: MASH Manager
        email: mash@barnet.gov.uk   # gov.uk: government email security standard
      - role: Safeguarding lead
        email: safeguarding@nhs.net # NHSmail
    ```
    """

    code = "ISA020"
    name = "insecure-email-domain"
    category = Category.INSECURE_EMAIL_DOMAIN
    severity = Severity.ERROR
    source = "UK GDPR Articles 5(1)(f) and 32; NHS England secure email standard DCB1596"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        return email_findings(self, partnership, ctx)
