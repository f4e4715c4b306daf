"""The memorandum of understanding template, following the Staffordshire MOU sections.

Built by :func:`mou` and written to templates/mou.docx by make_templates.py.
"""

from __future__ import annotations

from template_builder import Builder
from template_common import (
    clause_blocks,
    cover,
    document_control,
    escalation,
    extra_sections,
    references,
    retention_table,
    review_paragraph,
    signature_table,
)


def mou() -> Builder:
    b = Builder("memorandum of understanding")
    cover(b)
    document_control(b)

    b.h1("Purpose of this memorandum")
    b.p(
        "{% if document.purpose %}{{ document.purpose }}{% else %}This memorandum sets out how "
        "the partners of {{ partnership.hub.name }} share, use and protect information within "
        "the hub, so that each meets its statutory duties and handles information under its "
        "own policies.{% endif %}"
    )

    b.h1("1. Introduction")
    b.p(
        "{{ partnership.hub.name }} serves {{ partnership.area }}."
        "{% if partnership.governance.strategic_board %} It is governed by "
        "{{ partnership.governance.strategic_board.name }}.{% endif %}"
        "{% if partnership.governance.steering_group %} "
        "{{ partnership.governance.steering_group.name }} oversees its operational arrangements "
        "and owns and reviews this memorandum.{% endif %}"
    )
    b.p(
        "This memorandum applies to every organisation whose staff work in or with the hub"
        "{% if partnership.hub.address %} at {{ partnership.hub.address }}{% endif %}:"
    )
    b.each("party", "parties", "{{ party.name }}")
    b.p(
        "It builds on the partnership's information sharing agreement and does not replace it. "
        "Information shared in the hub may be sensitive or confidential; each partner marks "
        "and handles it under the Government Security Classifications ({{ classification }})."
    )
    b.slot("introduction")
    b.h2("Legal authorities")
    b.p(
        "The sharing rests on the law and guidance below. The list gives examples and is not "
        "exhaustive; every partner has agreed that it may share information for these purposes."
    )
    b.tag("{%p if legal_authorities %}")
    b.each("authority", "legal_authorities", "{{ authority }}")
    b.tag("{%p else %}")
    for text in (
        "UK General Data Protection Regulation and the Data Protection Act 2018",
        "Human Rights Act 1998, Article 8",
        "Children Act 1989, sections 17 and 47; Children Act 2004, sections 10 and 11",
        "Care Act 2014, sections 42 and 45",
        "Crime and Disorder Act 1998, section 115",
        "The common law duty of confidentiality",
        "Working Together to Safeguard Children 2023",
        "The eight Caldicott principles (2020)",
    ):
        b.bullet(text)
    b.tag("{%p endif %}")

    b.h1("2. The principle of the hub")
    b.p(
        "Information exchanged in the hub helps practitioners make better decisions, and so "
        "helps every partner protect the people it serves."
    )
    b.p(
        "Within the hub, partners make the information they hold available to one another on "
        "the terms of this memorandum, so that decisions rest on the whole picture rather than "
        "on fragments held in separate services."
    )
    b.p(
        "Staff who work in the hub are trained in the law on information sharing, can apply it "
        "in practice, and record a structured reason for each decision."
    )
    b.slot("principle-of-mash")

    b.h1("3. Confidentiality")
    b.p(
        "The hub is a confidential environment: its staff may discuss cases and view the "
        "information each partner provides so that they can see the whole picture and decide "
        "what goes to the staff who will act on it."
    )
    b.p(
        "Every decision weighs the value of the information against the risk of disclosing "
        "it: is sharing relevant, necessary, justified and proportionate, and why? Information "
        "is shared because someone needs to know it, not because it would be nice to know."
    )
    b.p(
        "Staff may ask a designated, vetted supervisor outside the hub for advice. The "
        "supervisor uses what they hear only to advise, and does not record it elsewhere."
    )
    b.p(
        "Where only part of the information is relevant, or its source must be protected, it "
        "may be summarised or redacted before it leaves the hub; the decision is recorded so "
        "that there is an audit trail back to the original."
    )
    b.p(
        "Each partner trains its hub staff in multi-agency procedures and keeps that training "
        "up to date. Staff who handle information in the hub are vetted"
        "{% if security.vetting %} ({{ security.vetting }}){% endif %}."
    )
    b.slot("confidentiality")

    b.h1("4. Usage")
    b.p(
        "Information is used only for the safeguarding purposes that fall within each "
        "partner's statutory functions: protecting life, and safeguarding children and adults "
        "at risk. Its use must be necessary, justified and proportionate to that purpose."
    )
    b.p(
        "Hub staff decide how relevant the information they see is to the enquiry in hand, "
        "and use only the relevant parts. The law on disclosure applies to every decision, for "
        "example a policing purpose for police information."
    )
    b.p(
        "Where information has been summarised or redacted before it leaves the hub, the "
        "original is kept so that obligations under the Criminal Procedure and Investigations "
        "Act 1996 can be met."
    )
    b.p(
        "A partner that wants to use information outside the purposes agreed here first asks "
        "the partner that provided it. Front-line staff may ask the hub for more information as "
        "circumstances change; the same process applies."
    )
    b.slot("usage")

    b.h1("5. Process")
    b.p(
        "How information is requested, shared, decided on and passed on is set out in the "
        "hub's operational protocol and does not form part of this memorandum."
    )
    b.slot("process")

    b.h1("6. Supervision")
    b.p(
        "Decisions are made face to face in the hub wherever possible. Where a member of staff "
        "needs a supervisor's advice, they may brief a designated and vetted supervisor by "
        "phone. Information not agreed for dissemination is not otherwise sent out of the hub "
        "by any means, and no computer system is used for such briefings."
    )
    b.p(
        "The supervisor uses the briefing only to advise. Anyone further up the line of "
        "management who is briefed must also be designated, vetted and familiar with this "
        "memorandum. The hub keeps a record of these briefings."
    )
    b.slot("supervision")

    b.h1("7. Escalation")
    escalation(b)
    b.slot("escalation")

    b.h1("8. Security")
    b.p(
        "Each partner remains the controller of, and responsible for, its own information, and "
        "agrees to its use in the hub as this memorandum sets out. Each partner names "
        "information governance leads who link the hub to its own data protection, Caldicott "
        "and security teams:"
    )
    b.table(
        "Information governance leads",
        [
            "Organisation",
            "Data protection officer",
            "Caldicott Guardian",
            "Senior information risk owner",
        ],
        [
            "{{ party.name }}",
            "{% if party.ig_contacts.dpo %}{{ party.ig_contacts.dpo.role }}{% else %}Not recorded{% endif %}",
            "{% if party.ig_contacts.caldicott_guardian %}{{ party.ig_contacts.caldicott_guardian.role }}{% else %}Not recorded{% endif %}",
            "{% if party.ig_contacts.siro %}{{ party.ig_contacts.siro.role }}{% else %}Not recorded{% endif %}",
        ],
        loop="party in parties",
        widths=[5.0, 3.9, 3.9, 3.8],
    )
    b.slot("security")

    b.h1("9. Data retention")
    b.p(
        "Each partner keeps information under its own retention schedule. Where an enquiry or "
        "investigation follows from sharing in the hub, the retention rules for that enquiry "
        "apply. Records the hub itself keeps are retained as follows:"
    )
    retention_table(b)
    b.slot("data-retention")

    b.h1("10. Compliance")
    b.p(
        "Each partner adopts this memorandum as part of its own policies and procedures. A "
        "failure to comply with it is dealt with under the partner's own misconduct or "
        "disciplinary procedures, and personal data breaches are handled as the information "
        "sharing agreement sets out."
    )
    b.slot("compliance")

    b.h1("11. Review")
    review_paragraph(b, "memorandum")

    b.h1("12. Signatures")
    b.p("A senior officer of each partner signs to adopt this memorandum.")
    signature_table(b)

    b.h1("Annex A: standard clauses")
    clause_blocks(b)
    references(b, "Annex B: references")
    extra_sections(b, "Annex C: local arrangements")
    return b
