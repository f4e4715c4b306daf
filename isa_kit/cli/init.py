"""``isa-kit init``: start a new partnership folder, ready to fill in."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "start a new partnership: partnership.yaml, organisations.yaml and an ISA to fill in"
DESCRIPTION = """\
Write a new partnership into PARTNERSHIP_DIR (e.g. agreements/newshire): partnership.yaml,
organisations.yaml with one example partner, and documents/isa.yaml. Every field has a
comment saying what it is for, and the files point an editor at the JSON Schemas for
completion. The data is valid from the start; 'isa-kit check PARTNERSHIP_DIR' lists what is
still to fill in.

init never overwrites a file: if any of the three exists, nothing is written (exit 2).
"""


def _name(value: str) -> str:
    text = " ".join(value.split())
    if not text:
        raise argparse.ArgumentTypeError("expected the partnership's name, e.g. 'Newshire MASH'")
    return text


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="PARTNERSHIP_DIR")
    parser.add_argument(
        "--name",
        type=_name,
        metavar="NAME",
        help="the partnership's full name (default: from the folder name, e.g. 'Newshire MASH')",
    )


def run(args: argparse.Namespace) -> int:
    from isa_kit.core.paths import display_path
    from isa_kit.data.init import init_partnership

    result = init_partnership(args.folder, name=args.name)
    for path in result.files:
        print(f"wrote {display_path(path)}")
    shown = display_path(result.folder)
    print(f"\nStill to fill in ('isa-kit check {shown}' lists these until they are done):")
    for gap in result.to_fill_in:
        print(f"  {shown}/{gap.file}: {gap.what} [{gap.code}]")
    if not (result.schemas / "partnership.schema.json").is_file():
        print(
            f"\nFor completion in your editor, write the JSON Schemas the files point at:\n"
            f"  isa-kit schema --out {display_path(result.schemas)}"
        )
    return 0
