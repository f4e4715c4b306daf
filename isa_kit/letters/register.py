"""The letters register: one SQLite file in the output folder, one row per letter issued.

It holds what an auditor needs to show that every decision was lettered, on time and by a
safe route, and nothing that identifies a person: no names, addresses or emails (the row
digest is a sha256 of the whole decisions row, to tell a changed row from a re-run).
"""

from __future__ import annotations

import sqlite3
from dataclasses import astuple, dataclass, fields
from pathlib import Path
from types import TracebackType

from isa_kit.core.errors import OutputError
from isa_kit.core.paths import display_path

REGISTER_FILE = "letters-register.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS letters (
    letter_ref TEXT PRIMARY KEY,
    case_ref TEXT NOT NULL,
    recipient_type TEXT NOT NULL,
    version INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    template TEXT NOT NULL,
    template_version TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    row_digest TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    generated_at TEXT NOT NULL,
    due_by TEXT NOT NULL,
    delivery TEXT NOT NULL,
    file TEXT NOT NULL,
    superseded_by TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS letters_case ON letters (case_ref, recipient_type, version);
"""


@dataclass(frozen=True, slots=True)
class Entry:
    """One letter in the register (times are local time in England, ISO 8601 to the minute)."""

    letter_ref: str
    case_ref: str
    recipient_type: str
    version: int
    outcome: str
    template: str
    template_version: str
    """The sha256 of the template file the letter was made from."""
    sha256: str
    row_digest: str
    decided_at: str
    generated_at: str
    due_by: str
    delivery: str
    file: str
    superseded_by: str | None = None


_COLUMNS = ", ".join(f.name for f in fields(Entry))


class Register:
    """The register of ``folder``; use as a context manager: one transaction per run."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / REGISTER_FILE
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level="DEFERRED")
            self._db.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            raise OutputError(
                f"{display_path(self.path)}: cannot open the register: {exc}"
            ) from None

    def __enter__(self) -> Register:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if kind is None:
            self._db.commit()
        else:
            self._db.rollback()
        self._db.close()

    def latest(self, case_ref: str, recipient_type: str) -> Entry | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM letters WHERE case_ref = ? AND recipient_type = ? "
            "ORDER BY version DESC LIMIT 1",
            (case_ref, recipient_type),
        ).fetchone()
        return Entry(*row) if row else None

    def add(self, entry: Entry) -> None:
        marks = ", ".join("?" for _ in fields(Entry))
        self._db.execute(f"INSERT INTO letters ({_COLUMNS}) VALUES ({marks})", astuple(entry))

    def supersede(self, old_ref: str, new_ref: str) -> None:
        self._db.execute(
            "UPDATE letters SET superseded_by = ? WHERE letter_ref = ?", (new_ref, old_ref)
        )

    def entries(self) -> list[Entry]:
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM letters ORDER BY letter_ref").fetchall()
        return [Entry(*r) for r in rows]
