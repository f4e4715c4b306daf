"""ISA010 overdue-review."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._review import due_date
from ._scope import binding_documents
from .base import Check, CheckContext


class OverdueReview(Check):
    """A document in force was reviewed when it said it would be.

    The due date is ``review.next_review`` or, when that is absent, ``last_reviewed`` plus
    ``period_months``. A date given to the month is due by the end of that month.

    ## Why it matters

    The ICO Data Sharing Code of Practice says a data sharing agreement should be reviewed
    regularly, and its accountability framework expects a review process with evidence that
    it runs. An agreement past its review date is likely to cite superseded law and guidance,
    defunct partners and retired email routes, and nobody has confirmed that the sharing is
    still necessary and proportionate (UK GDPR Article 5(1)(c) and 5(2)).

    ## Non-compliant

    ```yaml
    status: signed
    review:
      period_months: 12
      last_reviewed: 2017-04
      next_review: 2018-04
    ```

    ## Compliant

    ```yaml
    status: signed
    review:
      period_months: 12
      last_reviewed: 2026-03
      next_review: 2027-03
    ```
    """

    code = "ISA010"
    name = "overdue-review"
    category = Category.OVERDUE_REVIEW
    severity = Severity.ERROR
    source = "ICO Data Sharing Code of Practice (2021), 'Review'; ICO Accountability Framework"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        for doc in binding_documents(partnership):
            due = due_date(doc)
            if due is None or doc.review is None:
                continue
            when, field = due
            if when.latest() < ctx.as_of:
                how = "was due" if field == "next_review" else "was due (last review plus period)"
                yield self.finding(
                    doc.review,
                    field,
                    message=f"review of '{doc.id}' {how} {when.human()}",
                    subject=doc.id,
                    document=doc.id,
                    hint="Review the document with every party, then record last_reviewed and the new next_review.",
                )
