"""Run the checks over partnerships and turn their findings into a :class:`Report`.

The engine owns everything around the pure checks: choosing them (``--select``,
``--ignore``), isolating a check that crashes (a ``check-crashed`` finding, exit code 2, the
other checks still run), the policy's severity overrides, waivers (``partnership.yaml``:
``waivers``), baselines, and restricting the report to the files a user named.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from isa_kit.checks import CHECKS
from isa_kit.checks.base import Check, CheckContext, Phase, WaiverUsage
from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.core.suggest import did_you_mean
from isa_kit.data.model import Partnership, Waiver
from isa_kit.reference.knowledge import Knowledge, load_knowledge
from isa_kit.reference.policy import Policy, load_policy
from isa_kit.report.model import BaselineEntry, Report, RuleInfo, WaivedFinding

__all__ = ["CRASH_CODE", "EngineResult", "resolve_selection", "rule_info", "run_checks"]

CRASH_CODE = "ISA999"
"""The code of a ``check-crashed`` finding (reserved: no check has it)."""

DOCS_BASE = "docs/checks/"

_KNOWN_CODES = frozenset(c.code for c in CHECKS)


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
            names = [n for c in checks for n in (c.code, c.name, c.category.value)]
            raise ValueError(
                f"unknown check {token!r}{did_you_mean(token.strip(), names)}: "
                "expected a code such as ISA001, a name or a category"
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
    partnerships: Iterable[Partnership],
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
    # ``partnerships`` may be a generator that loads each one when asked (``check_paths``):
    # each is checked and then dropped, so the heap holds one partnership at a time and the
    # collector has no growing corpus to rescan.
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


@dataclass
class _Partial:
    """What the engine gathers over the partnerships before it builds the report."""

    findings: list[Finding] = field(default_factory=list)
    waived: list[WaivedFinding] = field(default_factory=list)
    unit_groups: list[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    crashed: bool = False
    documents: int = 0


def _run_phase(
    checks: Sequence[Check], p: Partnership, ctx: CheckContext, out: _Partial
) -> list[Finding]:
    """Run ``checks`` on ``p`` under the policy's severities, isolating any that crash."""
    produced_all: list[Finding] = []
    for check in checks:
        severity = ctx.policy.severity_for(check.code, check.name, check.severity)
        if severity is None:
            continue
        try:
            produced = list(check.check(p, ctx))
        except Exception as exc:  # a crashing check is a result, not a crash of the run
            out.crashed = True
            produced_all.append(_crash(check, p, exc))
            continue
        if severity != check.severity:  # the policy overrides the check's own severities
            produced = [_with_severity(f, severity) for f in produced]
        produced_all.extend(produced)
    return produced_all


def _apply_waivers(p: Partnership, raw: list[Finding], as_of: dt.date, out: _Partial) -> set[int]:
    """Move findings an unexpired waiver names (code and subject) to ``out.waived``;
    returns the indexes of the waivers that waived something."""
    active: dict[tuple[str, str], tuple[int, Waiver]] = {}
    for i, w in enumerate(p.waivers):
        if w.expires >= as_of:
            active.setdefault(_waiver_key(w), (i, w))
    used: set[int] = set()
    for f in raw:
        hit = active.get((f.code, f.subject)) if f.category != Category.CHECK_CRASHED else None
        if hit is None:
            out.findings.append(f)
            continue
        i, w = hit
        used.add(i)
        wloc = w.loc()
        out.waived.append(
            WaivedFinding(f, w.reason, w.approved_by, w.expires, wloc.file, wloc.line)
        )
    return used


def _check_partnership(
    p: Partnership,
    chosen: Sequence[Check],
    ctx: CheckContext,
    wanted: frozenset[str] | None,
    out: _Partial,
) -> None:
    data_checks = [c for c in chosen if c.phase is Phase.DATA]
    used = _apply_waivers(p, _run_phase(data_checks, p, ctx, out), ctx.as_of, out)
    run_codes = {c.code for c in chosen}
    usage = WaiverUsage(
        used=frozenset(used),
        considered=frozenset(
            i for i, w in enumerate(p.waivers) if w.code in run_codes or w.code not in _KNOWN_CODES
        ),
    )
    waiver_checks = [c for c in chosen if c.phase is Phase.WAIVERS]
    out.findings.extend(_run_phase(waiver_checks, p, replace(ctx, waivers=usage), out))
    files = _files_of(p)
    if wanted is not None:
        files = [f for f in files if f in wanted]
    out.documents += sum(1 for d in p.documents if wanted is None or d.source_file in wanted)
    out.unit_groups.append((tuple(c.code for c in chosen), tuple(files)))


def _run(
    partnerships: Iterable[Partnership],
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
    out = _Partial()
    allowed_files: set[str] = set()
    for p in partnerships:
        folder = p.folder or ""
        policy = (policies or {}).get(folder)
        if policy is None:
            policy = load_policy(Path(folder)) if p.folder else load_policy(None)
        ctx = CheckContext(as_of=as_of, policy=policy, knowledge=knowledge)
        _check_partnership(p, chosen, ctx, (only_files or {}).get(folder), out)
        if only_files:
            allowed_files.update(only_files.get(folder, _all(p)))
        del p, ctx  # nothing below needs the partnership: let it go before the next loads

    findings, waived = out.findings, out.waived
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
        checked_documents=out.documents,
        rules=[rule_info(c) for c in chosen],
        unit_groups=out.unit_groups,
        baseline_file=baseline_file,
        baselined=len(findings) - len(kept),
        stale_baseline=stale,
    ).sorted()
    return EngineResult(report, out.crashed, all_prints, sorted(findings, key=Finding.sort_key))


def _all(p: Partnership) -> frozenset[str]:
    return frozenset(_files_of(p))


def _with_severity(f: Finding, severity: Severity) -> Finding:
    return f if f.severity == severity else replace(f, severity=severity)
