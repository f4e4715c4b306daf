"""ISA002 signatory-not-a-party."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._scope import controller_id, live_documents
from .base import Check, CheckContext


class SignatoryNotAParty(Check):
    """Everyone who signs a document is one of its parties.

    ## Why it matters

    A signature binds the organisation that gives it. A signatory whose organisation is not
    listed among the parties signs up to nothing, while the organisation that should have
    signed may be missing: the agreement no longer says who is accountable for the sharing
    (ICO Data Sharing Code of Practice, "which organisations are involved").

    ## Non-compliant

    ```yaml
    parties: [barnet-council, met-police]
    signatories:
      - organisation: barnet-homes
        role: Chief Executive
        name: C. Chief
        date_signed: 2026-03-20
    ```

    ## Compliant

    ```yaml
    parties: [barnet-council, met-police, barnet-homes]
    signatories:
      - organisation: barnet-homes
        role: Chief Executive
        name: C. Chief
        date_signed: 2026-03-20
    ```
    """

    code = "ISA002"
    name = "signatory-not-a-party"
    category = Category.SIGNATORY_NOT_A_PARTY
    severity = Severity.ERROR
    source = "ICO Data Sharing Code of Practice (2021), 'Which organisations are involved'"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        for doc in live_documents(partnership):
            if not doc.parties:
                continue
            parties = set(doc.parties)
            # A body signs for its departments: it counts as a party when one of them is.
            parties.update(controller_id(partnership, party, ctx) for party in doc.parties)
            for j, sig in enumerate(doc.signatories):
                if sig.organisation not in parties:
                    yield self.finding(
                        doc,
                        "signatories",
                        j,
                        message=f"'{sig.organisation}' signs '{doc.id}' but is not one of its parties",
                        subject=sig.organisation,
                        document=doc.id,
                        hint="Add the organisation to parties, or remove the signature if it was recorded in error.",
                    )
