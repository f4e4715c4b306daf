"""ISA070 unfilled-placeholder."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

from ._text import text_findings
from .base import Check, CheckContext


class UnfilledPlaceholder(Check):
    """No document in force keeps a template placeholder in its text.

    Found in free text by ``checks/knowledge/practice.yaml``: bracketed instructions
    (``[insert name of database]``, ``[enter date]``, ``[TBC]``), mail-merge and template
    fields (``<<name>>``, ``«Organisation»``, ``{{ partner }}``) and runs of ``XXXX`` or
    ``xx/xx/xxxx``. Square brackets that are not instructions (``[Education
    representative]``) are left alone.

    ## Why it matters

    An agreement states what the parties actually agreed (ICO Data Sharing Code of Practice,
    "data sharing agreements"); a placeholder is a term nobody agreed, such as the system
    that holds the shared records, and an auditor reads it as a document never finished.

    ## Non-compliant

    ```yaml
    retention:
      - data: MASH records
        period: "[insert retention period]"
    ```

    ## Compliant

    ```yaml
    retention:
      - data: MASH records
        period: 6 years after the child's 25th birthday
    ```
    """

    code = "ISA070"
    name = "unfilled-placeholder"
    category = Category.UNFILLED_PLACEHOLDER
    severity = Severity.ERROR
    source = "ICO Data Sharing Code of Practice (2021), 'Data sharing agreements'"

    def check(self, partnership: Partnership, ctx: CheckContext) -> Iterator[Finding]:
        return text_findings(self, partnership, ctx)
