"""ISA001 missing-signatory."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._scope import binding_documents, controller_id
from .base import Check, CheckContext


class MissingSignatory(Check):
    """Every party to a final or signed document has a signatory with a name, role and date.

    ## Why it matters

    The ICO Data Sharing Code of Practice expects every party's senior management to sign off
    a data sharing agreement, and its accountability framework expects evidence of that
    sign-off. A party with no signature, or a signature line with no name, role or date, is an
    agreement nobody can show was agreed: it does not demonstrate accountability (UK GDPR
    Article 5(2)) for that party's sharing.

    ## Non-compliant

    ```yaml
    status: signed
    parties: [barnet-council, met-police]
    signatories:
      - organisation: barnet-council
        role: Executive Director, Children and Family Services
        name: null
        date_signed: null
    ```

    ## Compliant

    ```yaml
    status: signed
    parties: [barnet-council, met-police]
    signatories:
      - organisation: barnet-council
        role: Executive Director, Children and Family Services
        name: A. Director
        date_signed: 2026-03-15
      - organisation: met-police
        role: Detective Superintendent, Public Protection
        name: B. Officer
        date_signed: 2026-03-18
    ```
    """

    code = "ISA001"
    name = "missing-signatory"
    category = Category.MISSING_SIGNATORY
    severity = Severity.ERROR
    source = (
        "ICO Data Sharing Code of Practice (2021), 'Data sharing agreements'; UK GDPR Article 5(2)"
    )

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        for doc in binding_documents(partnership):
            if not doc.parties:
                continue
            signed_by = {s.organisation for s in doc.signatories}
            for i, party in enumerate(doc.parties):
                # A department (part_of) is covered when the body it is part of signed.
                if party in signed_by or controller_id(partnership, party, ctx) in signed_by:
                    continue
                yield self.finding(
                    doc,
                    "parties",
                    i,
                    message=f"party '{party}' to {doc.status.value} document '{doc.id}' has no signatory",
                    subject=party,
                    document=doc.id,
                    hint="Add a signatories entry for this party with the signer's role, name and date.",
                )
            for j, sig in enumerate(doc.signatories):
                missing = [
                    label
                    for label, value in (
                        ("name", sig.name),
                        ("role", sig.role),
                        ("date signed", sig.date_signed),
                    )
                    if value is None or (isinstance(value, str) and not value.strip())
                ]
                if missing:
                    yield self.finding(
                        doc,
                        "signatories",
                        j,
                        message=(
                            f"signatory for '{sig.organisation}' on '{doc.id}' has no "
                            + " and no ".join(missing)
                        ),
                        subject=sig.organisation,
                        document=doc.id,
                        hint="Record who signed (role and name) and when, from the signed copy.",
                    )
