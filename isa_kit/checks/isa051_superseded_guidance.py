"""ISA051 superseded-guidance."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._text import text_findings
from .base import Check, CheckContext


class SupersededGuidance(Check):
    """No document in force cites superseded safeguarding or information governance guidance.

    Found in free text by ``checks/knowledge/guidance.yaml``: older editions of Working
    Together to Safeguard Children, the 2008/2015/2018 information sharing advice, "No
    Secrets", the London Child Protection Procedures, six or seven Caldicott principles, the
    2011 ICO data sharing code and the IG Toolkit.

    ## Why it matters

    Statutory guidance changes what practitioners must do: Working Together 2023 and the
    2024 information sharing advice replaced earlier editions, and the Care Act 2014
    replaced "No Secrets". An agreement that cites the old texts sends staff to rules that no
    longer apply (Children Act 2004 s.16B and s.11; Care Act 2014 s.42).

    ## Non-compliant

    ```yaml
    references:
      - title: Working Together to Safeguard Children 2018
        kind: guidance
    ```

    ## Compliant

    ```yaml
    references:
      - title: Working Together to Safeguard Children 2023
        kind: guidance
    ```
    """

    code = "ISA051"
    name = "superseded-guidance"
    category = Category.SUPERSEDED_GUIDANCE
    severity = Severity.ERROR
    source = "Department for Education, Working Together to Safeguard Children 2023; Information sharing advice for safeguarding practitioners (2024)"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        return text_findings(self, partnership, ctx)
