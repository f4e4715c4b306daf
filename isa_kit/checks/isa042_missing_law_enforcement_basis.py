"""ISA042 missing-law-enforcement-basis."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import OrgType, Partnership

from ._scope import bases_for, live_documents, organisation, shares_data
from .base import Check, CheckContext


class MissingLawEnforcementBasis(Check):
    """A police party to a document that shares data has a Part 3 (law enforcement) route.

    Scope: every document in force that shares personal data, not only ISAs: an ISA, an MOU
    or operational protocol between two or more parties (a MASH's MOU and protocol are how its
    partners share personal data), or any document that records the data it shares.

    ## Why it matters

    Police forces are competent authorities: what they share and receive for law
    enforcement purposes is processed under Part 3 of the Data Protection Act 2018, not the
    UK GDPR. The first principle is met under section 35 (consent, or necessity for a law
    enforcement task) and sensitive processing needs a Schedule 8 condition (s.35(5)). The
    ICO's data sharing request form (Annex B of the code) asks for the Part 3 provisions.

    ## Non-compliant

    ```yaml
    lawful_bases:
      - parties: [met-police]
        article_6: [public-task]
    ```

    ## Compliant

    ```yaml
    lawful_bases:
      - parties: [met-police]
        article_6: [public-task]
        part_3:
          section_35: section 35(2)(b)
          schedule_8: paragraph 4 (safeguarding of children and of individuals at risk)
    ```
    """

    code = "ISA042"
    name = "missing-law-enforcement-basis"
    category = Category.MISSING_LAW_ENFORCEMENT_BASIS
    severity = Severity.ERROR
    source = "Data Protection Act 2018 Part 3, s.31, s.35 and Schedule 8"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        for doc in live_documents(partnership):
            if not shares_data(doc):
                continue
            for i, party in enumerate(doc.parties):
                org = organisation(partnership, party, ctx)
                if org is None or org.type != OrgType.POLICE:
                    continue
                if any(b.part_3 is not None for b in bases_for(doc, party)):
                    continue
                yield self.finding(
                    doc,
                    "parties",
                    i,
                    message=f"police party '{party}' to '{doc.id}' has no DPA 2018 Part 3 basis",
                    subject=party,
                    document=doc.id,
                    hint="Add part_3 (section 35 and a Schedule 8 condition) to this party's lawful basis.",
                )
