"""Where isa-kit keeps what it can rebuild: the user's cache folder.

``$ISA_KIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/isa-kit``, else ``~/.cache/isa-kit``;
``ISA_KIT_CACHE_DIR=off`` turns every cache off, as does ``ISA_KIT_NO_CACHE=1``. (The same
rule as the compiled-template cache in :mod:`isa_kit.render.cache`, kept here so that the
data layer's snapshot can use it too.)
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "ISA_KIT_CACHE_DIR"
NO_CACHE_VAR = "ISA_KIT_NO_CACHE"
_OFF = frozenset({"off", "none", "0", "false"})


def cache_root() -> Path | None:
    """The user's cache folder for isa-kit, or None when caching is turned off."""
    if os.environ.get(NO_CACHE_VAR, "").strip().lower() not in ("", "0", "false", "no"):
        return None
    configured = os.environ.get(ENV_VAR)
    if configured is not None:
        if configured.strip().lower() in _OFF or not configured.strip():
            return None
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    root = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return root / "isa-kit"
