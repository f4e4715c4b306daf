"""The information sharing agreement template, in ICO Data Sharing Code order.

Built by :func:`isa` and written to templates/isa.docx by make_templates.py.
"""

from __future__ import annotations

from template_builder import Builder
from template_common import (
    PARTIES_CELL,
    clause_blocks,
    cover,
    document_control,
    extra_sections,
    references,
    retention_table,
    review_paragraph,
    signature_table,
)


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
