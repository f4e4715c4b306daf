"""A partnership folder's layout and how paths are shown in messages and reports.

Kept apart from the loader so that commands which only need these (audit, policy) do not
import the pydantic model.
"""

from __future__ import annotations

import os
from pathlib import Path

PARTNERSHIP_FILE = "partnership.yaml"
ORGANISATIONS_FILE = "organisations.yaml"
POLICY_FILE = "policy.yaml"
LETTERS_FILE = "letters.yaml"
DOCUMENTS_DIR = "documents"
SCHEMA_KINDS = ("partnership", "organisations", "document", "letters")
"""The kinds of agreement file, one JSON Schema each: ``partnership.yaml``,
``organisations.yaml``, ``documents/*.yaml`` and ``letters.yaml``."""


def display_path(path: Path) -> str:
    """Relative to the working directory when inside it, with forward slashes."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # pragma: no cover - different drive on Windows
        return path.as_posix()
    return path.as_posix() if rel.startswith("..") else Path(rel).as_posix()
