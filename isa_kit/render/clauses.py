"""The clause library: standard text (golden rules, Caldicott principles, consent...) as data.

Clauses live in ``templates/clauses.yaml`` rather than in the Word templates so that one
wording is maintained once, carries its legal ``source`` and ``effective`` date (the library
is itself auditable when the law moves), and can be selected per partnership or document.

This module is free of pydantic (the models are in :mod:`isa_kit.render.clause_model`): the
validated library is kept in the data snapshot (:mod:`isa_kit.data.snapshot`) like the
partnership's data, so a build of unchanged data never imports pydantic.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from isa_kit.core.errors import DataError, Problem
from isa_kit.core.paths import display_path
from isa_kit.data.enums import DocumentKind
from isa_kit.data.light import register_mixin
from isa_kit.data.snapshot import cached

if TYPE_CHECKING:
    from isa_kit.data.model import Document, Partnership
    from isa_kit.render.clause_model import Clause, ClauseLibrary

CLAUSES_FILE = "clauses.yaml"
_CODE = (Path(__file__).resolve(), Path(__file__).resolve().with_name("clause_model.py"))

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


class ClauseLibraryMethods:
    """The library's look-up, shared by the model and the snapshot's light object."""

    __slots__ = ()

    if TYPE_CHECKING:
        clauses: list[Clause]

    def get(self, clause_id: str) -> Clause | None:
        for clause in self.clauses:
            if clause.id == clause_id:
                return clause
        return None


register_mixin(ClauseLibraryMethods)


def __getattr__(name: str) -> Any:
    """``Clause`` and ``ClauseLibrary`` (the models) are still importable from here."""
    if name in ("Clause", "ClauseLibrary"):
        from isa_kit.render import clause_model

        return getattr(clause_model, name)
    raise AttributeError(name)


@lru_cache(maxsize=8)
def _load_cached(path: Path, mtime_ns: int, cache: bool) -> ClauseLibrary:
    def load() -> ClauseLibrary:
        from isa_kit.render.clause_model import validate_library

        return validate_library(path)

    return cached(
        "clauses",
        path,
        lambda: [str(path), path.read_bytes()],
        load,
        expected="ClauseLibrary",
        code=_CODE,
        enabled=cache,
    )


def load_library(path: Path, *, cache: bool = True) -> ClauseLibrary:
    """Load and validate a clause library file (kept while the file is unchanged, in this
    process and, through the data snapshot, across processes)."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise DataError(
            [Problem(display_path(path), None, None, "", f"cannot read file: {exc.strerror}")]
        ) from exc
    return _load_cached(path.resolve(), mtime, cache)


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
