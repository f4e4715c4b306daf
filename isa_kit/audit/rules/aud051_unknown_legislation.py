"""Acts are cited with their right year.

Cites an Act that does not exist (a wrong year).

## Why it matters

An Act with a year no Act of that title has (Data Protection Act 2003, Human Rights Act
1988) is a citation nobody can follow; the table of Acts and years is reference data with
sources (`checks/knowledge/acts.yaml`).

## Non-compliant

`the Human Rights Act 1988`.

## Compliant

`the Human Rights Act 1998`.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD051",
    "unknown-legislation",
    Category.UNKNOWN_LEGISLATION,
    Severity.ERROR,
    "Cites an Act that does not exist (a wrong year).",
    "",
)
