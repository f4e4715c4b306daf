"""Compiled templates kept across processes, so that a real ``isa-kit build`` starts warm.

Compiling the Jinja of a Word template costs far more than rendering it, and every
``isa-kit build`` is a new process. Each templated part is therefore compiled once and its
code kept on disk with Jinja's own :class:`~jinja2.FileSystemBytecodeCache`:

* keyed by the sha256 of the part's raw XML (so editing the body of a template leaves its
  headers and footers cached, and a changed part can never be served stale code); a large
  part is compiled in chunks of a few paragraphs (:func:`compile_chunked`), each keyed by
  its own text, so a Word edit to one paragraph recompiles only the chunk it falls in;
* in the user's cache directory (``$ISA_KIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/isa-kit``,
  else ``~/.cache/isa-kit``; ``ISA_KIT_CACHE_DIR=off`` turns it off), in a folder named after
  the kit's version, Jinja's version, the Python implementation and a fingerprint of the
  environment's code, so nothing is ever trusted across versions;
* written atomically (temporary file, then rename); an unreadable or corrupt entry is a miss,
  never an error.

The cache holds compiled code, not permissions: the code is executed against the same
sandboxed environment, whose attribute and call checks happen at render time, so a cached
template is exactly as confined as a freshly compiled one (tested). Like ``~/.cache`` itself,
the folder must be writable only by its owner; it is created with mode 0700.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import marshal
import os
import sys
import tempfile
import types
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from isa_kit.core.cache_dir import cache_root
from isa_kit.core.version import __version__

_SLOTS = "__isa_kit_%s.slots"
_BUNDLE = "__isa_kit_%s.bundle"
_BUNDLE_TAG = "isa-kit-bundle-2"
_LAST = "__isa_kit_%s.last"
#: Compile templated parts in chunks (tests turn it off to compare with whole-part compiles).
CHUNKED = True


class ChunkedTemplate:
    """A part's compiled chunks; rendering them in turn with one context renders the part."""

    __slots__ = ("chunks",)

    def __init__(self, chunks: Sequence[jinja2.Template]) -> None:
        self.chunks = tuple(chunks)

    def generate(self, context: Mapping[str, Any]) -> Iterator[str]:
        for chunk in self.chunks:
            yield from chunk.generate(context)

    def render(self, context: Mapping[str, Any]) -> str:
        return "".join(self.generate(context))


#: Folder per environment fingerprint (None: caching is off or the folder is unusable).
_CACHES: dict[str, _Cache | None] = {}


class _Cache(FileSystemBytecodeCache):
    """Jinja's file cache, told to treat any unreadable entry as a miss."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a corrupt or truncated entry (pickle, marshal): recompile
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        # Already atomic (temporary file, then os.replace); a full or read-only disk costs
        # speed, not the build.
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _fingerprint(env: jinja2.Environment) -> str:
    """What the compiled code depends on besides the source: versions, the environment's
    own code (its parser rewrites placeholders; its sandbox may intercept operators) and the
    code that patches and cuts parts (a chunk's key is its text before patching)."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    environment_file = Path(sys.modules[type(env).__module__].__file__ or "?")
    for path in (environment_file, here / "patch.py", here / "chunks.py"):
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    digest.update(type(env).__qualname__.encode())
    for ops in (getattr(env, "intercepted_binops", ()), getattr(env, "intercepted_unops", ())):
        digest.update(repr(sorted(ops)).encode())
    tag = sys.implementation.cache_tag or sys.implementation.name
    return f"templates-{__version__}-jinja{jinja2.__version__}-{tag}-{digest.hexdigest()[:16]}"


def _cache_for(env: jinja2.Environment) -> _Cache | None:
    base = cache_root()
    if base is None:
        return None
    folder = base / _fingerprint(env)
    key = str(folder)
    if key not in _CACHES:
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            _CACHES[key] = _Cache(str(folder))
        except OSError:
            _CACHES[key] = None
    return _CACHES[key]


def _read_slots(cache: _Cache, key: str) -> frozenset[str] | None:
    try:
        data = json.loads((Path(cache.directory) / (_SLOTS % key)).read_bytes())
    except (OSError, ValueError):
        return None
    if isinstance(data, list) and all(isinstance(s, str) for s in data):
        return frozenset(data)
    return None


def _write_slots(cache: _Cache, key: str, slots: frozenset[str]) -> None:
    _write_file(cache, _SLOTS % key, json.dumps(sorted(slots)).encode())


def _write_file(cache: _Cache, filename: str, data: bytes) -> None:
    """Written atomically (temporary file, then rename); a failure costs speed, not the build."""
    target = Path(cache.directory) / filename
    try:
        fd, tmp = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


#: A compiled template: its module's code and the section ids it places.
_Compiled = tuple[types.CodeType, frozenset[str]]


def _load(env: jinja2.Environment, cache: _Cache | None, key: str) -> _Compiled | None:
    """The code and slots kept under ``key``, or None (a miss)."""
    if cache is None:
        return None
    bucket = Bucket(env, key, key)
    cache.load_bytecode(bucket)
    if bucket.code is None:
        return None
    slots = _read_slots(cache, key)
    return None if slots is None else (bucket.code, slots)


def _template(env: jinja2.Environment, code: types.CodeType) -> jinja2.Template:
    return env.template_class.from_code(env, code, env.make_globals(None))


def _compile(
    env: jinja2.Environment,
    cache: _Cache | None,
    key: str,
    source: Callable[[], str],
    slots_of: Callable[[nodes.Template], Iterable[str]],
) -> _Compiled:
    """From the cache, else ``source()`` parsed once (slots and code both come from it),
    compiled and kept."""
    hit = _load(env, cache, key)
    if hit is not None:
        try:
            _template(env, hit[0])
            return hit
        except Exception:  # code that does not run as a template module: recompile
            pass
    tree = env.parse(source())
    found = frozenset(slots_of(tree))
    code = env.compile(tree)
    if cache is not None:
        bucket = Bucket(env, key, key)
        bucket.code = code
        cache.dump_bytecode(bucket)
        _write_slots(cache, key, found)
    return code, found


def compile_part(
    env: jinja2.Environment,
    name: str,
    raw: str,
    patch: Callable[[str], str],
    slots_of: Callable[[nodes.Template], Iterable[str]],
) -> tuple[jinja2.Template, frozenset[str]]:
    """The compiled template of one part (raw XML ``raw``) and the section ids it places.

    ``patch`` turns the raw XML into Jinja source (docxtpl's clean-up); it runs only on a
    miss, as do parsing (once) and compiling. Raises :class:`jinja2.TemplateSyntaxError`.
    """
    key = hashlib.sha256(f"{name}\0{raw}".encode()).hexdigest()
    code, slots = _compile(env, _cache_for(env), key, lambda: patch(raw), slots_of)
    return _template(env, code), slots


def compile_chunked(
    env: jinja2.Environment,
    name: str,
    raw: str,
    slots_of: Callable[[nodes.Template], Iterable[str]],
    origin: str = "",
) -> tuple[ChunkedTemplate, frozenset[str]]:
    """One part compiled in chunks (:mod:`isa_kit.render.chunks`), each cached by its own
    content, so that editing one paragraph recompiles one chunk.

    The part's chunks are also kept together in one bundle keyed by the whole part, so a warm
    run reads one file and neither cuts the part nor opens each chunk's entry; after an edit,
    the chunks that did not change come from the bundle last built for the same ``origin``
    (the template file) and part. A part that cannot be cut safely, or that does not compile
    in chunks (a syntax error: the message must be the one of the whole part), is compiled
    whole as by :func:`compile_part`. Raises :class:`jinja2.TemplateSyntaxError`."""
    key = hashlib.sha256(f"{name}\0{raw}".encode()).hexdigest()
    cache = _cache_for(env)
    bundle = _read_bundle(cache, key) if cache is not None else None
    if bundle is not None:
        try:
            return _chunked(env, [compiled for _, compiled in bundle])
        except Exception:  # code that does not run as a template module: recompile
            pass
    from isa_kit.render import chunks as _chunks  # only on a miss: a warm run never cuts
    from isa_kit.render import patch as _patch

    last = hashlib.sha256(f"{origin}\0{name}".encode()).hexdigest()
    pieces = _chunks.split(_patch.prepare(raw)) if CHUNKED else None
    compiled: list[tuple[str, _Compiled]] | None = None
    if pieces is not None:
        previous = dict(_previous_bundle(cache, last))
        try:
            compiled = []
            for piece in pieces:
                ckey = hashlib.sha256(f"chunk\0{piece}".encode()).hexdigest()
                make = functools.partial(_patch.finish_chunk, piece)
                hit = previous.get(ckey) or _compile(env, cache, ckey, make, slots_of)
                compiled.append((ckey, hit))
        except (_patch.NotLocal, jinja2.TemplateSyntaxError):
            compiled = None
    if compiled is None:
        whole = _compile(env, cache, key, lambda: _patch.patch_xml(raw), slots_of)
        compiled = [(key, whole)]
    if cache is not None:
        keys = [k for k, _ in compiled]
        slots = [sorted(s) for _, (_, s) in compiled]
        codes = [c for _, (c, _) in compiled]
        _write_file(cache, _BUNDLE % key, marshal.dumps((_BUNDLE_TAG, keys, slots, codes)))
        _write_file(cache, _LAST % last, key.encode())
    return _chunked(env, [c for _, c in compiled])


def _chunked(
    env: jinja2.Environment, compiled: list[_Compiled]
) -> tuple[ChunkedTemplate, frozenset[str]]:
    templates = [_template(env, code) for code, _ in compiled]
    return ChunkedTemplate(templates), frozenset().union(*(s for _, s in compiled))


def _previous_bundle(cache: _Cache | None, last: str) -> list[tuple[str, _Compiled]]:
    """The chunks of the bundle last written for the same template part, if any."""
    if cache is None:
        return []
    try:
        key = (Path(cache.directory) / (_LAST % last)).read_text(encoding="ascii")
    except (OSError, ValueError):
        return []
    return _read_bundle(cache, key) or []


def _read_bundle(cache: _Cache, key: str) -> list[tuple[str, _Compiled]] | None:
    """The key, code and section slots of each of a part's chunks, or None (a miss)."""
    if len(key) != 64 or not all(c in "0123456789abcdef" for c in key):
        return None
    try:
        data = marshal.loads((Path(cache.directory) / (_BUNDLE % key)).read_bytes())
        tag, keys, slots, codes = data
    except (OSError, ValueError, TypeError, EOFError):
        return None
    if tag != _BUNDLE_TAG or not all(isinstance(x, list) for x in (keys, slots, codes)):
        return None
    if not codes or not len(keys) == len(slots) == len(codes):
        return None
    if not all(isinstance(k, str) for k in keys):
        return None
    if not all(isinstance(c, types.CodeType) for c in codes):
        return None
    if not all(isinstance(s, list) and all(isinstance(x, str) for x in s) for s in slots):
        return None
    return [(k, (c, frozenset(s))) for k, s, c in zip(keys, slots, codes, strict=True)]
