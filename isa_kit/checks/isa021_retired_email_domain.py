"""ISA021 retired-email-domain."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._email import email_findings
from .base import Check, CheckContext


class RetiredEmailDomain(Check):
    """No email address or secure domain belongs to the retired GSi family.

    The family is ``gsi.gov.uk``, ``gse.gov.uk``, ``gcsx.gov.uk`` and ``gsx.gov.uk`` and
    every subdomain of them (``barnet.gcsx.gov.uk``, ``probation.gsi.gov.uk``).

    ## Why it matters

    The Government Secure Intranet was closed: GCSx on 31 March 2019, and the GSi domains
    were removed from internet-facing DNS in 2023. Mail to these addresses is not delivered,
    so a referral sent to one is lost, and an agreement that names them as its secure route
    names no secure route at all (UK GDPR Article 32).

    ## Non-compliant

    ```yaml
    secure_email_domains: [barnet.gcsx.gov.uk]
    ```

    ## Compliant

    ```yaml
    secure_email_domains: [barnet.gov.uk]
    ```
    """

    code = "ISA021"
    name = "retired-email-domain"
    category = Category.RETIRED_EMAIL_DOMAIN
    severity = Severity.ERROR
    source = "Government Digital Service, closure of the GSi network (GCSx closed 31 March 2019)"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        return email_findings(self, partnership, ctx)
