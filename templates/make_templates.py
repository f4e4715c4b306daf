"""Generate the default Word templates: ``python templates/make_templates.py``.

Writes isa.docx, mou.docx, protocol.docx, guidance.docx and signature-pack.docx next to this
script (or into the folder given as the first argument). The placeholders are described in docs/templates.md. The wording is the kit's own,
written against current law and guidance (UK GDPR and the Data Protection Act 2018, Working
Together to Safeguard Children 2023, Information sharing advice 2024, the eight Caldicott
principles of 2020); the section structure follows the ICO Data Sharing Code (ISA), the
Staffordshire MOU, the Barnet and Northamptonshire protocols and the Herefordshire guidance.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _builder import Builder  # noqa: E402

HERE = Path(__file__).resolve().parent
NR = 'default("Not recorded")'
PARTIES_CELL = (
    "{% if basis.parties %}{{ names(basis.parties) | join_and }}{% else %}All parties{% endif %}"
)


def cover(b: Builder) -> None:
    b.title("{{ document.title }}")
    b.p("{{ partnership.name }}")
    b.p("{{ kind_name }}, version {{ document.version }} ({{ document.status | words }})")
    b.p("{{ classification }}", label="Security classification:")


def document_control(b: Builder) -> None:
    b.h1("Document control")
    b.rows_table(
        "Document control",
        ["Item", "Detail"],
        [
            ["Title", "{{ document.title }}"],
            ["Partnership", "{{ partnership.name }}"],
            ["Version", "{{ document.version }}"],
            ["Status", "{{ document.status | words | sentence }}"],
            ["Owner", f"{{{{ document.owner | {NR} }}}}"],
            ["Author", f"{{{{ document.author | {NR} }}}}"],
            ["Security classification", "{{ classification }}"],
            ["Date created", f"{{{{ document.created | date | {NR} }}}}"],
            ["Date issued", f"{{{{ document.issued | date | {NR} }}}}"],
            ["Last reviewed", f"{{{{ review.last_reviewed | date | {NR} }}}}"],
            ["Next review due", f"{{{{ review.next_review | date | {NR} }}}}"],
            ["Reviewed by", f"{{{{ review.reviewer | {NR} }}}}"],
            ["Supersedes", '{{ document.supersedes | default("Not applicable") }}'],
        ],
        [5.0, 11.6],
    )
    b.h2("Version history")
    b.table(
        "Version history",
        ["Version", "Date", "Author", "Description of change"],
        [
            "{{ entry.version }}",
            '{{ entry.date | date | default("") }}',
            '{{ entry.author | default("") }}',
            '{{ entry.description | default(entry.reason) | default("") }}',
        ],
        loop="entry in document.history",
        empty="No versions recorded",
        widths=[2.2, 3.2, 4.0, 7.2],
    )
    b.h2("Approval log")
    b.table(
        "Approval log",
        ["Stage", "Given by", "Date", "Version"],
        [
            "{{ approval.stage | sentence }}",
            "{{ approval.by }}",
            '{{ approval.date | date | default("") }}',
            '{{ approval.version | default("") }}',
        ],
        loop="approval in document.approval_log",
        empty="No approvals recorded",
        widths=[3.6, 7.0, 3.4, 2.6],
    )


def clause_blocks(b: Builder, level: str = "h2") -> None:
    b.tag("{%p for clause in clauses %}")
    getattr(b, level)("{{ clause.title }}")
    b.each("para", "clause.text", "{{ para }}", style="Normal")
    b.each("item", "clause.items", "{{ item }}")
    b.each("question", "clause.questions", "{{ question }}")
    b.each("para", "section(clause.id).paragraphs", "{{ para }}", style="Normal")
    b.each("item", "section(clause.id).items", "{{ item }}")
    b.p("Source: {{ clause.source }} (in force from {{ clause.effective | date }}).", small=True)
    b.tag("{%p endfor %}")


def extra_sections(b: Builder, heading: str) -> None:
    b.tag("{%p if extra_sections %}")
    b.h1(heading)
    b.tag("{%p for s in extra_sections %}")
    b.h2("{{ s.title }}")
    b.each("para", "s.paragraphs", "{{ para }}", style="Normal")
    b.each("item", "s.items", "{{ item }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")


def references(b: Builder, heading: str) -> None:
    b.tag("{%p if document.references %}")
    b.h1(heading)
    b.table(
        "References",
        ["Title", "Kind", "Link"],
        ["{{ ref.title }}", "{{ ref.kind | words | sentence }}", '{{ ref.url | default("") }}'],
        loop="ref in document.references",
        widths=[9.0, 3.0, 4.6],
    )
    b.tag("{%p endif %}")


def signature_table(b: Builder) -> None:
    b.table(
        "Signatures",
        ["Organisation", "Role", "Name", "Signature", "Date"],
        [
            "{{ s.organisation.name }}",
            '{{ s.role | default("Authorised signatory") }}',
            '{{ s.name | default("") }}',
            # A regenerated copy of a signed agreement says so, rather than showing a blank
            # that reads as "never signed"; unsigned rows stay blank for the pen.
            "{% if s.signed %}Signed{% if s.evidence %} (evidence: {{ s.evidence }}){% endif %}"
            "{% endif %}",
            '{{ s.date_signed | date | default("") }}',
        ],
        loop="s in signatories",
        widths=[5.0, 3.8, 3.0, 2.8, 2.0],
    )


def review_paragraph(b: Builder, what: str) -> None:
    b.p(
        f"This {what} is reviewed "
        '{% if review.period_months %}every {{ review.period_months | plural("month") }}'
        "{% else %}regularly{% endif %}{% if review.reviewer %} by {{ review.reviewer }}{% endif %}"
        ", and sooner if the law, the partners or the purposes of the sharing change."
        "{% if review.next_review %} The next review is due by {{ review.next_review | date }}."
        "{% endif %}"
    )


def escalation(b: Builder) -> None:
    b.tag("{%p if partnership.escalation %}")
    b.p(
        "Where partners disagree, for example about whether information is relevant or "
        "whether it may be used, and the staff and managers involved cannot resolve it, the "
        "disagreement is escalated in this order:"
    )
    b.table(
        "Escalation levels",
        ["Level", "Role", "What happens"],
        ["{{ lvl.level }}", "{{ lvl.role }}", '{{ lvl.description | default("") }}'],
        loop="lvl in partnership.escalation.levels",
        widths=[1.6, 6.0, 9.0],
    )
    b.tag("{%p if partnership.escalation.time_limit %}")
    b.p(
        "Each level responds {{ partnership.escalation.time_limit | duration }} of the "
        "disagreement reaching it."
    )
    b.tag("{%p endif %}")
    b.p(
        "{% if partnership.escalation.final_decision %}{{ partnership.escalation.final_decision }}"
        "{% else %}If agreement still cannot be reached, the decision lies with the controller of "
        "the information. The decision and the reasons for it are recorded.{% endif %}"
    )
    b.tag("{%p else %}")
    b.p(
        "Disagreements are resolved first between the practitioners and managers involved, "
        "then between the partners' senior managers. If agreement cannot be reached, the "
        "decision lies with the controller of the information, and it is recorded with its reasons."
    )
    b.tag("{%p endif %}")


def retention_table(b: Builder) -> None:
    b.table(
        "Retention periods",
        ["Record", "Kept for", "From", "Disposal", "Responsible"],
        [
            "{{ rule.record_type }}",
            "{{ rule.period }}",
            '{{ rule.trigger | default("") }}',
            '{{ rule.disposal | default("") }}',
            '{{ rule.owner | default("") }}',
        ],
        loop="rule in document.retention",
        empty="No retention periods recorded",
        widths=[4.0, 3.2, 3.4, 3.4, 2.6],
    )


# --- the information sharing agreement (ICO Data Sharing Code order) ---------------------------


def isa() -> Builder:
    b = Builder("information sharing agreement")
    cover(b)
    document_control(b)

    b.h1("1. Purpose of the sharing")
    b.p("{{ document.purpose }}")
    b.tag("{%p if document.scope %}")
    b.p("{{ document.scope }}")
    b.tag("{%p endif %}")
    b.tag("{%p if data_shared.purposes %}")
    b.p("The parties share information under this agreement to:")
    b.each("purpose", "data_shared.purposes", "{{ purpose }}")
    b.tag("{%p endif %}")
    b.slot("purpose")

    b.h1("2. The parties and their roles")
    b.p(
        "The parties are the organisations below. Each is a controller of the personal data it "
        "holds and shares under this agreement unless the table says otherwise. A department "
        "or service that is part of another body is covered by that body's registration with "
        "the Information Commissioner's Office (ICO)."
    )
    b.table(
        "Parties, controller roles and ICO registration numbers",
        ["Organisation", "Type", "Controller role", "ICO registration number"],
        [
            "{{ party.name }}{% if party.part_of %} (part of {{ org(party.part_of).name }}){% endif %}",
            "{{ party.type | words | sentence }}",
            "{{ party.controller_role | words | sentence }}",
            '{{ ico(party) | default("Not recorded") }}',
        ],
        loop="party in parties",
        widths=[7.0, 3.4, 3.0, 3.2],
    )
    b.slot("parties")

    b.h1("3. Joint controllers")
    b.tag("{%p if document.joint_controllers %}")
    b.tag("{%p for jc in document.joint_controllers %}")
    b.p(
        "{{ names(jc.parties) | join_and }} are joint controllers under Article 26 of the UK "
        "GDPR for this sharing. They have agreed these responsibilities:"
    )
    b.each("duty", "jc.responsibilities", "{{ duty }}")
    b.tag("{%p if jc.contact_point %}")
    b.p("{{ jc.contact_point }}", label="Contact point for individuals:")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.p(
        "No parties are joint controllers for this sharing. Each party decides for itself why "
        "and how it uses the information it receives, and is responsible for that use."
    )
    b.tag("{%p endif %}")

    b.h1("4. The information shared")
    b.tag("{%p if data_shared.subjects %}")
    b.p("The information is about:")
    b.each("subject", "data_shared.subjects", "{{ subject }}")
    b.tag("{%p endif %}")
    b.table(
        "Categories of information shared",
        ["Category", "Description", "Special category", "Criminal offence"],
        [
            "{{ cat.name }}",
            '{{ cat.description | default("") }}',
            "{{ cat.special_category | yesno }}",
            "{{ cat.criminal_offence | yesno }}",
        ],
        loop="cat in data_shared.categories",
        empty="No categories recorded",
        widths=[4.6, 7.6, 2.2, 2.2],
    )
    b.p(
        "Partners share only the items needed for the purpose of each case, and no more than "
        "the recipient needs to know."
    )
    b.slot("data")

    b.h1("5. Lawful basis for sharing")
    b.p(
        "Each party records its own lawful basis under Article 6 of the UK GDPR and the "
        "legislation that permits or requires it to share. Where parties rely on different "
        "bases they are listed separately. A party that changes its basis tells the others, and "
        "this agreement is varied to record it."
    )
    b.table(
        "Lawful basis by party",
        ["Parties", "UK GDPR Article 6", "Legislation relied on", "Notes"],
        [
            PARTIES_CELL,
            "{% for art in basis.article_6 %}{{ art | article }} {{ art | words }}"
            "{% if not loop.last %}; {% endif %}{% else %}Not recorded{% endfor %}",
            "{% for g in basis.gateways %}{{ g.act }}{% if g.section %} {{ g.section }}{% endif %}"
            "{% if not loop.last %}; {% endif %}{% endfor %}",
            '{{ basis.notes | default("") }}',
        ],
        loop="basis in document.lawful_bases",
        empty="No lawful basis recorded",
        widths=[4.0, 4.4, 5.0, 3.2],
    )
    b.p(
        "Sharing confidential information also has to satisfy the common law duty of "
        "confidentiality and respect the right to private and family life in Article 8 of the "
        "Human Rights Act 1998: partners share only where it is necessary and proportionate."
    )

    b.h1("6. Special category and criminal offence data")
    b.p(
        "Special category data (UK GDPR Article 9) and criminal offence data (Article 10) "
        "need a condition as well as a lawful basis. The conditions each party relies on are:"
    )
    b.table(
        "Conditions for special category and criminal offence data",
        ["Parties", "Special category data (Article 9)", "Criminal offence data (Article 10)"],
        [
            PARTIES_CELL,
            "{% for c in basis.article_9 %}{{ c.article_9 | article }} {{ c.article_9 | words }}"
            "{% if c.schedule_1 %}, Data Protection Act 2018 Schedule 1 {{ c.schedule_1 }}{% endif %}"
            "{% if not loop.last %}; {% endif %}{% else %}Not relied on{% endfor %}",
            "{% for c in basis.article_10 %}Data Protection Act 2018 Schedule 1 {{ c.schedule_1 }}"
            "{% if not loop.last %}; {% endif %}{% else %}Not relied on{% endfor %}",
        ],
        loop="basis in document.lawful_bases",
        empty="No conditions recorded",
        widths=[4.2, 6.6, 5.8],
    )
    b.h2("Police: law enforcement processing")
    b.p(
        "A police force that shares for law enforcement purposes does so under Part 3 of the "
        "Data Protection Act 2018, not the UK GDPR."
    )
    b.tag("{%p for basis in part3_bases %}")
    b.p(
        PARTIES_CELL + ": the first data protection principle is met under "
        "{{ basis.part_3.section_35 }} of the Data Protection Act 2018"
        "{% if basis.part_3.schedule_8 %}; sensitive processing relies on Schedule 8 "
        "{{ basis.part_3.schedule_8 }}{% endif %}."
    )
    b.tag("{%p endfor %}")
    b.tag("{%p if not part3_bases %}")
    b.p("No party records law enforcement processing under Part 3 for this sharing.")
    b.tag("{%p endif %}")

    b.h1("7. Individuals' rights")
    b.h2("Subject access and other rights")
    b.p(
        "{% if rights.subject_access %}{{ rights.subject_access }}{% else %}A person may ask "
        "any party for a copy of the information it holds about them. The party that receives "
        "the request answers for the information it holds, free of charge and within one month "
        "(two months more for complex requests), and consults the party that provided any "
        "information before disclosing it, so that exemptions can be considered.{% endif %}"
    )
    b.p(
        "A party that corrects or deletes information it has shared tells the parties it "
        "shared it with. Requests to restrict processing or to object are handled by the "
        "party that receives them, consulting the others where their information is involved."
    )
    b.h2("Freedom of information")
    b.p(
        "{% if rights.freedom_of_information %}{{ rights.freedom_of_information }}{% else %}"
        "Requests under the Freedom of Information Act 2000 are answered by the party that "
        "receives them, after consulting the other parties where their information is involved. "
        "This agreement may be published.{% endif %}"
    )
    b.h2("Complaints")
    b.p(
        "{% if rights.complaints %}{{ rights.complaints }}{% else %}Each party handles "
        "complaints about its own use of information under its own complaints procedure. A "
        "complaint about the sharing through the hub as a whole is handled first by "
        "{{ lead.name }}. Anyone may also complain to the Information Commissioner's "
        "Office.{% endif %}"
    )

    b.h1("8. Information governance")
    b.h2("Security")
    b.p(
        "Information shared under this agreement is marked {{ classification }} and handled "
        "under the Government Security Classifications. It is sent only by these routes:"
    )
    b.table(
        "Approved ways of sending information",
        ["Method", "How", "Approved email domains"],
        [
            "{{ ch.method | words | sentence }}",
            '{{ ch.description | default("") }}',
            '{{ ch.domains | join(", ") }}',
        ],
        loop="ch in security.transfer_channels",
        empty="No transfer routes recorded",
        widths=[3.4, 8.2, 5.0],
    )
    b.tag("{%p if security.storage %}")
    b.p("Storage:")
    b.each("x", "security.storage", "{{ x }}")
    b.tag("{%p endif %}")
    b.tag("{%p if security.access %}")
    b.p("Access:")
    b.each("x", "security.access", "{{ x }}")
    b.tag("{%p endif %}")
    b.tag("{%p if security.vetting %}")
    b.p("{{ security.vetting }}", label="Vetting:")
    b.tag("{%p endif %}")
    b.tag("{%p if security.standards %}")
    b.p("{{ security.standards | join_and }}.", label="Assurance standards each party maintains:")
    b.tag("{%p endif %}")
    b.slot("security")
    b.h2("Retention and disposal")
    b.p(
        "Each party keeps shared information no longer than it needs it, and then disposes of "
        "it securely:"
    )
    retention_table(b)
    b.h2("Personal data breaches")
    b.tag("{%p if breach %}")
    b.p(
        "A party that finds a personal data breach involving information shared under this "
        "agreement reports it to {{ breach.report_to }}"
        '{% if breach.deadline_hours %} within {{ breach.deadline_hours | plural("hour") }} of '
        "finding it{% else %} without delay{% endif %}. The controller of the information "
        "decides whether the breach must be reported to the Information Commissioner's Office, "
        "which it does within 72 hours of becoming aware of it, and whether the people affected "
        "must be told."
    )
    b.tag("{%p if breach.notes %}")
    b.p("{{ breach.notes }}")
    b.tag("{%p endif %}")
    b.tag("{%p else %}")
    b.p(
        "A party that finds a personal data breach involving shared information tells the "
        "party the information came from without delay. The controller of the information "
        "decides whether to report it to the Information Commissioner's Office within 72 hours."
    )
    b.tag("{%p endif %}")
    b.h2("Review")
    review_paragraph(b, "agreement")
    b.h2("Termination")
    b.p(
        "A party may withdraw from this agreement by giving the other parties written notice"
        "{% if document.termination_notice_days is not none %} of at least "
        '{{ document.termination_notice_days | plural("day") }}{% endif %}. A party may '
        "suspend sharing at once after a serious breach of security, pending review by the "
        "parties. Information shared before withdrawal or termination is still held, "
        "protected and disposed of as this agreement sets out."
    )

    b.h1("9. Signatures")
    b.p(
        "A senior officer of each party signs for it. By signing they confirm that their "
        "organisation will share, use, protect and dispose of information as this agreement "
        "sets out. A signature pack with one page per party accompanies this agreement."
    )
    signature_table(b)

    b.h1("Annex A: standard clauses")
    clause_blocks(b)
    references(b, "Annex B: references")
    extra_sections(b, "Annex C: local arrangements")
    return b


# --- the memorandum of understanding (Staffordshire sections) ----------------------------------


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


if __name__ == "__main__":
    from _more_templates import guidance, protocol, signature_pack

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for name, build in (
        ("isa", isa),
        ("mou", mou),
        ("protocol", protocol),
        ("guidance", guidance),
        ("signature-pack", signature_pack),
    ):
        target = out / f"{name}.docx"
        build().save(target)
        print(f"wrote {target}")
