"""The ``check`` service: load the partnerships PATHs name, run the checks, build one report.

Invalid data in one partnership does not stop the others being checked: its problems are
returned (and the run counts as "could not check", exit code 2) while the rest are judged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from isa_kit.checks.baseline import read_baseline, write_baseline
from isa_kit.checks.engine import resolve_selection, run_checks
from isa_kit.core.errors import DataError, Problem, UserError
from isa_kit.core.findings import Severity
from isa_kit.core.gc import freeze_long_lived
from isa_kit.core.paths import PARTNERSHIP_FILE, POLICY_FILE, display_path
from isa_kit.data.loader import find_partnership_folders, load_partnership
from isa_kit.data.model import Partnership
from isa_kit.reference.knowledge import load_knowledge
from isa_kit.reference.policy import Policy, load_policy
from isa_kit.report.model import Report, exit_code

__all__ = ["CheckResult", "check_paths"]


@dataclass
class CheckResult:
    report: Report
    problems: list[Problem] = field(default_factory=list)
    """Data that could not be loaded (each is a ``file:line`` problem); its partnership was
    not checked."""
    could_not_check: bool = False
    """A partnership's data was invalid or a check crashed: exit code 2."""
    baseline_written: int | None = None
    """How many findings ``write_baseline_to`` recorded, when it was given."""

    def exit_code(self, fail_on: Severity = Severity.ERROR) -> int:
        """0 nothing at or above ``fail_on``; 1 findings; 2 could not check."""
        if self.baseline_written is not None:
            return 2 if self.could_not_check else 0
        return exit_code(self.report, fail_on, self.could_not_check)


def _folders(paths: Sequence[Path]) -> tuple[list[str], dict[str, frozenset[str]]]:
    """The partnership folders PATHs name and, for those named only by some of their files,
    which files to report on."""
    only: dict[str, set[str]] = {}
    whole: set[str] = set()
    for path in paths:
        for found in find_partnership_folders([path]):
            key = display_path(found)
            if path.is_file() and path.name not in (PARTNERSHIP_FILE, POLICY_FILE):
                only.setdefault(key, set()).add(display_path(path))
            else:
                whole.add(key)
    only_files = {k: frozenset(v) for k, v in only.items() if k not in whole}
    return sorted(set(only) | whole), only_files


def check_paths(
    paths: Sequence[Path],
    as_of: dt.date,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    baseline: Path | None = None,
    write_baseline_to: Path | None = None,
) -> CheckResult:
    """Check every partnership ``paths`` name (the agreements root, partnership folders, or
    files in them) as of ``as_of``.

    ``select``/``ignore`` take codes, code prefixes, names or categories; ``baseline`` hides
    the findings a baseline file records; ``write_baseline_to`` records every current finding
    (waived ones included) instead. Raises :class:`UserError` for an unknown check token and
    :class:`DataError` when a PATH names no partnership.
    """
    try:
        checks = resolve_selection(select, ignore)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    folders, only_files = _folders(paths)

    problems: list[Problem] = []
    policies: dict[str, Policy] = {}
    knowledge = load_knowledge()
    freeze_long_lived()  # modules and knowledge: out of the collector's way for the run

    def stream() -> Iterator[Partnership]:
        """One partnership at a time, loaded when the engine asks for it: the engine drops
        each after checking it, so memory follows the largest partnership, not the corpus."""
        for name in folders:
            try:
                p = load_partnership(Path(name))
                policies[p.folder or name] = load_policy(Path(name))
            except DataError as exc:
                problems.extend(exc.problems)
                continue
            yield p
            del p

    result = run_checks(
        stream(),
        as_of,
        checks=checks,
        policies=policies,
        knowledge=knowledge,
        baseline=read_baseline(baseline) if baseline else None,
        baseline_file=str(baseline) if baseline else None,
        only_files=only_files or None,
    )
    report = result.report
    report.problems = sorted({f"{p.file}: invalid data, not checked" for p in problems})
    out = CheckResult(report, problems, bool(problems) or result.could_not_check)
    if write_baseline_to is not None:
        recorded = result.baseline_findings + [w.finding for w in report.waived]
        write_baseline(write_baseline_to, recorded)
        out.baseline_written = len(recorded)
    return out
