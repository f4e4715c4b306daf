"""The document has text the audit can check.

Encrypted, image-only or text-less: nothing in it can be checked, so it never passes.

## Why it matters

An encrypted PDF, or one that is only scanned images, shows nothing the audit can read: it
must never pass as compliant, because nothing in it was checked.

## Non-compliant

A PDF exported from an empty page, or a scan with no text layer.

## Compliant

A PDF with its text (exported from Word, or scanned with OCR).
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD002",
    "unverifiable-document",
    Category.UNVERIFIABLE_DOCUMENT,
    Severity.ERROR,
    "Encrypted, image-only or text-less: nothing in it can be checked, so it never passes.",
    "",
)
