"""The operational protocol template, following the Barnet and Northamptonshire sections.

Built by :func:`protocol` and written to templates/protocol.docx by make_templates.py.
"""

from __future__ import annotations

from template_builder import Builder
from template_common import (
    clause_blocks,
    cover,
    document_control,
    escalation,
    extra_sections,
    retention_table,
    review_paragraph,
)


def protocol() -> Builder:
    b = Builder("operational protocol")
    cover(b)
    document_control(b)

    b.h1("Status of this document")
    b.p(
        "This protocol sets out the partnership's shared expectations, working practices and "
        "decision-making for children, young people, adults and families who come to the "
        "notice of {{ partnership.hub.name }}. Changes to it are agreed by "
        "{% if partnership.governance.steering_group %}"
        "{{ partnership.governance.steering_group.name }}{% else %}the partners{% endif %}."
    )
    b.slot("status")
    b.tag("{%p if document.references %}")
    b.p("Read it together with:")
    b.each("ref", "document.references", "{{ ref.title }}")
    b.tag("{%p endif %}")

    b.h1("1. Introduction")
    b.p(
        "{% if document.purpose %}{{ document.purpose }}{% else %}This protocol describes the "
        "purpose, remit and working arrangements of {{ partnership.hub.name }}, the single "
        "front door for safeguarding concerns in {{ partnership.area }}.{% endif %}"
    )
    b.tag("{%p if document.scope %}")
    b.p("{{ document.scope }}")
    b.tag("{%p endif %}")
    b.slot("introduction")
    b.slot("core-elements")

    b.h1("2. Aims and objectives")
    b.tag('{%p if has_section("aims") %}')
    b.slot("aims")
    b.tag("{%p elif data_shared.purposes %}")
    b.p("{{ partnership.hub.name }} aims to make sure that:")
    b.each("aim", "data_shared.purposes", "{{ aim }}")
    b.tag("{%p else %}")
    b.p("{{ partnership.hub.name }} aims to make sure that:")
    for text in (
        "concerns are dealt with promptly, so that children and adults at risk are protected "
        "without delay;",
        "decisions are timely, sound and based on good-quality information shared between "
        "the partners;",
        "every partner has the confidence to share information safely and securely;",
        "people are referred to the right service first time, as early as possible;",
        "the partnership reviews and improves its arrangements continually.",
    ):
        b.bullet(text)
    b.tag("{%p endif %}")

    b.h1("3. Confidentiality and information sharing")
    b.p(
        "Partners have a duty to co-operate to improve the wellbeing of children (Children Act "
        "2004, section 10) and adults (Care Act 2014), and a duty to help the local authority "
        "with its enquiries where a child may be at risk of significant harm (Children Act "
        "1989, section 47). The partnership's information sharing agreement sets out the terms "
        "on which partners share and store information."
    )
    b.p("Information shared in the hub:")
    for text in (
        "does not leave the hub except as agreed, to refer a person or a family for services "
        "or to protect them;",
        "is used only for safeguarding;",
        "is passed to anyone else only with the agreement of the partner that provided it.",
    ):
        b.bullet(text)
    b.p(
        "Partners remain mindful of the Criminal Procedure and Investigations Act 1996 when "
        "information may later need to be disclosed in criminal proceedings."
    )
    b.slot("confidentiality")
    b.slot("consent")
    b.slot("information-sharing")
    clause_blocks(b)

    b.h1("4. The team")
    b.p(
        "{{ partnership.hub.name }} is led by {{ lead.name }}. These partners provide staff to "
        "the hub or link with it, and search their own systems for it:"
    )
    b.table(
        "Partners in the hub, their roles and the systems they search",
        ["Agency", "Presence", "Staff and role", "Systems searched"],
        [
            "{{ party.name }}",
            "{{ party.presence | words | sentence }}",
            "{% for s in party.staffing %}{% if s.count %}{{ s.count }} x {% endif %}{{ s.role }}"
            "{% if not loop.last %}; {% endif %}{% endfor %}"
            "{% if party.staffing and party.responsibilities %}. {% endif %}"
            "{{ party.responsibilities | join('; ') }}",
            "{{ party.systems | join(', ') }}",
        ],
        loop="party in team",
        empty="No partners recorded",
        widths=[3.8, 2.4, 7.0, 3.4],
    )
    b.slot("team")
    b.slot("partner-databases")

    b.h1("5. How to contact the hub")
    b.tag("{%p if routes.phone %}")
    b.p(
        "{{ routes.phone.number }}{% if routes.phone.hours %} ({{ routes.phone.hours }}){% endif %}",
        label="Phone:",
    )
    b.tag("{%p endif %}")
    b.tag("{%p if routes.mailboxes %}")
    b.table(
        "Email addresses",
        ["Mailbox", "Email", "Hours"],
        ["{{ box.role }}", '{{ box.email | default("") }}', '{{ box.hours | default("") }}'],
        loop="box in routes.mailboxes",
        widths=[5.6, 6.4, 4.6],
    )
    b.tag("{%p endif %}")
    b.tag("{%p if routes.out_of_hours %}")
    b.p(
        "{{ routes.out_of_hours.service }}"
        "{% if routes.out_of_hours.provider %}, provided by {{ routes.out_of_hours.provider }}{% endif %}"
        "{% if routes.out_of_hours.phone %}, on {{ routes.out_of_hours.phone }}{% endif %}"
        "{% if routes.out_of_hours.hours %} ({{ routes.out_of_hours.hours }}){% endif %}.",
        label="Out of hours:",
    )
    b.tag("{%p endif %}")
    for key, label in (
        ("emergency", "In an emergency:"),
        ("post", "Post:"),
        ("online_form", "Online form:"),
        ("walk_in", "In person:"),
        ("fax", "Fax:"),
    ):
        b.tag(f"{{%p if routes.{key} %}}")
        b.p(f"{{{{ routes.{key} }}}}", label=label)
        b.tag("{%p endif %}")
    b.slot("contact")
    b.slot("out-of-hours")

    b.h1("6. How the hub works")
    b.slot("how-it-works")
    b.slot("core-responsibilities")
    b.slot("process")
    b.slot("pathways")
    b.h2("Referrals")
    b.tag("{%p if partnership.referral_sources %}")
    b.p("The hub receives concerns from:")
    b.each("src", "partnership.referral_sources", "{{ src }}")
    b.tag("{%p endif %}")
    b.table(
        "Kinds of referral the hub handles",
        ["Kind of referral", "Description"],
        ["{{ cat.name }}", '{{ cat.description | default("") }}'],
        loop="cat in partnership.referral_categories",
        empty="No referral categories recorded",
        widths=[5.0, 11.6],
    )
    b.h2("Priority ratings and timescales")
    b.tag("{%p if partnership.rag_scheme %}")
    b.p(
        "Each contact is given a {{ partnership.rag_scheme.name }} rating, which sets how "
        "quickly partners must complete their checks and the hub must decide:"
    )
    b.table(
        "Priority ratings and timescales",
        ["Rating", "Priority", "Timescale", "What it means", "Actions"],
        [
            "{{ lvl.name }}",
            "{{ lvl.label | default(lvl.priority) }}",
            "{{ lvl.timescale | duration | sentence }}",
            '{{ lvl.description | default("") }}',
            "{{ lvl.actions | join('; ') }}",
        ],
        loop="lvl in rag_levels",
        widths=[2.0, 2.2, 3.0, 5.4, 4.0],
    )
    b.tag("{%p else %}")
    b.p("The partnership has not recorded a priority rating scheme.")
    b.tag("{%p endif %}")
    b.slot("decisions")
    b.slot("rag-appendix-c")
    b.h2("Outcomes")
    b.table(
        "Outcomes and how the referrer and family are told",
        ["Outcome", "Rating", "Referrer told by", "Family told by"],
        [
            "{{ out.description }}",
            '{{ out.rag | default("") }}',
            "{{ out.referrer | words | sentence }}",
            "{{ out.family | words | sentence }}",
        ],
        loop="out in partnership.outcomes",
        empty="No outcomes recorded",
        widths=[8.6, 2.4, 2.8, 2.8],
    )
    b.h2("Recording and retention")
    b.p(
        "Every decision, with its rating and the reasons for it, is recorded on the lead "
        "organisation's case record. Partners record on their own systems what they shared, "
        "with whom and why. Records are kept as follows:"
    )
    retention_table(b)
    b.slot("recording")

    b.h1("7. Data collection")
    b.tag('{%p if has_section("data-collection") %}')
    b.slot("data-collection")
    b.tag("{%p else %}")
    b.p("The hub collects, monitors and analyses:")
    for text in (
        "the number of contacts and where they came from;",
        "the rating given to each contact and whether its timescale was met;",
        "the outcome of each contact, and how many progress to assessment;",
        "re-referrals within twelve months.",
    ):
        b.bullet(text)
    b.p("Partners report their own figures to the partnership's governance group each quarter.")
    b.tag("{%p endif %}")

    b.h1("8. Quality assurance")
    b.tag('{%p if has_section("quality-assurance") %}')
    b.slot("quality-assurance")
    b.tag('{%p elif has_section("managerial-oversight") %}')
    b.slot("managerial-oversight")
    b.tag("{%p else %}")
    b.p(
        "Managers oversee decisions day to day. The partners audit a sample of contacts "
        "together at regular intervals, looking at how thresholds were applied, the quality and "
        "timeliness of decisions and of the information shared, how well the agencies worked "
        "together and the outcomes for the people concerned. Findings are reported to the "
        "partnership's governance group."
    )
    b.tag("{%p endif %}")

    b.h1("9. Escalation and resolving disagreements")
    escalation(b)
    b.slot("escalation")
    b.slot("disagreements")

    b.h1("10. Governance")
    b.tag("{%p for board in boards %}")
    b.h2("{{ board.name }}")
    b.tag("{%p if board.chair %}")
    b.p(
        "{{ board.chair }}{% if board.vice_chair %}; vice-chair: {{ board.vice_chair }}{% endif %}",
        label="Chair:",
    )
    b.tag("{%p endif %}")
    b.tag("{%p if board.frequency %}")
    b.p("{{ board.frequency }}", label="Meets:")
    b.tag("{%p endif %}")
    b.tag("{%p if board.reports_to %}")
    b.p("{{ board.reports_to }}", label="Reports to:")
    b.tag("{%p endif %}")
    b.table(
        "Group membership",
        ["Role", "Organisation"],
        ["{{ m.role }}", "{% if m.organisation %}{{ org(m.organisation).name }}{% endif %}"],
        loop="m in board.members",
        empty="No members recorded",
        widths=[8.3, 8.3],
    )
    b.tag("{%p if board.terms_of_reference %}")
    b.p("Terms of reference:")
    b.each("term", "board.terms_of_reference", "{{ term }}")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p if not boards %}")
    b.p("The partnership has not recorded its governance groups.")
    b.tag("{%p endif %}")
    b.slot("governance")
    b.h2("Review")
    review_paragraph(b, "protocol")

    extra_sections(b, "Annex A: local arrangements")
    return b
