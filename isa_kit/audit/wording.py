"""Small phrases the audit's findings share: periods and lists in plain English."""

from __future__ import annotations

from collections.abc import Iterable


def months(n: int) -> str:
    """A review period as people write it: "2 years", "6 months"."""
    if n % 12 == 0:
        years = n // 12
        return f"{years} year{'s' if years != 1 else ''}"
    return f"{n} month{'s' if n != 1 else ''}"


def ago(days: int) -> str:
    """How long overdue, rounded the way a reader takes it in: years, months, then days."""
    if days >= 730:
        return f"{days // 365} years"
    if days >= 60:
        return f"{days // 30} months"
    return f"{days} day{'s' if days != 1 else ''}"


def and_or(items: Iterable[str]) -> str:
    """Alternatives in a sentence: "a", "a or b", "a, b or c"."""
    xs = list(items)
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " or " + xs[-1]
