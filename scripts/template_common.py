"""Shared building blocks for the default Word templates (see make_templates.py).

The cover, document control, standard clauses, references, signatures, review, escalation
and retention sections that more than one document kind uses, and the small Jinja snippets
(``NR``, ``PARTIES_CELL``) they share.
"""

from __future__ import annotations

from template_builder import Builder

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
