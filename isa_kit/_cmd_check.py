"""``isa-kit check``: compliance checks on agreement data, for auditors and CI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ._cli_report import add_report_options, as_of, emit

HELP = "check agreements for compliance gaps (signatures, reviews, email, ICO, law, waivers)"
DESCRIPTION = """\
Check every partnership PATH names (the agreements/ root, a partnership folder or files in
one) against the compliance checks: missing signatories, overdue reviews, insecure or retired
email domains, ICO registrations, lawful bases, superseded law and guidance, obsolete
markings, defunct organisations, retention and security, and waivers.

Each finding has a permanent code (ISA001...), a category, a severity and the file:line to
edit. Waivers (partnership.yaml: waivers) must give a reason, an approver and an expiry date;
waived findings are still reported and counted apart. A partnership's policy.yaml overrides
the default policy (secure domains, review window, severities).

Exit codes: 0 nothing at or above --fail-on; 1 findings; 2 could not check (invalid data or
a check that crashed; the other results are still printed).
Reference for every check: docs/checks/.
"""


def _codes(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add_report_options(parser, as_of_help="judge the agreements at this date (default: today)")
    parser.add_argument(
        "--select",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="run only these checks: comma-separated codes, code prefixes (ISA04), names or categories",
    )
    parser.add_argument(
        "--ignore",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="skip these checks (same forms as --select)",
    )
    parser.add_argument(
        "--baseline", type=Path, metavar="FILE", help="hide findings recorded in this baseline file"
    )
    parser.add_argument(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        help="record every current finding in FILE (then exit 0)",
    )


def run(args: argparse.Namespace) -> int:
    from ._baseline import read_baseline, write_baseline
    from ._engine import resolve_selection, run_checks
    from ._errors import DataError, Problem, UserError
    from ._findings import Severity
    from ._loader import find_partnership_folders, load_partnership
    from ._model import Partnership
    from ._paths import PARTNERSHIP_FILE, POLICY_FILE, display_path
    from ._policy import Policy, load_policy
    from ._report import exit_code

    today = as_of(args)
    try:
        checks = resolve_selection(args.select, args.ignore)
    except ValueError as exc:
        raise UserError(str(exc)) from None

    # Which folders, and (when files were named) which files in them to report on.
    only: dict[str, set[str]] = {}
    whole: set[str] = set()
    for path in args.paths:
        for found in find_partnership_folders([path]):
            key = display_path(found)
            if path.is_file() and path.name not in (PARTNERSHIP_FILE, POLICY_FILE):
                only.setdefault(key, set()).add(display_path(path))
            else:
                whole.add(key)
    folders = sorted(set(only) | whole)

    problems: list[Problem] = []
    partnerships: list[Partnership] = []
    policies: dict[str, Policy] = {}
    for name in folders:
        try:
            p = load_partnership(Path(name))
            policies[p.folder or name] = load_policy(Path(name))
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        partnerships.append(p)
    for problem in problems:
        print(str(problem), file=sys.stderr)

    baseline = read_baseline(args.baseline) if args.baseline else None
    only_files = {k: frozenset(v) for k, v in only.items() if k not in whole}
    result = run_checks(
        partnerships,
        today,
        checks=checks,
        policies=policies,
        baseline=baseline,
        baseline_file=str(args.baseline) if args.baseline else None,
        only_files=only_files or None,
    )
    report = result.report
    report.problems = sorted({f"{p.file}: invalid data, not checked" for p in problems})

    if args.write_baseline:
        write_baseline(
            args.write_baseline, result.baseline_findings + [w.finding for w in report.waived]
        )
        print(
            f"isa-kit: wrote {len(result.baseline_findings) + len(report.waived)} findings to {args.write_baseline}",
            file=sys.stderr,
        )
        return 2 if (problems or result.could_not_check) else 0

    emit(report, args)
    return exit_code(report, Severity(args.fail_on), bool(problems) or result.could_not_check)
