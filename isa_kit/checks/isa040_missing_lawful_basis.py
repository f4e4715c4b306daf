"""ISA040 missing-lawful-basis."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._scope import bases_for, live_documents, shares_data
from .base import Check, CheckContext


class MissingLawfulBasis(Check):
    """Every party to a document that shares data has a lawful basis recorded.

    Scope: every document in force that shares personal data, not only ISAs: an ISA, an MOU
    or operational protocol between two or more parties (a MASH's MOU and protocol are how its
    partners share personal data), or any document that records the data it shares.

    A party is covered by a ``lawful_bases`` entry that lists it (or lists no parties, so
    applies to all) and gives an Article 6 basis or, for a competent authority, a Part 3
    (law enforcement) basis. When no party is covered (no basis, or only statutory gateways
    such as a Data Protection Act 1998 schedule), one finding is made for the document.

    ## Why it matters

    Sharing personal data is lawful only on an Article 6(1) basis (UK GDPR Article 6), or
    for police law enforcement purposes under Part 3 of the Data Protection Act 2018. The ICO
    Data Sharing Code of Practice asks the agreement to record the basis of each party, since
    parties may rely on different ones.

    ## Non-compliant

    ```yaml
    kind: isa
    parties: [barnet-council, met-police]
    lawful_bases: []
    ```

    ## Compliant

    ```yaml
    kind: isa
    parties: [barnet-council, met-police]
    lawful_bases:
      - parties: [barnet-council]
        article_6: [public-task, legal-obligation]
      - parties: [met-police]
        article_6: [public-task]
        part_3: {section_35: "section 35(2)(b)"}
    ```
    """

    code = "ISA040"
    name = "missing-lawful-basis"
    category = Category.MISSING_LAWFUL_BASIS
    severity = Severity.ERROR
    source = "UK GDPR Article 6(1); Data Protection Act 2018 Part 3; ICO Data Sharing Code of Practice (2021)"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        for doc in live_documents(partnership):
            if not shares_data(doc) or not doc.parties:
                continue
            if not any(b.article_6 or b.part_3 for b in doc.lawful_bases):
                # No party has one: one finding for the document, not one per party.
                yield self.finding(
                    doc,
                    *(("lawful_bases",) if "lawful_bases" in doc.model_fields_set else ("kind",)),
                    message=(
                        f"'{doc.id}' shares personal data but records no UK GDPR Article 6 "
                        "(or DPA 2018 Part 3) basis for any party"
                    ),
                    subject=doc.id,
                    document=doc.id,
                    hint="Add lawful_bases with each party's UK GDPR Article 6 basis (and Part 3 for police).",
                )
                continue
            for i, party in enumerate(doc.parties):
                if any(b.article_6 or b.part_3 for b in bases_for(doc, party)):
                    continue
                yield self.finding(
                    doc,
                    "parties",
                    i,
                    message=f"party '{party}' to '{doc.id}' has no lawful basis for sharing",
                    subject=party,
                    document=doc.id,
                    hint="Add an Article 6 basis for this party to lawful_bases.",
                )
