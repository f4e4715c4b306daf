"""ISA030 missing-ico-registration."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import ControllerRole, DocumentKind, Partnership

from ._scope import controller_id, live_documents
from .base import Check, CheckContext

AGREEMENTS = frozenset({DocumentKind.ISA, DocumentKind.MOU})
"""Document kinds that carry a registration table: agreements between controllers."""


class MissingIcoRegistration(Check):
    """Every data controller that is a party to a data-sharing agreement records its ICO number.

    Scope: the requirement applies where a registration table belongs, that is to the
    parties of an agreement between controllers that is in force (an ISA or an MOU).
    Operational protocols and guidance never carry a registration table (they implement an
    agreement, they are not one), and an organisation named in the partnership (a steering
    group member, a referrer) but party to no agreement is not asked. A department (``part_of``) shares the registration of the
    body it is part of, and a processor is not asked for one.

    ## Why it matters

    Every organisation that processes personal data as a controller must pay the data
    protection fee and appear on the ICO register (Data Protection (Charges and Information)
    Regulations 2018), unless exempt. Agreements list each partner's registration so that
    the partnership can confirm each controller is registered; a blank number is an
    unconfirmed controller.

    ## Non-compliant

    ```yaml
    - id: barnet-homes
      name: Barnet Homes
      type: housing
      public_authority: false
      ico_registration: null
    ```

    ## Compliant

    ```yaml
    - id: barnet-homes
      name: Barnet Homes
      type: housing
      public_authority: false
      ico_registration: Z1234567
    ```
    """

    code = "ISA030"
    name = "missing-ico-registration"
    category = Category.MISSING_ICO_REGISTRATION
    severity = Severity.ERROR
    source = (
        "Data Protection (Charges and Information) Regulations 2018; Data Protection Act 2018 s.137"
    )

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        sharing: dict[str, list[str]] = {}
        for doc in live_documents(partnership):
            if doc.kind not in AGREEMENTS:
                continue
            for party in doc.parties:
                sharing.setdefault(controller_id(partnership, party, ctx), []).append(doc.id)
        for org in partnership.partners:
            if org.id not in sharing:
                continue
            if org.controller_role == ControllerRole.PROCESSOR:
                continue
            if org.part_of is not None and partnership.controller_of(org).id != org.id:
                continue
            if org.ico_registration is not None and org.ico_registration.strip():
                continue
            field = ("ico_registration",) if "ico_registration" in org.model_fields_set else ("id",)
            yield self.finding(
                org,
                *field,
                message=f"data controller '{org.id}' ({org.name}), party to "
                f"{', '.join(repr(d) for d in sorted(set(sharing[org.id])))}, "
                "has no ICO registration number",
                subject=org.id,
                hint="Look the organisation up on the ICO register of fee payers and record its reference.",
            )
