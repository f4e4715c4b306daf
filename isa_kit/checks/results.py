"""What checking one partnership yields, and how those results become one report.

Kept apart from the engine (which runs the checks, and so imports them and the pydantic data
model) because a results-cache hit (:mod:`isa_kit.checks.cache`) goes straight from stored
:class:`PartnershipResult` values to the report with :func:`assemble`, importing neither. So
that a hit and a miss give the same bytes, the engine builds every report this way too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from isa_kit.core.findings import Finding
from isa_kit.report.model import BaselineEntry, Report, RuleInfo, WaivedFinding

__all__ = ["EngineResult", "PartnershipResult", "assemble"]


@dataclass(frozen=True, slots=True)
class PartnershipResult:
    """One partnership checked: everything the report needs, nothing of the data itself."""

    folder: str
    findings: tuple[Finding, ...]
    """After waivers; before a baseline or the files a user named narrow them."""
    waived: tuple[WaivedFinding, ...]
    files: tuple[str, ...]
    """The partnership's files (hub, organisations, documents): JUnit's units."""
    document_files: tuple[str | None, ...]
    """Each document's file, to count the documents checked."""
    crashed: bool = False
    """A check raised an error (its ``check-crashed`` finding is among ``findings``)."""


@dataclass
class EngineResult:
    report: Report
    could_not_check: bool
    all_fingerprints: set[str] = field(default_factory=set)
    """Fingerprints of every finding before the baseline hid any (for ``--write-baseline``)."""
    baseline_findings: list[Finding] = field(default_factory=list)


def assemble(
    results: Iterable[PartnershipResult],
    as_of: dt.date,
    rules: Sequence[RuleInfo],
    *,
    baseline: Mapping[str, BaselineEntry] | None = None,
    baseline_file: str | None = None,
    only_files: Mapping[str, frozenset[str]] | None = None,
) -> EngineResult:
    """The report of ``results`` (in the order checked) for the checks ``rules`` describe
    (in the order they ran); ``only_files`` maps a folder to the files whose findings to
    report (a user named files rather than the folder)."""
    codes = tuple(r.code for r in rules)
    findings: list[Finding] = []
    waived: list[WaivedFinding] = []
    unit_groups: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    allowed_files: set[str] = set()
    documents = 0
    crashed = False
    for r in results:
        wanted = (only_files or {}).get(r.folder)
        findings.extend(r.findings)
        waived.extend(r.waived)
        crashed = crashed or r.crashed
        files = r.files if wanted is None else tuple(f for f in r.files if f in wanted)
        documents += sum(1 for d in r.document_files if wanted is None or d in wanted)
        unit_groups.append((codes, files))
        if only_files:
            allowed_files.update(only_files.get(r.folder, frozenset(r.files)))

    if only_files:
        findings = [f for f in findings if f.file in allowed_files]
        waived = [w for w in waived if w.finding.file in allowed_files]

    all_prints = {f.fingerprint() for f in findings} | {w.finding.fingerprint() for w in waived}
    stale: list[BaselineEntry] = []
    kept = findings
    if baseline is not None:
        kept = [f for f in findings if f.fingerprint() not in baseline]
        stale = [b for fp, b in baseline.items() if fp not in all_prints]
    report = Report(
        as_of=as_of,
        findings=kept,
        waived=waived,
        checked_documents=documents,
        rules=list(rules),
        unit_groups=unit_groups,
        baseline_file=baseline_file,
        baselined=len(findings) - len(kept),
        stale_baseline=stale,
    ).sorted()
    return EngineResult(report, crashed, all_prints, sorted(findings, key=Finding.sort_key))
