"""ISA013 inconsistent-review-period."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Document, Partnership

from ._scope import live_documents, stated_review_periods
from .base import Check, CheckContext


class InconsistentReviewPeriod(Check):
    """A document's review dates agree with its review period and the policy's maximum.

    Reported when the next review is not the last review plus the period (to the month),
    comes before the last review, or when the period (or the gap between reviews) is longer
    than the policy's ``max_review_interval_months`` (default 36); and when the document's
    own text states a review period ("this protocol will be reviewed every two years") that
    contradicts ``review.period_months`` or another period stated in the same document, as
    the audit reports for Word and PDF files (AUD013).

    ## Why it matters

    Documents that say "reviewed annually" but set the next review three years out give the
    parties conflicting promises; the ICO expects agreements to be reviewed regularly and the
    schedule to be one the partnership actually keeps.

    ## Non-compliant

    ```yaml
    review:
      period_months: 12
      last_reviewed: 2026-03
      next_review: 2029-03
    ```

    ## Compliant

    ```yaml
    review:
      period_months: 12
      last_reviewed: 2026-03
      next_review: 2027-03
    ```
    """

    code = "ISA013"
    name = "inconsistent-review-period"
    category = Category.INCONSISTENT_REVIEW_PERIOD
    severity = Severity.WARNING
    source = "ICO Data Sharing Code of Practice (2021), 'Review'; partnership policy"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        limit = ctx.policy.max_review_interval_months
        for doc in live_documents(partnership):
            yield from self._stated(doc)
            r = doc.review
            if r is None:
                continue
            hint = "Make period_months, last_reviewed and next_review agree."
            if r.period_months is not None and r.period_months > limit:
                yield self.finding(
                    r,
                    "period_months",
                    message=(
                        f"review period of '{doc.id}' is {r.period_months} months, longer than "
                        f"the policy's maximum of {limit}"
                    ),
                    subject=doc.id,
                    document=doc.id,
                    hint=f"Review at least every {limit} months (policy max_review_interval_months).",
                )
            if r.last_reviewed is None or r.next_review is None:
                continue
            gap = r.last_reviewed.months_until(r.next_review)
            if gap < 0 or (gap == 0 and r.next_review.earliest() < r.last_reviewed.earliest()):
                yield self.finding(
                    r,
                    "next_review",
                    message=(
                        f"next review of '{doc.id}' ({r.next_review.human()}) is before its last "
                        f"review ({r.last_reviewed.human()})"
                    ),
                    subject=doc.id,
                    document=doc.id,
                    hint=hint,
                )
            elif r.period_months is not None and gap != r.period_months:
                yield self.finding(
                    r,
                    "next_review",
                    message=(
                        f"next review of '{doc.id}' ({r.next_review.human()}) is {gap} months after "
                        f"the last review, but the review period is {r.period_months} months"
                    ),
                    subject=doc.id,
                    document=doc.id,
                    hint=hint,
                )
            elif r.period_months is None and gap > limit:
                yield self.finding(
                    r,
                    "next_review",
                    message=(
                        f"next review of '{doc.id}' is {gap} months after the last review, longer "
                        f"than the policy's maximum of {limit}"
                    ),
                    subject=doc.id,
                    document=doc.id,
                    hint=f"Review at least every {limit} months (policy max_review_interval_months).",
                )

    def _stated(self, doc: Document) -> Iterator[Finding]:
        """Periods stated in the text that contradict the recorded period or each other."""
        recorded = doc.review.period_months if doc.review else None
        first: tuple[int, str] | None = None
        for node, path, months, said in stated_review_periods(doc):
            if recorded is not None:
                other, whence = recorded, "its recorded review period"
            elif first is not None:
                other, whence = first[0], f"'{first[1]}' elsewhere in it"
            else:
                other, whence = months, ""
            if months != other:
                yield self.finding(
                    node,
                    *path,
                    message=f"'{doc.id}' says it is reviewed '{said}' ({months} months), but "
                    f"{whence} is {other} months",
                    subject=doc.id,
                    document=doc.id,
                    hint="State one review period throughout the document.",
                )
            first = first or (months, said)
