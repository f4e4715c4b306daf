"""The partnership: the hub, its governance, contact routes, RAG scheme, escalation and
outcomes, and the whole :class:`Partnership` its files make."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, PrivateAttr

from isa_kit.data.enums import (
    Notify,
)
from isa_kit.data.model.base import Node, Slug, Text
from isa_kit.data.model.document import Document, Waiver
from isa_kit.data.model.organisation import Contact, Organisation
from isa_kit.data.nodes import PartnershipMethods
from isa_kit.data.values import Duration

# --- the partnership -------------------------------------------------------------------------


class Hub(Node):
    name: Text
    """What the hub is called, e.g. ``Demoshire MASH``."""
    address: str | None = None
    """Where the hub team works (a building, not a person's address)."""


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


class Outcome(Node):
    """A decision the hub can reach, and how referrer and family are told of it."""

    id: Slug
    description: Text
    rag: str | None = None
    referrer: Notify | None = None
    """How the referrer is told (absent: the data does not say, and the documents say so)."""
    family: Notify | None = None


class PartnershipInfo(Node):
    """What ``partnership.yaml`` holds: the hub itself and how it works."""

    id: Slug
    """The partnership's id: lower-case letters, digits and hyphens, usually its folder name."""
    name: Text
    """The partnership's full name, as the documents' title pages give it."""
    area: Text
    """The area the hub serves, e.g. a county or borough."""
    hub: Hub
    """The hub itself: its name and where it works."""
    lead_organisation: Slug
    """The id of the partner that hosts the hub (one of the organisations in ``organisations.yaml``)."""
    governance: Governance = Field(default_factory=Governance)
    contact_routes: ContactRoutes = Field(default_factory=ContactRoutes)
    referral_categories: list[ReferralCategory] = Field(default_factory=list)
    referral_sources: list[Text] = Field(default_factory=list)
    rag_scheme: RagScheme | None = None
    escalation: Escalation | None = None
    outcomes: list[Outcome] = Field(default_factory=list)
    """Decisions the hub can reach (each with an id), and how referrer and family are told."""
    clauses: list[Slug] = Field(default_factory=list)
    """Default clause-library selection for this partnership's documents."""
    waivers: list[Waiver] = Field(default_factory=list)
    """Approved, expiring exceptions to a check: code, subject, reason, approved_by, expires."""


class OrganisationsFile(Node):
    """What ``organisations.yaml`` holds."""

    organisations: list[Organisation]
    """Every partner that shares through the hub, one entry each."""


class Partnership(PartnershipInfo, PartnershipMethods):
    """A whole partnership: ``partnership.yaml`` plus its organisations and documents."""

    partners: list[Organisation] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)

    _org_index: dict[str, Organisation] | None = PrivateAttr(default=None)
    _folder: str | None = PrivateAttr(default=None)

    def adopt_origin(self, info: PartnershipInfo, *, folder: str) -> None:
        """Take the position of the ``partnership.yaml`` it was assembled from, and its folder."""
        self._origin = info._origin
        self._folder = folder
