"""The file can be opened and read within the audit's limits.

The file is corrupt, disguised or beyond the reading limits; the run exits 2.

## Why it matters

A file that is corrupt, a different format under a Word or PDF name, or beyond the size
limits cannot be audited; reporting it (exit code 2) keeps an unreadable agreement from
passing unseen.

## Non-compliant

`agreement.docx` that is a renamed text file, or a truncated ZIP.

## Compliant

A Word (.docx) or PDF file that opens normally.
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD001",
    "unreadable-file",
    Category.UNREADABLE_FILE,
    Severity.ERROR,
    "The file is corrupt, disguised or beyond the reading limits; the run exits 2.",
    "",
)
