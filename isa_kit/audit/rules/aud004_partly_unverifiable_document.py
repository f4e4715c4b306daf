"""Every page of the document has text.

Some pages are images only (a scan); their content was not checked.

## Why it matters

A PDF with some pages scanned as images only was checked only in part; the report says so
rather than passing those pages.

## Non-compliant

A PDF whose signature pages are scans without a text layer.

## Compliant

A PDF whose pages all have text (OCR the scans).
"""

from __future__ import annotations

from isa_kit.core.findings import Category, Severity

from .base import Rule

RULE = Rule(
    "AUD004",
    "partly-unverifiable-document",
    Category.UNVERIFIABLE_DOCUMENT,
    Severity.WARNING,
    "Some pages are images only (a scan); their content was not checked.",
    "",
)
