"""The partners: organisations, their contacts, presence in the hub and registrations."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from isa_kit.data.enums import (
    ControllerRole,
    DsptStatus,
    HubPresence,
    OrgType,
)
from isa_kit.data.model.base import Domain, Email, Node, Slug, Text

# --- organisations ---------------------------------------------------------------------------


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
    """How the other files refer to this partner: lower-case letters, digits and hyphens."""
    name: Text
    """The organisation's legal name, as registered with the ICO."""
    short_name: str | None = None
    type: OrgType
    """What kind of body it is: local-authority, police, nhs-trust, icb, probation, school-college, ..."""
    public_authority: bool
    """Whether it is a public authority (it then cannot rely on legitimate interests for its tasks)."""
    part_of: Slug | None = None
    """The organisation this one is a department of; it shares that body's ICO registration."""
    controller_role: ControllerRole = ControllerRole.CONTROLLER
    """Its role for the hub's data: controller, joint-controller or processor."""
    ico_registration: str | None = None
    """ICO data protection fee register reference, as published (e.g. ``Z6665870``)."""
    dspt_status: DsptStatus | None = None
    ig_contacts: IgContacts = Field(default_factory=IgContacts)
    contacts: list[Contact] = Field(default_factory=list)
    """Ways to reach its roles in the hub: role, email, phone, hours (roles, not people)."""
    secure_email_domains: list[Domain] = Field(default_factory=list)
    """Email domains it sends from securely, e.g. ``nhs.net``, ``demoshire.gov.uk``."""
    presence: HubPresence = HubPresence.NONE
    """How it works with the hub: co-located, virtual, linked or none."""
    staffing: list[StaffRole] = Field(default_factory=list)
    responsibilities: list[Text] = Field(default_factory=list)
    systems: list[Text] = Field(default_factory=list)
    """Agency systems searched for the hub, e.g. ``LCS``, ``SystmOne``."""
    notes: str | None = None
    """The modeller's notes (where the record came from, what the source leaves unsaid). Metadata
    only: never shown in a generated document; put what the partners agreed in
    ``responsibilities`` instead."""
