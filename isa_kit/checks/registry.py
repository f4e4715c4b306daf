"""The registry of checks: every check, by hand, in code order (no magic discovery).

Imported through :mod:`isa_kit.checks` (``from isa_kit.checks import CHECKS``).

A code is permanent: a retired check keeps its code, and a new check gets a new one. The
families are ISA00x signatories, ISA01x reviews, ISA02x email, ISA03x ICO registration,
ISA04x lawful basis, ISA05x legal currency, ISA06x retention and security (transfer channels), ISA07x drafting, ISA09x waivers.
"""

from __future__ import annotations

from .base import Check, CheckContext
from .isa001_missing_signatory import MissingSignatory
from .isa002_signatory_not_a_party import SignatoryNotAParty
from .isa010_overdue_review import OverdueReview
from .isa011_review_due_soon import ReviewDueSoon
from .isa012_missing_review_date import MissingReviewDate
from .isa013_inconsistent_review_period import InconsistentReviewPeriod
from .isa014_version_history_out_of_order import VersionHistoryOutOfOrder
from .isa020_insecure_email_domain import InsecureEmailDomain
from .isa021_retired_email_domain import RetiredEmailDomain
from .isa022_suspicious_email_domain import SuspiciousEmailDomain
from .isa030_missing_ico_registration import MissingIcoRegistration
from .isa031_invalid_ico_registration import InvalidIcoRegistration
from .isa040_missing_lawful_basis import MissingLawfulBasis
from .isa041_missing_special_category_condition import MissingSpecialCategoryCondition
from .isa042_missing_law_enforcement_basis import MissingLawEnforcementBasis
from .isa043_legitimate_interests_public_authority import LegitimateInterestsPublicAuthority
from .isa050_superseded_legislation import SupersededLegislation
from .isa051_superseded_guidance import SupersededGuidance
from .isa052_obsolete_protective_marking import ObsoleteProtectiveMarking
from .isa053_defunct_organisation import DefunctOrganisation
from .isa054_unknown_legislation import UnknownLegislation
from .isa060_missing_retention import MissingRetention
from .isa061_missing_security_control import MissingSecurityControl
from .isa062_insecure_transfer_channel import InsecureTransferChannel
from .isa070_unfilled_placeholder import UnfilledPlaceholder
from .isa090_expired_waiver import ExpiredWaiver
from .isa091_unused_waiver import UnusedWaiver

__all__ = ["CHECKS", "Check", "CheckContext", "by_code"]

CHECKS: tuple[Check, ...] = (
    MissingSignatory(),
    SignatoryNotAParty(),
    OverdueReview(),
    ReviewDueSoon(),
    MissingReviewDate(),
    InconsistentReviewPeriod(),
    VersionHistoryOutOfOrder(),
    InsecureEmailDomain(),
    RetiredEmailDomain(),
    SuspiciousEmailDomain(),
    MissingIcoRegistration(),
    InvalidIcoRegistration(),
    MissingLawfulBasis(),
    MissingSpecialCategoryCondition(),
    MissingLawEnforcementBasis(),
    LegitimateInterestsPublicAuthority(),
    SupersededLegislation(),
    SupersededGuidance(),
    ObsoleteProtectiveMarking(),
    DefunctOrganisation(),
    UnknownLegislation(),
    MissingRetention(),
    MissingSecurityControl(),
    InsecureTransferChannel(),
    UnfilledPlaceholder(),
    ExpiredWaiver(),
    UnusedWaiver(),
)
"""Every check, in code order."""


def by_code(code: str) -> Check:
    for c in CHECKS:
        if c.code == code or c.name == code:
            return c
    raise KeyError(code)
