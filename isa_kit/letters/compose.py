"""One letter: its view model, its delivery route, and its bytes.

The fast path: each template is read, patched and compiled once
(:func:`isa_kit.render.environment.load_template`); a letter is one Jinja render of the body
and footer, and a zip written directly with the template's unchanged parts compressed once
and reused (:mod:`isa_kit.render.package`). No python-docx, no docxtpl per letter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from isa_kit.data.model import LetterRule, LettersPolicy, Partnership
from isa_kit.letters.decisions import Decision
from isa_kit.reference.knowledge import Knowledge
from isa_kit.render.environment import CompiledTemplate, render_parts
from isa_kit.render.letter_context import (
    LetterDecision,
    LetterInfo,
    LetterOptions,
    LetterRecipient,
    LetterSender,
)
from isa_kit.render.package import CORE_PART, CoreProperties, build_package

LANGUAGE = "en-GB"


def long_date(day: dt.date) -> str:
    """``29 December 2026``: the GOV.UK style for dates."""
    return f"{day.day} {day:%B %Y}"


def sender_of(partnership: Partnership, policy: LettersPolicy) -> LetterSender:
    routes = partnership.contact_routes
    published = [m.email for m in routes.mailboxes if m.email and m.published]
    ooh = routes.out_of_hours
    return LetterSender(
        team=policy.sender,
        address=partnership.hub.address or routes.post or partnership.hub.name,
        phone=routes.phone.number if routes.phone else "",
        phone_hours=(routes.phone.hours or "office hours") if routes.phone else "office hours",
        email=published[0] if published else "",
        emergency=routes.emergency or "Call 999 if someone is in immediate danger.",
        out_of_hours=(
            f"{ooh.service} on {ooh.phone}" if ooh and ooh.phone else (ooh.service if ooh else "")
        )
        or "the police on 999",
        complaints=policy.complaints,
        privacy=policy.privacy,
    )


def delivery_route(decision: Decision, knowledge: Knowledge, allow: Sequence[str]) -> str:
    """``email`` only when the address's domain meets the secure email policy, else ``post``.

    The judgement is the checks' own (:meth:`Knowledge.classify_email_domain`): a domain on
    the partnership's allow-list and not webmail, retired or a near miss.
    """
    domain = decision.email_domain
    if domain is None:
        return "post"
    return "email" if knowledge.classify_email_domain(domain, tuple(allow)) is None else "post"


@dataclass(frozen=True, slots=True)
class Composed:
    reference: str
    data: bytes


def context(
    decision: Decision,
    *,
    reference: str,
    rule: LetterRule,
    partnership: Partnership,
    sender: LetterSender,
    delivery: str,
    generated: dt.datetime,
) -> dict[str, object]:
    outcome = next(o for o in partnership.outcomes if o.id == decision.outcome)
    lines = [x.strip() for x in decision.address.replace("\n", ",").split(",") if x.strip()]
    return {
        "letter": LetterInfo(
            reference=reference,
            date=long_date(generated.date()),
            heading=rule.heading,
            case_ref=decision.case_ref,
            outcome=decision.outcome,
            outcome_description=outcome.description,
            recipient_type=decision.recipient_type.value,
            delivery=delivery,
        ),
        "recipient": LetterRecipient(
            name=decision.recipient_name,
            address_lines=lines,
            organisation=decision.referrer_organisation
            if decision.recipient_type == "referrer"
            else "",
        ),
        "sender": sender,
        "decision": LetterDecision(
            decided_on=long_date(decision.decided_at.date()),
            rationale=decision.rationale,
            contact_team=decision.contact_team,
            contact_route=decision.contact_route,
        ),
        "options": LetterOptions(
            interpreter="interpreter" in decision.options,
            easy_read="easy-read" in decision.options,
            safety_advice="safety-advice" in decision.options,
            consent="consent" in decision.options,
        ),
    }


def render_letter(
    template: CompiledTemplate,
    ctx: dict[str, object],
    *,
    reference: str,
    heading: str,
    sender: str,
    generated: dt.datetime,
) -> bytes:
    """The .docx bytes of one letter (deterministic: no clock, fixed zip metadata)."""
    parts = render_parts(template, ctx)
    day = generated.date()
    parts[CORE_PART] = CoreProperties(
        title=heading,
        subject="Outcome letter",
        creator=sender,
        keywords="OFFICIAL-SENSITIVE",
        description="",
        identifier=reference,
        language=LANGUAGE,
        created=day,
        modified=day,
        category="Outcome letter",
    ).to_xml()
    members = [(info.filename, raw) for info, raw in template.members]
    return build_package(members, parts, template.sha256)
