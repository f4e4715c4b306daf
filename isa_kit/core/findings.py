"""Findings: what ``isa-kit check`` and ``isa-kit audit`` report.

A finding is a value (no I/O) with a permanent rule code, a stable category slug shared by
both commands, a severity, and the place a person must go to fix it: a YAML ``file:line``
for ``check``; a document page, paragraph or table (with a short quote) for ``audit``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; ``--fail-on`` compares ranks."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Category(StrEnum):
    """Stable slugs naming what is wrong, shared by ``check`` and ``audit``."""

    MISSING_SIGNATORY = "missing-signatory"
    SIGNATORY_NOT_A_PARTY = "signatory-not-a-party"
    OVERDUE_REVIEW = "overdue-review"
    REVIEW_DUE_SOON = "review-due-soon"
    MISSING_REVIEW_DATE = "missing-review-date"
    INCONSISTENT_REVIEW_PERIOD = "inconsistent-review-period"
    INSECURE_EMAIL_DOMAIN = "insecure-email-domain"
    RETIRED_EMAIL_DOMAIN = "retired-email-domain"
    SUSPICIOUS_EMAIL_DOMAIN = "suspicious-email-domain"
    MISSING_ICO_REGISTRATION = "missing-ico-registration"
    INVALID_ICO_REGISTRATION = "invalid-ico-registration"
    MISSING_LAWFUL_BASIS = "missing-lawful-basis"
    MISSING_SPECIAL_CATEGORY_CONDITION = "missing-special-category-condition"
    MISSING_LAW_ENFORCEMENT_BASIS = "missing-law-enforcement-basis"
    LEGITIMATE_INTERESTS_PUBLIC_AUTHORITY = "legitimate-interests-public-authority"
    SUPERSEDED_LEGISLATION = "superseded-legislation"
    SUPERSEDED_GUIDANCE = "superseded-guidance"
    OBSOLETE_PROTECTIVE_MARKING = "obsolete-protective-marking"
    DEFUNCT_ORGANISATION = "defunct-organisation"
    UNKNOWN_LEGISLATION = "unknown-legislation"
    MISSING_RETENTION = "missing-retention"
    MISSING_SECURITY_CONTROL = "missing-security-control"
    VERSION_HISTORY_OUT_OF_ORDER = "version-history-out-of-order"
    """Versions and their dates move in opposite directions in a version history."""
    UNFILLED_PLACEHOLDER = "unfilled-placeholder"
    """A template placeholder left in the text (``[insert …]``, ``<<name>>``, ``XXXX``)."""
    INSECURE_TRANSFER_CHANNEL = "insecure-transfer-channel"
    """A transfer route that is not secure (fax, removable media without encryption)."""
    EXPIRED_WAIVER = "expired-waiver"
    UNUSED_WAIVER = "unused-waiver"
    UNVERIFIABLE_DOCUMENT = "unverifiable-document"
    """Audit: encrypted, image-only or text-less; never a pass."""
    UNACCEPTED_TRACKED_CHANGE = "unaccepted-tracked-change"
    """Audit: a Word document whose tracked changes were never accepted or rejected."""
    UNREADABLE_FILE = "unreadable-file"
    """Audit: a corrupt or disguised file; the run exits 2."""
    CHECK_CRASHED = "check-crashed"
    """A check raised an error: reported as a result, never a crash of the run."""


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    category: Category
    severity: Severity
    message: str
    file: str
    line: int | None = None
    column: int | None = None
    subject: str = ""
    """Organisation or document id (``check``) or file name (``audit``) the finding is about."""
    hint: str = ""
    source: str = ""
    """The rule's authority: the law, guidance or standard that makes this a problem."""
    document: str | None = None
    region: str | None = None
    """Audit location inside a document: ``page 3``, ``paragraph 12``, ``table 2 row 4``."""
    quote: str | None = None
    """Audit: a short quote of the text that triggered the finding."""
    extra: tuple[tuple[str, str], ...] = field(default=())

    def sort_key(self) -> tuple[str, int, int, str, str, str, str]:
        return (
            self.file,
            self.line or 0,
            self.column or 0,
            self.code,
            self.subject,
            self.region or "",
            self.message,
        )

    def fingerprint(self) -> str:
        """Stable across runs and line moves: code, file, subject, document and message."""
        parts = (
            self.code,
            self.file,
            self.subject,
            self.document or "",
            self.region or "",
            self.message,
        )
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
