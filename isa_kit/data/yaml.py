"""Safe YAML loading that remembers where every value came from.

PyYAML's C parser composes the node tree (fast, and it never runs code); we construct plain
Python values from it ourselves so that we can refuse every tag outside the YAML core schema,
bound alias expansion ("billion laughs"), reject duplicate keys and XML-illegal characters,
and keep the node tree so that any value can later be traced to its ``line:column``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from isa_kit.core.errors import DataError, Problem
from isa_kit.data.positions import DataPath, Location, PathSeg, Position, StoredSource, format_path

__all__ = [
    "DataPath",
    "Location",
    "PathSeg",
    "SourceFile",
    "format_path",
    "load_yaml",
    "parse_yaml",
    "read_text",
]

try:  # The C loader is an order of magnitude faster; fall back for pure-Python installs.
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

_RESOLVED: dict[tuple[str, tuple[bool, bool]], str] = {}
_RESOLVED_MAX = 8192


class _Loader(_SafeLoader):
    """The safe loader with its tag resolution remembered.

    Agreements repeat the same scalars (ids, booleans, dates, roles) thousands of times, and
    resolving each one runs PyYAML's regular expressions in Python: a large share of loading
    a corpus. No path resolvers are ever registered here, so a scalar's tag depends only on
    its text and how it was written; the memo is bounded so it cannot grow with the corpus.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not yaml.ScalarNode or len(value) > 64:
            return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        key = (value, implicit)
        tag = _RESOLVED.get(key)
        if tag is None:
            if len(_RESOLVED) >= _RESOLVED_MAX:
                _RESOLVED.clear()
            tag = _RESOLVED[key] = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        return tag

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """No path resolvers: nothing to track while descending (saves a call per node)."""

    def ascend_resolver(self) -> None:
        """See :meth:`descend_resolver`."""


#: Largest YAML file we will read. Agreements are small; a huge file is a mistake or an attack.
MAX_FILE_BYTES = 4 * 1024 * 1024
#: Most values one file may expand to once aliases are followed (bounds "billion laughs").
MAX_NODES = 250_000
#: Deepest nesting we accept; the models are nowhere near this deep.
MAX_DEPTH = 64

_T = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = _T + "str", _T + "seq", _T + "map"
_SCALAR_TAGS = frozenset(_T + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
# Characters XML 1.0 cannot carry: they would make a generated .docx unreadable by Word.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SCALARS = yaml.constructor.SafeConstructor()


class SourceFile:
    """One loaded YAML file: its display name and the node tree, for locating values."""

    __slots__ = ("display", "root")

    def __init__(self, display: str, root: yaml.Node | None) -> None:
        self.display = display
        self.root = root

    def node_at(self, path: DataPath, *, key: bool = False) -> yaml.Node | None:
        """The deepest node along ``path`` (the key node itself when ``key`` is set)."""
        node = self.root
        for i, seg in enumerate(path):
            if isinstance(node, yaml.MappingNode) and isinstance(seg, str):
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == seg:
                        node = k if key and i == len(path) - 1 else v
                        break
                else:
                    return node
            elif isinstance(node, yaml.SequenceNode) and isinstance(seg, int):
                if not 0 <= seg < len(node.value):
                    return node
                node = node.value[seg]
            else:
                return node
        return node

    def locate(self, path: DataPath = (), *, key: bool = False) -> Location:
        node = self.node_at(path, key=key)
        if node is None:
            return Location(self.display, 1, 1)
        mark = node.start_mark
        return Location(self.display, mark.line + 1, mark.column + 1)

    def problem(self, path: DataPath, message: str, *, key: bool = False) -> Problem:
        loc = self.locate(path, key=key)
        return Problem(loc.file, loc.line, loc.column, format_path(path), message)

    def stored(self) -> StoredSource:
        """The same positions without PyYAML, for the validated-data snapshot."""
        memo: dict[int, Position] = {}

        def walk(node: yaml.Node) -> Position:
            done = memo.get(id(node))  # an alias: one shared entry, as in the node tree
            if done is not None:
                return done
            mark = node.start_mark
            children: list[Position] | dict[str, tuple[int, int, Position]] | None = None
            if isinstance(node, yaml.MappingNode):
                children = {}
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value not in children:
                        kmark = k.start_mark
                        children[k.value] = (kmark.line + 1, kmark.column + 1, walk(v))
            elif isinstance(node, yaml.SequenceNode):
                children = [walk(item) for item in node.value]
            out = memo[id(node)] = (mark.line + 1, mark.column + 1, children)
            return out

        return StoredSource(self.display, None if self.root is None else walk(self.root))


class _Builder:
    """Turns a composed node tree into plain values, enforcing the safety rules."""

    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.count = 0

    def fail(self, node: yaml.Node, path: DataPath, message: str) -> DataError:
        mark = node.start_mark
        return DataError(
            [
                Problem(
                    self.source.display, mark.line + 1, mark.column + 1, format_path(path), message
                )
            ]
        )

    def scalar(self, node: yaml.ScalarNode, path: DataPath) -> Any:
        if node.tag not in _SCALAR_TAGS:
            raise self.fail(
                node, path, f"the YAML tag {node.tag!r} is not allowed: expected plain data"
            )
        try:
            return _SCALARS.yaml_constructors[node.tag](_SCALARS, node)
        except (ValueError, OverflowError):
            # An impossible date (2023-02-30) or a number too long to convert.
            raise self.fail(node, path, _bad_scalar(node.tag, node.value)) from None

    def build(self, node: yaml.Node, path: DataPath, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(
                node,
                path,
                f"more than {MAX_NODES:,} values once aliases are expanded: "
                "expected plain data (is this an alias bomb?)",
            )
        if depth > MAX_DEPTH:
            raise self.fail(node, path, f"nested more than {MAX_DEPTH} levels deep")
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag == _STR:
                value: Any = node.value
                if _XML_ILLEGAL.search(value):
                    raise self.fail(
                        node, path, "contains a control character that documents cannot carry"
                    )
                return value
            return self.scalar(node, path)
        if isinstance(node, yaml.SequenceNode):
            if tag != _SEQ:
                raise self.fail(
                    node, path, f"the YAML tag {tag!r} is not allowed: expected plain data"
                )
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            if tag != _MAP:
                raise self.fail(
                    node, path, f"the YAML tag {tag!r} is not allowed: expected plain data"
                )
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _T + "merge":
                    raise self.fail(key_node, path, "merge keys ('<<') are not supported")
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                    raise self.fail(key_node, path, "expected a text key")
                key = key_node.value
                if key in out:
                    raise self.fail(key_node, (*path, key), "duplicate key")
                out[key] = self.build(value_node, (*path, key), depth + 1)
            return out
        raise self.fail(node, path, "unsupported YAML node")  # pragma: no cover


def _bad_scalar(tag: str, value: str) -> str:
    kind = tag.removeprefix(_T)
    if kind == "timestamp":
        return "not a real date: expected a date such as 2026-01-31"
    if kind in ("int", "float") and len(value) > 40:
        return f"a number {len(value):,} characters long: expected a number of sensible size"
    return f"cannot read this {kind} value: expected plain data"


def read_text(path: Path, display: str, *, limit: int = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 text file, refusing files over ``limit`` bytes before reading them."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise DataError(
                [
                    Problem(
                        display,
                        None,
                        None,
                        "",
                        f"file is {size:,} bytes: expected at most {limit:,}",
                    )
                ]
            )
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(
            [Problem(display, None, None, "", f"cannot read file: {exc.strerror}")]
        ) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            [
                Problem(
                    display,
                    None,
                    None,
                    "",
                    f"not UTF-8 text (byte {exc.start}): expected a YAML file",
                )
            ]
        ) from exc


def parse_yaml(text: str, display: str) -> tuple[Any, SourceFile]:
    """Parse one YAML document safely; returns the plain value and its :class:`SourceFile`."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "malformed YAML"
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise DataError([Problem(display, line, col, "", f"malformed YAML: {what}")]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(display, None, None, "", f"malformed YAML: {exc}")]) from None
    finally:
        loader.dispose()
    source = SourceFile(display, root)
    if root is None:
        return None, source
    return _Builder(source).build(root, ()), source


def load_yaml(path: Path, display: str | None = None) -> tuple[Any, SourceFile]:
    """Read and safely parse a YAML file (see :func:`parse_yaml`)."""
    name = display if display is not None else str(path)
    return parse_yaml(read_text(path, name), name)
