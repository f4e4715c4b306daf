"""Compiled templates kept across processes, so that a real ``isa-kit build`` starts warm.

Compiling the Jinja of a Word template costs far more than rendering it, and every
``isa-kit build`` is a new process. Each templated part is therefore compiled once and its
code kept on disk with Jinja's own :class:`~jinja2.FileSystemBytecodeCache`:

* keyed by the sha256 of the part's raw XML (so editing the body of a template leaves its
  headers and footers cached, and a changed part can never be served stale code);
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
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from isa_kit.core.version import __version__

ENV_VAR = "ISA_KIT_CACHE_DIR"
_OFF = frozenset({"off", "none", "0", "false"})
_SLOTS = "__isa_kit_%s.slots"

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


def base_dir() -> Path | None:
    """The user's cache folder for isa-kit, or None when caching is turned off."""
    configured = os.environ.get(ENV_VAR)
    if configured is not None:
        if configured.strip().lower() in _OFF or not configured.strip():
            return None
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    root = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return root / "isa-kit"


def _fingerprint(env: jinja2.Environment) -> str:
    """What the compiled code depends on besides the source: versions and the environment's
    own code (its parser rewrites placeholders; its sandbox may intercept operators)."""
    module = sys.modules[type(env).__module__]
    digest = hashlib.sha256()
    if module.__file__:
        try:
            digest.update(Path(module.__file__).read_bytes())
        except OSError:
            digest.update(b"?")
    digest.update(type(env).__qualname__.encode())
    for ops in (getattr(env, "intercepted_binops", ()), getattr(env, "intercepted_unops", ())):
        digest.update(repr(sorted(ops)).encode())
    tag = sys.implementation.cache_tag or sys.implementation.name
    return f"templates-{__version__}-jinja{jinja2.__version__}-{tag}-{digest.hexdigest()[:16]}"


def _cache_for(env: jinja2.Environment) -> _Cache | None:
    base = base_dir()
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
    target = Path(cache.directory) / (_SLOTS % key)
    try:
        fd, tmp = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(sorted(slots), handle)
        os.replace(tmp, target)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


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
    cache = _cache_for(env)
    if cache is not None:
        bucket = Bucket(env, key, key)
        cache.load_bytecode(bucket)
        slots = _read_slots(cache, key) if bucket.code is not None else None
        if bucket.code is not None and slots is not None:
            try:
                return env.template_class.from_code(env, bucket.code, env.make_globals(None)), slots
            except Exception:  # code that does not run as a template module: recompile
                pass
    tree = env.parse(patch(raw))  # parsed once: the slots and the code both come from it
    found = frozenset(slots_of(tree))
    code = env.compile(tree)
    template = env.template_class.from_code(env, code, env.make_globals(None))
    if cache is not None:
        bucket = Bucket(env, key, key)
        bucket.code = code
        cache.dump_bytecode(bucket)
        _write_slots(cache, key, found)
    return template, found
