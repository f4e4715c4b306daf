"""The clause library's pydantic models (see :mod:`isa_kit.render.clauses`).

Apart from :mod:`isa_kit.render.clauses` so that a build served from the validated-data
snapshot selects clauses without importing pydantic: only validating the library file
needs these classes.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from isa_kit.core.errors import DataError
from isa_kit.data.loader import load_model
from isa_kit.data.model import Node, Slug, Text
from isa_kit.data.values import ApproxDate
from isa_kit.render.clauses import ClauseLibraryMethods


class Clause(Node):
    """One piece of standard text."""

    id: Slug
    title: Text
    source: Text
    """The law or guidance the wording rests on, as it should be cited."""
    effective: ApproxDate
    """From when that source applies."""
    text: list[Text] = Field(default_factory=list)
    """Paragraphs, in order."""
    items: list[Text] = Field(default_factory=list)
    """A list that follows the paragraphs (rules, principles, criteria)."""
    questions: list[Text] = Field(default_factory=list)
    """Questions a practitioner asks themselves (shown after the list)."""


class ClauseLibrary(Node, ClauseLibraryMethods):
    clauses: list[Clause]


def validate_library(path: Path) -> ClauseLibrary:
    """Read and validate a clause library file: ids must be unique."""
    library, source = load_model(ClauseLibrary, path)
    seen: set[str] = set()
    for i, clause in enumerate(library.clauses):
        if clause.id in seen:
            raise DataError([source.problem(("clauses", i, "id"), "duplicate clause id")])
        seen.add(clause.id)
    return library
