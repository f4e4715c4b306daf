"""ISA031 invalid-ico-registration."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from .base import Check, CheckContext


class InvalidIcoRegistration(Check):
    """ICO registration numbers have the register's format (``Z6665870``, ``ZA123456``).

    ## Why it matters

    A number that cannot be a register reference was mistyped or copied from the wrong
    column, so nobody can confirm the controller is registered (Data Protection (Charges and
    Information) Regulations 2018). The ICO publishes no specification of the format, so a
    mismatch is a warning: check the number against the ICO register.

    ## Non-compliant

    ```yaml
    - id: barnet-council
      ico_registration: "Z66658"
    ```

    ## Compliant

    ```yaml
    - id: barnet-council
      ico_registration: Z6665870
    ```
    """

    code = "ISA031"
    name = "invalid-ico-registration"
    category = Category.INVALID_ICO_REGISTRATION
    severity = Severity.WARNING
    source = (
        "ICO register of fee payers; Data Protection (Charges and Information) Regulations 2018"
    )

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        pattern = ctx.knowledge.ico_number_pattern
        for org in partnership.partners:
            number = org.ico_registration
            if number is None or not number.strip():
                continue
            if not pattern.match(number):
                yield self.finding(
                    org,
                    "ico_registration",
                    message=(
                        f"ICO registration '{number}' of '{org.id}' is not in the register's format "
                        "(Z and seven characters, e.g. Z6665870 or ZA123456)"
                    ),
                    subject=org.id,
                    hint="Check the number against the ICO register of fee payers.",
                    source=ctx.knowledge.ico_source,
                )
