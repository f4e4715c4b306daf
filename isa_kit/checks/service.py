"""The ``check`` service: load the partnerships PATHs name, run the checks, build one report.

Invalid data in one partnership does not stop the others being checked: its problems are
returned (and the run counts as "could not check", exit code 2) while the rest are judged.

Each partnership's results are kept in the results cache (:mod:`isa_kit.checks.cache`): a
partnership whose data, settings and kit are unchanged since the last run is not loaded
again. Only a miss imports the loader, the pydantic model, PyYAML and the checks (inside
:func:`_compute`), so a run answered from the cache starts in a fraction of the time; a hit
and a miss build the report the same way (:func:`isa_kit.checks.results.assemble`), so
their outputs are the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from isa_kit.checks.baseline import read_baseline, write_baseline
from isa_kit.checks.cache import Entry, ResultsCache
from isa_kit.checks.results import PartnershipResult, assemble
from isa_kit.core.errors import DataError, Problem, UserError
from isa_kit.core.findings import Severity
from isa_kit.core.folders import find_partnership_folders
from isa_kit.core.paths import PARTNERSHIP_FILE, POLICY_FILE, display_path
from isa_kit.report.model import Report, RuleInfo, exit_code

if TYPE_CHECKING:
    from isa_kit.checks.base import Check

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


def _resolve(select: Sequence[str], ignore: Sequence[str]) -> list[Check]:
    from isa_kit.checks.engine import resolve_selection

    try:
        return resolve_selection(select, ignore)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def _compute(
    names: Sequence[str], as_of: dt.date, select: Sequence[str], ignore: Sequence[str]
) -> dict[str, Entry]:
    """Load and check the partnerships ``names``, one at a time: each is dropped before the
    next loads, so memory follows the largest partnership, not the corpus."""
    from isa_kit.checks.engine import check_partnership, rule_info
    from isa_kit.core.gc import freeze_long_lived
    from isa_kit.data.loader import load_partnership
    from isa_kit.reference.knowledge import load_knowledge
    from isa_kit.reference.policy import load_policy

    checks = _resolve(select, ignore)
    rules = tuple(rule_info(c) for c in checks)
    knowledge = load_knowledge()
    freeze_long_lived()  # modules and knowledge: out of the collector's way for the run
    out: dict[str, Entry] = {}
    for name in names:
        try:
            p = load_partnership(Path(name))
            policy = load_policy(Path(name))
        except DataError as exc:
            out[name] = Entry(rules, tuple(exc.problems), None)
            continue
        result = check_partnership(p, as_of, checks=checks, policy=policy, knowledge=knowledge)
        del p  # let it go before the next loads
        out[name] = Entry(rules, (), result)
    return out


def check_paths(
    paths: Sequence[Path],
    as_of: dt.date,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    baseline: Path | None = None,
    write_baseline_to: Path | None = None,
    use_cache: bool = True,
    before_checking: Callable[[list[Path]], None] | None = None,
) -> CheckResult:
    """Check every partnership ``paths`` name (the agreements root, partnership folders, or
    files in them) as of ``as_of``.

    ``select``/``ignore`` take codes, code prefixes, names or categories; ``baseline`` hides
    the findings a baseline file records; ``write_baseline_to`` records every current finding
    (waived ones included) instead. ``use_cache=False`` neither reads nor writes the results
    cache. ``before_checking`` is given the folders about to be loaded (those not answered
    from the cache) and may raise: the CLI validates their policies' keys with it. Raises
    :class:`UserError` for an unknown check token and :class:`DataError` when a PATH names no
    partnership.
    """
    try:
        folders, only_files = _folders(paths)
    except DataError:
        if select or ignore:
            _resolve(select, ignore)  # a bad token is reported first, as it always was
        raise
    hook = _name_of(before_checking)
    cache = ResultsCache.open(as_of, select, ignore, hook) if use_cache else None
    keys = {name: cache.key(name) for name in folders} if cache else {}
    entries: dict[str, Entry | None] = {
        name: cache.load(name, keys[name]) if cache else None for name in folders
    }
    missed = [name for name, entry in entries.items() if entry is None]
    if missed:
        if before_checking is not None:
            before_checking([Path(name) for name in missed])
        computed = _compute(missed, as_of, select, ignore)
        for name, entry in computed.items():
            entries[name] = entry
            # kept only if the folder did not change while it was being checked
            if cache and cache.key(name) == keys[name]:
                cache.store(name, keys[name], entry)
    return _result(
        [e for e in entries.values() if e is not None],
        as_of,
        baseline=baseline,
        write_baseline_to=write_baseline_to,
        only_files=only_files,
    )


def _name_of(hook: Callable[[list[Path]], None] | None) -> str:
    """What a results-cache entry records of the ``before_checking`` validator: an entry
    stored by a run that validated nothing must not answer a run that validates."""
    if hook is None:
        return ""
    return f"{hook.__module__}.{getattr(hook, '__qualname__', type(hook).__name__)}"


def _result(
    entries: list[Entry],
    as_of: dt.date,
    *,
    baseline: Path | None,
    write_baseline_to: Path | None,
    only_files: dict[str, frozenset[str]],
) -> CheckResult:
    """One report of every partnership's entry (in folder order), as a miss and a hit alike."""
    problems = [p for e in entries for p in e.problems]
    checked: list[PartnershipResult] = [e.result for e in entries if e.result is not None]
    rules: tuple[RuleInfo, ...] = entries[0].rules if entries else ()
    result = assemble(
        checked,
        as_of,
        rules,
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
