"""The view model of an outcome letter: the names a letter template may use.

Letter templates (``templates/letters/<kind>-<recipient>.docx``) see only these values, all
plain text already formatted for the reader; ``isa-kit templates lint`` checks placeholders
in a ``letters`` folder against :data:`LETTER_CONTEXT_TYPES`. Add names; do not rename or
remove them, because partnerships keep their own edited copies of the templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "LETTER_CONTEXT_TYPES",
    "LetterDecision",
    "LetterInfo",
    "LetterOptions",
    "LetterRecipient",
    "LetterSender",
]


@dataclass(frozen=True, slots=True)
class LetterInfo:
    reference: str
    """The letter reference, e.g. ``MASH-2026-0001-REF-v1``."""
    date: str
    """The date of the letter, e.g. ``29 December 2026``."""
    heading: str
    """The outcome in plain English (the partnership's ``letters.yaml``)."""
    case_ref: str
    outcome: str
    """The outcome id."""
    outcome_description: str
    recipient_type: str
    """``referrer`` or ``family``."""
    delivery: str
    """``email`` or ``post``."""


@dataclass(frozen=True, slots=True)
class LetterRecipient:
    name: str
    address_lines: list[str]
    organisation: str
    """The referrer's organisation (empty for a family)."""


@dataclass(frozen=True, slots=True)
class LetterSender:
    team: str
    address: str
    phone: str
    phone_hours: str
    email: str
    emergency: str
    out_of_hours: str
    complaints: str
    privacy: str


@dataclass(frozen=True, slots=True)
class LetterDecision:
    decided_on: str
    """The date of the decision, e.g. ``24 December 2026``."""
    rationale: str
    contact_team: str
    contact_route: str


@dataclass(frozen=True, slots=True)
class LetterOptions:
    """Optional paragraphs switched on by the decisions row's ``options``."""

    interpreter: bool = False
    easy_read: bool = False
    safety_advice: bool = False
    consent: bool = False


#: The names every letter template may use, and their types (for ``isa-kit templates lint``).
LETTER_CONTEXT_TYPES: dict[str, Any] = {
    "letter": LetterInfo,
    "recipient": LetterRecipient,
    "sender": LetterSender,
    "decision": LetterDecision,
    "options": LetterOptions,
}
