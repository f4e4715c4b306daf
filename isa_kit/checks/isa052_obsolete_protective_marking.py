"""ISA052 obsolete-protective-marking."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._text import text_findings
from .base import Check, CheckContext


class ObsoleteProtectiveMarking(Check):
    """Documents are marked under the Government Security Classifications, not GPMS.

    Found in any free text, including ``classification`` and ``security.classification``,
    by ``checks/knowledge/markings.yaml``: PROTECT, RESTRICTED, CONFIDENTIAL (in capitals),
    "not protectively marked", "GPMS", impact levels such as IL3.

    ## Why it matters

    The Government Protective Marking Scheme was replaced by the Government Security
    Classifications on 2 April 2014. An old marking tells the reader to apply handling rules
    that no longer exist, and OFFICIAL-SENSITIVE is the handling caveat for the safeguarding
    information a MASH shares.

    ## Non-compliant

    ```yaml
    classification: RESTRICTED
    ```

    ## Compliant

    ```yaml
    classification: OFFICIAL-SENSITIVE
    ```
    """

    code = "ISA052"
    name = "obsolete-protective-marking"
    category = Category.OBSOLETE_PROTECTIVE_MARKING
    severity = Severity.ERROR
    source = "Cabinet Office, Government Security Classifications (in force 2 April 2014)"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        return text_findings(self, partnership, ctx)
