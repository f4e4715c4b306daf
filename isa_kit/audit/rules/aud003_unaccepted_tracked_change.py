"""Tracked changes are accepted or rejected before an agreement is issued.

Tracked changes were never accepted or rejected: the agreement does not say one thing.

## Why it matters

With tracked changes still open the agreement says two things at once; partners may have
signed different texts (ICO Data Sharing Code of Practice: an agreement sets out clearly
what is agreed).

## Non-compliant

A Word file whose body still holds a `w:ins` or `w:del` revision.

## Compliant

A Word file with every change accepted or rejected.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD003",
    "unaccepted-tracked-change",
    Category.UNACCEPTED_TRACKED_CHANGE,
    Severity.WARNING,
    "Tracked changes were never accepted or rejected: the agreement does not say one thing.",
    "",
)
