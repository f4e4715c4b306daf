"""``isa-kit schema``: write the JSON Schemas editors use to autocomplete agreement YAML."""

from __future__ import annotations

import argparse
from pathlib import Path

from isa_kit.core.paths import SCHEMA_KINDS

HELP = "write JSON Schemas for the agreement files (editor autocompletion)"
DESCRIPTION = """\
Write one JSON Schema per kind of agreement file into DIR (default: schemas/):
  partnership.schema.json    for partnership.yaml
  organisations.schema.json  for organisations.yaml
  document.schema.json       for documents/*.yaml
  letters.schema.json        for letters.yaml (outcome letters, optional)

Point your editor at them with a first line such as:
  # yaml-language-server: $schema=../../schemas/document.schema.json
Use --print KIND to write one schema to standard output instead.
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("schemas"), metavar="DIR")
    parser.add_argument("--print", choices=SCHEMA_KINDS, dest="print_kind", metavar="KIND")


def run(args: argparse.Namespace) -> int:
    from isa_kit.data.schema import schema_text, write_schemas

    if args.print_kind:
        print(schema_text(args.print_kind), end="")
        return 0
    for target in write_schemas(args.out):
        print(f"wrote {target}")
    return 0
