"""The model's foundation: the :class:`Node` every model derives from, and the value types.

Each model object remembers where it was loaded from (:meth:`Node.loc`) so that a check can
name the YAML line a person must edit.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PrivateAttr, StringConstraints

from isa_kit.data.nodes import NodeBase
from isa_kit.data.positions import DataPath
from isa_kit.data.yaml import SourceFile

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
"""An id: lower-case letters, digits and hyphens."""
Text = Annotated[str, StringConstraints(min_length=1)]
"""Non-empty text."""
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+$", max_length=254)]
"""An email address (the checks judge its domain)."""
Domain = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9.-]+$", min_length=1)]
"""An email domain such as ``nhs.net``."""
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Node(BaseModel, NodeBase):
    """Base of every model: strict keys, and a memory of its source position (its methods
    are :class:`~isa_kit.data.nodes.NodeBase`'s, shared with the snapshot's light objects)."""

    model_config = ConfigDict(extra="forbid", validate_default=False)

    _origin: tuple[SourceFile, DataPath] | None = PrivateAttr(default=None)

    def attach_source(self, source: SourceFile, path: DataPath) -> None:
        """Record on this object and every model inside it where in ``source`` it was written."""
        self._origin = (source, path)
        for name, value in self.__dict__.items():
            if isinstance(value, Node):
                value.attach_source(source, (*path, name))
            elif isinstance(value, list) and value and isinstance(value[0], Node):
                for i, item in enumerate(value):
                    item.attach_source(source, (*path, name, i))


def dump_data(model: BaseModel) -> dict[str, Any]:
    """Plain data for YAML: JSON types, defaults left out so files stay short."""
    return model.model_dump(mode="json", exclude_defaults=True)
