"""The audit's rules: one module per ``AUD`` code, like the checks (``isa_kit/checks``).

Each module (``audNNN_name.py``) holds one :class:`Rule` as ``RULE`` and a docstring in the
checks' shape (what it requires, "Why it matters", "Non-compliant", "Compliant") that
``python -m isa_kit.audit.docs`` renders into ``docs/audit/``; each rule's cases live in
``tests/audit_cases/``. This package lists them in code order (no discovery) and gives the
judge its lookups: a rule by its code, and the code for a knowledge-base category. Codes are
permanent once assigned; categories and severities are those of ``isa-kit check``.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from isa_kit.core.findings import Category
from isa_kit.report.model import RuleInfo

from .base import Rule

__all__ = ["BY_CODE", "EMAIL_CODES", "MODULES", "RULES", "TEXT_CODES", "Rule", "rule_infos"]

#: The rule modules, in code order.
_NAMES = (
    "aud001_unreadable_file",
    "aud002_unverifiable_document",
    "aud003_unaccepted_tracked_change",
    "aud004_partly_unverifiable_document",
    "aud010_overdue_review",
    "aud011_review_due_soon",
    "aud012_missing_review_date",
    "aud013_inconsistent_review_period",
    "aud020_unsigned_signature_row",
    "aud021_party_not_in_signature_table",
    "aud022_no_signature_table",
    "aud030_missing_ico_registration",
    "aud031_invalid_ico_registration",
    "aud040_retired_email_domain",
    "aud041_insecure_email_domain",
    "aud042_suspicious_email_domain",
    "aud050_superseded_legislation",
    "aud051_unknown_legislation",
    "aud052_superseded_guidance",
    "aud053_obsolete_protective_marking",
    "aud054_defunct_organisation",
    "aud060_insecure_transfer_channel",
    "aud061_missing_security_control",
    "aud070_unfilled_placeholder",
    "aud080_missing_lawful_basis",
    "aud081_missing_special_category_condition",
    "aud082_missing_law_enforcement_basis",
    "aud099_audit_crashed",
)
MODULES: tuple[ModuleType, ...] = tuple(import_module(f"{__name__}.{n}") for n in _NAMES)
RULES: tuple[Rule, ...] = tuple(m.RULE for m in MODULES)
BY_CODE = {r.code: r for r in RULES}
TEXT_CODES = {
    Category.SUPERSEDED_LEGISLATION: "AUD050",
    Category.UNKNOWN_LEGISLATION: "AUD051",
    Category.SUPERSEDED_GUIDANCE: "AUD052",
    Category.OBSOLETE_PROTECTIVE_MARKING: "AUD053",
    Category.DEFUNCT_ORGANISATION: "AUD054",
    Category.INSECURE_TRANSFER_CHANNEL: "AUD060",
    Category.UNFILLED_PLACEHOLDER: "AUD070",
}
EMAIL_CODES = {
    Category.RETIRED_EMAIL_DOMAIN: "AUD040",
    Category.INSECURE_EMAIL_DOMAIN: "AUD041",
    Category.SUSPICIOUS_EMAIL_DOMAIN: "AUD042",
}


def rule_infos() -> list[RuleInfo]:
    return [
        RuleInfo(r.code, r.name, r.category.value, r.severity, r.summary, r.source) for r in RULES
    ]
