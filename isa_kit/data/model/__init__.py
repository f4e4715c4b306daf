"""The data model of a safeguarding partnership and its information governance documents.

Everything the kit does (documents, checks, audits) reads these models. They are strict:
an unknown key is an error (a misspelt field must never be silently ignored), and ids are
lower-case slugs so that they are stable in file names, URLs and finding fingerprints.

The model is split by subject (``base``, ``organisation``, ``document``, ``partnership``);
import its names from here.
"""

from isa_kit.data.enums import (
    Art6Basis,
    Art9Condition,
    ControllerRole,
    DeadlineBasis,
    DocumentKind,
    DocumentStatus,
    DsptStatus,
    HubPresence,
    Notify,
    OrgType,
    Recipient,
    ReferenceKind,
    TransferMethod,
)
from isa_kit.data.model.base import (
    Domain,
    Email,
    Node,
    Sha256,
    Slug,
    Text,
    dump_data,
)
from isa_kit.data.model.document import (
    Approval,
    BreachProcedure,
    Consultation,
    ControlEntry,
    CriminalOffenceCondition,
    DataCategory,
    DataShared,
    Document,
    Evidence,
    Gateway,
    JointControllers,
    LawEnforcementBasis,
    LawfulBasis,
    Reference,
    RetentionRule,
    Review,
    Rights,
    Section,
    Security,
    Signatory,
    SpecialCategoryCondition,
    TransferChannel,
    VersionEntry,
    Waiver,
)
from isa_kit.data.model.letters import (
    LETTER_OPTIONS,
    LetterRule,
    LettersPolicy,
)
from isa_kit.data.model.organisation import (
    Contact,
    IgContacts,
    Organisation,
    StaffRole,
)
from isa_kit.data.model.partnership import (
    Board,
    BoardMember,
    ContactRoutes,
    Escalation,
    EscalationLevel,
    Governance,
    Hub,
    OrganisationsFile,
    Outcome,
    OutOfHours,
    Partnership,
    PartnershipInfo,
    Phone,
    RagLevel,
    RagScheme,
    ReferralCategory,
)

__all__ = [
    "LETTER_OPTIONS",
    "METADATA_ONLY",
    "Approval",
    "Art6Basis",
    "Art9Condition",
    "Board",
    "BoardMember",
    "BreachProcedure",
    "Consultation",
    "Contact",
    "ContactRoutes",
    "ControlEntry",
    "ControllerRole",
    "CriminalOffenceCondition",
    "DataCategory",
    "DataShared",
    "DeadlineBasis",
    "Document",
    "DocumentKind",
    "DocumentStatus",
    "Domain",
    "DsptStatus",
    "Email",
    "Escalation",
    "EscalationLevel",
    "Evidence",
    "Gateway",
    "Governance",
    "Hub",
    "HubPresence",
    "IgContacts",
    "JointControllers",
    "LawEnforcementBasis",
    "LawfulBasis",
    "LetterRule",
    "LettersPolicy",
    "Node",
    "Notify",
    "OrgType",
    "Organisation",
    "OrganisationsFile",
    "OutOfHours",
    "Outcome",
    "Partnership",
    "PartnershipInfo",
    "Phone",
    "RagLevel",
    "RagScheme",
    "Recipient",
    "Reference",
    "ReferenceKind",
    "ReferralCategory",
    "RetentionRule",
    "Review",
    "Rights",
    "Section",
    "Security",
    "Sha256",
    "Signatory",
    "Slug",
    "SpecialCategoryCondition",
    "StaffRole",
    "Text",
    "TransferChannel",
    "TransferMethod",
    "VersionEntry",
    "Waiver",
    "dump_data",
]

#: The modules whose attribute docstrings describe the fields (for the JSON Schemas).
MODULES = ("base", "organisation", "document", "partnership", "letters")


#: Fields that are metadata only: kept in the data, never shown in a generated document.
#: (model class name, field) -> why. ``tests/test_data_reaches_documents.py`` reads it, so a
#: field that no template shows must be listed here with its reason, or the test fails.
METADATA_ONLY: dict[tuple[str, str], str] = {
    ("Organisation", "notes"): "the modeller's note on where a record came from, not agreed text",
    (
        "Evidence",
        "sha256",
    ): "a fingerprint that protects the signed file; the file is named instead",
    ("Waiver", "code"): "waivers are the checks' exceptions, not part of any document",
    ("Waiver", "subject"): "waivers are the checks' exceptions, not part of any document",
    ("Waiver", "reason"): "waivers are the checks' exceptions, not part of any document",
    ("Waiver", "approved_by"): "waivers are the checks' exceptions, not part of any document",
    ("Waiver", "expires"): "waivers are the checks' exceptions, not part of any document",
    ("Document", "template"): "which Word template the build uses, not document text",
    ("Document", "signature_pack_template"): "which Word template the build uses",
}
