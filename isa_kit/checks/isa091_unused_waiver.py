"""ISA091 unused-waiver."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from .base import Check, CheckContext, Phase


class UnusedWaiver(Check):
    """A waiver that matches no finding: remove it, or correct its code or subject.

    Only waivers for checks that ran are judged (``--select`` and ``--ignore`` may leave a
    waiver's check out); a waiver for a code no check has is always unused, and is an error
    (a mistyped code waives nothing while the real finding goes on failing).

    ## Why it matters

    A waiver that waives nothing is either stale (the gap was fixed: good, remove it) or
    mistyped (it names the wrong code or subject, so the finding it was meant for is still
    failing, or, worse, a future finding will be silently waived). Keeping the list of
    exceptions exact keeps it auditable.

    ## Non-compliant

    ```yaml
    waivers:
      - code: ISA030
        subject: barnet-homes   # has a registration number now
        reason: Registration being renewed
        approved_by: MASH Steering Group
        expires: 2027-01-31
    ```

    ## Compliant

    ```yaml
    waivers: []
    ```
    """

    code = "ISA091"
    name = "unused-waiver"
    category = Category.UNUSED_WAIVER
    severity = Severity.WARNING
    source = "isa-kit waiver policy"

    phase = Phase.WAIVERS

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        usage = ctx.waivers
        if usage is None:  # run outside the waiver phase: nothing is known about use
            return
        from . import CHECKS  # the registry imports this module: look it up when run

        known = {c.code for c in CHECKS}
        for i, w in enumerate(partnership.waivers):
            if w.code not in known:
                yield self.finding(
                    partnership,
                    "waivers",
                    i,
                    "code",
                    message=f"waiver names {w.code}, which is not a check: expected the code "
                    "of one of the kit's checks (ISA001 to ISA091)",
                    subject=w.subject,
                    hint="Correct the code: see 'isa-kit check --help' or docs/checks.",
                    severity=Severity.ERROR,
                )
                continue
            if i in usage.used or i not in usage.considered or w.expires < ctx.as_of:
                continue
            yield self.finding(
                partnership,
                "waivers",
                i,
                message=f"waiver of {w.code} for '{w.subject}' matches no finding",
                subject=w.subject,
                hint="Remove the waiver if the gap is fixed; otherwise correct its code or subject.",
            )
