"""The operational protocol, the guidance and the signature pack (see make_templates.py)."""

from __future__ import annotations

from _builder import Builder
from make_templates import (
    clause_blocks,
    cover,
    document_control,
    escalation,
    extra_sections,
    retention_table,
    review_paragraph,
)

# --- the operational protocol (Barnet and Northamptonshire sections) ---------------------------


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


# --- information sharing guidance (Herefordshire-style) ----------------------------------------


def guidance() -> Builder:
    b = Builder("information sharing guidance")
    cover(b)

    b.h1("Introduction")
    b.p(
        "{% if document.purpose %}{{ document.purpose }}{% else %}This guidance helps "
        "practitioners in {{ partnership.area }} decide when and how to share information to "
        "keep children and adults at risk safe, through {{ partnership.hub.name }}.{% endif %}"
    )
    b.p(
        "Decisions about sharing information can have a profound effect on people's lives. "
        "Sharing the right information at the right time can stop a need from becoming more "
        "acute; failing to share has been a factor in many serious incidents. Fears about "
        "sharing must never stand in the way of protecting a child or an adult at risk, and no "
        "practitioner should assume that someone else will pass on information that may keep "
        "a person safe."
    )
    b.slot("introduction")

    b.h1("Should I share? Questions to ask")
    b.p("Work through these questions when you are asked to share information, or want to:")
    b.slot("should-i-share")
    b.rows_table(
        "Should I share? Questions to ask",
        ["Question", "If yes", "If no"],
        [
            [
                "1. Is there a clear and legitimate purpose for sharing?",
                "Go to question 2.",
                "Do not share. Record your decision.",
            ],
            [
                "2. Does the information identify a person, alone or with other information?",
                "Go to question 3.",
                "You may share; think about how.",
            ],
            [
                "3. Is the information confidential?",
                "Go to question 4.",
                "You may share; think about how.",
            ],
            [
                "4. Is there a lawful basis, such as a public task, a legal duty or protecting "
                "someone's vital interests, and does the duty of confidence allow it (agreement, a "
                "legal requirement or an overriding public interest)?",
                "You may share; go to question 5.",
                "Do not share. Seek advice if you are unsure.",
            ],
            [
                "5. Would telling the person, or asking for their agreement, put a child or an "
                "adult at risk, or prejudice an investigation?",
                "Share without telling them first, and record why.",
                "Tell them, and take their views into account before you share.",
            ],
            [
                "6. Have you recorded what you shared, with whom, when and why?",
                "You have finished.",
                "Record it now.",
            ],
        ],
        [8.6, 4.0, 4.0],
    )
    b.h2("Who?")
    for text in (
        "Which agencies need to be involved?",
        "Whose information is needed to make the decision: the child, a parent or carer, "
        "someone else? Is any of it special category or criminal offence information?",
    ):
        b.bullet(text)
    b.h2("How?")
    for text in (
        "Give the right information to the right person, and share it securely.",
        "Share only as much as is needed for the purpose.",
        "Make clear what is fact and what is opinion, and how old the information is.",
        "Tell the person what you have shared, if they did not know, unless that would "
        "create or increase a risk of harm.",
    ):
        b.bullet(text)

    clause_blocks(b, level="h1")
    b.tag('{%p if has_section("principles") %}')
    b.h1('{{ section("principles").title }}')
    b.slot("principles")
    b.tag("{%p endif %}")

    b.h1("Getting advice")
    b.p(
        "If you need help, speak to your manager or your organisation's safeguarding lead, or "
        "contact {{ partnership.hub.name }}"
        "{% if routes.phone %} on {{ routes.phone.number }}{% endif %}."
    )

    b.h1("Document classification")
    b.rows_table(
        "Document classification",
        ["Item", "Detail"],
        [
            ["Author", '{{ document.author | default(document.owner) | default("Not recorded") }}'],
            ["Date created", '{{ document.created | date | default("Not recorded") }}'],
            ["Date issued", '{{ document.issued | date | default("Not recorded") }}'],
            ["Description", "{{ document.description | default(document.title) }}"],
            ["Geographical coverage", "{{ partnership.area }}"],
            ["Language", "English"],
            ["Security classification", "{{ classification }}"],
            ["Version", "{{ document.version }}"],
        ],
        [5.0, 11.6],
    )
    b.h2("Consultation log")
    b.table(
        "Consultation log",
        ["Date sent for consultation", "Consultees"],
        ['{{ c.date | date | default("") }}', "{{ c.consultees | join_and }}"],
        loop="c in document.consultation_log",
        empty="No consultation recorded",
        widths=[5.0, 11.6],
    )
    b.h2("Approval log")
    b.table(
        "Approval log",
        ["Stage", "Given by", "Date"],
        ["{{ a.stage | sentence }}", "{{ a.by }}", '{{ a.date | date | default("") }}'],
        loop="a in document.approval_log",
        empty="No approvals recorded",
        widths=[4.0, 9.0, 3.6],
    )
    b.p('{{ review.next_review | date | default("Not recorded") }}', label="Review date:")
    b.h2("Version log")
    b.table(
        "Version log",
        ["Version", "Date", "Description of change", "Reason for change"],
        [
            "{{ v.version }}",
            '{{ v.date | date | default("") }}',
            '{{ v.description | default("") }}',
            '{{ v.reason | default("") }}',
        ],
        loop="v in document.history",
        empty="No versions recorded",
        widths=[2.0, 3.4, 6.0, 5.2],
    )
    extra_sections(b, "Local arrangements")
    return b


# --- the signature pack -------------------------------------------------------------------------


def signature_pack() -> Builder:
    b = Builder("signature pack")
    b.title("Signature pack: {{ document.title }}")
    b.p("{{ partnership.name }}")
    b.p("{{ kind_name }}, version {{ document.version }}")
    b.p(
        "This pack has one page for each party. A senior officer authorised to sign for the "
        "organisation fills in only the signature and the date (and their name if it is not "
        "printed), and returns the page to "
        "{{ document.owner | default(lead.name) }}."
    )
    b.tag("{%p for s in signatories %}")
    b.h1("{{ s.organisation.name }}", page_break=True)
    b.p(
        "I confirm that {{ s.organisation.name }} is a party to {{ document.title }}, version "
        "{{ document.version }}; that it will share, use, protect and dispose of information as "
        "that document sets out; and that I am authorised to sign for it."
    )
    b.rows_table(
        "Signature block",
        ["Item", "Detail"],
        [
            ["Organisation", "{{ s.organisation.name }}"],
            ["ICO registration number", '{{ ico(s.organisation) | default("Not recorded") }}'],
            ["Role", '{{ s.role | default("Authorised signatory") }}'],
            ["Name", '{{ s.name | default("") }}'],
            ["Signature", ""],
            ["Date", '{{ s.date_signed | date | default("") }}'],
        ],
        [5.0, 11.6],
    )
    b.tag("{%p endfor %}")
    return b
