"""ISA062 insecure-transfer-channel."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership, TransferMethod

from ._scope import live_documents
from ._text import text_findings
from .base import Check, CheckContext


class InsecureTransferChannel(Check):
    """No document in force sends personal data by fax or on unencrypted removable media.

    Found in two places: a transfer channel whose ``method`` is ``fax``, and free text that
    offers fax as a route ("shared via phone, hand or fax", "Fax: 020 ...") or moves data on
    removable media without requiring encryption (``checks/knowledge/practice.yaml``). A
    sentence that forbids fax ("must not send fax referrals") is not a finding.

    ## Why it matters

    UK GDPR Article 5(1)(f) and Article 32 require security appropriate to the risk; special
    category data about children and adults at risk sent by fax can be read by whoever
    stands at the receiving machine, and the NHS stopped using fax on 31 March 2020.
    Removable media are lost; without encryption the loss is a reportable breach.

    ## Non-compliant

    ```yaml
    security:
      transfer_channels:
        - method: fax
          description: Urgent referrals by safe-haven fax
    ```

    ## Compliant

    ```yaml
    security:
      transfer_channels:
        - method: secure-email
          domains: [nhs.net, testshire.gov.uk]
    ```
    """

    code = "ISA062"
    name = "insecure-transfer-channel"
    category = Category.INSECURE_TRANSFER_CHANNEL
    severity = Severity.ERROR
    source = "UK GDPR Articles 5(1)(f) and 32; DHSC ban on NHS fax machines (31 March 2020)"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        for doc in live_documents(partnership):
            for channel in doc.security.transfer_channels if doc.security else []:
                if channel.method == TransferMethod.FAX:
                    yield self.finding(
                        channel,
                        "method",
                        message=f"'{doc.id}' names fax as a transfer channel for personal data",
                        subject=doc.id,
                        document=doc.id,
                        hint="Remove fax; name secure email or a secure portal instead.",
                    )
        yield from text_findings(self, partnership, ctx)
