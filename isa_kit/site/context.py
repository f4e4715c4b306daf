"""What every page needs: the partnership, the build date and the review status of its data."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from isa_kit.data.model import Document, Partnership
from isa_kit.data.values import ApproxDate
from isa_kit.report.model import Report
from isa_kit.site.md import esc

# Only plain https addresses become links; anything else in the data stays text.
_SAFE_URL = re.compile(r"^https://[A-Za-z0-9.-]+(/[A-Za-z0-9._~/%?=&+-]*)?$")


def due_date(doc: Document) -> ApproxDate | None:
    """When the document is next due for review (as the review checks compute it)."""
    r = doc.review
    if r is None:
        return None
    if r.next_review is not None:
        return r.next_review
    if r.last_reviewed is not None and r.period_months is not None:
        return r.last_reviewed.add_months(r.period_months)
    return None


def is_overdue(due: ApproxDate | None, as_of: dt.date) -> bool:
    return due is not None and due.latest() < as_of


@dataclass
class SiteContext:
    partnership: Partnership
    as_of: dt.date
    report: Report | None = None
    downloads: dict[str, list[str]] = field(default_factory=dict)
    """Document id -> file names (relative to the site) of its built DOCX/PDF."""

    @property
    def last_reviewed(self) -> ApproxDate | None:
        dates = [d.review.last_reviewed for d in self.partnership.documents if d.review]
        known = [d for d in dates if d is not None]
        return max(known) if known else None

    @property
    def next_due(self) -> ApproxDate | None:
        dues = [d for d in (due_date(doc) for doc in self.partnership.documents) if d]
        return min(dues) if dues else None

    def overdue_documents(self) -> list[Document]:
        return [d for d in self.partnership.documents if is_overdue(due_date(d), self.as_of)]

    def header(self) -> str:
        """The lines at the top of every page: an overdue banner, then review dates."""
        out = ""
        overdue = self.overdue_documents()
        if overdue:
            names = ", ".join(f"{esc(d.title)} (due {esc(due_date(d).human())})" for d in overdue)  # type: ignore[union-attr]
            out += (
                '!!! danger "Review overdue"\n\n'
                f"    As of {esc(human(self.as_of))}, these documents are past their review date: "
                f"{names}. What this site says may be out of date.\n\n"
            )
        last = self.last_reviewed.human() if self.last_reviewed else "not recorded"
        due = self.next_due.human() if self.next_due else "not recorded"
        out += (
            f"Last reviewed: {esc(last)}. Next review due: {esc(due)}. "
            f"Built from the partnership's data as of {esc(human(self.as_of))}.\n"
            "{: .isa-review }\n\n"
        )
        return out


def human(day: dt.date) -> str:
    return ApproxDate(day.year, day.month, day.day).human()


def link_or_text(value: str) -> str:
    """A plain https address as a link; anything else as escaped text."""
    value = value.strip()
    if _SAFE_URL.match(value):
        return f"[{esc(value)}]({value})"
    return esc(value)
