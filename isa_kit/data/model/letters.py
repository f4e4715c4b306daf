"""A partnership's outcome-letter policy: ``agreements/<p>/letters.yaml`` (optional).

Who is told of an outcome, and how (letter, phone or not at all), is part of the outcome
itself in ``partnership.yaml`` (:class:`~isa_kit.data.model.partnership.Outcome`). This file
adds what business support needs to send the letters: which letter template each lettered
outcome uses, the deadline (calendar or working time, or the row's RAG timescale), who signs,
and the complaints and privacy paragraphs every letter carries.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from isa_kit.core.paths import LETTERS_FILE
from isa_kit.data.enums import (
    DeadlineBasis,
    Recipient,
)
from isa_kit.data.model.base import Node, Slug, Text
from isa_kit.data.nodes import LettersPolicyMethods
from isa_kit.data.values import Duration

__all__ = [
    "LETTERS_FILE",
    "LETTER_OPTIONS",
    "DeadlineBasis",
    "LetterRule",
    "LettersPolicy",
    "Recipient",
]

LETTER_OPTIONS: tuple[str, ...] = ("interpreter", "easy-read", "safety-advice", "consent")
"""The optional paragraphs a decisions row may switch on (``options`` column, ``;``-separated)."""


class LetterRule(Node):
    """How letters for one outcome are written."""

    outcome: Slug
    """An outcome id from ``partnership.yaml``."""
    template: Slug
    """The letter kind: templates ``letters/<template>-<recipient>.docx``."""
    heading: Text
    """The letter's heading, saying the outcome in plain English (``No further action``)."""
    deadline: Duration | None = None
    """Overrides the policy's deadline for this outcome."""


class LettersPolicy(Node, LettersPolicyMethods):
    """What ``letters.yaml`` holds."""

    source: Text
    """The protocol paragraph that sets these rules."""
    effective: dt.date
    sender: Text
    """Who the letters come from (``Demoshire MASH``)."""
    deadline_basis: DeadlineBasis = DeadlineBasis.FIXED
    deadline: Duration | None = None
    """Time allowed from the decision to the letter (``24 hours``, ``1 working day``)."""
    complaints: Text
    """How to complain: every letter says it."""
    privacy: Text
    """How the recipient's information is used: every letter says it."""
    rules: list[LetterRule] = Field(default_factory=list)
