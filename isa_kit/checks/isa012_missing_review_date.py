"""ISA012 missing-review-date."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._review import due_date
from ._scope import binding_documents
from .base import Check, CheckContext


class MissingReviewDate(Check):
    """A final or signed document says when it will next be reviewed.

    A next review date, or a last review date with a review period, is enough.

    ## Why it matters

    The ICO Data Sharing Code of Practice expects a data sharing agreement to state when it
    will be reviewed, and the accountability framework expects a review process. Without a
    date nobody is responsible for noticing that the agreement has aged.

    ## Non-compliant

    ```yaml
    status: signed
    review:
      reviewer: MASH Steering Group
    ```

    ## Compliant

    ```yaml
    status: signed
    review:
      reviewer: MASH Steering Group
      period_months: 12
      next_review: 2027-03
    ```
    """

    code = "ISA012"
    name = "missing-review-date"
    category = Category.MISSING_REVIEW_DATE
    severity = Severity.ERROR
    source = "ICO Data Sharing Code of Practice (2021), 'Review'; ICO Accountability Framework"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        for doc in binding_documents(partnership):
            if due_date(doc) is not None:
                continue
            node, path = (doc.review, ()) if doc.review is not None else (doc, ("status",))
            yield self.finding(
                node,
                *path,
                message=f"{doc.status.value} document '{doc.id}' has no next review date",
                subject=doc.id,
                document=doc.id,
                hint="Add review.next_review (or review.last_reviewed with review.period_months).",
            )
