"""``isa-kit validate``: load and validate agreement data, nothing more."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "validate partnership data (YAML) and report every problem"
DESCRIPTION = """\
Load every partnership PATH names (the agreements/ root, a partnership folder or a file in
one), validate it against the model and resolve organisation ids across files.

Each problem is printed on one line as file:line:column: field.path: what was expected.
Exit 0 when all data is valid, 2 otherwise. Validation checks form, not compliance: use
'isa-kit check' for missing signatures, overdue reviews and the like.
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing when valid")


def run(args: argparse.Namespace) -> int:
    from isa_kit.data.loader import load_partnerships

    partnerships = load_partnerships(args.paths)
    if not args.quiet:

        def count(n: int, word: str) -> str:
            return f"{n} {word}" if n == 1 else f"{n} {word}s"

        for p in partnerships:
            print(
                f"{p.folder}: valid ({count(len(p.partners), 'organisation')}, "
                f"{count(len(p.documents), 'document')})"
            )
    return 0
