"""ISA060 missing-retention."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._scope import live_documents, shares_data
from .base import Check, CheckContext


class MissingRetention(Check):
    """A document that shares data says how long the shared data is kept.

    Scope: every document in force that shares personal data, not only ISAs: an ISA, an MOU
    or operational protocol between two or more parties (a MASH's MOU and protocol are how its
    partners share personal data), or any document that records the data it shares.

    ## Why it matters

    Personal data must be kept no longer than necessary (UK GDPR Article 5(1)(e), storage
    limitation). The ICO Data Sharing Code of Practice asks an agreement to set out
    retention and deletion of shared data, so that every partner deletes what it received
    when the purpose is met.

    ## Non-compliant

    ```yaml
    kind: isa
    retention: []
    ```

    ## Compliant

    ```yaml
    kind: isa
    retention:
      - record_type: MASH enquiry record
        period: 6 years
        trigger: closure of the MASH enquiry
        disposal: secure deletion
    ```
    """

    code = "ISA060"
    name = "missing-retention"
    category = Category.MISSING_RETENTION
    severity = Severity.ERROR
    source = "UK GDPR Article 5(1)(e); ICO Data Sharing Code of Practice (2021), 'Retention and deletion'"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        for doc in live_documents(partnership):
            if not shares_data(doc) or doc.retention:
                continue
            if "retention" in doc.model_fields_set:
                where: tuple[str, ...] = ("retention",)
            elif doc.data_shared is not None:
                where = ("data_shared",)
            else:
                where = ("kind",)
            yield self.finding(
                doc,
                *where,
                message=f"'{doc.id}' shares personal data but sets no retention rule",
                subject=doc.id,
                document=doc.id,
                hint="Add retention rules: record type, period, what starts the clock, and disposal.",
            )
