"""The Markdown report: a pull-request summary."""

from __future__ import annotations

from collections import Counter

from isa_kit.core.findings import Severity
from isa_kit.report.model import Report, full_message, where

# Markdown punctuation that could make data live: links and images ([text](url), ![alt](src)),
# emphasis, code, headings, HTML. Data in a report posted to a pull request must stay text
# (an image there is fetched by every reader's browser: a tracking pixel).
_PUNCTUATION = str.maketrans({c: "\\" + c for c in "\\`*_[]()!~|"})


def _md(text: str) -> str:
    return (
        text.translate(_PUNCTUATION)
        .replace("\r", " ")
        .replace("\n", " ")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("://", ":&#47;&#47;")  # no autolinks either
        .replace("www.", "www&#46;")
    )


def _code(text: str) -> str:
    """Text inside a code span, where nothing is live but a backtick would end the span."""
    return text.replace("`", "'").replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report) -> str:
    c = report.counts()
    out = [
        f"## isa-kit {report.command}: {'no findings' if not report.findings else 'findings'}",
        "",
        f"As of {report.as_of.isoformat()}: {c['checked_documents']} documents checked.",
        "",
        "| errors | warnings | info | waived |",
        "|---:|---:|---:|---:|",
        f"| {c['errors']} | {c['warnings']} | {c['infos']} | {c['waived']} |",
        "",
    ]
    if report.findings:
        by_cat = Counter(f.category.value for f in report.findings)
        out += ["### By category", "", "| category | findings |", "|---|---:|"]
        out += [f"| `{cat}` | {n} |" for cat, n in sorted(by_cat.items())]
        out += [
            "",
            "### Findings",
            "",
            "| | where | rule | subject | message |",
            "|---|---|---|---|---|",
        ]
        icon = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}
        for f in report.findings:
            out.append(
                f"| {icon[f.severity]} | `{_code(where(f))}` | {f.code} `{f.category.value}` | "
                f"{_md(f.subject)} | {_md(full_message(f))} |"
            )
        out.append("")
    if report.waived:
        out += [
            f"<details><summary>{len(report.waived)} waived</summary>",
            "",
            "| where | rule | subject | reason | approved by | expires |",
            "|---|---|---|---|---|---|",
        ]
        for w in report.waived:
            f = w.finding
            out.append(
                f"| `{_code(where(f))}` | {f.code} | {_md(f.subject)} | {_md(w.reason)} | "
                f"{_md(w.approved_by)} | {w.expires.isoformat()} |"
            )
        out += ["", "</details>", ""]
    if report.stale_baseline:
        out.append(
            f"{len(report.stale_baseline)} baseline entries no longer match: rewrite the baseline."
        )
        out.append("")
    for p in report.problems:
        out.append(f"- could not check: {_md(p)}")
    return "\n".join(out).rstrip("\n") + "\n"
