"""Where isa-kit keeps what it can recompute: the user's cache folder, or none.

Shared by every cache the kit keeps (compiled templates, check results), so that one setting
moves or turns off all of them: ``ISA_KIT_NO_CACHE=1`` turns caching off;
``ISA_KIT_CACHE_DIR`` names the folder (``off`` also turns caching off); otherwise
``$XDG_CACHE_HOME/isa-kit``, else ``~/.cache/isa-kit``, as other tools do.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["CACHE_DIR_VAR", "NO_CACHE_VAR", "cache_root", "stat_lines"]

CACHE_DIR_VAR = "ISA_KIT_CACHE_DIR"
NO_CACHE_VAR = "ISA_KIT_NO_CACHE"
_OFF = frozenset({"off", "none", "0", "false", ""})


def cache_root() -> Path | None:
    """The user's cache folder for isa-kit, or ``None`` when caching is turned off."""
    if os.environ.get(NO_CACHE_VAR, "").strip().lower() not in _OFF:
        return None
    configured = os.environ.get(CACHE_DIR_VAR)
    if configured is not None:
        if configured.strip().lower() in _OFF:
            return None
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    root = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return root / "isa-kit"


def stat_lines(paths: Iterable[str | Path]) -> list[str]:
    """``path:size:mtime_ns`` of each file, in order of path: how every cache tells that the
    kit's own code changed without reading it (an edit or a reinstall changes a line; a file
    that has gone is left out, which changes the lines too)."""
    out: list[str] = []
    for path in sorted(map(str, paths)):
        try:
            st = os.stat(path)
        except OSError:
            continue
        out.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
    return out
