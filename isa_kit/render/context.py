"""What a template can say: the context, filters and functions (documented in docs/templates.md).

This is a stable surface: people edit templates in Word and rely on these names, and
``isa-kit templates lint`` checks placeholders against
:data:`isa_kit.render.context_types.CONTEXT_TYPES`. Add names;
do not rename or remove them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from isa_kit.core.version import __version__
from isa_kit.data.enums import DocumentKind, DocumentStatus, HubPresence, ReferenceKind
from isa_kit.data.light import blank
from isa_kit.data.values import MONTHS, ApproxDate, Duration

if TYPE_CHECKING:  # a build from the data snapshot never imports the pydantic models
    from isa_kit.data.model import (
        Contact,
        Document,
        Organisation,
        Partnership,
        Section,
        Signatory,
    )
    from isa_kit.render.clause_model import Clause

KIND_NAMES = {
    DocumentKind.ISA: "Information Sharing Agreement",
    DocumentKind.MOU: "Memorandum of Understanding",
    DocumentKind.PROTOCOL: "Operational Protocol",
    DocumentKind.GUIDANCE: "Information Sharing Guidance",
}

#: Words for enum values where replacing hyphens with spaces is not enough.
_WORDS = {
    "nhs-trust": "NHS trust",
    "icb": "integrated care board",
    "gp-practices": "GP practices",
    "ccg": "clinical commissioning group",
    "crc": "community rehabilitation company",
    "employment-social-protection": "employment, social security and social protection",
    "health-social-care": "health or social care",
    "not-for-profit": "not-for-profit body",
    "made-public": "made public by the person",
    "legal-claims": "legal claims or judicial acts",
    "archiving-research": "archiving, research or statistics",
    "dspt": "DSPT",
    "school-college": "school or college",
}


@dataclass(frozen=True, slots=True)
class Signature:
    """One signature block: a party, who signs for it, and whether it has been signed."""

    organisation: Organisation
    role: str | None
    """The signatory's role (from the document's signatories, else the party's SIRO)."""
    name: str | None
    date_signed: dt.date | None
    signed: bool
    evidence: str | None = None
    """The file recorded as evidence of the signature (e.g. a scanned signature page)."""


@dataclass(frozen=True, slots=True)
class PartyContact:
    """One way to reach a role in a partner: its contacts and information governance leads."""

    organisation: Organisation
    contact: Contact


def _empty_section(like: Document, section_id: str) -> Section:
    section: Section = blank(
        like, "Section", id=section_id, title=section_id, paragraphs=[], items=[]
    )
    return section


def build_context(
    partnership: Partnership,
    document: Document,
    clauses: Sequence[Clause],
    as_of: dt.date,
    section_slots: Iterable[str] = (),
) -> dict[str, Any]:
    """The context for one document (``section_slots``: section ids the template places)."""
    if document.parties:
        parties = [partnership.organisation(p) for p in document.parties]
    else:
        parties = list(partnership.partners)
    slots = set(section_slots)
    clause_ids = {c.id for c in clauses}  # placed after the clause by ``section(clause.id)``
    by_id = {s.id: s for s in document.sections}
    security = document.security
    # The document's own marking, or none: never guessed, and never the marking scheme the
    # shared information is handled under (security.classification, shown in its own block).
    classification = document.classification or ""

    def section(section_id: str) -> Section:
        return by_id.get(section_id) or _empty_section(document, section_id)

    def has_section(section_id: str) -> bool:
        return section_id in by_id

    def org(org_id: str) -> Organisation:
        return partnership.organisation(org_id)

    def controller(o: Organisation) -> Organisation:
        return partnership.controller_of(o)

    def ico(o: Organisation) -> str | None:
        return o.ico_registration or partnership.controller_of(o).ico_registration

    def names(ids: Iterable[str]) -> list[str]:
        return [partnership.organisation(i).name for i in ids]

    security = security or blank(document, "Security")
    rag = partnership.rag_scheme
    governance = partnership.governance
    return {
        "partnership": partnership,
        "document": document,
        "lead": partnership.organisation(partnership.lead_organisation),
        "parties": parties,
        "signatories": signatures(partnership, document, parties),
        "clauses": list(clauses),
        "extra_sections": [
            s for s in document.sections if s.id not in slots and s.id not in clause_ids
        ],
        "classification": classification,
        "kind_name": KIND_NAMES[document.kind],
        "as_of": as_of,
        "kit_version": __version__,
        "review": document.review or blank(document, "Review"),
        "security": security,
        "rights": document.rights or blank(document, "Rights"),
        "data_shared": document.data_shared or blank(document, "DataShared"),
        "breach": security.breach,
        "part3_bases": [b for b in document.lawful_bases if b.part_3 is not None],
        "legal_authorities": legal_authorities(document),
        "boards": [b for b in (governance.steering_group, governance.strategic_board) if b],
        "team": in_team(parties),
        "hub_team": in_team(partnership.partners),
        "hub_contacts": party_contacts(partnership.partners),
        "hub_secure_domains": [o for o in partnership.partners if o.secure_email_domains],
        "routes": partnership.contact_routes,
        "rag_levels": sorted(rag.levels, key=lambda lvl: lvl.priority) if rag else [],
        "contacts": party_contacts(parties),
        "secure_domains": [o for o in parties if o.secure_email_domains],
        # The signature table appears wherever the data asks for signatures: recorded
        # signatories, or parties to a final or signed document (whose blanks the checks report).
        "needs_signatures": bool(
            document.signatories
            or (
                document.parties
                and document.status in (DocumentStatus.FINAL, DocumentStatus.SIGNED)
            )
        ),
        "hub_details": not any(d.kind == DocumentKind.PROTOCOL for d in partnership.documents),
        "section": section,
        "has_section": has_section,
        "org": org,
        "controller": controller,
        "ico": ico,
        "names": names,
    }


def in_team(orgs: Sequence[Organisation]) -> list[Organisation]:
    """The partners that work in or with the hub, or whose duties in it the data records."""
    none = HubPresence.NONE
    return [o for o in orgs if o.presence != none or o.staffing or o.systems or o.responsibilities]


def party_contacts(parties: Sequence[Organisation]) -> list[PartyContact]:
    """Every partner's information governance leads, then its other contacts, in party order."""
    out: list[PartyContact] = []
    for o in parties:
        leads = o.ig_contacts
        for lead in (leads.dpo, leads.caldicott_guardian, leads.siro):
            if lead is not None:
                out.append(PartyContact(o, lead))
        out.extend(PartyContact(o, c) for c in o.contacts)
    return out


def legal_authorities(document: Document) -> list[str]:
    """The gateways of every lawful basis, then cited legislation and guidance, without repeats."""
    out: list[str] = []
    for basis in document.lawful_bases:
        for g in basis.gateways:
            out.append(f"{g.act}, {g.section}" if g.section else g.act)
    for ref in document.references:
        if ref.kind in (ReferenceKind.LEGISLATION, ReferenceKind.GUIDANCE):
            out.append(ref.title)
    return list(dict.fromkeys(out))


def signatures(
    partnership: Partnership, document: Document, parties: Sequence[Organisation]
) -> list[Signature]:
    """One block per party (in party order), then any signatory whose body is not a party."""
    recorded: dict[str, Signatory] = {}
    for given in document.signatories:
        recorded.setdefault(given.organisation, given)
    out: list[Signature] = []
    seen: set[str] = set()
    orgs = list(parties) + [
        partnership.organisation(s.organisation)
        for s in document.signatories
        if s.organisation not in {p.id for p in parties}
    ]
    for o in orgs:
        if o.id in seen:
            continue
        seen.add(o.id)
        sig = recorded.get(o.id)
        siro = o.ig_contacts.siro
        role = (sig.role if sig else None) or (siro.role if siro else None)
        out.append(
            Signature(
                organisation=o,
                role=role,
                name=sig.name if sig else None,
                date_signed=sig.date_signed if sig else None,
                signed=bool(sig and (sig.date_signed or sig.evidence)),
                evidence=sig.evidence.file if sig and sig.evidence else None,
            )
        )
    return out


# --- filters ---------------------------------------------------------------------------------


def f_date(value: Any) -> str | None:
    """``30 April 2018`` (or ``April 2018`` for a date known only to the month)."""
    if value is None:
        return None
    if isinstance(value, ApproxDate):
        return value.human()
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    return str(value)


def f_month(value: Any) -> str | None:
    """``April 2018``."""
    if value is None:
        return None
    if isinstance(value, ApproxDate | dt.date):
        return f"{MONTHS[value.month - 1]} {value.year}"
    return str(value)


def f_duration(value: Any) -> str | None:
    """``within 2 hours``, ``within 1 working day``, ``same day``."""
    if value is None:
        return None
    return value.human() if isinstance(value, Duration) else str(value)


def f_words(value: Any) -> str | None:
    """An enum value in words: ``public-task`` -> ``public task``, ``nhs-trust`` -> ``NHS trust``."""
    if value is None:
        return None
    raw = value.value if isinstance(value, Enum) else str(value)
    return _WORDS.get(raw, raw.replace("-", " "))


def f_article(value: Any) -> str | None:
    """``Article 6(1)(e)`` for a lawful basis or condition."""
    if value is None:
        return None
    article = getattr(value, "article", None)
    return str(article) if article is not None else str(value)


def f_join_and(values: Iterable[Any]) -> str:
    """``a, b and c``."""
    items = [str(v) for v in values]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def f_plural(count: int, singular: str, plural: str | None = None) -> str:
    """``1 month``, ``12 months``."""
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def f_yesno(value: Any) -> str:
    return "Yes" if value else "No"


def f_default(value: Any, fallback: Any = "", boolean: bool = False) -> Any:
    """Like Jinja's ``default``, but None (an absent YAML value) counts as missing too."""
    import jinja2

    if value is None or isinstance(value, jinja2.Undefined) or (boolean and not value):
        return fallback
    return value


def f_sentence(value: Any) -> str | None:
    """First letter in capitals: for enum words at the start of a table cell."""
    if value is None:
        return None
    text = str(value)
    return text[:1].upper() + text[1:]


def install(env: Any) -> None:
    """Add the kit's filters and functions to a Jinja environment."""
    env.filters.update(
        {
            "date": f_date,
            "month": f_month,
            "duration": f_duration,
            "words": f_words,
            "article": f_article,
            "join_and": f_join_and,
            "plural": f_plural,
            "yesno": f_yesno,
            "default": f_default,
            "d": f_default,
            "sentence": f_sentence,
        }
    )


FUNCTIONS: dict[str, str] = {
    "section": "section(id): the document's section with this id (empty if none)",
    "has_section": "has_section(id): whether the document has a section with this id",
    "org": "org(id): the partner organisation with this id",
    "controller": "controller(org): the body whose ICO registration covers org",
    "ico": "ico(org): org's ICO registration, or its controller's (None if neither)",
    "names": "names(ids): the names of the organisations with these ids",
}


def __getattr__(name: str) -> Any:
    """``CONTEXT_TYPES`` and ``FUNCTION_TYPES`` (now in :mod:`isa_kit.render.context_types`,
    which imports the pydantic models) are still importable from here."""
    if name in ("CONTEXT_TYPES", "FUNCTION_TYPES"):
        from isa_kit.render import context_types

        return getattr(context_types, name)
    raise AttributeError(name)
