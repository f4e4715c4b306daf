"""Scan free text for out-of-date citations: the knowledge base's first question.

Each :class:`KnowledgeEntry` becomes a :class:`CompiledEntry`: its keywords are a fast first
pass (a text without any of them is not searched), and its patterns are compiled only on the
first keyword hit. :func:`scan` reports every match in order of position, overlapping
matches of one entry once. Pure; :class:`~isa_kit.reference.knowledge.Knowledge` caches it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .knowledge_models import KnowledgeEntry, TextMatch


class CompiledEntry:
    """One entry's keywords and patterns; the patterns are compiled on first keyword hit.

    Most texts mention few of the entries, and compiling every pattern up front cost more
    than a whole ``isa-kit check`` of the bundled agreements.
    """

    __slots__ = ("_regexes", "entry", "keywords", "sources")

    def __init__(self, entry: KnowledgeEntry) -> None:
        self.entry = entry
        self.keywords: tuple[str, ...] = tuple(entry.keywords)
        flags = 0 if entry.case_sensitive else re.IGNORECASE
        sources = []
        for pattern in entry.patterns:
            if entry.exclude_years:
                years = "|".join(str(y) for y in sorted(entry.exclude_years))
                pattern = pattern.replace("(?P<year>", f"(?!(?:{years})\\b)(?P<year>")
            sources.append((pattern, flags))
        self.sources: tuple[tuple[str, int], ...] = tuple(sources)
        self._regexes: tuple[re.Pattern[str], ...] | None = None

    @property
    def regexes(self) -> tuple[re.Pattern[str], ...]:
        if self._regexes is None:
            self._regexes = tuple(re.compile(p, f) for p, f in self.sources)
        return self._regexes


def scan(compiled: Iterable[CompiledEntry], text: str) -> list[TextMatch]:
    """Every out-of-date citation in ``text`` by the entries ``compiled``, in order of position."""
    if not text:
        return []
    lower = text.lower()
    out: list[TextMatch] = []
    for c in compiled:
        if not any(k in lower for k in c.keywords):
            continue
        taken: list[tuple[int, int]] = []
        for rx in c.regexes:
            for m in rx.finditer(text):
                # a ``(?P<m>...)`` group names the words to report within a wider context
                group = "m" if "m" in rx.groupindex and m.group("m") is not None else 0
                start, end = m.span(group)
                if any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                matched = m.group(group)
                e = c.entry
                out.append(
                    TextMatch(
                        category=e.category,
                        entry_id=e.id,
                        matched=matched,
                        start=start,
                        end=end,
                        message=e.message.replace("{matched}", matched),
                        hint=e.hint,
                        source=e.source,
                        effective=e.effective,
                        severity=e.severity,
                        replaced_by=e.replaced_by,
                    )
                )
    out.sort(key=lambda t: (t.start, t.end, t.entry_id))
    return out
