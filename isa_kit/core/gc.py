"""Pause the cyclic garbage collector around batch steps.

Loading creates hundreds of thousands of long-lived, acyclic objects (models, and the YAML
node trees kept for source positions). While they are alive, every full collection rescans
them all, and over a large corpus that cost several times the work itself.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Disable cyclic collection inside the block; restore the previous state after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
