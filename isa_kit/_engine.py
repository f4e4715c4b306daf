"""Run the checks over partnerships and turn their findings into a :class:`Report`.

The engine owns everything around the pure checks: choosing them (``--select``,
``--ignore``), isolating a check that crashes (a ``check-crashed`` finding, exit code 2, the
other checks still run), the policy's severity overrides, waivers (``partnership.yaml``:
``waivers``), baselines, and restricting the report to the files a user named.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ._findings import Category, Finding, Severity
from ._gc import gc_paused
from ._knowledge import Knowledge, load_knowledge
from ._model import Partnership, Waiver
from ._policy import Policy, load_policy
from ._report import BaselineEntry, Report, RuleInfo, Unit, WaivedFinding
from .checks import CHECKS
from .checks._base import Check, CheckContext
from .checks.isa090_expired_waiver import ExpiredWaiver
from .checks.isa091_unused_waiver import UnusedWaiver

__all__ = ["CRASH_CODE", "EngineResult", "resolve_selection", "rule_info", "run_checks"]

CRASH_CODE = "ISA999"
"""The code of a ``check-crashed`` finding (reserved: no check has it)."""

DOCS_BASE = "docs/checks/"


@dataclass
class EngineResult:
    report: Report
    could_not_check: bool
    all_fingerprints: set[str] = field(default_factory=set)
    """Fingerprints of every finding before the baseline hid any (for ``--write-baseline``)."""
    baseline_findings: list[Finding] = field(default_factory=list)


def _matches(check: Check, token: str) -> bool:
    t = token.strip()
    if not t:
        return False
    return (
        check.code.upper().startswith(t.upper())
        or check.name == t.lower()
        or check.category.value == t.lower()
    )


def resolve_selection(
    select: Sequence[str] = (), ignore: Sequence[str] = (), checks: Sequence[Check] = CHECKS
) -> list[Check]:
    """The checks ``--select`` (codes, code prefixes, names or categories; all when empty)
    keeps and ``--ignore`` drops. Raises ``ValueError`` for a token that matches nothing."""
    for token in [*select, *ignore]:
        if token.strip() and not any(_matches(c, token) for c in checks):
            raise ValueError(
                f"unknown check {token!r}: expected a code such as ISA001, a name or a category"
            )
    chosen = [c for c in checks if not select or any(_matches(c, t) for t in select)]
    return [c for c in chosen if not any(_matches(c, t) for t in ignore)]


def rule_info(check: Check) -> RuleInfo:
    return RuleInfo(
        code=check.code,
        name=check.name,
        category=check.category.value,
        severity=check.severity,
        summary=check.summary(),
        source=check.source,
        help_uri=None,
        help_text=check.summary(),
    )


def _crash(check: Check, p: Partnership, exc: BaseException) -> Finding:
    loc = p.loc()
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
    return Finding(
        code=CRASH_CODE,
        category=Category.CHECK_CRASHED,
        severity=Severity.ERROR,
        message=f"check {check.code} ({check.name}) crashed: {type(exc).__name__}: {exc}{where}",
        file=loc.file,
        line=None,
        subject=check.code,
        hint="This is a bug in isa-kit, not in the data: please report it with this message.",
        source="isa-kit",
    )


def _files_of(p: Partnership) -> list[str]:
    files = [p.source_file or f"{p.folder}/partnership.yaml"]
    if p.partners and p.partners[0].source_file:
        files.append(p.partners[0].source_file)
    files.extend(d.source_file for d in p.documents if d.source_file)
    return files


def _waiver_key(w: Waiver) -> tuple[str, str]:
    return (w.code, w.subject)


def run_checks(
    partnerships: Sequence[Partnership],
    as_of: dt.date,
    *,
    checks: Sequence[Check] | None = None,
    policies: Mapping[str, Policy] | None = None,
    knowledge: Knowledge | None = None,
    baseline: Mapping[str, BaselineEntry] | None = None,
    baseline_file: str | None = None,
    only_files: Mapping[str, frozenset[str]] | None = None,
) -> EngineResult:
    """Run ``checks`` (default: all) over ``partnerships`` as of ``as_of``.

    ``policies`` maps a partnership's folder (as displayed) to its policy (default: the
    folder's ``policy.yaml`` over the shipped default). ``only_files`` maps a folder to the
    files whose findings to report (a user named files rather than the folder).
    """
    # The loaded partnerships are a large, long-lived heap; the checks allocate many small
    # objects. Cyclic collection would rescan that heap again and again, so pause it for the
    # run (nothing here creates reference cycles) and restore it afterwards.
    with gc_paused():
        return _run(
            partnerships,
            as_of,
            checks=checks,
            policies=policies,
            knowledge=knowledge,
            baseline=baseline,
            baseline_file=baseline_file,
            only_files=only_files,
        )


def _run(
    partnerships: Sequence[Partnership],
    as_of: dt.date,
    *,
    checks: Sequence[Check] | None,
    policies: Mapping[str, Policy] | None,
    knowledge: Knowledge | None,
    baseline: Mapping[str, BaselineEntry] | None,
    baseline_file: str | None,
    only_files: Mapping[str, frozenset[str]] | None,
) -> EngineResult:
    chosen = list(CHECKS if checks is None else checks)
    knowledge = knowledge or load_knowledge()
    run_codes = {c.code for c in chosen}
    known_codes = {c.code for c in CHECKS}
    pure = [c for c in chosen if not isinstance(c, ExpiredWaiver | UnusedWaiver)]
    expired_check = next((c for c in chosen if isinstance(c, ExpiredWaiver)), None)
    unused_check = next((c for c in chosen if isinstance(c, UnusedWaiver)), None)

    findings: list[Finding] = []
    waived: list[WaivedFinding] = []
    units: list[Unit] = []
    crashed = False
    documents = 0
    for p in partnerships:
        folder = p.folder or ""
        policy = (policies or {}).get(folder)
        if policy is None:
            policy = load_policy(Path(folder)) if p.folder else load_policy(None)
        ctx = CheckContext(as_of=as_of, policy=policy, knowledge=knowledge)
        raw: list[Finding] = []
        for check in pure:
            severity = policy.severity_for(check.code, check.name, check.severity)
            if severity is None:
                continue
            try:
                produced = list(check.check(p, ctx))
            except Exception as exc:  # a crashing check is a result, not a crash of the run
                crashed = True
                raw.append(_crash(check, p, exc))
                continue
            if severity != check.severity:
                produced = [_with_severity(f, severity) for f in produced]
            raw.extend(produced)

        # Waivers: a finding whose code and subject an unexpired waiver names is waived.
        active: dict[tuple[str, str], tuple[int, Waiver]] = {}
        for i, w in enumerate(p.waivers):
            if w.expires >= as_of:
                active.setdefault(_waiver_key(w), (i, w))
        used: set[int] = set()
        for f in raw:
            hit = active.get((f.code, f.subject)) if f.category != Category.CHECK_CRASHED else None
            if hit is None:
                findings.append(f)
                continue
            i, w = hit
            used.add(i)
            wloc = w.loc()
            waived.append(
                WaivedFinding(f, w.reason, w.approved_by, w.expires, wloc.file, wloc.line)
            )
        if expired_check is not None:
            sev = policy.severity_for(
                expired_check.code, expired_check.name, expired_check.severity
            )
            if sev is not None:
                findings.extend(_with_severity(f, sev) for f in expired_check.check_waivers(p, ctx))
        if unused_check is not None:
            sev = policy.severity_for(unused_check.code, unused_check.name, unused_check.severity)
            if sev is not None:
                considered = {
                    i
                    for i, w in enumerate(p.waivers)
                    if w.code in run_codes or w.code not in known_codes
                }
                findings.extend(
                    _with_severity(f, sev)
                    for f in unused_check.check_waivers(p, ctx, used=used, considered=considered)
                )
        files = _files_of(p)
        wanted = (only_files or {}).get(folder)
        if wanted is not None:
            files = [f for f in files if f in wanted]
        documents += sum(1 for d in p.documents if wanted is None or d.source_file in wanted)
        units.extend(Unit(c.code, f) for c in chosen for f in files)

    if only_files:
        allowed_files = {f for p in partnerships for f in only_files.get(p.folder or "", _all(p))}
        findings = [f for f in findings if f.file in allowed_files]
        waived = [w for w in waived if w.finding.file in allowed_files]

    all_prints = {f.fingerprint() for f in findings} | {w.finding.fingerprint() for w in waived}
    stale: list[BaselineEntry] = []
    baselined = 0
    kept = findings
    if baseline is not None:
        kept = [f for f in findings if f.fingerprint() not in baseline]
        baselined = len(findings) - len(kept)
        stale = [b for fp, b in baseline.items() if fp not in all_prints]
    report = Report(
        as_of=as_of,
        findings=kept,
        waived=waived,
        checked_documents=documents,
        rules=[rule_info(c) for c in chosen],
        units=units,
        baseline_file=baseline_file,
        baselined=baselined,
        stale_baseline=stale,
    ).sorted()
    return EngineResult(report, crashed, all_prints, sorted(findings, key=Finding.sort_key))


def _all(p: Partnership) -> frozenset[str]:
    return frozenset(_files_of(p))


def _with_severity(f: Finding, severity: Severity) -> Finding:
    return f if f.severity == severity else replace(f, severity=severity)
