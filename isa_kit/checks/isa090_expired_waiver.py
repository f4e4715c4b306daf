"""ISA090 expired-waiver."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from .base import Check, CheckContext, Phase


class ExpiredWaiver(Check):
    """A waiver past its expiry date: it no longer applies, and it must be renewed or removed.

    Waivers live in ``partnership.yaml``; each names a check ``code``, a ``subject``
    (organisation or document id), a ``reason``, who ``approved_by`` it and when it
    ``expires`` (the last day it applies). The findings it covered are reported again.

    ## Why it matters

    An exception to a compliance rule is a risk decision, and risk decisions are reviewed:
    an exception that never expires becomes permanent debt nobody owns (ICO Accountability
    Framework, risk management). Expiry forces the partnership to fix the gap or approve the
    exception again.

    ## Non-compliant

    ```yaml
    # checked as of 2026-11-21
    waivers:
      - code: ISA030
        subject: barnet-homes
        reason: Registration being renewed
        approved_by: MASH Steering Group
        expires: 2026-06-30
    ```

    ## Compliant

    ```yaml
    # checked as of 2026-11-21
    waivers:
      - code: ISA030
        subject: barnet-homes
        reason: Registration being renewed
        approved_by: MASH Steering Group
        expires: 2027-01-31
    ```
    """

    code = "ISA090"
    name = "expired-waiver"
    category = Category.EXPIRED_WAIVER
    severity = Severity.ERROR
    source = "ICO Accountability Framework (risk management); isa-kit waiver policy"

    phase = Phase.WAIVERS

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        for i, w in enumerate(partnership.waivers):
            if w.expires < ctx.as_of:
                yield self.finding(
                    partnership,
                    "waivers",
                    i,
                    "expires",
                    message=(
                        f"waiver of {w.code} for '{w.subject}' expired on {w.expires.isoformat()}"
                    ),
                    subject=w.subject,
                    hint="Fix what it waived, or have it approved again with a new expiry date.",
                )
