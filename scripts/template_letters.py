"""The outcome letter templates: one per letter kind and recipient.

Written to templates/letters/<kind>-<recipient>.docx by make_templates.py. Every letter has
the shape of a GOV.UK Notify letter (and the Home Office's decision letters): the sender's
contact block, the recipient's address, the reference and date, a heading that says the
outcome, what was decided and why, what happens next, who to contact and how, how to
complain, how the information is used, and "End of letter". The wording for each kind is
plain English (short sentences, "we" and "you"); the optional paragraphs a decisions row
switches on are the same in every letter. Placeholders: isa_kit/render/letter_context.py.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from template_builder import Builder, _field

# kind -> (what we decided, what happens next) for each recipient. "{{ ... }}" is filled in.
KINDS: dict[str, dict[str, tuple[str, str]]] = {
    "nfa": {
        "referrer": (
            "Thank you for your referral about a child or family. We have looked at it with our "
            "partner agencies and decided that children's social care and early help do not need "
            "to take any further action.",
            "We have closed the contact. If you have new worries, or the situation changes, "
            "please make a new referral. You can keep supporting the family as you do now.",
        ),
        "family": (
            "Someone who works with your family told us they were worried. We have looked at "
            "what they told us and decided that we do not need to take any further action.",
            "We have closed our record of the contact. You do not need to do anything. If you "
            "would like advice or support, you can contact us and we will tell you what is "
            "available near you.",
        ),
    },
    "early-help": {
        "referrer": (
            "Thank you for your referral. We have decided that the family does not need social "
            "care, but that they would benefit from early help. We have passed the referral to "
            "early help services, with the family's consent.",
            "An early help worker will contact the family to offer support. They may contact "
            "you too, to plan the support with you.",
        ),
        "family": (
            "Someone who works with your family told us they were worried. We have decided "
            "that you do not need a social worker, but that early help services could support "
            "you. We have passed your details to them because you agreed to this.",
            "An early help worker will contact you to talk about what support would help. You "
            "can say no to support at any time.",
        ),
    },
    "assessment": {
        "referrer": (
            "Thank you for your referral. We have decided that a social worker needs to assess "
            "the child's needs. We have passed the referral to the social work team.",
            "A social worker will contact the family to start the assessment. They may ask you "
            "for information to help with it.",
        ),
        "family": (
            "Someone who works with your family told us they were worried. We have decided "
            "that a social worker should meet you to understand your child's needs and what "
            "support would help.",
            "A social worker will contact you to arrange the assessment. They will talk with "
            "you and your child, and with people who know your family.",
        ),
    },
    "s47-enquiry": {
        "referrer": (
            "Thank you for your referral. We have decided that enquiries are needed under "
            "section 47 of the Children Act 1989, to find out whether a child is at risk of "
            "significant harm. The social work team is now leading the work.",
            "The social work team may contact you for information or to ask you to attend a "
            "meeting. Do not discuss this letter with the family unless the social worker asks "
            "you to.",
        ),
    },
    "caf": {
        "referrer": (
            "Thank you for your referral. We have talked with you and the family and decided "
            "that an early help assessment (CAF) is the right way to support them.",
            "The early help assessment will be arranged with the family's agreement. You may be "
            "asked to lead it or to take part in it.",
        ),
        "family": (
            "We have talked with you about the support your family might need. We have decided "
            "that an early help assessment (CAF) is the right way to plan that support.",
            "Someone will contact you to arrange the assessment. It only goes ahead if you agree.",
        ),
    },
    "support-discussion": {
        "referrer": (
            "Thank you for your referral. We have decided to talk with the family to find out "
            "whether they would like any extra support.",
            "We will contact the family. We will let you know if they would like support that "
            "you can help with.",
        ),
        "family": (
            "Someone who works with your family told us they were worried. We would like to "
            "talk with you to find out whether any extra support would help you.",
            "We will contact you to arrange a time to talk. You do not have to accept support.",
        ),
    },
    "adult-enquiry": {
        "referrer": (
            "Thank you for your referral about an adult. We have decided that a safeguarding "
            "enquiry is needed under section 42 of the Care Act 2014.",
            "The adult social care team will lead the enquiry. They will involve the adult and "
            "may contact you for information.",
        ),
        "family": (
            "We have been told of worries about the safety of an adult in your family. We have "
            "decided to make safeguarding enquiries under section 42 of the Care Act 2014.",
            "Someone from adult social care will contact the adult to ask what they want to "
            "happen, and will involve you if they agree.",
        ),
    },
}

OPTIONAL: tuple[tuple[str, str], ...] = (
    (
        "interpreter",
        "If you would like an interpreter, or this letter in another language, please tell the "
        "contact named above. This is free.",
    ),
    (
        "easy_read",
        "An easy read version of this letter is available. Please ask the contact named above.",
    ),
    (
        "safety_advice",
        "If you are worried that a child or adult is in immediate danger, call 999. Outside "
        "office hours, contact {{ sender.out_of_hours }}.",
    ),
    (
        "consent",
        "We only share your information with early help services because you agreed. You can "
        "change your mind at any time by telling the contact named above.",
    ),
)


class LetterBuilder(Builder):
    """A letter: a protective marking at the top, the reference and page numbers below."""

    def _setup_header_footer(self) -> None:
        section = self.doc.sections[0]
        head = section.header.paragraphs[0]
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        head.add_run("OFFICIAL-SENSITIVE").bold = True
        line = section.footer.paragraphs[0]
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line.add_run("Reference {{ letter.reference }}. Page ")
        _field(line, "PAGE", "1")
        line.add_run(" of ")
        _field(line, "NUMPAGES", "1")


def letter(kind: str, recipient: str) -> Builder:
    decided, next_steps = KINDS[kind][recipient]
    b = LetterBuilder(f"{kind} letter to the {recipient}")
    b.p("{{ sender.team }}")
    b.p("{{ sender.address }}")
    b.p("{{ sender.phone }} ({{ sender.phone_hours }})", label="Phone:")
    b.tag("{%p if sender.email %}")
    b.p("{{ sender.email }}", label="Email:")
    b.tag("{%p endif %}")
    b.p("{{ recipient.name }}")
    b.tag("{%p if recipient.organisation %}")
    b.p("{{ recipient.organisation }}")
    b.tag("{%p endif %}")
    b.each("line", "recipient.address_lines", "{{ line }}", style="Normal")
    b.p("{{ letter.reference }}", label="Our reference:")
    b.p("{{ letter.date }}", label="Date:")
    b.title("{{ letter.heading }}")
    b.p("Dear {{ recipient.name }},")
    b.h1("What we decided")
    b.p(decided)
    b.p("We made this decision on {{ decision.decided_on }}. {{ decision.rationale }}")
    b.h1("What happens next")
    b.p(next_steps)
    b.h1("Who to contact")
    b.p(
        "If you have any questions, contact {{ decision.contact_team }}: {{ decision.contact_route }}."
    )
    b.p(
        "You can also phone {{ sender.team }} on {{ sender.phone }} ({{ sender.phone_hours }}). "
        "Please give our reference, {{ letter.reference }}."
    )
    for name, text in OPTIONAL:
        b.tag(f"{{%p if options.{name} %}}")
        b.p(text)
        b.tag("{%p endif %}")
    b.h1("How to complain")
    b.p("{{ sender.complaints }}")
    b.h1("How we use your information")
    b.p("{{ sender.privacy }}")
    b.p("Yours sincerely,")
    b.p("{{ sender.team }}")
    b.p("End of letter")
    return b


def letters() -> list[tuple[str, Builder]]:
    """Every letter template: (file name without .docx, builder)."""
    return [
        (f"{kind}-{recipient}", letter(kind, recipient))
        for kind, recipients in KINDS.items()
        for recipient in recipients
    ]
