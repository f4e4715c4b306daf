"""The behaviour of the model objects, free of pydantic.

Two kinds of object carry the same data: the pydantic models (:mod:`isa_kit.data.model`),
which validate what is read from YAML, and the light objects a build restores from the
validated-data snapshot (:mod:`isa_kit.data.light`) without importing pydantic. Their methods
live here, once, as mixins both kinds derive from. The mixins declare no annotated class
attributes: pydantic would take those for fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from isa_kit.data.positions import DataPath, Location, PathSeg

if TYPE_CHECKING:
    from isa_kit.data.model import Document, LetterRule, Organisation
    from isa_kit.data.positions import StoredSource
    from isa_kit.data.yaml import SourceFile


class NodeBase:
    """What every model object can say about where it was written (``_origin``)."""

    __slots__ = ()

    if TYPE_CHECKING:
        _origin: tuple[SourceFile | StoredSource, DataPath] | None
        model_fields: ClassVar[Any]  # the field names (pydantic's, or the light class's)

    def loc(self, *sub: PathSeg, key: bool = False) -> Location:
        """Where this object (or one of its fields, ``sub``) is written in its YAML file."""
        if self._origin is None:
            return Location("<unknown>")
        source, path = self._origin
        return source.locate((*path, *sub), key=key)

    def data_path(self, *sub: PathSeg) -> DataPath:
        """The path of this object (or its field ``sub``) from the top of its file."""
        return (*self._origin[1], *sub) if self._origin else tuple(sub)

    @property
    def source_file(self) -> str | None:
        return self._origin[0].display if self._origin else None


class PartnershipMethods:
    """Look-ups across a whole partnership (see :class:`isa_kit.data.model.Partnership`)."""

    if TYPE_CHECKING:
        partners: list[Organisation]
        documents: list[Document]
        _org_index: dict[str, Organisation] | None
        _folder: str | None

    @property
    def folder(self) -> str | None:
        """The folder this partnership was loaded from (as displayed in messages)."""
        return self._folder

    def organisation(self, org_id: str) -> Organisation:
        return self._orgs()[org_id]

    def _orgs(self) -> dict[str, Organisation]:
        cache = self._org_index
        if cache is None or len(cache) != len(self.partners):
            cache = self._org_index = {o.id: o for o in self.partners}
        return cache

    def controller_of(self, org: Organisation) -> Organisation:
        """The body whose ICO registration covers ``org`` (itself, or what it is part of)."""
        seen: set[str] = set()
        orgs = self._orgs()
        while org.part_of and org.part_of in orgs and org.id not in seen:
            seen.add(org.id)
            org = orgs[org.part_of]
        return org

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)


class LettersPolicyMethods:
    """See :class:`isa_kit.data.model.LettersPolicy`."""

    __slots__ = ()

    if TYPE_CHECKING:
        rules: list[LetterRule]

    def rule(self, outcome: str) -> LetterRule | None:
        for r in self.rules:
            if r.outcome == outcome:
                return r
        return None


#: The mixins a light object may take on (the snapshot's allow-list names these).
MIXINS: tuple[type[Any], ...] = (PartnershipMethods, LettersPolicyMethods)
