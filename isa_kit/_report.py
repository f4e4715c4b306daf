"""Reports of findings, and how they are written: text, JSON, SARIF, JUnit, GitHub, Markdown.

Shared by ``isa-kit check`` and ``isa-kit audit``. A :class:`Report` is a value; rendering is
a pure function of it (no clock, no environment), so the same report always renders to the
same bytes and findings are always in the same order (:meth:`Finding.sort_key`).

The JSON form (documented in ``docs/output-formats.md``)::

    {"tool": {"name": "isa-kit", "version": "..."}, "command": "check", "as_of": "YYYY-MM-DD",
     "findings": [...], "waived": [...], "baseline": {...},
     "summary": {"checked_documents": N, "errors": N, "warnings": N, "infos": N, "waived": N}}
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ._findings import Finding, Severity
from ._gc import gc_paused
from ._version import __version__

__all__ = [
    "FORMATS",
    "BaselineEntry",
    "Report",
    "RuleInfo",
    "Unit",
    "WaivedFinding",
    "exit_code",
    "finding_dict",
    "render_report",
]


@dataclass(frozen=True, slots=True)
class WaivedFinding:
    """A finding an approved, unexpired waiver covers: still reported, counted apart."""

    finding: Finding
    reason: str
    approved_by: str
    expires: dt.date
    waiver_file: str | None = None
    waiver_line: int | None = None


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a rule is, for SARIF ``tool.driver.rules`` and JUnit suite names."""

    code: str
    name: str
    category: str
    severity: Severity
    summary: str
    source: str = ""
    help_uri: str | None = None
    help_text: str = ""


@dataclass(frozen=True, slots=True)
class Unit:
    """One JUnit test case: a rule applied to one file (a document, or a partnership file)."""

    code: str
    file: str
    name: str = ""
    """Shown as the test case name; defaults to ``file``."""


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """A recorded finding in a baseline file, matched by fingerprint."""

    fingerprint: str
    code: str
    file: str
    subject: str
    message: str


@dataclass
class Report:
    """Everything a run found, ready to render."""

    as_of: dt.date
    findings: list[Finding]
    waived: list[WaivedFinding] = field(default_factory=list)
    checked_documents: int = 0
    tool_version: str = __version__
    command: str = "check"
    rules: list[RuleInfo] = field(default_factory=list)
    """The rules that ran (SARIF lists them; the text form counts them)."""
    units: list[Unit] = field(default_factory=list)
    """(rule, file) pairs that were checked, for JUnit; derived from findings when empty."""
    baseline_file: str | None = None
    baselined: int = 0
    """How many findings a baseline hid."""
    stale_baseline: list[BaselineEntry] = field(default_factory=list)
    """Baseline entries that no longer match any finding (fixed or changed): prune them."""
    problems: list[str] = field(default_factory=list)
    """Inputs that could not be checked (shown in text and JSON; the exit code is 2)."""

    def sorted(self) -> Report:
        """The same report with findings, waived findings and units in their stable order."""
        self.findings.sort(key=Finding.sort_key)
        self.waived.sort(key=lambda w: w.finding.sort_key())
        self.units.sort(key=lambda u: (u.code, u.file, u.name))
        self.rules.sort(key=lambda r: r.code)
        self.stale_baseline.sort(key=lambda b: (b.file, b.code, b.subject, b.fingerprint))
        return self

    def counts(self) -> dict[str, int]:
        c = Counter(f.severity for f in self.findings)
        return {
            "checked_documents": self.checked_documents,
            "errors": c[Severity.ERROR],
            "warnings": c[Severity.WARNING],
            "infos": c[Severity.INFO],
            "waived": len(self.waived),
        }

    def rule(self, code: str) -> RuleInfo | None:
        for r in self.rules:
            if r.code == code:
                return r
        return None


def exit_code(report: Report, fail_on: Severity, could_not_check: bool) -> int:
    """0 nothing at or above ``fail_on``; 1 findings; 2 could not check (wins over 1)."""
    if could_not_check:
        return 2
    if any(f.severity.rank >= fail_on.rank for f in report.findings):
        return 1
    return 0


# --- shared pieces ---------------------------------------------------------------------------


def finding_dict(f: Finding) -> dict[str, Any]:
    """The JSON object of one finding (keys always present, ``null`` when unknown)."""
    return {
        "code": f.code,
        "category": f.category.value,
        "severity": f.severity.value,
        "message": f.message,
        "file": f.file,
        "line": f.line,
        "column": f.column,
        "subject": f.subject,
        "document": f.document,
        "region": f.region,
        "quote": f.quote,
        "hint": f.hint,
        "source": f.source,
        "fingerprint": f.fingerprint(),
    }


def where(f: Finding) -> str:
    """``file:line:column``, or ``file`` and the audit region."""
    out = f.file
    if f.line is not None:
        out += f":{f.line}"
        if f.column is not None:
            out += f":{f.column}"
    if f.region:
        out += f" ({f.region})"
    return out


def full_message(f: Finding) -> str:
    """The message with the audit quote, for formats that have one text field."""
    if f.quote:
        return f"{f.message}: \u201c{f.quote}\u201d"
    return f.message


def summary_line(report: Report) -> str:
    c = report.counts()
    docs = c["checked_documents"]
    parts = [
        f"{docs} document{'s' if docs != 1 else ''} checked",
        f"{c['errors']} error{'s' if c['errors'] != 1 else ''}",
        f"{c['warnings']} warning{'s' if c['warnings'] != 1 else ''}",
        f"{c['infos']} info",
        f"{c['waived']} waived",
    ]
    line = ": ".join([parts[0], ", ".join(parts[1:])])
    if report.baselined:
        line += f", {report.baselined} in baseline"
    return f"{line} (as of {report.as_of.isoformat()})"


# --- text ------------------------------------------------------------------------------------


def _render_text(report: Report) -> str:
    lines: list[str] = []
    for f in report.findings:
        subject = f" [{f.subject}]" if f.subject else ""
        lines.append(
            f"{where(f)}: {f.severity.value}: {f.code} {f.category.value}: {full_message(f)}{subject}"
        )
        if f.hint:
            lines.append(f"    hint: {f.hint}")
    if report.waived:
        lines.append("")
        lines.append("waived:")
        for w in report.waived:
            f = w.finding
            lines.append(
                f"  {where(f)}: {f.code} {f.category.value}: {full_message(f)} [{f.subject}]"
                f" (waived until {w.expires.isoformat()} by {w.approved_by}: {w.reason})"
            )
    if report.stale_baseline:
        lines.append("")
        lines.append(
            f"baseline {report.baseline_file or ''}: {len(report.stale_baseline)} entr"
            f"{'y no longer matches' if len(report.stale_baseline) == 1 else 'ies no longer match'}"
            " (fixed or changed; rewrite the baseline):"
        )
        for b in report.stale_baseline:
            lines.append(f"  {b.file}: {b.code} [{b.subject}] {b.message}")
    for p in report.problems:
        lines.append(f"could not check: {p}")
    if lines:
        lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


# --- JSON ------------------------------------------------------------------------------------


def _render_json(report: Report) -> str:
    data: dict[str, Any] = {
        "tool": {"name": "isa-kit", "version": report.tool_version},
        "command": report.command,
        "as_of": report.as_of.isoformat(),
        "findings": [finding_dict(f) for f in report.findings],
        "waived": [
            {
                **finding_dict(w.finding),
                "waiver": {
                    "reason": w.reason,
                    "approved_by": w.approved_by,
                    "expires": w.expires.isoformat(),
                    "file": w.waiver_file,
                    "line": w.waiver_line,
                },
            }
            for w in report.waived
        ],
        "baseline": {
            "file": report.baseline_file,
            "suppressed": report.baselined,
            "unmatched": [
                {
                    "fingerprint": b.fingerprint,
                    "code": b.code,
                    "file": b.file,
                    "subject": b.subject,
                    "message": b.message,
                }
                for b in report.stale_baseline
            ],
        },
        "problems": list(report.problems),
        "summary": report.counts(),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --- GitHub workflow commands ----------------------------------------------------------------


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def _render_github(report: Report) -> str:
    kind = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for f in report.findings:
        props = [f"file={_gh_prop(f.file)}"]
        if f.line is not None:
            props.append(f"line={f.line}")
            if f.column is not None:
                props.append(f"col={f.column}")
        props.append(f"title={_gh_prop(f'{f.code} {f.category.value}')}")
        body = full_message(f)
        if f.region:
            body = f"{f.region}: {body}"
        if f.hint:
            body += f"\n{f.hint}"
        lines.append(f"::{kind[f.severity]} {','.join(props)}::{_gh_data(body)}")
    lines.append(f"::notice title=isa-kit {report.command}::{_gh_data(summary_line(report))}")
    return "\n".join(lines) + "\n"


# --- Markdown (pull request summary) ---------------------------------------------------------


def _md(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("\n", " ")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


def _render_markdown(report: Report) -> str:
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
                f"| {icon[f.severity]} | `{_md(where(f))}` | {f.code} `{f.category.value}` | "
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
                f"| `{_md(where(f))}` | {f.code} | {_md(f.subject)} | {_md(w.reason)} | "
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


def _render_sarif(report: Report) -> str:
    from ._sarif import render_sarif

    return render_sarif(report)


def _render_junit(report: Report) -> str:
    from ._junit import render_junit

    return render_junit(report)


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": _render_text,
    "json": _render_json,
    "sarif": _render_sarif,
    "junit": _render_junit,
    "github": _render_github,
    "markdown": _render_markdown,
}
"""Every output format, by the name ``--format`` takes."""


def render_report(report: Report, fmt: str) -> str:
    """Render ``report`` (sorted first) as ``text``, ``json``, ``sarif``, ``junit``,
    ``github`` or ``markdown``."""
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}") from None
    with gc_paused():
        return renderer(report.sorted())


def severities_at_or_above(findings: Iterable[Finding], level: Severity) -> int:
    return sum(1 for f in findings if f.severity.rank >= level.rank)
