"""The data model of a safeguarding partnership and its information governance documents.

Everything the kit does (documents, checks, audits) reads these models. They are strict:
an unknown key is an error (a misspelt field must never be silently ignored), and ids are
lower-case slugs so that they are stable in file names, URLs and finding fingerprints.

Each model object remembers where it was loaded from (:meth:`Node.loc`) so that a check can
name the YAML line a person must edit.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

from ._types import ApproxDate, Duration
from ._yaml import DataPath, Location, PathSeg, SourceFile

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
"""An id: lower-case letters, digits and hyphens."""
Text = Annotated[str, StringConstraints(min_length=1)]
"""Non-empty text."""
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+$", max_length=254)]
"""An email address (the checks judge its domain)."""
Domain = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9.-]+$", min_length=1)]
"""An email domain such as ``nhs.net``."""
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Node(BaseModel):
    """Base of every model: strict keys, and a memory of its source position."""

    model_config = ConfigDict(extra="forbid", validate_default=False)

    _origin: tuple[SourceFile, DataPath] | None = PrivateAttr(default=None)

    def loc(self, *sub: PathSeg, key: bool = False) -> Location:
        """Where this object (or one of its fields, ``sub``) is written in its YAML file."""
        if self._origin is None:
            return Location("<unknown>")
        source, path = self._origin
        return source.locate((*path, *sub), key=key)

    @property
    def source_file(self) -> str | None:
        return self._origin[0].display if self._origin else None


# --- organisations ---------------------------------------------------------------------------


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


class Contact(Node):
    """A way to reach a role. Names are optional: agreements should name roles, not people."""

    role: Text
    name: str | None = None
    email: Email | None = None
    phone: str | None = None
    hours: str | None = None
    """Opening hours, e.g. ``Monday to Friday 09:00 to 17:00``."""
    published: bool = False
    """Whether this contact may be published (on the protocol website, in letters)."""


class IgContacts(Node):
    """Information governance leads of one organisation."""

    dpo: Contact | None = None
    caldicott_guardian: Contact | None = None
    siro: Contact | None = None


class StaffRole(Node):
    """A post the organisation provides to the hub, e.g. ``5 x Police Constable``."""

    role: Text
    count: Annotated[int, Field(ge=0)] | None = None


class Organisation(Node):
    """A partner: a data controller (or a department of one) that shares through the hub."""

    id: Slug
    name: Text
    short_name: str | None = None
    type: OrgType
    public_authority: bool
    """Whether it is a public authority (it then cannot rely on legitimate interests for its tasks)."""
    part_of: Slug | None = None
    """The organisation this one is a department of; it shares that body's ICO registration."""
    controller_role: ControllerRole = ControllerRole.CONTROLLER
    ico_registration: str | None = None
    """ICO data protection fee register reference, as published (e.g. ``Z6665870``)."""
    dspt_status: DsptStatus | None = None
    ig_contacts: IgContacts = Field(default_factory=IgContacts)
    contacts: list[Contact] = Field(default_factory=list)
    secure_email_domains: list[Domain] = Field(default_factory=list)
    presence: HubPresence = HubPresence.NONE
    staffing: list[StaffRole] = Field(default_factory=list)
    responsibilities: list[Text] = Field(default_factory=list)
    systems: list[Text] = Field(default_factory=list)
    """Agency systems searched for the hub, e.g. ``LCS``, ``SystmOne``."""
    notes: str | None = None


# --- lawful basis ----------------------------------------------------------------------------


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


class SpecialCategoryCondition(Node):
    article_9: Art9Condition
    schedule_1: str | None = None
    """DPA 2018 Schedule 1 condition, e.g. ``Part 2 paragraph 18``; required for (b), (g), (h), (i), (j)."""


class CriminalOffenceCondition(Node):
    """UK GDPR Article 10 processing, authorised by a DPA 2018 Schedule 1 condition."""

    schedule_1: Text


class LawEnforcementBasis(Node):
    """DPA 2018 Part 3 processing by a competent authority (police)."""

    section_35: Text = "section 35(2)(b)"
    """How the first principle is met: consent (s.35(2)(a)) or necessity for the task (s.35(2)(b))."""
    schedule_8: str | None = None
    """Schedule 8 condition for sensitive processing, e.g. ``paragraph 4 (safeguarding)``."""


class Gateway(Node):
    """A statute (or the common law) that permits or requires the sharing."""

    act: Text
    section: str | None = None


class LawfulBasis(Node):
    """The lawful basis of some (or all) parties. Record it per party where parties differ."""

    parties: list[Slug] = Field(default_factory=list)
    """Organisations this basis applies to; empty means every party to the document."""
    article_6: list[Art6Basis] = Field(default_factory=list)
    article_9: list[SpecialCategoryCondition] = Field(default_factory=list)
    article_10: list[CriminalOffenceCondition] = Field(default_factory=list)
    part_3: LawEnforcementBasis | None = None
    gateways: list[Gateway] = Field(default_factory=list)
    notes: str | None = None


# --- data, retention, security ---------------------------------------------------------------


class DataCategory(Node):
    name: Text
    description: str | None = None
    special_category: bool = False
    criminal_offence: bool = False


class DataShared(Node):
    categories: list[DataCategory] = Field(default_factory=list)
    subjects: list[Text] = Field(default_factory=list)
    purposes: list[Text] = Field(default_factory=list)


class RetentionRule(Node):
    record_type: Text
    period: Text
    """How long, e.g. ``6 years``, ``until the child's 25th birthday``."""
    trigger: str | None = None
    """What starts the clock, e.g. ``closure of the MASH enquiry``."""
    disposal: str | None = None
    owner: str | None = None


class TransferMethod(StrEnum):
    SECURE_EMAIL = "secure-email"
    CASE_SYSTEM = "case-system"
    SECURE_PORTAL = "secure-portal"
    PHONE = "phone"
    IN_PERSON = "in-person"
    POST = "post"
    FAX = "fax"
    OTHER = "other"


class TransferChannel(Node):
    method: TransferMethod
    description: str | None = None
    domains: list[Domain] = Field(default_factory=list)
    """Email domains this channel allows (the secure-domain policy of the agreement)."""


class BreachProcedure(Node):
    report_to: Text
    """Role that receives breach reports first, e.g. ``Data Protection Officer, lead authority``."""
    deadline_hours: Annotated[int, Field(gt=0)] | None = None
    """How soon a partner must report a breach to ``report_to`` (absent: a gap the checks report)."""
    notes: str | None = None


class Security(Node):
    classification: str | None = None
    transfer_channels: list[TransferChannel] = Field(default_factory=list)
    storage: list[Text] = Field(default_factory=list)
    access: list[Text] = Field(default_factory=list)
    vetting: str | None = None
    breach: BreachProcedure | None = None
    standards: list[Text] = Field(default_factory=list)
    """Assurance standards, e.g. ``ISO 27001``, ``Cyber Essentials Plus``, ``DSPT``."""


class Rights(Node):
    """How individuals' rights are handled (who answers, in what time)."""

    subject_access: str | None = None
    freedom_of_information: str | None = None
    complaints: str | None = None


# --- documents -------------------------------------------------------------------------------


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


class Review(Node):
    period_months: Annotated[int, Field(gt=0)] | None = None
    last_reviewed: ApproxDate | None = None
    next_review: ApproxDate | None = None
    reviewer: str | None = None
    """Who reviews it (a role or a group)."""


class VersionEntry(Node):
    version: Text
    date: ApproxDate | None = None
    author: str | None = None
    """The author's role."""
    reason: str | None = None
    description: str | None = None


class Approval(Node):
    stage: Text
    """What was given: ``agreed``, ``approved``, ``quality approval``, ``release approval``."""
    by: Text
    """The role or body that gave it."""
    date: ApproxDate | None = None
    version: str | None = None


class Consultation(Node):
    date: ApproxDate | None = None
    consultees: list[Text] = Field(default_factory=list)


class Evidence(Node):
    """A file that proves something (a scanned signature, a signed copy) and its hash."""

    file: Text
    sha256: Sha256


class Signatory(Node):
    organisation: Slug
    role: str | None = None
    name: str | None = None
    date_signed: dt.date | None = None
    evidence: Evidence | None = None


class ReferenceKind(StrEnum):
    LEGISLATION = "legislation"
    GUIDANCE = "guidance"
    PROCEDURE = "procedure"
    STANDARD = "standard"
    MARKING = "marking"
    OTHER = "other"


class Reference(Node):
    """A law, guidance or procedure the document cites, as it cites it."""

    title: Text
    kind: ReferenceKind = ReferenceKind.OTHER
    url: str | None = None


class JointControllers(Node):
    """An Article 26 arrangement: who are joint controllers and who does what."""

    parties: list[Slug]
    responsibilities: list[Text] = Field(default_factory=list)
    contact_point: str | None = None


class Section(Node):
    """Partnership-specific text for a section of a generated document."""

    id: Slug
    title: Text
    paragraphs: list[Text] = Field(default_factory=list)
    items: list[Text] = Field(default_factory=list)


class Waiver(Node):
    """A justified, approved and expiring exception to one check for one subject."""

    code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,4}\d{3}$")]
    subject: Text
    """The organisation or document id the finding is about."""
    reason: Text
    approved_by: Text
    expires: dt.date


class Document(Node):
    """One information governance document: an ISA, MOU, operational protocol or guidance."""

    id: Slug
    kind: DocumentKind
    title: Text
    version: Text
    status: DocumentStatus
    owner: str | None = None
    """The owning role or body."""
    author: str | None = None
    classification: str | None = None
    """Security marking for the header and footer, e.g. ``OFFICIAL``."""
    description: str | None = None
    created: ApproxDate | None = None
    issued: ApproxDate | None = None
    purpose: str | None = None
    scope: str | None = None
    parties: list[Slug] = Field(default_factory=list)
    joint_controllers: list[JointControllers] = Field(default_factory=list)
    lawful_bases: list[LawfulBasis] = Field(default_factory=list)
    data_shared: DataShared | None = None
    retention: list[RetentionRule] = Field(default_factory=list)
    security: Security | None = None
    rights: Rights | None = None
    review: Review | None = None
    termination_notice_days: Annotated[int, Field(ge=0)] | None = None
    consultation_log: list[Consultation] = Field(default_factory=list)
    approval_log: list[Approval] = Field(default_factory=list)
    history: list[VersionEntry] = Field(default_factory=list)
    signatories: list[Signatory] = Field(default_factory=list)
    signed_copy: Evidence | None = None
    """The signed output file; the build refuses to overwrite a file with this hash."""
    references: list[Reference] = Field(default_factory=list)
    clauses: list[Slug] = Field(default_factory=list)
    """Clause-library entries to include (empty: the partnership's default selection)."""
    sections: list[Section] = Field(default_factory=list)
    template: str | None = None
    """A partnership's own edited template, relative to the partnership folder."""
    signature_pack_template: str | None = None
    """A partnership's own signature pack template, relative to the partnership folder."""
    supersedes: str | None = None


# --- the partnership -------------------------------------------------------------------------


class Hub(Node):
    name: Text
    address: str | None = None


class BoardMember(Node):
    role: Text
    organisation: Slug | None = None


class Board(Node):
    name: Text
    chair: str | None = None
    vice_chair: str | None = None
    members: list[BoardMember] = Field(default_factory=list)
    frequency: str | None = None
    reports_to: str | None = None
    terms_of_reference: list[Text] = Field(default_factory=list)


class Governance(Node):
    steering_group: Board | None = None
    strategic_board: Board | None = None


class Phone(Node):
    number: Text
    hours: str | None = None


class OutOfHours(Node):
    service: Text
    phone: str | None = None
    provider: str | None = None
    hours: str | None = None


class ContactRoutes(Node):
    phone: Phone | None = None
    mailboxes: list[Contact] = Field(default_factory=list)
    out_of_hours: OutOfHours | None = None
    emergency: str | None = None
    post: str | None = None
    online_form: str | None = None
    walk_in: str | None = None
    fax: str | None = None


class ReferralCategory(Node):
    id: Slug
    name: Text
    description: str | None = None


class RagLevel(Node):
    name: Text
    colour: Text
    priority: Annotated[int, Field(ge=1)]
    """1 is the most urgent."""
    label: str | None = None
    """The scheme's own word for the priority, e.g. ``High``, ``Level 4``."""
    description: str | None = None
    timescale: Duration
    actions: list[Text] = Field(default_factory=list)


class RagScheme(Node):
    name: Text
    levels: list[RagLevel]


class EscalationLevel(Node):
    level: Annotated[int, Field(ge=1)]
    role: Text
    description: str | None = None


class Escalation(Node):
    levels: list[EscalationLevel]
    time_limit: Duration | None = None
    final_decision: str | None = None


class Notify(StrEnum):
    LETTER = "letter"
    PHONE = "phone"
    NONE = "none"


class Outcome(Node):
    """A decision the hub can reach, and how referrer and family are told of it."""

    id: Slug
    description: Text
    rag: str | None = None
    referrer: Notify = Notify.LETTER
    family: Notify = Notify.LETTER


class PartnershipInfo(Node):
    """What ``partnership.yaml`` holds: the hub itself and how it works."""

    id: Slug
    name: Text
    area: Text
    hub: Hub
    lead_organisation: Slug
    governance: Governance = Field(default_factory=Governance)
    contact_routes: ContactRoutes = Field(default_factory=ContactRoutes)
    referral_categories: list[ReferralCategory] = Field(default_factory=list)
    referral_sources: list[Text] = Field(default_factory=list)
    rag_scheme: RagScheme | None = None
    escalation: Escalation | None = None
    outcomes: list[Outcome] = Field(default_factory=list)
    clauses: list[Slug] = Field(default_factory=list)
    """Default clause-library selection for this partnership's documents."""
    waivers: list[Waiver] = Field(default_factory=list)


class OrganisationsFile(Node):
    """What ``organisations.yaml`` holds."""

    organisations: list[Organisation]


class Partnership(PartnershipInfo):
    """A whole partnership: ``partnership.yaml`` plus its organisations and documents."""

    partners: list[Organisation] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)

    _org_index: dict[str, Organisation] | None = PrivateAttr(default=None)
    _folder: str | None = PrivateAttr(default=None)

    @property
    def folder(self) -> str | None:
        """The folder this partnership was loaded from (as displayed in messages)."""
        return self._folder

    def organisation(self, org_id: str) -> Organisation:
        return self._orgs()[org_id]

    def _orgs(self) -> dict[str, Organisation]:
        cache = self._org_index
        if cache is None or len(cache) != len(self.partners):
            cache = self._org_index = {o.id: o for o in self.partners}
        return cache

    def controller_of(self, org: Organisation) -> Organisation:
        """The body whose ICO registration covers ``org`` (itself, or what it is part of)."""
        seen: set[str] = set()
        orgs = self._orgs()
        while org.part_of and org.part_of in orgs and org.id not in seen:
            seen.add(org.id)
            org = orgs[org.part_of]
        return org

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)


def dump_data(model: BaseModel) -> dict[str, Any]:
    """Plain data for YAML: JSON types, defaults left out so files stay short."""
    return model.model_dump(mode="json", exclude_defaults=True)
