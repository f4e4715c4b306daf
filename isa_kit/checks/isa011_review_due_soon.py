"""ISA011 review-due-soon."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._review import due_date
from ._scope import binding_documents
from .base import Check, CheckContext


class ReviewDueSoon(Check):
    """A document's review falls due within the policy's warning window (default 60 days).

    ## Why it matters

    A review takes weeks: every party must read the agreement, agree changes and sign again.
    Warning ahead of the date (ICO Data Sharing Code of Practice, "Review") gives the
    partnership time to finish before the agreement becomes overdue. The window is the
    policy's ``review_warning_days``.

    ## Non-compliant

    ```yaml
    # checked as of 2026-11-21
    review:
      period_months: 12
      next_review: 2026-12-31
    ```

    ## Compliant

    ```yaml
    # checked as of 2026-11-21
    review:
      period_months: 12
      next_review: 2027-06-30
    ```
    """

    code = "ISA011"
    name = "review-due-soon"
    category = Category.REVIEW_DUE_SOON
    severity = Severity.WARNING
    source = "ICO Data Sharing Code of Practice (2021), 'Review'"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        horizon = ctx.as_of + dt.timedelta(days=ctx.policy.review_warning_days)
        for doc in binding_documents(partnership):
            due = due_date(doc)
            if due is None or doc.review is None:
                continue
            when, field = due
            if ctx.as_of <= when.latest() <= horizon:
                yield self.finding(
                    doc.review,
                    field,
                    message=(
                        f"review of '{doc.id}' is due {when.human()}, within the "
                        f"{ctx.policy.review_warning_days}-day warning window"
                    ),
                    subject=doc.id,
                    document=doc.id,
                    hint="Start the review now so that every party can agree and sign before the date.",
                )
