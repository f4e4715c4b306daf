"""``isa-kit audit``: audit existing Word and PDF agreements that were never written as data."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

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


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date such as 2026-11-21, got {value!r}"
        ) from None


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_DIR")
    parser.add_argument(
        "--as-of",
        type=_date,
        default=None,
        metavar="DATE",
        help="judge review dates as of this day (YYYY-MM-DD; default: today)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "sarif", "junit", "github", "markdown"),
        default="text",
        help="output format (default: text)",
    )
    parser.add_argument(
        "--output", type=Path, metavar="FILE", help="write the report to FILE instead of stdout"
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="error",
        help="lowest severity that makes the exit code 1 (default: error)",
    )
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
    from ._atomic import write_text_atomic
    from ._findings import Severity
    from ._report import exit_code, render_report
    from .audit import audit_paths

    as_of: dt.date = args.as_of or dt.date.today()  # the one place the clock is read
    result = audit_paths(args.paths, as_of, policy_folder=args.policy, engine=args.pdf_engine)
    text = render_report(result.report, args.format)
    if args.output is not None:
        write_text_atomic(args.output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return exit_code(result.report, Severity(args.fail_on), result.could_not_read)
