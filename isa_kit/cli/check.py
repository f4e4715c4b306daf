"""``isa-kit check``: compliance checks on agreement data, for auditors and CI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from isa_kit.cli.colour import add_no_color
from isa_kit.cli.options import add_report_options, as_of, emit

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

Results are cached per partnership in the user's cache folder (ISA_KIT_CACHE_DIR, else
$XDG_CACHE_HOME/isa-kit or ~/.cache/isa-kit), keyed by every input file, the policy, the
date, the selection and the kit itself: running check again over unchanged data is quick.
--no-cache (or ISA_KIT_NO_CACHE=1) checks everything afresh.
"""


def _codes(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add_no_color(parser)
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
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="check every partnership afresh: neither read nor write the results cache "
        "(also ISA_KIT_NO_CACHE=1)",
    )


def run(args: argparse.Namespace) -> int:
    from isa_kit.checks.service import check_paths
    from isa_kit.core.findings import Severity
    from isa_kit.core.folders import find_partnership_folders

    from ._policy_keys import check_policy_keys

    find_partnership_folders(args.paths)  # a PATH that names nothing is reported first
    result = check_paths(
        args.paths,
        as_of(args),
        select=args.select,
        ignore=args.ignore,
        baseline=args.baseline,
        write_baseline_to=args.write_baseline,
        use_cache=not args.no_cache,
        # policy keys of the folders the results cache does not answer for (an answered
        # folder's policy.yaml is unchanged since it was last validated)
        before_checking=check_policy_keys,
    )
    for problem in result.problems:
        print(str(problem), file=sys.stderr)
    if result.baseline_written is not None:
        print(
            f"isa-kit: wrote {result.baseline_written} findings to {args.write_baseline}",
            file=sys.stderr,
        )
    else:
        emit(result.report, args)
    return result.exit_code(Severity(args.fail_on))
