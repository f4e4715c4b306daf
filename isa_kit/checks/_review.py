"""The review schedule of a document, as the review checks read it."""

from __future__ import annotations

from isa_kit.data.model import Document
from isa_kit.data.values import ApproxDate


def due_date(doc: Document) -> tuple[ApproxDate, str] | None:
    """When the next review is due and which field says so (``next_review``, or
    ``last_reviewed`` plus ``period_months``); ``None`` when neither can tell."""
    r = doc.review
    if r is None:
        return None
    if r.next_review is not None:
        return r.next_review, "next_review"
    if r.last_reviewed is not None and r.period_months is not None:
        return r.last_reviewed.add_months(r.period_months), "last_reviewed"
    return None
