"""Generate the reference pages of the checks: ``docs/checks/<code>.md`` and ``index.md``.

Run ``python -m isa_kit.checks.docs`` after changing a check (``--check`` exits 1 when the
pages are out of date; the test suite runs it). Each page is the check's docstring with its
code, name, category, default severity and source; the index lists every check and explains
codes, waivers, policy and the knowledge base.
"""

from __future__ import annotations

import sys
from pathlib import Path

from isa_kit.checks import CHECKS
from isa_kit.checks.base import Check

DOCS = Path(__file__).resolve().parents[2] / "docs" / "checks"

_INDEX_HEAD = """\
# Compliance checks

`isa-kit check` runs these checks over a partnership's data. Each has a permanent code (never
renumbered or reused), a readable name and a category shared with `isa-kit audit`. Wherever a
code is accepted (`--select`, `--ignore`, waivers, policy severities) the name works too;
`--select` and `--ignore` also take code prefixes (`ISA04`) and categories.

This page and the pages it links to are generated from the checks' docstrings by
`python -m isa_kit.checks.docs`: edit the check, not the page.

| code | name | category | default severity | summary |
|---|---|---|---|---|
"""

_INDEX_TAIL = """
`ISA999` (`check-crashed`) is reserved: it reports a check that raised an error (a bug in
isa-kit). The other checks still run, and the exit code is 2.

## Waivers

A waiver is an approved, expiring exception to one check for one subject, written in the
partnership's `partnership.yaml`. Every field is required:

```yaml
waivers:
  - code: ISA030                  # the check (code)
    subject: barnet-homes         # the organisation or document id the finding names
    reason: Registration is being renewed; confirmation expected in January.
    approved_by: Barnet MASH Steering Group, minute 14 (March 2026)
    expires: 2027-01-31           # the last day it applies
```

Waived findings are still reported: in the text output under "waived", in JSON under
`waived` (with the waiver), in SARIF as results with a `suppressions` entry whose
justification is the reason, approver and expiry. They are counted apart and never fail the
run. An expired waiver is an `ISA090 expired-waiver` error (and no longer waives anything);
a waiver that matches no finding is an `ISA091 unused-waiver` warning.

## Policy

What the partnership decides, rather than what the law says, is policy: the default is
`checks/policy.yaml`; a partnership overrides it with `agreements/<partnership>/policy.yaml`.
Keys given there replace the default's, except `severities` (merged code by code) and
`secure_domains` (added to the default allow-list). A policy names its source and date:

```yaml
source: Barnet MASH Steering Group, minute 12 (March 2026)
effective: 2026-03-01
secure_domains:                   # accepted as secure, with every subdomain
  - domain: barnethomes.org
    source: Barnet Homes, DCB1596 accreditation 2026
    effective: 2026-02-01
accredited_domains_file: dcb1596.csv  # NHS England's DCB1596 accredited list, as downloaded
review_warning_days: 90           # review-due-soon window (default 60)
max_review_interval_months: 24    # inconsistent-review-period limit (default 36)
severities:                       # per code or name: error, warning, info or off
  ISA051: warning
```

Secure email is modelled as it is governed: `gov.uk` domains (the government email security
standard), force domains under `police.uk`, NHSmail (`nhs.net`) and CJSM (`cjsm.net`) are
secure routes as a whole; an organisation's own domain (an NHS trust's `*.nhs.uk`, a
charity's) is secure when it is on the DCB1596 accredited list (`checks/knowledge/email.yaml`,
refreshed by `accredited_domains_file` or `accredited_domains` in the policy) or on the
policy's `secure_domains`. Email addresses are also accepted on each partner's
`secure_email_domains` and on the `domains` of each document's `secure-email` transfer
channel. Free webmail, retired GSi domains and typing errors are errors; a domain merely
not shown to meet a secure standard is a warning.

## Knowledge base

Superseded law and guidance, obsolete markings, defunct bodies, retired, webmail and secure
email domains and the ICO number format are data in `checks/knowledge/*.yaml`, each entry
with the `source` that makes it true and the date it became `effective`. Both `checks/`
files ship inside the installed package.
"""


def page(check: type[Check] | Check) -> str:
    doc = check.doc()
    summary, _, body = doc.partition("\n")
    return (
        f"# {check.code} {check.name}\n\n"
        f"{summary}\n\n"
        f"| code | name | category | default severity |\n|---|---|---|---|\n"
        f"| `{check.code}` | `{check.name}` | `{check.category.value}` | {check.severity.value} |\n\n"
        f"{body.strip()}\n\n"
        f"## Source\n\n{check.source}\n"
    )


def index() -> str:
    rows = [
        f"| [{c.code}]({c.code}.md) | `{c.name}` | `{c.category.value}` | {c.severity.value} | {c.summary()} |"
        for c in CHECKS
    ]
    return _INDEX_HEAD + "\n".join(rows) + "\n" + _INDEX_TAIL


def pages() -> dict[str, str]:
    out = {f"{c.code}.md": page(c) for c in CHECKS}
    out["index.md"] = index()
    return out


def main(argv: list[str] | None = None) -> int:
    from isa_kit.report.docs_pages import docs_main

    return docs_main(__doc__, pages, DOCS, "isa_kit.checks.docs", argv)


if __name__ == "__main__":
    sys.exit(main())
