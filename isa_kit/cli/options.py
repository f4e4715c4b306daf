"""Options and output shared by the commands that produce a findings report (check, audit).

Both take the same ``--as-of``, ``--format``, ``--output`` and ``--fail-on`` so that an
auditor's CI treats their reports alike.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from isa_kit.report.model import Report

FORMAT_CHOICES = ("text", "json", "sarif", "junit", "github", "markdown", "html")


def parse_date(value: str) -> dt.date:
    """``argparse`` type for ``--as-of``: an ISO date, with a plain message otherwise."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date such as 2026-11-21 (got {value!r})"
        ) from None


def add_report_options(parser: argparse.ArgumentParser, *, as_of_help: str) -> None:
    parser.add_argument(
        "--as-of", type=parse_date, default=None, metavar="YYYY-MM-DD", help=as_of_help
    )
    parser.add_argument(
        "--format", choices=FORMAT_CHOICES, default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write the report to FILE instead of standard output",
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="error",
        help="exit 1 when a finding has this severity or higher (default: error)",
    )


def as_of(args: argparse.Namespace) -> dt.date:
    """The date findings are judged at: the only place any command reads the clock."""
    value: dt.date | None = args.as_of
    return value if value is not None else dt.date.today()


def emit(report: Report, args: argparse.Namespace) -> None:
    """Render ``report`` in ``--format`` to ``--output`` (atomically) or standard output."""
    import os

    from isa_kit.cli.colour import wants_colour, write_coloured
    from isa_kit.core.atomic import write_text_atomic
    from isa_kit.report.render import render_report, write_report

    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary_file:
        from isa_kit.report.github import step_summary

        # GitHub's own file for this step: appended to, as every step's tools do
        with open(summary_file, "a", encoding="utf-8") as out:
            out.write(step_summary(report))
    if args.output is not None:
        write_text_atomic(args.output, render_report(report, args.format))
    elif args.format == "text" and wants_colour(args, sys.stdout):
        write_coloured(render_report(report, args.format), sys.stdout)
    else:
        write_report(report, args.format, sys.stdout)
        sys.stdout.flush()
