"""Every organisation in the ICO registration table has its number.

An organisation in the ICO registration table has no registration number.

## Why it matters

A controller must pay the data protection fee and appear on the ICO register (Data
Protection (Charges and Information) Regulations 2018); a blank cell is an unconfirmed
controller. Applies only to a registration table the document itself carries.

## Non-compliant

`CommUNITY Barnet | ` (the number cell empty or 'TBC').

## Compliant

`CommUNITY Barnet | ZA123456`.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD030",
    "missing-ico-registration",
    Category.MISSING_ICO_REGISTRATION,
    Severity.ERROR,
    "An organisation in the ICO registration table has no registration number.",
    "Data Protection (Charges and Information) Regulations 2018",
)
