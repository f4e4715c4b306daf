"""Information governance documents: lawful bases, data shared, retention, security,
review, version history, approvals and signatories."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from isa_kit.data.enums import (
    Art6Basis,
    Art9Condition,
    DocumentKind,
    DocumentStatus,
    ReferenceKind,
    TransferMethod,
)
from isa_kit.data.model.base import Domain, Node, Sha256, Slug, Text
from isa_kit.data.values import ApproxDate

# --- lawful basis ----------------------------------------------------------------------------


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


class Review(Node):
    period_months: Annotated[int, Field(gt=0)] | None = None
    """How often it is reviewed, in months (12: every year)."""
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


class ControlEntry(Node):
    """A document-control entry the model has no field for, as the document records it
    (``File name``, ``Master location``, ``Publisher``, ``Group access``...)."""

    label: Text
    value: Text


class Signatory(Node):
    organisation: Slug
    role: str | None = None
    name: str | None = None
    date_signed: dt.date | None = None
    evidence: Evidence | None = None


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
    """The document's id within the partnership: lower-case letters, digits and hyphens."""
    kind: DocumentKind
    """Which document it is: isa, mou, protocol or guidance."""
    title: Text
    """The title on its cover page."""
    version: Text
    """Its version number, e.g. ``0.1`` for a first draft (quote it so YAML keeps it as text)."""
    status: DocumentStatus
    """draft, final, signed or superseded."""
    owner: str | None = None
    """The owning role or body."""
    author: str | None = None
    classification: str | None = None
    """Security marking for the header and footer, e.g. ``OFFICIAL``."""
    description: str | None = None
    control: list[ControlEntry] = Field(default_factory=list)
    """Further document-control entries, shown in the document-control table in this order."""
    created: ApproxDate | None = None
    issued: ApproxDate | None = None
    purpose: str | None = None
    """Why the partners share: what the sharing is for, in a sentence or two."""
    scope: str | None = None
    parties: list[Slug] = Field(default_factory=list)
    """The ids of the organisations that are party to it."""
    joint_controllers: list[JointControllers] = Field(default_factory=list)
    lawful_bases: list[LawfulBasis] = Field(default_factory=list)
    """Each party's lawful basis: UK GDPR Article 6 (and 9, 10), DPA 2018 Part 3, gateways."""
    data_shared: DataShared | None = None
    retention: list[RetentionRule] = Field(default_factory=list)
    """How long each kind of record is kept: record_type, period, trigger, disposal."""
    security: Security | None = None
    """How data is sent and kept safe: transfer_channels, storage, access, breach procedure."""
    rights: Rights | None = None
    review: Review | None = None
    """When it is reviewed: period_months, last_reviewed, next_review, reviewer."""
    termination_notice_days: Annotated[int, Field(ge=0)] | None = None
    consultation_log: list[Consultation] = Field(default_factory=list)
    approval_log: list[Approval] = Field(default_factory=list)
    history: list[VersionEntry] = Field(default_factory=list)
    signatories: list[Signatory] = Field(default_factory=list)
    """Who signs for each party (organisation, role, date_signed), once it is final."""
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
