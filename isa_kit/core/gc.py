"""Keep the garbage collector off what lives as long as the process.

A check run holds a few hundred thousand objects for its whole life (imported modules, the
reference knowledge, the policy) and streams the partnerships past them. Every full
collection would rescan that fixed heap; :func:`freeze_long_lived` moves it to the
collector's permanent generation once, so collections look only at the working set. This is
not a pause: collection goes on as usual for everything created afterwards (a pause only
defers the cost to the first collection after it, and over a corpus that is most of it).
"""

from __future__ import annotations

import gc

_FROZEN = False


def freeze_long_lived() -> None:
    """Freeze what is alive now (once per process; call it after start-up, before the work)."""
    global _FROZEN
    if not _FROZEN:
        _FROZEN = True
        gc.freeze()
