"""The document cites current statutory guidance.

Cites statutory guidance that has been replaced.

## Why it matters

Working Together 2023, the 2024 information sharing advice, the Care Act 2014 and the eight
Caldicott principles replaced earlier texts; citing the old ones sends staff to rules that
no longer apply.

A document that lists the Caldicott principles up to the seventh and nowhere gives the
eighth is reported too (a whole-document rule, `isa_kit/audit/caldicott.py`).

## Non-compliant

`Working Together to Safeguard Children 2015`; `the seven Caldicott principles`.

## Compliant

`Working Together to Safeguard Children 2023`; `the eight Caldicott principles`.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD052",
    "superseded-guidance",
    Category.SUPERSEDED_GUIDANCE,
    Severity.ERROR,
    "Cites statutory guidance that has been replaced.",
    "Working Together to Safeguard Children 2023; ICO Data Sharing Code of Practice (2021)",
)
