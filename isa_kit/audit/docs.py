"""Generate the reference pages of the audit rules: ``docs/audit/<code>.md`` and ``index.md``.

Run ``python -m isa_kit.audit.docs`` after changing a rule (``--check`` exits 1 when the
pages are out of date; the test suite runs it). Each page is the rule module's docstring
with its code, name, category, default severity and source, as for the checks.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

from isa_kit.audit.rules import MODULES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "audit"

_INDEX_HEAD = """\
# Audit rules

`isa-kit audit` reads Word and PDF agreements that were never data and reports what an
information governance auditor would. Each rule has a permanent code (never renumbered or
reused), a readable name and a category shared with `isa-kit check`, whose checks find the
same defects in a partnership's data. Each rule's compliant and non-compliant cases are
small Word (and PDF) files built by `tests/test_audit_rules.py` from `tests/audit_cases/`.

This page and the pages it links to are generated from the rule modules
(`isa_kit/audit/rules/`) by `python -m isa_kit.audit.docs`: edit the rule, not the page.

| code | name | category | default severity | summary |
|---|---|---|---|---|
"""


def _parts(module: ModuleType) -> tuple[str, str]:
    doc = (module.__doc__ or "").strip()
    title, _, body = doc.partition("\n")
    return title.strip(), body.strip()


def page(module: ModuleType) -> str:
    r = module.RULE
    title, body = _parts(module)
    return (
        f"# {r.code} {r.name}\n\n"
        f"{title}\n\n"
        f"| code | name | category | default severity |\n|---|---|---|---|\n"
        f"| `{r.code}` | `{r.name}` | `{r.category.value}` | {r.severity.value} |\n\n"
        f"{body}\n\n"
        f"## Source\n\n{r.source or 'See Why it matters.'}\n"
    )


def index() -> str:
    rows = []
    for m in MODULES:
        r = m.RULE
        rows.append(
            f"| [{r.code}]({r.code}.md) | `{r.name}` | `{r.category.value}` | "
            f"{r.severity.value} | {r.summary} |"
        )
    return _INDEX_HEAD + "\n".join(rows) + "\n"


def pages() -> dict[str, str]:
    out = {f"{m.RULE.code}.md": page(m) for m in MODULES}
    out["index.md"] = index()
    return out


def main(argv: list[str] | None = None) -> int:
    from isa_kit.report.docs_pages import docs_main

    return docs_main(__doc__, pages, DOCS, "isa_kit.audit.docs", argv)


if __name__ == "__main__":
    sys.exit(main())
