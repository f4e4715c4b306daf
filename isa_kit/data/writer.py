"""Write a partnership back to its folder layout as YAML (the inverse of the loader).

Used to migrate and normalise data, and by the round-trip property test that proves the
model and the YAML files say exactly the same thing.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from isa_kit.core.atomic import write_text_atomic
from isa_kit.core.paths import DOCUMENTS_DIR, ORGANISATIONS_FILE, PARTNERSHIP_FILE
from isa_kit.data.model import Partnership, dump_data

_SCHEMA_LINE = "# yaml-language-server: $schema={}schemas/{}.schema.json\n"


# YAML treats these as line breaks inside plain and single-quoted scalars, so text holding
# them would come back changed; double quotes escape them (\N, \L, \P).
_BREAKS = ("\x85", "\u2028", "\u2029", "\r")


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if any(ch in value for ch in _BREAKS) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def _yaml(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def partnership_files(p: Partnership) -> dict[str, str]:
    """Relative path -> YAML text, for every file of the partnership's folder."""
    info = p.model_dump(mode="json", exclude_defaults=True, exclude={"partners", "documents"})
    files = {
        PARTNERSHIP_FILE: _SCHEMA_LINE.format("../../", "partnership") + _yaml(info),
        ORGANISATIONS_FILE: _SCHEMA_LINE.format("../../", "organisations")
        + _yaml({"organisations": [dump_data(o) for o in p.partners]}),
    }
    for doc in p.documents:
        files[f"{DOCUMENTS_DIR}/{doc.id}.yaml"] = _SCHEMA_LINE.format(
            "../../../", "document"
        ) + _yaml(dump_data(doc))
    return files


def write_partnership(p: Partnership, folder: Path) -> None:
    for rel, text in partnership_files(p).items():
        write_text_atomic(folder / rel, text)


def yaml_text(data: object, schema: str, up: str) -> str:
    """YAML for ``data`` in the kit's style, with the editor schema line for ``schema``
    (``up`` is the relative path from the file to the repository root, e.g. ``../../``)."""
    return _SCHEMA_LINE.format(up, schema) + _yaml(data)
