"""``isa-kit import``: turn existing Word and PDF documents of one partnership into draft data."""

from __future__ import annotations

import argparse
from pathlib import Path

from isa_kit.cli.options import as_of, parse_date

HELP = "import existing Word (.docx) and PDF agreements of one partnership as draft YAML data"
DESCRIPTION = """\
Read FILE... (an ISA, MOU, protocol or guidance of one partnership, as .docx or .pdf) and
write a draft partnership folder at --into: partnership.yaml, organisations.yaml and one
documents/<id>.yaml per file, in the kit's own format. Parties, ICO registration numbers,
signature rows, review dates and periods, version history, lawful bases and gateways cited,
RAG levels, email addresses and the remaining text (as sections) are recovered; every value
the import is not sure of carries a '# unsure:' comment in the YAML.

The folder must not exist (or be empty); nothing is overwritten, and nothing is written when
a file cannot be read. Files are untrusted: sizes are bounded and nothing in them is run or
fetched. A report lists what was recovered, guessed and not read, with where it came from.

exit codes: 0 the draft was written; 2 a file could not be read or --into already exists.
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE")
    parser.add_argument(
        "--into",
        type=Path,
        required=True,
        metavar="FOLDER",
        help="the new partnership folder to write, e.g. agreements/new",
    )
    parser.add_argument(
        "--as-of",
        type=parse_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date the import report is made as of (default: today)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="import report format (default: text)",
    )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="FILE",
        help="write the import report to FILE instead of standard output",
    )


def run(args: argparse.Namespace) -> int:
    from isa_kit.core.atomic import write_text_atomic
    from isa_kit.importer.service import import_documents

    result = import_documents(args.paths, args.into, as_of(args))
    text = result.to_json() if args.format == "json" else result.to_text()
    if args.report is not None:
        write_text_atomic(args.report, text)
    else:
        print(text, end="")
    return 0
