"""ISA041 missing-special-category-condition."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Art9Condition, Document, OrgType, Partnership

from ._scope import bases_for, live_documents, organisation
from .base import Check, CheckContext

_NEEDS_SCHEDULE_1 = frozenset(
    {
        Art9Condition.EMPLOYMENT_SOCIAL_PROTECTION,
        Art9Condition.SUBSTANTIAL_PUBLIC_INTEREST,
        Art9Condition.HEALTH_SOCIAL_CARE,
        Art9Condition.PUBLIC_HEALTH,
        Art9Condition.ARCHIVING_RESEARCH,
    }
)


class MissingSpecialCategoryCondition(Check):
    """Special category and criminal offence data shared under a condition for every party.

    When ``data_shared`` includes special category data, each party needs an Article 9(2)
    condition (a police force may instead rely on a Part 3 basis with a Schedule 8
    condition); conditions (b), (g), (h), (i) and (j) also need their DPA 2018 Schedule 1
    condition. Criminal offence data needs an Article 10 (Schedule 1) condition or, for
    police, Part 3. When no party has a condition, one finding is made for the document.

    ## Why it matters

    Health, ethnicity, sexual life and similar data may be processed only under an Article
    9(2) condition (UK GDPR Article 9), most with a Schedule 1 condition of the Data
    Protection Act 2018 (s.10), e.g. Part 2 paragraph 18, "safeguarding of children and of
    individuals at risk". Criminal offence data needs an Article 10 authorisation (DPA 2018
    s.11 and Schedule 1). The ICO code asks the agreement to record these per party.

    ## Non-compliant

    ```yaml
    data_shared:
      categories:
        - {name: Health information, special_category: true}
    lawful_bases:
      - article_6: [public-task]
    ```

    ## Compliant

    ```yaml
    data_shared:
      categories:
        - {name: Health information, special_category: true}
    lawful_bases:
      - article_6: [public-task]
        article_9:
          - {article_9: substantial-public-interest, schedule_1: Part 2 paragraph 18}
    ```
    """

    code = "ISA041"
    name = "missing-special-category-condition"
    category = Category.MISSING_SPECIAL_CATEGORY_CONDITION
    severity = Severity.ERROR
    source = "UK GDPR Articles 9 and 10; Data Protection Act 2018 ss.10-11 and Schedule 1"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        for doc in live_documents(partnership):
            yield from self._missing_schedule_1(doc)
            data = doc.data_shared
            if data is None or not doc.parties:
                continue
            special = next((i for i, c in enumerate(data.categories) if c.special_category), None)
            criminal = next((i for i, c in enumerate(data.categories) if c.criminal_offence), None)
            if special is None and criminal is None:
                continue
            # When no party has a condition, one finding for the document, not one per party.
            doc_level_special = special is not None and not _any_article_9(doc)
            doc_level_criminal = criminal is not None and not _any_article_10(doc)
            if doc_level_special and special is not None:
                yield self.finding(
                    data,
                    "categories",
                    special,
                    message=(
                        f"'{doc.id}' shares special category data but records no Article 9 "
                        "condition for any party"
                    ),
                    subject=doc.id,
                    document=doc.id,
                    hint="Add article_9 conditions with their Schedule 1 conditions to lawful_bases.",
                )
            if doc_level_criminal and criminal is not None:
                yield self.finding(
                    data,
                    "categories",
                    criminal,
                    message=(
                        f"'{doc.id}' shares criminal offence data but records no Article 10 "
                        "condition for any party"
                    ),
                    subject=doc.id,
                    document=doc.id,
                    hint="Add article_10 entries with their Schedule 1 conditions to lawful_bases.",
                )
            yield from self._per_party(
                partnership,
                ctx,
                doc,
                special=special is not None and not doc_level_special,
                criminal=criminal is not None and not doc_level_criminal,
            )

    def _missing_schedule_1(self, doc: Document) -> Iterator[Finding]:
        """Schedule 1 conditions missing from Article 9(2) conditions that need one."""
        for b in doc.lawful_bases:
            for j, cond in enumerate(b.article_9):
                if cond.article_9 in _NEEDS_SCHEDULE_1 and not (cond.schedule_1 or "").strip():
                    yield self.finding(
                        b,
                        "article_9",
                        j,
                        message=(
                            f"{cond.article_9.article} ({cond.article_9.value}) in '{doc.id}' "
                            "needs a DPA 2018 Schedule 1 condition"
                        ),
                        subject=doc.id,
                        document=doc.id,
                        hint="Add schedule_1, e.g. 'Part 2 paragraph 18' (safeguarding) or 'Part 1 paragraph 2' (health or social care).",
                    )

    def _per_party(
        self,
        partnership: Partnership,
        ctx: CheckContext,
        doc: Document,
        *,
        special: bool,
        criminal: bool,
    ) -> Iterator[Finding]:
        """Each party without a condition for the special category or criminal offence data."""
        for i, party in enumerate(doc.parties):
            org = organisation(partnership, party, ctx)
            police = org is not None and org.type == OrgType.POLICE
            bases = bases_for(doc, party)
            part3 = [b.part_3 for b in bases if b.part_3 is not None]
            if special:
                ok = any(b.article_9 for b in bases) or (
                    police and any((p.schedule_8 or "").strip() for p in part3)
                )
                if not ok:
                    yield self.finding(
                        doc,
                        "parties",
                        i,
                        message=(
                            f"party '{party}' to '{doc.id}' shares special category data "
                            "with no Article 9 condition"
                        ),
                        subject=party,
                        document=doc.id,
                        hint="Add an article_9 condition with its Schedule 1 condition for this party.",
                    )
            if criminal:
                ok = any(b.article_10 for b in bases) or (police and bool(part3))
                if not ok:
                    yield self.finding(
                        doc,
                        "parties",
                        i,
                        message=(
                            f"party '{party}' to '{doc.id}' shares criminal offence data "
                            "with no Article 10 condition"
                        ),
                        subject=party,
                        document=doc.id,
                        hint="Add an article_10 entry with its Schedule 1 condition for this party.",
                    )


def _any_article_9(doc: Document) -> bool:
    """Whether any party has an Article 9 condition (or a Part 3 Schedule 8 condition)."""
    return any(b.article_9 for b in doc.lawful_bases) or any(
        b.part_3 is not None and (b.part_3.schedule_8 or "").strip() for b in doc.lawful_bases
    )


def _any_article_10(doc: Document) -> bool:
    """Whether any party has an Article 10 condition (or a Part 3 basis)."""
    return any(b.article_10 or b.part_3 is not None for b in doc.lawful_bases)
