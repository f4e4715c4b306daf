"""The clause library: standard text (golden rules, Caldicott principles, consent...) as data.

Clauses live in ``templates/clauses.yaml`` rather than in the Word templates so that one
wording is maintained once, carries its legal ``source`` and ``effective`` date (the library
is itself auditable when the law moves), and can be selected per partnership or document.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field

from isa_kit.core.errors import DataError, Problem
from isa_kit.core.paths import display_path
from isa_kit.data.loader import load_model
from isa_kit.data.model import Document, DocumentKind, Node, Partnership, Slug, Text
from isa_kit.data.values import ApproxDate

CLAUSES_FILE = "clauses.yaml"

#: A suggested selection per kind of document (docs and tests; the build adds no clause the
#: data does not select).
DEFAULT_SELECTION: dict[DocumentKind, tuple[str, ...]] = {
    DocumentKind.ISA: ("confidentiality", "caldicott-principles", "records-of-decisions"),
    DocumentKind.MOU: ("confidentiality", "golden-rules"),
    DocumentKind.PROTOCOL: ("golden-rules", "caldicott-principles", "consent"),
    DocumentKind.GUIDANCE: (
        "golden-rules",
        "consent",
        "sharing-without-consent",
        "public-interest",
        "caldicott-principles",
    ),
}


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


class ClauseLibrary(Node):
    clauses: list[Clause]

    def get(self, clause_id: str) -> Clause | None:
        for clause in self.clauses:
            if clause.id == clause_id:
                return clause
        return None


@lru_cache(maxsize=8)
def _load_cached(path: Path, mtime_ns: int) -> ClauseLibrary:
    library, source = load_model(ClauseLibrary, path)
    seen: set[str] = set()
    for i, clause in enumerate(library.clauses):
        if clause.id in seen:
            raise DataError([source.problem(("clauses", i, "id"), "duplicate clause id")])
        seen.add(clause.id)
    return library


def load_library(path: Path) -> ClauseLibrary:
    """Load and validate a clause library file (cached while the file is unchanged)."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise DataError(
            [Problem(display_path(path), None, None, "", f"cannot read file: {exc.strerror}")]
        ) from exc
    return _load_cached(path.resolve(), mtime)


def select(library: ClauseLibrary, partnership: Partnership, document: Document) -> list[Clause]:
    """The clauses a document includes: its own selection, else the partnership's, else the default."""
    owner: Partnership | Document
    if document.clauses:
        owner, ids = document, list(document.clauses)
    elif partnership.clauses:
        owner, ids = partnership, list(partnership.clauses)
    else:
        # Standard text only where the data selects it: a clause the partnership never chose
        # could contradict what its own document says (issue 13).
        return []
    out: list[Clause] = []
    problems: list[Problem] = []
    known = ", ".join(c.id for c in library.clauses)
    for i, clause_id in enumerate(ids):
        clause = library.get(clause_id)
        if clause is None:
            loc = owner.loc("clauses", i)
            problems.append(
                Problem(
                    loc.file,
                    loc.line,
                    loc.column,
                    f"clauses[{i}]",
                    f"unknown clause '{clause_id}': expected one of {known}",
                )
            )
        else:
            out.append(clause)
    if problems:
        raise DataError(problems)
    return out
