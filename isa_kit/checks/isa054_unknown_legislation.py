"""ISA054 unknown-legislation."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._text import text_findings
from .base import Check, CheckContext


class UnknownLegislation(Check):
    """No document cites an Act that does not exist, such as a "Data Protection Act 2003".

    The knowledge base (``checks/knowledge/legislation.yaml``) lists the years in which
    Acts commonly cited in agreements were passed: Data Protection Acts of 1984, 1998 and
    2018; Children Acts such as 1989 and 2004; the Care Act 2014.

    ## Why it matters

    A citation of a non-existent Act is a copying error that makes the stated legal basis
    unverifiable: a reader cannot find the gateway the agreement relies on (UK GDPR Article
    5(2) accountability; the ICO code asks for the legal power to be identified).

    ## Non-compliant

    ```yaml
    lawful_bases:
      - article_6: [public-task]
        gateways:
          - act: Data Protection Act 2003
    ```

    ## Compliant

    ```yaml
    lawful_bases:
      - article_6: [public-task]
        gateways:
          - act: Children Act 2004
            section: s.11
    ```
    """

    code = "ISA054"
    name = "unknown-legislation"
    category = Category.UNKNOWN_LEGISLATION
    severity = Severity.ERROR
    source = "legislation.gov.uk (the statute book)"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        return text_findings(self, partnership, ctx)
