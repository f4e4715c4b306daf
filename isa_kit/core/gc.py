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


def freeze_loaded() -> None:
    """Freeze what is alive now, after a step that built data the caller keeps.

    ``load_partnerships`` returns every partnership it loaded, so they live as long as the
    caller; left to the collector, each full collection would rescan all of them (measured:
    5.2 s instead of 1.4 s CPU for 1,000 documents). The models are acyclic, so when the
    caller drops them reference counting still frees them; only the rescans are saved.
    """
    gc.freeze()
