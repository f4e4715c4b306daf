"""The fixed vocabularies of the data model (lawful bases, document kinds, partner types...).

Kept apart from the pydantic models (and free of pydantic) so that a build served from the
validated-data snapshot (:mod:`isa_kit.data.snapshot`) can use them without importing
pydantic; :mod:`isa_kit.data.model` re-exports every name, so import them from there.
"""

from __future__ import annotations

from enum import StrEnum

# --- document -------------------------------------------------------------------------


class Art6Basis(StrEnum):
    """UK GDPR Article 6(1) lawful bases, including (ea) from the Data (Use and Access) Act 2025."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal-obligation"
    VITAL_INTERESTS = "vital-interests"
    PUBLIC_TASK = "public-task"
    RECOGNISED_LEGITIMATE_INTEREST = "recognised-legitimate-interest"
    LEGITIMATE_INTERESTS = "legitimate-interests"

    @property
    def article(self) -> str:
        return "Article 6(1)(" + _ART6_LETTER[self] + ")"


_ART6_LETTER = {
    Art6Basis.CONSENT: "a",
    Art6Basis.CONTRACT: "b",
    Art6Basis.LEGAL_OBLIGATION: "c",
    Art6Basis.VITAL_INTERESTS: "d",
    Art6Basis.PUBLIC_TASK: "e",
    Art6Basis.RECOGNISED_LEGITIMATE_INTEREST: "ea",
    Art6Basis.LEGITIMATE_INTERESTS: "f",
}


class Art9Condition(StrEnum):
    """UK GDPR Article 9(2) conditions for special category data."""

    EXPLICIT_CONSENT = "explicit-consent"
    EMPLOYMENT_SOCIAL_PROTECTION = "employment-social-protection"
    VITAL_INTERESTS = "vital-interests"
    NOT_FOR_PROFIT = "not-for-profit"
    MADE_PUBLIC = "made-public"
    LEGAL_CLAIMS = "legal-claims"
    SUBSTANTIAL_PUBLIC_INTEREST = "substantial-public-interest"
    HEALTH_SOCIAL_CARE = "health-social-care"
    PUBLIC_HEALTH = "public-health"
    ARCHIVING_RESEARCH = "archiving-research"

    @property
    def article(self) -> str:
        return "Article 9(2)(" + "abcdefghij"[list(Art9Condition).index(self)] + ")"


class TransferMethod(StrEnum):
    SECURE_EMAIL = "secure-email"
    CASE_SYSTEM = "case-system"
    SECURE_PORTAL = "secure-portal"
    PHONE = "phone"
    IN_PERSON = "in-person"
    POST = "post"
    FAX = "fax"
    OTHER = "other"


class DocumentKind(StrEnum):
    ISA = "isa"
    MOU = "mou"
    PROTOCOL = "protocol"
    GUIDANCE = "guidance"


class DocumentStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"
    SIGNED = "signed"
    SUPERSEDED = "superseded"


class ReferenceKind(StrEnum):
    LEGISLATION = "legislation"
    GUIDANCE = "guidance"
    PROCEDURE = "procedure"
    STANDARD = "standard"
    MARKING = "marking"
    OTHER = "other"


# --- organisation ---------------------------------------------------------------------


class OrgType(StrEnum):
    """What kind of body a partner is."""

    LOCAL_AUTHORITY = "local-authority"
    POLICE = "police"
    NHS_TRUST = "nhs-trust"
    ICB = "icb"
    GP_PRACTICES = "gp-practices"
    PROBATION = "probation"
    SCHOOL_COLLEGE = "school-college"
    HOUSING = "housing"
    VOLUNTARY_SECTOR = "voluntary-sector"
    FIRE = "fire"
    AMBULANCE = "ambulance"
    CCG = "ccg"
    """Clinical Commissioning Group: abolished 1 July 2022, kept so old agreements can be modelled."""
    CRC = "crc"
    """Community Rehabilitation Company: abolished 26 June 2021, kept for old agreements."""
    OTHER = "other"


class ControllerRole(StrEnum):
    CONTROLLER = "controller"
    JOINT_CONTROLLER = "joint-controller"
    PROCESSOR = "processor"


class DsptStatus(StrEnum):
    """Data Security and Protection Toolkit assessment outcome (NHS England)."""

    STANDARDS_EXCEEDED = "standards-exceeded"
    STANDARDS_MET = "standards-met"
    APPROACHING_STANDARDS = "approaching-standards"
    STANDARDS_NOT_MET = "standards-not-met"
    NOT_PUBLISHED = "not-published"
    NOT_APPLICABLE = "not-applicable"


class HubPresence(StrEnum):
    CO_LOCATED = "co-located"
    VIRTUAL = "virtual"
    LINKED = "linked"
    NONE = "none"


# --- partnership ----------------------------------------------------------------------


class Notify(StrEnum):
    LETTER = "letter"
    PHONE = "phone"
    NONE = "none"


# --- letters --------------------------------------------------------------------------


class Recipient(StrEnum):
    REFERRER = "referrer"
    FAMILY = "family"


class DeadlineBasis(StrEnum):
    FIXED = "fixed"
    """The policy's (or the rule's) ``deadline``."""
    RAG = "rag"
    """The timescale of the decision's RAG rating (the row's ``rag``, else the outcome's)."""
