"""``isa-kit schema``: write the JSON Schemas editors use to autocomplete agreement YAML."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

HELP = "write JSON Schemas for the agreement files (editor autocompletion)"
DESCRIPTION = """\
Write one JSON Schema per kind of agreement file into DIR (default: schemas/):
  partnership.schema.json    for partnership.yaml
  organisations.schema.json  for organisations.yaml
  document.schema.json       for documents/*.yaml

Point your editor at them with a first line such as:
  # yaml-language-server: $schema=../../schemas/document.schema.json
Use --print KIND to write one schema to standard output instead.
"""

KINDS = ("partnership", "organisations", "document")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("schemas"), metavar="DIR")
    parser.add_argument("--print", choices=KINDS, dest="print_kind", metavar="KIND")


def schema_for(kind: str) -> dict[str, Any]:
    from pydantic import BaseModel

    from ._model import Document, OrganisationsFile, PartnershipInfo

    models: dict[str, type[BaseModel]] = {
        "partnership": PartnershipInfo,
        "organisations": OrganisationsFile,
        "document": Document,
    }
    from . import _model
    from ._docstrings import add_descriptions, attribute_docstrings

    model = models[kind]
    schema: dict[str, Any] = model.model_json_schema()
    add_descriptions(schema, model.__name__, attribute_docstrings(_model))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"isa-kit {kind} file"
    return schema


def run(args: argparse.Namespace) -> int:
    from ._atomic import write_text_atomic

    if args.print_kind:
        print(json.dumps(schema_for(args.print_kind), indent=2, sort_keys=True))
        return 0
    for kind in KINDS:
        text = json.dumps(schema_for(kind), indent=2, sort_keys=True) + "\n"
        target = args.out / f"{kind}.schema.json"
        write_text_atomic(target, text)
        print(f"wrote {target}")
    return 0
