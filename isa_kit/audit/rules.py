"""The audit's rule table: every ``AUD`` code with its name, category, severity and source.

A table, not logic: :data:`RULES` (and :func:`rule_infos`, the form the reports list) plus
the lookups the judge needs: a rule by its code, and the code for a knowledge-base category.
Codes are permanent once assigned; categories and severities are those of ``isa-kit check``.
"""

from __future__ import annotations

from dataclasses import dataclass

from isa_kit.core.findings import Category, Severity
from isa_kit.report.model import RuleInfo


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    category: Category
    severity: Severity
    summary: str
    source: str = ""


_WT = "Working Together to Safeguard Children 2023; ICO Data Sharing Code of Practice (2021)"
_CODE = "ICO Data Sharing Code of Practice (2021), 'Data sharing agreements'"

RULES: tuple[Rule, ...] = (
    Rule(
        "AUD001",
        "unreadable-file",
        Category.UNREADABLE_FILE,
        Severity.ERROR,
        "The file is corrupt, disguised or beyond the reading limits; the run exits 2.",
    ),
    Rule(
        "AUD002",
        "unverifiable-document",
        Category.UNVERIFIABLE_DOCUMENT,
        Severity.ERROR,
        "Encrypted, image-only or text-less: nothing in it can be checked, so it never passes.",
    ),
    Rule(
        "AUD003",
        "unaccepted-tracked-change",
        Category.UNACCEPTED_TRACKED_CHANGE,
        Severity.WARNING,
        "Tracked changes were never accepted or rejected: the agreement does not say one thing.",
    ),
    Rule(
        "AUD004",
        "partly-unverifiable-document",
        Category.UNVERIFIABLE_DOCUMENT,
        Severity.WARNING,
        "Some pages are images only (a scan); their content was not checked.",
    ),
    Rule(
        "AUD010",
        "overdue-review",
        Category.OVERDUE_REVIEW,
        Severity.ERROR,
        "The stated next review date (or last review plus the review period) has passed.",
        _CODE,
    ),
    Rule(
        "AUD011",
        "review-due-soon",
        Category.REVIEW_DUE_SOON,
        Severity.WARNING,
        "The next review falls within the policy's warning window.",
        _CODE,
    ),
    Rule(
        "AUD012",
        "missing-review-date",
        Category.MISSING_REVIEW_DATE,
        Severity.WARNING,
        "No next review date, and no last review date with a review period.",
        _CODE,
    ),
    Rule(
        "AUD013",
        "inconsistent-review-period",
        Category.INCONSISTENT_REVIEW_PERIOD,
        Severity.WARNING,
        "The document states different review periods, or one longer than the policy allows.",
        _CODE,
    ),
    Rule(
        "AUD020",
        "unsigned-signature-row",
        Category.MISSING_SIGNATORY,
        Severity.ERROR,
        "A signature table row for an organisation has no name, signature or date.",
        _CODE,
    ),
    Rule(
        "AUD021",
        "party-not-in-signature-table",
        Category.MISSING_SIGNATORY,
        Severity.ERROR,
        "A party the scope names has no row in the signature table.",
        _CODE,
    ),
    Rule(
        "AUD022",
        "no-signature-table",
        Category.MISSING_SIGNATORY,
        Severity.ERROR,
        "The document says it is agreed by signatories but has no signature table.",
        _CODE,
    ),
    Rule(
        "AUD030",
        "missing-ico-registration",
        Category.MISSING_ICO_REGISTRATION,
        Severity.ERROR,
        "An organisation in the ICO registration table has no registration number.",
        "Data Protection (Charges and Information) Regulations 2018",
    ),
    Rule(
        "AUD031",
        "invalid-ico-registration",
        Category.INVALID_ICO_REGISTRATION,
        Severity.WARNING,
        "An ICO registration number does not look like one; check it against the register.",
        "ICO register of fee payers",
    ),
    Rule(
        "AUD040",
        "retired-email-domain",
        Category.RETIRED_EMAIL_DOMAIN,
        Severity.ERROR,
        "An email address on a retired domain (the GSi family).",
    ),
    Rule(
        "AUD041",
        "insecure-email-domain",
        Category.INSECURE_EMAIL_DOMAIN,
        Severity.ERROR,
        "An email address on free webmail (or, with a policy, not on its allow-list).",
    ),
    Rule(
        "AUD042",
        "suspicious-email-domain",
        Category.SUSPICIOUS_EMAIL_DOMAIN,
        Severity.ERROR,
        "An email domain that cannot exist or is one letter from a secure one.",
    ),
    Rule(
        "AUD050",
        "superseded-legislation",
        Category.SUPERSEDED_LEGISLATION,
        Severity.ERROR,
        "Cites legislation that has been repealed or replaced.",
    ),
    Rule(
        "AUD051",
        "unknown-legislation",
        Category.UNKNOWN_LEGISLATION,
        Severity.ERROR,
        "Cites an Act that does not exist (a wrong year).",
    ),
    Rule(
        "AUD052",
        "superseded-guidance",
        Category.SUPERSEDED_GUIDANCE,
        Severity.ERROR,
        "Cites statutory guidance that has been replaced.",
        _WT,
    ),
    Rule(
        "AUD053",
        "obsolete-protective-marking",
        Category.OBSOLETE_PROTECTIVE_MARKING,
        Severity.ERROR,
        "Uses the Government Protective Marking Scheme, replaced in 2014.",
        "Government Security Classifications (April 2014)",
    ),
    Rule(
        "AUD054",
        "defunct-organisation",
        Category.DEFUNCT_ORGANISATION,
        Severity.ERROR,
        "Names an organisation that no longer exists.",
    ),
    Rule(
        "AUD060",
        "insecure-transfer-channel",
        Category.INSECURE_TRANSFER_CHANNEL,
        Severity.ERROR,
        "Sends personal data by fax or on removable media without encryption.",
        "UK GDPR Articles 5(1)(f) and 32",
    ),
    Rule(
        "AUD070",
        "unfilled-placeholder",
        Category.UNFILLED_PLACEHOLDER,
        Severity.ERROR,
        "A template placeholder ([insert ...], <<name>>, XXXX) left in the text.",
    ),
    Rule(
        "AUD099",
        "audit-crashed",
        Category.CHECK_CRASHED,
        Severity.ERROR,
        "The audit itself failed on this file: a bug to report, never a pass.",
    ),
)
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
