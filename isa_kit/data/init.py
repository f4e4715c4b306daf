"""The ``init`` service: start a new partnership folder from nothing.

It writes ``partnership.yaml``, ``organisations.yaml`` (one example partner) and
``documents/isa.yaml``: valid data, each key under a comment saying what it is for (the
model's own docstrings, see :mod:`.commented`), and the editor's schema line. What a new
partnership cannot know yet (lawful bases, retention, security, the ICO registration) is left
empty, so ``isa-kit check`` on the folder lists exactly :data:`TO_FILL_IN`.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from isa_kit.core.atomic import create_files_atomic
from isa_kit.core.errors import UserError
from isa_kit.core.paths import DOCUMENTS_DIR, ORGANISATIONS_FILE, PARTNERSHIP_FILE, display_path
from isa_kit.data import model
from isa_kit.data.commented import commented_yaml

__all__ = ["TO_FILL_IN", "FillIn", "InitResult", "init_partnership"]

EXAMPLE_PARTNER = "example-council"
ISA_FILE = f"{DOCUMENTS_DIR}/isa.yaml"


@dataclass(frozen=True)
class FillIn:
    """One gap a new partnership starts with: the check that reports it, where, and what to do."""

    code: str
    file: str
    """Relative to the partnership folder."""
    subject: str
    what: str


#: The gaps left on purpose; ``isa-kit check`` on a new partnership reports exactly these.
TO_FILL_IN: tuple[FillIn, ...] = (
    FillIn(
        "ISA030",
        ORGANISATIONS_FILE,
        EXAMPLE_PARTNER,
        "each partner's ICO registration number (ico_registration)",
    ),
    FillIn("ISA040", ISA_FILE, "isa", "the lawful basis of each party (lawful_bases)"),
    FillIn("ISA060", ISA_FILE, "isa", "how long records are kept (retention)"),
    FillIn("ISA061", ISA_FILE, "isa", "how data is sent and kept safe (security)"),
)


@dataclass(frozen=True)
class InitResult:
    folder: Path
    files: list[Path]
    schemas: Path
    """The folder the files' schema lines point at (it may not exist yet: ``isa-kit schema``)."""
    to_fill_in: tuple[FillIn, ...] = TO_FILL_IN


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80].strip("-")


def _schema_prefix(file_dir: Path) -> str:
    """The relative path from ``file_dir`` to the nearest ``schemas/`` folder above it (else
    the usual ``agreements/<partnership>/`` layout's)."""
    start = file_dir.resolve()
    for parent in [start, *start.parents]:
        if (parent / "schemas" / "partnership.schema.json").is_file():
            return Path(os.path.relpath(parent, start)).as_posix() + "/"
    depth = 3 if file_dir.name == DOCUMENTS_DIR else 2
    return "../" * depth


def _files(folder: Path, pid: str, name: str) -> dict[str, tuple[dict[str, Any], type[Any]]]:
    area = folder.name.replace("-", " ").replace("_", " ").title()
    partnership = {
        "id": pid,
        "name": name,
        "area": area,
        "hub": {"name": name, "address": None},
        "lead_organisation": EXAMPLE_PARTNER,
        "outcomes": [],
        "waivers": [],
    }
    organisations = {
        "organisations": [
            {
                "id": EXAMPLE_PARTNER,
                "name": "Example Council (replace with a real partner)",
                "type": "local-authority",
                "public_authority": True,
                "controller_role": "joint-controller",
                "ico_registration": None,
                "secure_email_domains": [],
                "presence": "co-located",
                "contacts": [],
            }
        ]
    }
    isa = {
        "id": "isa",
        "kind": "isa",
        "title": f"{name} Information Sharing Agreement",
        "version": "0.1",
        "status": "draft",
        "owner": None,
        "classification": "OFFICIAL",
        "purpose": None,
        "parties": [EXAMPLE_PARTNER],
        "lawful_bases": [],
        "retention": [],
        "security": None,
        "review": {"period_months": 12},
        "signatories": [],
    }
    return {
        PARTNERSHIP_FILE: (partnership, model.PartnershipInfo),
        ORGANISATIONS_FILE: (organisations, model.OrganisationsFile),
        ISA_FILE: (isa, model.Document),
    }


def _header(kind: str, prefix: str, name: str) -> str:
    return (
        f"# yaml-language-server: $schema={prefix}{kind}.schema.json\n"
        f"# {name}: started by 'isa-kit init'. Replace the example values; each comment says\n"
        "# what its field is for. 'isa-kit check' on this folder lists what is still to fill in."
    )


def partnership_texts(folder: Path, name: str | None = None) -> dict[str, str]:
    """Relative path -> YAML text of a new partnership in ``folder`` (nothing is written)."""
    pid = _slug(folder.resolve().name)
    if not pid:
        raise UserError(f"{display_path(folder)}: cannot make a partnership id from its name")
    name = name or f"{folder.resolve().name.replace('-', ' ').title()} MASH"
    texts: dict[str, str] = {}
    for rel, (data, cls) in _files(folder, pid, name).items():
        prefix = _schema_prefix((folder / rel).parent) + "schemas/"
        kind = "document" if rel == ISA_FILE else rel.removesuffix(".yaml")
        texts[rel] = commented_yaml(data, cls, _header(kind, prefix, name))
    return texts


def _validate(texts: dict[str, str]) -> None:
    """Load the texts as a partnership (a failure here is a bug in the kit, not the user's)."""
    from isa_kit.data.loader import load_partnership

    with tempfile.TemporaryDirectory(prefix="isa-kit-init-") as tmp:
        for rel, text in texts.items():
            (Path(tmp) / rel).parent.mkdir(parents=True, exist_ok=True)
            (Path(tmp) / rel).write_text(text, encoding="utf-8")
        load_partnership(Path(tmp))


def init_partnership(folder: Path, name: str | None = None) -> InitResult:
    """Write a new partnership into ``folder`` (created if need be). Never overwrites a file:
    raises :class:`UserError` if any of its files exists, and then writes nothing."""
    texts = partnership_texts(folder, name)
    existing = [rel for rel in texts if (folder / rel).exists()]
    if existing:
        raise UserError(
            f"{display_path(folder)}: already has {', '.join(existing)}: nothing written "
            "(init never overwrites a file)"
        )
    _validate(texts)
    targets = {folder / rel: text for rel, text in texts.items()}
    create_files_atomic(targets)
    schemas = Path(os.path.normpath(folder / _schema_prefix(folder) / "schemas"))
    return InitResult(folder=folder, files=list(targets), schemas=schemas)
