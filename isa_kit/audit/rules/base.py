"""One audit rule: its permanent code, name, category, severity, summary and authority."""

from __future__ import annotations

from dataclasses import dataclass

from isa_kit.core.findings import Category, Severity


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    category: Category
    severity: Severity
    summary: str
    source: str = ""
