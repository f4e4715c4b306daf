"""The ``schema`` service: JSON Schemas of the agreement files, for editor autocompletion.

Field descriptions come from the model's attribute docstrings (:mod:`.docstrings`), so the
schemas say in an editor what the model says in code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from isa_kit.core.atomic import write_text_atomic
from isa_kit.core.paths import SCHEMA_KINDS
from isa_kit.data import model
from isa_kit.data.docstrings import add_descriptions, model_docstrings

__all__ = ["KINDS", "schema_for", "schema_text", "write_schemas"]

KINDS = SCHEMA_KINDS

_MODELS: dict[str, type[BaseModel]] = {
    "partnership": model.PartnershipInfo,
    "organisations": model.OrganisationsFile,
    "document": model.Document,
    "letters": model.LettersPolicy,
}


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of file."""
    cls = _MODELS[kind]
    schema: dict[str, Any] = cls.model_json_schema()
    add_descriptions(schema, cls.__name__, model_docstrings())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"isa-kit {kind} file"
    return schema


def schema_text(kind: str) -> str:
    return json.dumps(schema_for(kind), indent=2, sort_keys=True) + "\n"


def write_schemas(out: Path) -> list[Path]:
    """Write ``<kind>.schema.json`` for every kind into ``out``; returns the files written."""
    written: list[Path] = []
    for kind in KINDS:
        target = out / f"{kind}.schema.json"
        write_text_atomic(target, schema_text(kind))
        written.append(target)
    return written
