"""Run the checks over partnerships and turn their findings into a :class:`Report`.

The engine owns everything around the pure checks: choosing them (``--select``,
``--ignore``), isolating a check that crashes (a ``check-crashed`` finding, exit code 2, the
other checks still run), the policy's severity overrides and waivers (``partnership.yaml``:
``waivers``), one partnership at a time (:func:`check_partnership`). Baselines and
restricting the report to the files a user named happen when the results are assembled
(:mod:`isa_kit.checks.results`), which a results-cache hit does without this module.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from isa_kit.checks import CHECKS
from isa_kit.checks.base import Check, CheckContext, Phase, WaiverUsage
from isa_kit.checks.results import EngineResult, PartnershipResult, assemble
from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.core.suggest import did_you_mean
from isa_kit.data.model import Partnership, Waiver
from isa_kit.reference.knowledge import Knowledge, load_knowledge
from isa_kit.reference.policy import Policy, load_policy
from isa_kit.report.model import BaselineEntry, RuleInfo, WaivedFinding

__all__ = [
    "CRASH_CODE",
    "EngineResult",
    "check_partnership",
    "resolve_selection",
    "rule_info",
    "run_checks",
]

CRASH_CODE = "ISA999"
"""The code of a ``check-crashed`` finding (reserved: no check has it)."""

DOCS_BASE = "docs/checks/"

_KNOWN_CODES = frozenset(c.code for c in CHECKS)


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
    # ``partnerships`` may be a generator that loads each one when asked: each is checked
    # and then dropped, so the heap holds one partnership at a time and the collector has no
    # growing corpus to rescan (``check_paths`` does the same, one folder at a time).
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


def _run_phase(
    checks: Sequence[Check], p: Partnership, ctx: CheckContext
) -> tuple[list[Finding], bool]:
    """Run ``checks`` on ``p`` under the policy's severities, isolating any that crash;
    returns the findings and whether one crashed."""
    produced_all: list[Finding] = []
    crashed = False
    for check in checks:
        severity = ctx.policy.severity_for(check.code, check.name, check.severity)
        if severity is None:
            continue
        try:
            produced = list(check.check(p, ctx))
        except Exception as exc:  # a crashing check is a result, not a crash of the run
            crashed = True
            produced_all.append(_crash(check, p, exc))
            continue
        if severity != check.severity:  # the policy overrides the check's own severities
            produced = [_with_severity(f, severity) for f in produced]
        produced_all.extend(produced)
    return produced_all, crashed


def _apply_waivers(
    p: Partnership, raw: list[Finding], as_of: dt.date
) -> tuple[list[Finding], list[WaivedFinding], set[int]]:
    """Split findings into those reported and those an unexpired waiver names (code and
    subject); also returns the indexes of the waivers that waived something."""
    active: dict[tuple[str, str], tuple[int, Waiver]] = {}
    for i, w in enumerate(p.waivers):
        if w.expires >= as_of:
            active.setdefault(_waiver_key(w), (i, w))
    used: set[int] = set()
    findings: list[Finding] = []
    waived: list[WaivedFinding] = []
    for f in raw:
        hit = active.get((f.code, f.subject)) if f.category != Category.CHECK_CRASHED else None
        if hit is None:
            findings.append(f)
            continue
        i, w = hit
        used.add(i)
        wloc = w.loc()
        waived.append(WaivedFinding(f, w.reason, w.approved_by, w.expires, wloc.file, wloc.line))
    return findings, waived, used


def check_partnership(
    p: Partnership,
    as_of: dt.date,
    *,
    checks: Sequence[Check] | None = None,
    policy: Policy | None = None,
    knowledge: Knowledge | None = None,
) -> PartnershipResult:
    """Run ``checks`` (default: all) over one partnership under ``policy`` (default: its
    folder's). The result holds findings and file names only, not the partnership: the
    caller can drop it before loading the next, and a cache can keep the result."""
    chosen = list(CHECKS if checks is None else checks)
    if policy is None:
        policy = load_policy(Path(p.folder)) if p.folder else load_policy(None)
    ctx = CheckContext(as_of=as_of, policy=policy, knowledge=knowledge or load_knowledge())
    data_checks = [c for c in chosen if c.phase is Phase.DATA]
    raw, crashed = _run_phase(data_checks, p, ctx)
    findings, waived, used = _apply_waivers(p, raw, as_of)
    run_codes = {c.code for c in chosen}
    usage = WaiverUsage(
        used=frozenset(used),
        considered=frozenset(
            i for i, w in enumerate(p.waivers) if w.code in run_codes or w.code not in _KNOWN_CODES
        ),
    )
    waiver_checks = [c for c in chosen if c.phase is Phase.WAIVERS]
    more, crashed_too = _run_phase(waiver_checks, p, replace(ctx, waivers=usage))
    findings.extend(more)
    return PartnershipResult(
        folder=p.folder or "",
        findings=tuple(findings),
        waived=tuple(waived),
        files=tuple(_files_of(p)),
        document_files=tuple(d.source_file for d in p.documents),
        crashed=crashed or crashed_too,
    )


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

    def each() -> Iterator[PartnershipResult]:
        for p in partnerships:
            policy = (policies or {}).get(p.folder or "")
            yield check_partnership(p, as_of, checks=chosen, policy=policy, knowledge=knowledge)
            del p  # nothing below needs the partnership: let it go before the next loads

    return assemble(
        each(),
        as_of,
        [rule_info(c) for c in chosen],
        baseline=baseline,
        baseline_file=baseline_file,
        only_files=only_files,
    )


def _with_severity(f: Finding, severity: Severity) -> Finding:
    return f if f.severity == severity else replace(f, severity=severity)
