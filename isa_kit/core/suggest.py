"""'Did you mean ...?': the one place a mistyped name is matched against the names that exist.

Used for subcommands and options (the CLI parser), organisation ids (the loader), check codes
and names (``--select``/``--ignore``), and any other id a command looks up (e.g. outcomes).
"""

from __future__ import annotations

from collections.abc import Iterable

#: How alike two names must be (difflib's ratio) to be offered; 0.6 is difflib's own default.
CUTOFF = 0.6


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``word`` (case-insensitively), if any is close enough."""
    import difflib  # only when a name was mistyped: the parser imports this module at start

    by_folded: dict[str, str] = {}
    for c in candidates:
        by_folded.setdefault(c.casefold(), c)
    found = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=CUTOFF)
    return by_folded[found[0]] if found else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` for the closest candidate, or ``""`` when none is close."""
    match = closest(word, candidates)
    return f" (did you mean '{match}'?)" if match is not None and match != word else ""
