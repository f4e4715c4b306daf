"""ISA050 superseded-legislation."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._text import text_findings
from .base import Check, CheckContext


class SupersededLegislation(Check):
    """No document in force cites repealed data protection law as current.

    Found in any free text (titles, references, gateways, sections, notes) by the knowledge
    base ``checks/knowledge/legislation.yaml``: the Data Protection Act 1998, its Schedule 2
    and 3 conditions, "sensitive personal data", "the eight principles", the section 29
    exemption, the 40-day subject access period and the EU GDPR. Version history is not
    checked: it records the past.

    ## Why it matters

    The Data Protection Act 1998 was repealed on 25 May 2018. An agreement whose lawful
    basis rests on it has no stated lawful basis under the UK GDPR and the Data Protection
    Act 2018, and tells practitioners the wrong rules (for instance 40 days for subject
    access instead of one month).

    ## Non-compliant

    ```yaml
    references:
      - title: Data Protection Act 1998
        kind: legislation
    ```

    ## Compliant

    ```yaml
    references:
      - title: UK General Data Protection Regulation (UK GDPR)
        kind: legislation
      - title: Data Protection Act 2018
        kind: legislation
    ```
    """

    code = "ISA050"
    name = "superseded-legislation"
    category = Category.SUPERSEDED_LEGISLATION
    severity = Severity.ERROR
    source = "Data Protection Act 2018 (repeal of the Data Protection Act 1998, 25 May 2018)"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        return text_findings(self, partnership, ctx)
