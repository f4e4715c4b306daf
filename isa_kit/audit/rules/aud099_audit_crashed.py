"""The audit itself completes on every file.

The audit itself failed on this file: a bug to report, never a pass.

## Why it matters

If the audit fails on a file, that file was not checked: it is reported as a finding (a bug
to report), never as a pass.

## Non-compliant

A file on which the audit raised an internal error.

## Compliant

Every file audited to the end.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD099",
    "audit-crashed",
    Category.CHECK_CRASHED,
    Severity.ERROR,
    "The audit itself failed on this file: a bug to report, never a pass.",
    "",
)
