"""The information governance blocks every kind of document can carry: joint controllers,
lawful bases, the information shared, security, retention, breaches, rights, review and
termination. Each appears only when the document's data records it."""

from __future__ import annotations

from template_builder import Builder
from template_common import NR, PARTIES_CELL, retention_table

#: True when the document records anything the information governance blocks show.
HAS_GOVERNANCE = (
    "document.lawful_bases or document.joint_controllers or document.data_shared "
    "or document.retention or document.security or document.rights "
    "or document.termination_notice_days is not none"
)


def joint_controllers(b: Builder, heading: str) -> None:
    b.tag("{%p if document.joint_controllers %}")
    b.h1(heading)
    b.tag("{%p for jc in document.joint_controllers %}")
    b.p("{{ names(jc.parties) | join_and }}", label="Joint controllers (UK GDPR Article 26):")
    b.each("duty", "jc.responsibilities", "{{ duty }}")
    b.tag("{%p if jc.contact_point %}")
    b.p("{{ jc.contact_point }}", label="Contact point for individuals:")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")


def information_shared(b: Builder, heading: str) -> None:
    b.tag("{%p if data_shared.subjects or data_shared.categories %}")
    b.h1(heading)
    b.tag("{%p if data_shared.subjects %}")
    b.p("The information is about:")
    b.each("subject", "data_shared.subjects", "{{ subject }}")
    b.tag("{%p endif %}")
    b.tag("{%p if data_shared.categories %}")
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
        widths=[4.6, 7.6, 2.2, 2.2],
    )
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")


def lawful_basis(b: Builder, heading: str) -> None:
    b.tag("{%p if document.lawful_bases %}")
    b.h1(heading)
    b.table(
        "Lawful basis by party",
        ["Parties", "Article 6 basis", "Legislation relied on", "Notes"],
        [
            PARTIES_CELL,
            "{% for art in basis.article_6 %}{{ art | article }} {{ art | words }}"
            "{% if not loop.last %}; {% endif %}{% else %}Not recorded{% endfor %}",
            "{% for g in basis.gateways %}{{ g.act }}{% if g.section %} {{ g.section }}{% endif %}"
            "{% if not loop.last %}; {% endif %}{% else %}Not recorded{% endfor %}",
            '{{ basis.notes | default("") }}',
        ],
        loop="basis in document.lawful_bases",
        widths=[4.0, 4.4, 5.0, 3.2],
    )
    b.table(
        "Conditions for special category and criminal offence data",
        ["Parties", "Special category data (Article 9)", "Criminal offence data (Article 10)"],
        [
            PARTIES_CELL,
            "{% for c in basis.article_9 %}{{ c.article_9 | article }} {{ c.article_9 | words }}"
            "{% if c.schedule_1 %}, Data Protection Act 2018 Schedule 1 {{ c.schedule_1 }}{% endif %}"
            "{% if not loop.last %}; {% endif %}{% else %}Not recorded{% endfor %}",
            "{% for c in basis.article_10 %}Data Protection Act 2018 Schedule 1 {{ c.schedule_1 }}"
            "{% if not loop.last %}; {% endif %}{% else %}Not recorded{% endfor %}",
        ],
        loop="basis in document.lawful_bases",
        widths=[4.2, 6.6, 5.8],
    )
    b.tag("{%p for basis in part3_bases %}")
    b.p(
        PARTIES_CELL + ": law enforcement processing, Data Protection Act 2018 Part 3, "
        "{{ basis.part_3.section_35 }}"
        "{% if basis.part_3.schedule_8 %}; sensitive processing: Schedule 8 "
        "{{ basis.part_3.schedule_8 }}{% endif %}."
    )
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")


def rights(b: Builder, heading: str) -> None:
    b.tag("{%p if document.rights %}")
    b.h1(heading)
    b.p(f"{{{{ rights.subject_access | {NR} }}}}", label="Subject access:")
    b.p(f"{{{{ rights.freedom_of_information | {NR} }}}}", label="Freedom of information:")
    b.p(f"{{{{ rights.complaints | {NR} }}}}", label="Complaints:")
    b.tag("{%p endif %}")


def security(b: Builder, heading: str) -> None:
    b.tag("{%p if document.security %}")
    b.h1(heading)
    b.tag("{%p if security.classification %}")
    b.p("{{ security.classification }}", label="Marking of shared information:")
    b.tag("{%p endif %}")
    b.tag("{%p if security.transfer_channels %}")
    b.table(
        "Approved ways of sending information",
        ["Method", "How", "Approved email domains"],
        [
            "{{ ch.method | words | sentence }}",
            '{{ ch.description | default("") }}',
            '{{ ch.domains | join(", ") }}',
        ],
        loop="ch in security.transfer_channels",
        widths=[3.4, 8.2, 5.0],
    )
    b.tag("{%p endif %}")
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
    b.p("{{ security.standards | join_and }}.", label="Assurance standards:")
    b.tag("{%p endif %}")
    b.tag("{%p if breach %}")
    b.h2("Personal data breaches")
    b.p("{{ breach.report_to }}", label="Breaches are reported to:")
    b.p(
        '{% if breach.deadline_hours %}Within {{ breach.deadline_hours | plural("hour") }}'
        "{% else %}Not recorded{% endif %}",
        label="Time limit for reporting:",
    )
    b.tag("{%p if breach.notes %}")
    b.p("{{ breach.notes }}")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")


def retention(b: Builder, heading: str) -> None:
    b.tag("{%p if document.retention %}")
    b.h1(heading)
    retention_table(b)
    b.tag("{%p endif %}")


def termination(b: Builder, heading: str) -> None:
    b.tag("{%p if document.termination_notice_days is not none %}")
    b.h1(heading)
    b.p(
        '{{ document.termination_notice_days | plural("day") }}',
        label="Written notice a party gives to withdraw:",
    )
    b.tag("{%p endif %}")


def governance_blocks(b: Builder) -> None:
    """Every block above, in ICO Data Sharing Code order, each under its own heading."""
    joint_controllers(b, "Joint controllers")
    information_shared(b, "The information shared")
    lawful_basis(b, "Lawful basis for sharing")
    rights(b, "Individuals' rights")
    security(b, "Security")
    retention(b, "Retention and disposal")
    termination(b, "Termination")
