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

FORMAT_CHOICES = ("text", "json", "sarif", "junit", "github", "markdown")


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
    from isa_kit.core.atomic import write_text_atomic
    from isa_kit.report.render import render_report, write_report

    if args.output is not None:
        write_text_atomic(args.output, render_report(report, args.format))
    else:
        write_report(report, args.format, sys.stdout)
        sys.stdout.flush()
