"""ICO registration numbers look like ICO register references.

An ICO registration number does not look like one; check it against the register.

## Why it matters

A number in the wrong form cannot be checked against the register (references look like
Z6665870 or ZA123456). A number a PDF splits over two lines of a narrow cell (`ZA10000 1`)
is read whole and is not a finding.

## Non-compliant

`Example Police | 123456`.

## Compliant

`Example Police | Z6665870`.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD031",
    "invalid-ico-registration",
    Category.INVALID_ICO_REGISTRATION,
    Severity.WARNING,
    "An ICO registration number does not look like one; check it against the register.",
    "ICO register of fee payers",
)
