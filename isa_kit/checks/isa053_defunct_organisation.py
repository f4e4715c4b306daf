"""ISA053 defunct-organisation."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import OrgType, Partnership

from ._scope import DEFUNCT_TYPES
from ._text import text_findings
from .base import Check, CheckContext

_FATE = {
    OrgType.CCG: (
        "Clinical Commissioning Groups were abolished on 1 July 2022",
        "Replace it with the Integrated Care Board (type: icb) that took over its functions.",
        "Health and Care Act 2022 s.19 and Schedule 4 (effective 2022-07-01)",
    ),
    OrgType.CRC: (
        "Community Rehabilitation Companies were abolished on 26 June 2021",
        "Replace it with the Probation Service region (type: probation).",
        "Ministry of Justice, unification of probation services (effective 2021-06-26)",
    ),
}


class DefunctOrganisation(Check):
    """No partner, and no text in force, names an organisation that no longer exists.

    Partners typed ``ccg`` or ``crc`` are reported on their type; free text is scanned with
    ``checks/knowledge/organisations.yaml`` (CCGs, CRCs, the National Probation Service,
    Public Health England, NHS Digital, the NHS Commissioning Board, Local Safeguarding
    Children Boards).

    ## Why it matters

    A body that no longer exists cannot be a data controller, sign an agreement or receive
    information: its functions, records and duties passed to a successor (for a CCG, the
    Integrated Care Board under the Health and Care Act 2022). An agreement naming it leaves
    the successor without an agreement and staff without the right contact.

    ## Non-compliant

    ```yaml
    - id: barnet-ccg
      name: Barnet Clinical Commissioning Group
      type: ccg
      public_authority: true
    ```

    ## Compliant

    ```yaml
    - id: nclicb
      name: NHS North Central London Integrated Care Board
      type: icb
      public_authority: true
    ```
    """

    code = "ISA053"
    name = "defunct-organisation"
    category = Category.DEFUNCT_ORGANISATION
    severity = Severity.ERROR
    source = "Health and Care Act 2022; Ministry of Justice probation reform (2021); knowledge base"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        for org in partnership.partners:
            if org.type in DEFUNCT_TYPES:
                fate, hint, source = _FATE[org.type]
                yield self.finding(
                    org,
                    "type",
                    message=f"partner '{org.id}' ({org.name}) no longer exists: {fate}",
                    subject=org.id,
                    hint=hint,
                    source=source,
                )
        yield from text_findings(self, partnership, ctx)
