"""What the import recovered, guessed or could not read, and where in the source it was."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["recovered", "guessed", "unread"]
YamlPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Note:
    """One line of the import report; ``yaml`` says which draft file and value it is about
    (a guessed value there carries ``why`` as a YAML comment)."""

    status: Status
    what: str
    value: str
    where: str
    """The source file and its page, paragraph or table row."""
    why: str = ""
    yaml: tuple[str, YamlPath] | None = None
