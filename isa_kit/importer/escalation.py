"""The escalation ladder: the roles a disagreement goes to, in the order the text names them,
read from the section about escalation, disagreements or disputes."""

from __future__ import annotations

import re
from typing import Any

from .notes import Note

_SECTION = re.compile(r"escalat|disagree|dispute", re.IGNORECASE)
_ROLE = r"([A-Z][\w'’-]*(?:\s+(?:of|for|and|[A-Z][\w'’-]*|managers?|service|director))*)"
_STEP = re.compile(
    r"\b(?:escalated?|escalation|resolved|discussed|referred)\b(?:\s+\w+){0,4}?\s+(?:to|by)\s+"
    r"(?:the\s+)?(?:relevant\s+)?" + _ROLE + r"|\bif necessary,?\s+(?:to\s+)?the\s+" + _ROLE
)
MAX_LEVELS = 6


def escalation(
    sections: list[dict[str, Any]], source: str
) -> tuple[list[dict[str, Any]], list[Note]]:
    for s in sections:
        if not _SECTION.search(s["title"]):
            continue
        roles: list[str] = []
        for para in s.get("paragraphs", []):
            for m in _STEP.finditer(para):
                role = (m[1] or m[2]).strip()
                role = re.sub(r"\s+(?:and|of|for)$", "", role)
                if role.lower() not in (r.lower() for r in roles) and len(roles) < MAX_LEVELS:
                    roles.append(role)
        if roles:
            why = "the roles named in the section, in the order given: confirm the ladder"
            notes = [
                Note(
                    "guessed",
                    "escalation level",
                    f"{i}: {role}",
                    f"{source}, {s['title']}",
                    why,
                    ("partnership.yaml", ("escalation", "levels", i - 1)),
                )
                for i, role in enumerate(roles, start=1)
            ]
            return [{"level": i, "role": r} for i, r in enumerate(roles, start=1)], notes
    return [], []
