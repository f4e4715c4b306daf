"""The practitioners' information sharing guidance template (Herefordshire-style).

Built by :func:`guidance` and written to templates/guidance.docx by make_templates.py.
"""

from __future__ import annotations

from template_builder import Builder
from template_common import clause_blocks, cover, extra_sections


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
