"""The model's foundation: the :class:`Node` every model derives from, and the value types.

Each model object remembers where it was loaded from (:meth:`Node.loc`) so that a check can
name the YAML line a person must edit.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PrivateAttr, StringConstraints

from isa_kit.data.yaml import DataPath, Location, PathSeg, SourceFile

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
"""An id: lower-case letters, digits and hyphens."""
Text = Annotated[str, StringConstraints(min_length=1)]
"""Non-empty text."""
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+$", max_length=254)]
"""An email address (the checks judge its domain)."""
Domain = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9.-]+$", min_length=1)]
"""An email domain such as ``nhs.net``."""
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Node(BaseModel):
    """Base of every model: strict keys, and a memory of its source position."""

    model_config = ConfigDict(extra="forbid", validate_default=False)

    _origin: tuple[SourceFile, DataPath] | None = PrivateAttr(default=None)

    def loc(self, *sub: PathSeg, key: bool = False) -> Location:
        """Where this object (or one of its fields, ``sub``) is written in its YAML file."""
        if self._origin is None:
            return Location("<unknown>")
        source, path = self._origin
        return source.locate((*path, *sub), key=key)

    def data_path(self, *sub: PathSeg) -> DataPath:
        """The path of this object (or its field ``sub``) from the top of its file."""
        return (*self._origin[1], *sub) if self._origin else tuple(sub)

    def attach_source(self, source: SourceFile, path: DataPath) -> None:
        """Record on this object and every model inside it where in ``source`` it was written."""
        self._origin = (source, path)
        for name, value in self.__dict__.items():
            if isinstance(value, Node):
                value.attach_source(source, (*path, name))
            elif isinstance(value, list) and value and isinstance(value[0], Node):
                for i, item in enumerate(value):
                    item.attach_source(source, (*path, name, i))

    @property
    def source_file(self) -> str | None:
        return self._origin[0].display if self._origin else None


def dump_data(model: BaseModel) -> dict[str, Any]:
    """Plain data for YAML: JSON types, defaults left out so files stay short."""
    return model.model_dump(mode="json", exclude_defaults=True)
