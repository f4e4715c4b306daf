"""A snapshot of validated data, so that a build of unchanged data skips pydantic and PyYAML.

Importing pydantic and building the model classes costs a whole-process ``isa-kit build``
more than rendering the document does. After a successful load the validated objects are
therefore saved in the user's cache folder (:func:`isa_kit.core.cache_dir.cache_root`), and
the next load of the same bytes restores them as light objects (:mod:`isa_kit.data.light`)
with the same fields and methods, without importing pydantic, PyYAML or the model classes.

* The key covers everything the result depends on: the kit's version and a fingerprint of its
  data-model code (and the caller's), the Python, pydantic and PyYAML builds, the working
  folder, and the name, link target and bytes of every file the loader reads (over-invalidation
  is fine; serving stale data is not). It is computed before and after the load, and nothing
  is saved if the files changed meanwhile.
* The file is a pickle whose model objects are reduced to ``restore(spec, state)``; it is
  read back by an unpickler that resolves only an allow-list of names (the restore function,
  the enums, :class:`ApproxDate`, :class:`Duration`, dates, positions and method mixins), so a
  tampered file cannot call anything else. A foreign, truncated or tampered file, or one that
  another user could have written, is ignored (the data is loaded the normal way and the
  snapshot rewritten), never an error.
* One file per loaded folder, replaced atomically: the cache does not grow with every edit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from isa_kit.core.cache_dir import cache_root, stat_lines
from isa_kit.core.paths import DOCUMENTS_DIR, display_path
from isa_kit.core.version import __version__
from isa_kit.data import enums
from isa_kit.data.light import ClassSpec, LightNode, allowed_mixins, light_class, restore
from isa_kit.data.nodes import NodeBase
from isa_kit.data.positions import StoredSource
from isa_kit.data.values import ApproxDate, Duration

if TYPE_CHECKING:
    from isa_kit.data.model import Partnership

T = TypeVar("T")

MAGIC = b"isa-kit data snapshot 1\n"
_PROTOCOL = 5
_DATA_PACKAGE = Path(__file__).resolve().parent
#: Installed libraries whose behaviour the saved objects depend on (found without importing).
_LIBRARIES = ("pydantic", "pydantic_core", "yaml")
#: Larger YAML files are keyed by size and time, not read (the loader refuses them anyway).
_MAX_READ = 16 * 1024 * 1024


def _allowed() -> dict[tuple[str, str], Any]:
    names: list[Any] = [restore, StoredSource, ApproxDate, Duration, dt.date, dt.datetime]
    names += [
        v for v in vars(enums).values() if isinstance(v, type) and v.__module__ == enums.__name__
    ]
    names += allowed_mixins()
    return {(obj.__module__, obj.__qualname__): obj for obj in names}


class _Unpickler(pickle.Unpickler):
    """Resolves only the allow-list: anything else makes the snapshot unusable."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self._names = _allowed()

    def find_class(self, module: str, name: str) -> Any:
        found = self._names.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a snapshot")
        return found


class _Pickler(pickle.Pickler):
    """Reduces each pydantic model to ``restore(spec, state)`` and each YAML source to its
    positions; everything else in the data is plain values, enums and dates."""

    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file, protocol=_PROTOCOL)
        from isa_kit.data.yaml import SourceFile

        self._source_type = SourceFile
        self._specs: dict[type[Any], ClassSpec] = {}

    def spec(self, cls: type[Any]) -> ClassSpec:
        found = self._specs.get(cls)
        if found is None:
            mixins = tuple(m for m in cls.__mro__ if m in allowed_mixins())
            blank = cls.model_construct()
            state = {**blank.__dict__, **(blank.__pydantic_private__ or {})}
            found = self._specs[cls] = (cls.__name__, mixins, tuple(cls.model_fields), state)
        return found

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, NodeBase) and not isinstance(obj, LightNode):
            state = {**obj.__dict__, **(obj.__pydantic_private__ or {})}  # type: ignore[attr-defined]
            if "_org_index" in state:
                state["_org_index"] = None  # a look-up cache, rebuilt on first use
            return restore, (self.spec(type(obj)), state)
        if isinstance(obj, self._source_type):
            stored = obj.stored()
            return StoredSource, (stored.display, stored.tree)
        if isinstance(obj, ApproxDate):
            return ApproxDate, (obj.year, obj.month, obj.day)
        if isinstance(obj, Duration):
            return Duration, (obj.amount, obj.unit, obj.working)
        if isinstance(obj, Enum):
            # By value, as every Python pickles them: 3.11.0-3.11.4 (Debian 12's 3.11.2) would
            # write ``getattr(cls, name)``, a call the restricted unpickler rightly refuses.
            return type(obj), (obj.value,)
        return NotImplemented


def _model_classes() -> list[type[Any]]:
    """Every pydantic model class of the kit loaded so far (each gets a blank in the snapshot)."""
    from isa_kit.data.model import Node

    out: list[type[Any]] = []
    todo: list[type[Any]] = [Node]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("isa_kit.") and sub not in out:
                out.append(sub)
                todo.append(sub)
    return sorted(out, key=lambda c: (c.__module__, c.__qualname__))


def dumps(value: Any) -> bytes:
    """The snapshot payload of a validated model object (with every model class's blank)."""
    buffer = io.BytesIO()
    pickler = _Pickler(buffer)
    specs = [pickler.spec(cls) for cls in _model_classes()]
    pickler.dump((specs, value))
    return buffer.getvalue()


def loads(data: bytes, expected: str) -> Any | None:
    """The light object saved in ``data``, or None when it is not a sound snapshot of an
    ``expected`` (the class name) object."""
    try:
        specs, value = _Unpickler(data).load()
        for spec in specs:
            light_class(spec)
    except Exception:  # truncated, foreign or tampered: a miss, never an error
        return None
    if not isinstance(value, LightNode) or type(value).__name__ != expected:
        return None
    return value


@functools.cache
def _kit_fingerprint() -> tuple[str, ...]:
    """The data model's code and the libraries that validated the data (once per process;
    the libraries are found on ``sys.path`` without importing them)."""
    out = [__version__, sys.version, sys.implementation.cache_tag or ""]
    # the data layer and the core it rests on (paths as displayed, what counts as outside)
    out += stat_lines([*_DATA_PACKAGE.rglob("*.py"), *_DATA_PACKAGE.parent.glob("core/*.py")])
    for name in _LIBRARIES:
        out.append(name)
        for entry in sys.path:
            folder = Path(entry or ".") / name
            if (folder / "__init__.py").is_file():
                out += stat_lines(p for p in folder.iterdir() if p.suffix in (".py", ".so"))
                break
    return tuple(out)


def snapshot_key(kind: str, inputs: Sequence[bytes | str], code: Iterable[Path] = ()) -> bytes:
    """The sha256 every saved snapshot of ``kind`` is filed under (see the module docstring)."""
    digest = hashlib.sha256(MAGIC)
    base = [kind, os.getcwd(), *_kit_fingerprint(), *stat_lines(code)]
    for part in [*base, "--", *inputs]:
        raw = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        digest.update(len(raw).to_bytes(8, "big"))
        digest.update(raw)
    return digest.digest()


def cached(
    kind: str,
    slot: Path,
    inputs: Callable[[], Sequence[bytes | str]],
    load: Callable[[], T],
    *,
    expected: str,
    code: Sequence[Path] = (),
    enabled: bool = True,
) -> T:
    """``load()``, or the snapshot its last result was saved as while ``inputs()`` and the
    code are unchanged. ``slot`` names the snapshot file (one per loaded folder or file);
    ``expected`` is the class name of what ``load`` returns."""
    root = cache_root() if enabled else None
    if root is None:
        return load()
    try:
        key = snapshot_key(kind, inputs(), code)
    except OSError:  # unreadable input: the loader reports it properly
        return load()
    name = hashlib.sha256(f"{kind}\0{slot.resolve()}".encode()).hexdigest()[:40]
    path = root / "snapshots" / f"{kind}-{name}.bin"
    with contextlib.suppress(OSError):
        data = _read_own(path)
        if data.startswith(MAGIC) and data[len(MAGIC) : len(MAGIC) + 32] == key:
            found = loads(data[len(MAGIC) + 32 :], expected)
            if found is not None:
                return cast(T, found)
    value = load()
    with contextlib.suppress(Exception):  # a cache that cannot be written costs speed only
        if snapshot_key(kind, inputs(), code) == key:  # unchanged while it was loaded
            _write(path, MAGIC + key + dumps(value))
    return value


def _read_own(path: Path) -> bytes:
    """The file's bytes, or nothing when another user could have written it: a snapshot is
    only as trustworthy as the folder it is kept in."""
    with path.open("rb") as handle:
        st = os.fstat(handle.fileno())
        getuid = getattr(os, "getuid", None)
        if getuid is not None and (st.st_uid != getuid() or st.st_mode & 0o022):
            return b""
        return handle.read()


def _write(path: Path, data: bytes) -> None:
    """Atomically (temporary file, then rename) in a folder only its owner may read."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _entry(path: Path, rel: str, out: list[bytes | str]) -> None:
    """What the loader sees of one folder entry: its name, kind, real target and YAML bytes."""
    out.append(rel)
    if path.is_symlink():
        out.append("link:" + os.path.realpath(path))
    if path.is_dir():
        out.append("dir")
    elif path.match("*.y*ml"):
        if not path.is_file():
            out.append("missing")
        elif (st := path.stat()).st_size > _MAX_READ:  # the loader refuses it: never saved
            out.append(f"large:{st.st_size}:{st.st_mtime_ns}")
        else:
            out.append(path.read_bytes())


def partnership_inputs(folder: Path) -> list[bytes | str]:
    """Everything :func:`isa_kit.data.loader.load_partnership` reads in ``folder``: every
    entry of the folder and of its ``documents`` folder, with the bytes of the YAML files."""
    out: list[bytes | str] = [display_path(folder), str(folder.resolve())]
    for entry in sorted(os.listdir(folder)):
        _entry(folder / entry, entry, out)
    docs = folder / DOCUMENTS_DIR
    if docs.is_dir():
        for entry in sorted(os.listdir(docs)):
            _entry(docs / entry, f"{DOCUMENTS_DIR}/{entry}", out)
    return out


def load_partnership(folder: Path, *, cache: bool = True) -> Partnership:
    """:func:`isa_kit.data.loader.load_partnership`, served from the snapshot when the folder's
    files are unchanged since its last successful load (``cache=False``: never)."""

    def load() -> Partnership:
        from isa_kit.data import loader

        return loader.load_partnership(folder)

    return cached(
        "partnership",
        folder,
        lambda: partnership_inputs(folder),
        load,
        expected="Partnership",
        enabled=cache,
    )
