"""``isa-kit audit``: audit existing Word and PDF agreements that were never written as data."""

from __future__ import annotations

import argparse
from pathlib import Path

from isa_kit.cli.colour import add_no_color
from isa_kit.cli.options import add_report_options, as_of, emit

HELP = "audit existing Word (.docx) and PDF agreements for the compliance gaps 'check' finds"
DESCRIPTION = """\
Read the .docx and .pdf files FILE_OR_DIR names (folders are searched) as they are, and
report what an information governance auditor would: review dates that have passed,
contradictory review periods, signature tables with empty rows or missing parties, ICO
registration tables with blanks, email addresses on retired or insecure domains, and
superseded law, guidance, protective markings and organisations.

Findings use the same categories and output formats as 'isa-kit check'; each is located by
page (PDF) or paragraph / table row (Word) with a short quote. Files are untrusted: sizes are
bounded, XML with a DTD is refused, and an encrypted, scanned or text-less document is
reported as unverifiable, never passed. A corrupt file is reported and the others are still
audited.

exit codes: 0 nothing at or above --fail-on; 1 findings; 2 a file could not be read.
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_DIR")
    add_no_color(parser)
    add_report_options(parser, as_of_help="judge review dates as of this day (default: today)")
    parser.add_argument(
        "--policy",
        type=Path,
        metavar="PARTNERSHIP_DIR",
        help="use the policy.yaml of this partnership folder (review window, severities)",
    )
    parser.add_argument(
        "--pdf-engine",
        choices=("auto", "pdftotext", "pypdf"),
        default="auto",
        help="how PDF text is read: poppler's pdftotext when installed (auto), or pypdf",
    )


def run(args: argparse.Namespace) -> int:
    from isa_kit.audit.service import audit_paths
    from isa_kit.cli.progress import progress
    from isa_kit.core.findings import Severity
    from isa_kit.report.model import exit_code

    from ._policy_keys import check_policy_keys

    check_policy_keys([args.policy] if args.policy else [])
    with progress("Auditing", colour=not args.no_color) as update:
        result = audit_paths(
            args.paths,
            as_of(args),
            policy_folder=args.policy,
            engine=args.pdf_engine,
            progress=update,
        )
    emit(result.report, args)
    return exit_code(result.report, Severity(args.fail_on), result.could_not_read)
