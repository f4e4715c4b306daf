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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from isa_kit.core.findings import Finding, Severity
from isa_kit.core.version import __version__

__all__ = [
    "BaselineEntry",
    "Report",
    "RuleInfo",
    "Unit",
    "WaivedFinding",
    "exit_code",
    "finding_dict",
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
    unit_groups: list[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    """More units, compactly: each rule code of a group was applied to each file of it (a
    check run records one group per partnership, not rules x files objects); see
    :meth:`all_units`."""
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

    def all_units(self) -> list[Unit]:
        """``units`` and ``unit_groups`` spelled out, in their stable order."""
        units = list(self.units)
        units.extend(Unit(c, f) for codes, files in self.unit_groups for c in codes for f in files)
        return sorted(units, key=lambda u: (u.code, u.file, u.name))

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


def severities_at_or_above(findings: Iterable[Finding], level: Severity) -> int:
    return sum(1 for f in findings if f.severity.rank >= level.rank)
