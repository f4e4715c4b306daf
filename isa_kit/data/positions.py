"""Where a value was written: data paths, file locations, and a YAML-free position index.

:class:`isa_kit.data.yaml.SourceFile` locates values by walking PyYAML's node tree. A build
served from the validated-data snapshot (:mod:`isa_kit.data.snapshot`) must still name the
YAML line of a gap, without importing PyYAML: :class:`StoredSource` keeps only the line and
column of every node, in plain tuples, and answers :meth:`locate` exactly as the node tree
would (a test compares the two on every path of the demo data).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from isa_kit.core.errors import Problem

PathSeg = str | int
DataPath = tuple[PathSeg, ...]

#: One node: (line, column, children), 1-based; children is None for a scalar, a list for a
#: sequence, and for a mapping a dict of key -> (key line, key column, value node).
Position: TypeAlias = tuple[
    int, int, "list[Position] | dict[str, tuple[int, int, Position]] | None"
]


def format_path(path: DataPath) -> str:
    """``("partners", 3, "ico")`` -> ``partners[3].ico``: how the docs and messages name fields."""
    out = ""
    for seg in path:
        if isinstance(seg, int):
            out += f"[{seg}]"
        else:
            out += f".{seg}" if out else seg
    return out


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a source file a person can open: 1-based line and column."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"


class StoredSource:
    """A loaded YAML file reduced to its display name and the position of every node."""

    __slots__ = ("display", "tree")

    def __init__(self, display: str, tree: Position | None) -> None:
        self.display = display
        self.tree = tree

    def __reduce__(self) -> tuple[type[StoredSource], tuple[str, Position | None]]:
        return (StoredSource, (self.display, self.tree))

    def locate(self, path: DataPath = (), *, key: bool = False) -> Location:
        """The deepest node along ``path`` (its key when ``key`` is set and the path exists),
        as :meth:`isa_kit.data.yaml.SourceFile.locate` finds it."""
        node = self.tree
        if node is None:
            return Location(self.display, 1, 1)
        last = len(path) - 1
        for i, seg in enumerate(path):
            children = node[2]
            if isinstance(children, dict) and isinstance(seg, str):
                entry = children.get(seg)
                if entry is None:
                    break
                node = (entry[0], entry[1], None) if key and i == last else entry[2]
            elif isinstance(children, list) and isinstance(seg, int):
                if not 0 <= seg < len(children):
                    break
                node = children[seg]
            else:
                break
        return Location(self.display, node[0], node[1])

    def problem(self, path: DataPath, message: str, *, key: bool = False) -> Problem:
        loc = self.locate(path, key=key)
        return Problem(loc.file, loc.line, loc.column, format_path(path), message)
