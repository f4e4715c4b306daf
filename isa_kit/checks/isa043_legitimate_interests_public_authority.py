"""ISA043 legitimate-interests-public-authority."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Art6Basis, Partnership

from ._scope import live_documents, organisation
from .base import Check, CheckContext

_LI = (Art6Basis.LEGITIMATE_INTERESTS, Art6Basis.RECOGNISED_LEGITIMATE_INTEREST)


class LegitimateInterestsPublicAuthority(Check):
    """A public authority does not rely on legitimate interests (Art 6(1)(f) or (ea)).

    Reported for every public authority covered by a lawful basis that lists
    ``legitimate-interests`` (an error) or ``recognised-legitimate-interest`` (a warning,
    until its commencement for the case is confirmed).

    ## Why it matters

    The last sentence of UK GDPR Article 6(1) says point (f) does not apply to processing
    by public authorities in the performance of their tasks; the Data (Use and Access) Act
    2025 applies the same limit to the new point (ea), recognised legitimate interests.
    A council, police force or NHS body sharing for a MASH performs a public task and needs
    Article 6(1)(e) (or (c)).

    ## Non-compliant

    ```yaml
    lawful_bases:
      - parties: [barnet-council]
        article_6: [legitimate-interests]
    ```

    ## Compliant

    ```yaml
    lawful_bases:
      - parties: [barnet-council]
        article_6: [public-task]
    ```
    """

    code = "ISA043"
    name = "legitimate-interests-public-authority"
    category = Category.LEGITIMATE_INTERESTS_PUBLIC_AUTHORITY
    severity = Severity.ERROR
    source = "UK GDPR Article 6(1), final sentence; Data (Use and Access) Act 2025 s.70"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        for doc in live_documents(partnership):
            for b in doc.lawful_bases:
                for j, basis in enumerate(b.article_6):
                    if basis not in _LI:
                        continue
                    for party in b.parties or doc.parties:
                        org = organisation(partnership, party, ctx)
                        if org is None or not org.public_authority:
                            continue
                        yield self.finding(
                            b,
                            "article_6",
                            j,
                            message=(
                                f"public authority '{party}' relies on {basis.article} "
                                f"({basis.value}) in '{doc.id}'"
                            ),
                            subject=party,
                            document=doc.id,
                            hint="A public authority performing its tasks should rely on public-task (Article 6(1)(e)) or legal-obligation (6(1)(c)).",
                            severity=(
                                Severity.WARNING
                                if basis == Art6Basis.RECOGNISED_LEGITIMATE_INTEREST
                                else None
                            ),
                        )
