"""Shared views of a partnership that several checks read: which documents are in force,
who a lawful basis covers, every email domain, and every out-of-date citation in free text.

Each view is computed once per check context (``ctx.memo``) and is a pure function of the
partnership, the policy and the knowledge base.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from isa_kit.data.model import (
    Document,
    DocumentKind,
    DocumentStatus,
    LawfulBasis,
    Node,
    Organisation,
    OrgType,
    Partnership,
)
from isa_kit.data.yaml import PathSeg, format_path
from isa_kit.reference.knowledge import TextMatch
from isa_kit.reference.review_periods import review_periods_in

from .base import CheckContext

BINDING = frozenset({DocumentStatus.FINAL, DocumentStatus.SIGNED})
DEFUNCT_TYPES = frozenset({OrgType.CCG, OrgType.CRC})


def live_documents(p: Partnership) -> list[Document]:
    """Documents not superseded: the ones that still govern sharing."""
    return [d for d in p.documents if d.status != DocumentStatus.SUPERSEDED]


def binding_documents(p: Partnership) -> list[Document]:
    """Final or signed documents (drafts are work in progress)."""
    return [d for d in p.documents if d.status in BINDING]


def shares_data(doc: Document) -> bool:
    """Whether the document governs sharing personal data between its parties.

    An ISA always does; so does any document that says which data it shares; and so does an
    MOU or operational protocol between two or more parties, because a MASH's MOU and
    protocol are how its partners share personal data, whatever their title. Guidance only
    advises, so it is held to this standard only when it records data it shares.
    """
    if doc.kind == DocumentKind.ISA or bool(doc.data_shared and doc.data_shared.categories):
        return True
    return doc.kind in (DocumentKind.MOU, DocumentKind.PROTOCOL) and len(doc.parties) >= 2


def bases_for(doc: Document, party: str) -> list[LawfulBasis]:
    """The lawful bases that apply to ``party`` (an empty ``parties`` list means everyone)."""
    return [b for b in doc.lawful_bases if not b.parties or party in b.parties]


def organisation(p: Partnership, org_id: str, ctx: CheckContext) -> Organisation | None:
    """The partner with this id (``None`` if unknown), through an index built once."""
    index = ctx.memo("organisations", lambda: {o.id: o for o in p.partners})
    return index.get(org_id)


def controller_id(p: Partnership, org_id: str, ctx: CheckContext) -> str:
    """The id of the body whose registration covers ``org_id`` (itself or what it is part of)."""

    def compute() -> dict[str, str]:
        return {o.id: p.controller_of(o).id for o in p.partners}

    return ctx.memo("controllers", compute).get(org_id, org_id)


# --- email domains ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EmailSite:
    """One email domain written in the data, and where."""

    node: Node
    path: tuple[PathSeg, ...]
    domain: str
    subject: str
    document: str | None
    declared: bool
    """True for a declaration of what is secure (an organisation's ``secure_email_domains``
    or a channel's ``domains``), false for an address someone will send mail to."""
    what: str


def allow_list(p: Partnership, ctx: CheckContext) -> tuple[str, ...]:
    """The policy's secure domains, each partner's own and each secure-email channel's."""
    from isa_kit.reference.secure_email import secure_allow_list

    return ctx.memo("allow-list", lambda: secure_allow_list(p, ctx.policy))


def email_sites(p: Partnership, ctx: CheckContext) -> list[EmailSite]:
    def compute() -> list[EmailSite]:
        out: list[EmailSite] = []

        def address(node: Node, email: str | None, subject: str, what: str) -> None:
            if email and "@" in email:
                out.append(
                    EmailSite(node, ("email",), email.rsplit("@", 1)[1], subject, None, False, what)
                )

        for box in p.contact_routes.mailboxes:
            address(box, box.email, p.id, f"hub mailbox '{box.role}'")
        for org in p.partners:
            for contact in org.contacts:
                address(contact, contact.email, org.id, f"contact '{contact.role}'")
            ig = org.ig_contacts
            for label, c in (
                ("Data Protection Officer", ig.dpo),
                ("Caldicott Guardian", ig.caldicott_guardian),
                ("SIRO", ig.siro),
            ):
                if c is not None:
                    address(c, c.email, org.id, f"{label} contact")
            for j, domain in enumerate(org.secure_email_domains):
                out.append(
                    EmailSite(
                        org,
                        ("secure_email_domains", j),
                        domain,
                        org.id,
                        None,
                        True,
                        "secure domain",
                    )
                )
        for doc in live_documents(p):
            for ch in doc.security.transfer_channels if doc.security else []:
                for j, domain in enumerate(ch.domains):
                    out.append(
                        EmailSite(
                            ch, ("domains", j), domain, doc.id, doc.id, True, "channel domain"
                        )
                    )
        return out

    return ctx.memo("email-sites", compute)


# --- free text -------------------------------------------------------------------------------

_SKIP = frozenset(
    {
        "id",
        "email",
        "phone",
        "url",
        "file",
        "sha256",
        "history",
        "approval_log",
        "consultation_log",
        "supersedes",
        "template",
        "secure_email_domains",
        "domains",
        "parties",
        "organisation",
        "part_of",
        "lead_organisation",
        "clauses",
        "waivers",
        "evidence",
        "signed_copy",
        "hours",
        "colour",
        "partners",
        "documents",
        "ico_registration",
    }
)


@dataclass(frozen=True, slots=True)
class TextSite:
    """An out-of-date citation found in a free-text field."""

    node: Node
    path: tuple[PathSeg, ...]
    field: str
    """The field as the YAML names it, relative to the subject (``references[2].title``)."""
    match: TextMatch
    subject: str
    document: str | None


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type[Node]) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(n for n in cls.model_fields if n not in _SKIP)
    return names


def _strings(
    node: Node, rel: tuple[PathSeg, ...]
) -> Iterator[tuple[Node, tuple[PathSeg, ...], tuple[PathSeg, ...], str]]:
    """Every free-text string under ``node``: (owner, path in owner, path from subject, text).

    ``type(x) is str`` leaves out enum members (``StrEnum`` values are not plain ``str``).
    """
    values: dict[str, Any] = node.__dict__
    for name in _fields(type(node)):
        value = values.get(name)
        if type(value) is str:
            yield node, (name,), (*rel, name), value
        elif type(value) is list:
            for i, item in enumerate(value):
                if type(item) is str:
                    yield node, (name, i), (*rel, name, i), item
                elif isinstance(item, Node):
                    yield from _strings(item, (*rel, name, i))
        elif isinstance(value, Node):
            yield from _strings(value, (*rel, name))


_PAST = frozenset({"history", "consultation_log", "approval_log", "references"})


def stated_review_periods(doc: Document) -> list[tuple[Node, tuple[PathSeg, ...], int, str]]:
    """Review periods the document's own free text states (``reviewed every two years``):
    (node, field path, months, the words). Logs and references record the past: skipped."""
    out: list[tuple[Node, tuple[PathSeg, ...], int, str]] = []
    for owner, path, rel, text in _strings(doc, ()):
        if rel and rel[0] in _PAST:
            continue
        for months, _span, said in review_periods_in(text):
            out.append((owner, path, months, said))
    return out


def text_sites(p: Partnership, ctx: CheckContext) -> list[TextSite]:
    """Every citation the knowledge base flags, in the partnership, its partners and its
    documents in force (version history and logs are records of the past and are skipped)."""

    def compute() -> list[TextSite]:
        scan = ctx.knowledge.scan_text
        out: list[TextSite] = []

        def visit(root: Node, subject: str, document: str | None) -> None:
            for owner, path, rel, text in _strings(root, ()):
                # One finding per field for each thing out of date (an acronym and the full
                # name of the same defunct body in one sentence are one finding).
                seen: set[tuple[str, str]] = set()
                for m in scan(text):
                    key = (m.category.value, m.replaced_by or m.entry_id)
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append(TextSite(owner, path, format_path(rel), m, subject, document))

        visit(p, p.id, None)
        for org in p.partners:
            visit(org, org.id, None)
        for doc in live_documents(p):
            visit(doc, doc.id, doc.id)
        return out

    return ctx.memo("text-sites", compute)
