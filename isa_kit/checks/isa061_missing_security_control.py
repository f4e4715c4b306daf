"""ISA061 missing-security-control."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._scope import live_documents, shares_data
from .base import Check, CheckContext


class MissingSecurityControl(Check):
    """A document that shares data names its transfer channels and its breach procedure.

    Scope: every document in force that shares personal data, not only ISAs: an ISA, an MOU
    or operational protocol between two or more parties (a MASH's MOU and protocol are how its
    partners share personal data), or any document that records the data it shares.

    Reported when ``security`` is absent, has no ``transfer_channels``, or has no ``breach``
    procedure (errors), and when the breach procedure sets no reporting deadline (a warning).

    ## Why it matters

    UK GDPR Article 32 requires security appropriate to the risk, and Article 33 requires a
    controller to report a personal data breach to the ICO within 72 hours: partners must
    therefore tell the lead quickly. The ICO code asks the agreement to set out how data is
    transferred and what happens when something goes wrong.

    ## Non-compliant

    ```yaml
    kind: isa
    security:
      transfer_channels: []
    ```

    ## Compliant

    ```yaml
    kind: isa
    security:
      transfer_channels:
        - method: secure-email
          domains: [nhs.net, cjsm.net]
      breach:
        report_to: Data Protection Officer, London Borough of Barnet
        deadline_hours: 24
    ```
    """

    code = "ISA061"
    name = "missing-security-control"
    category = Category.MISSING_SECURITY_CONTROL
    severity = Severity.ERROR
    source = "UK GDPR Articles 32 and 33; ICO Data Sharing Code of Practice (2021), 'Security'"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        for doc in live_documents(partnership):
            if not shares_data(doc):
                continue
            sec = doc.security
            if sec is None:
                yield self.finding(
                    doc,
                    "kind",
                    message=f"'{doc.id}' shares personal data but has no security section",
                    subject=doc.id,
                    document=doc.id,
                    hint="Add security with transfer_channels and a breach procedure.",
                )
                continue
            if not sec.transfer_channels:
                yield self.finding(
                    sec,
                    *(
                        ("transfer_channels",)
                        if "transfer_channels" in sec.model_fields_set
                        else ()
                    ),
                    message=f"'{doc.id}' names no transfer channel for shared data",
                    subject=doc.id,
                    document=doc.id,
                    hint="Add security.transfer_channels (e.g. secure-email with its domains, case-system).",
                )
            if sec.breach is None:
                yield self.finding(
                    sec,
                    message=f"'{doc.id}' has no breach procedure",
                    subject=doc.id,
                    document=doc.id,
                    hint="Add security.breach: who a partner reports a breach to, and within how many hours.",
                )
            elif sec.breach.deadline_hours is None:
                yield self.finding(
                    sec.breach,
                    "report_to",
                    message=f"breach procedure of '{doc.id}' sets no reporting deadline",
                    subject=doc.id,
                    document=doc.id,
                    hint="Set security.breach.deadline_hours (24 leaves the controller time to meet the ICO's 72 hours).",
                    severity=Severity.WARNING,
                )
