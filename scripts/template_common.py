"""Shared building blocks for the default Word templates (see make_templates.py).

The rule every block follows (issue 13): a generated document states only what its data
states. A block whose data is absent is left out, or says "Not recorded" where a reader
needs to see the gap; no block supplies a sentence in the partnership's voice of its own.
Standard text comes only from the clause library, and only where the data selects it.
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
    b.tag("{%p if classification %}")
    b.p("{{ classification }}", label="Security classification:")
    b.tag("{%p endif %}")
    b.tag("{%p if document.description %}")
    b.p("{{ document.description }}")
    b.tag("{%p endif %}")


def document_control(b: Builder, heading: str = "Document control") -> None:
    b.h1(heading)
    b.rows_table(
        "Document control",
        ["Item", "Detail"],
        [
            ["Title", "{{ document.title }}"],
            ["Partnership", "{{ partnership.name }}"],
            ["Area", "{{ partnership.area }}"],
            ["Version", "{{ document.version }}"],
            ["Status", "{{ document.status | words | sentence }}"],
            ["Owner", f"{{{{ document.owner | {NR} }}}}"],
            ["Author", f"{{{{ document.author | {NR} }}}}"],
            ["Description", f"{{{{ document.description | {NR} }}}}"],
            ["Security classification", '{{ classification or "Not recorded" }}'],
            ["Date created", f"{{{{ document.created | date | {NR} }}}}"],
            ["Date issued", f"{{{{ document.issued | date | {NR} }}}}"],
            ["Last reviewed", f"{{{{ review.last_reviewed | date | {NR} }}}}"],
            ["Next review due", f"{{{{ review.next_review | date | {NR} }}}}"],
            [
                "Review period",
                '{% if review.period_months %}{{ review.period_months | plural("month") }}'
                "{% else %}Not recorded{% endif %}",
            ],
            ["Reviewed by", f"{{{{ review.reviewer | {NR} }}}}"],
            ["Supersedes", f"{{{{ document.supersedes | {NR} }}}}"],
        ],
        [5.0, 11.6],
    )
    b.tag("{%p if document.control %}")
    b.table(
        "Further document-control entries",
        ["Item", "Detail"],
        ["{{ entry.label }}", "{{ entry.value }}"],
        loop="entry in document.control",
        widths=[5.0, 11.6],
    )
    b.tag("{%p endif %}")
    b.tag("{%p if document.signed_copy %}")
    b.p("{{ document.signed_copy.file }}", label="Signed copy:")
    b.tag("{%p endif %}")
    b.h2("Version history")
    b.table(
        "Version history",
        ["Version", "Date", "Author", "Description of change", "Reason for change"],
        [
            "{{ entry.version }}",
            '{{ entry.date | date | default("") }}',
            '{{ entry.author | default("") }}',
            '{{ entry.description | default("") }}',
            '{{ entry.reason | default("") }}',
        ],
        loop="entry in document.history",
        empty="No versions recorded",
        widths=[2.0, 2.8, 3.4, 4.6, 3.8],
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


def contents(b: Builder) -> None:
    """A table of contents (a Word field, filled in when the document is opened or printed)."""
    b.h1("Contents")
    b.toc()


def purpose_and_scope(b: Builder, heading: str) -> None:
    b.tag("{%p if document.purpose or document.scope or data_shared.purposes %}")
    b.h1(heading)
    b.tag("{%p if document.purpose %}")
    b.p("{{ document.purpose }}")
    b.tag("{%p endif %}")
    b.tag("{%p if document.scope %}")
    b.p("{{ document.scope }}")
    b.tag("{%p endif %}")
    b.tag("{%p if data_shared.purposes %}")
    b.p("Purposes of the sharing:")
    b.each("purpose", "data_shared.purposes", "{{ purpose }}")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")


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


def standard_clauses(b: Builder, heading: str) -> None:
    b.tag("{%p if clauses %}")
    b.h1(heading)
    clause_blocks(b)
    b.tag("{%p endif %}")


def extra_sections(b: Builder, heading: str | None = None) -> None:
    """The document's own sections that the template does not place elsewhere, in data order.

    With no ``heading`` each is a top-level section of its own (the seed's structure)."""
    b.tag("{%p if extra_sections %}")
    if heading:
        b.h1(heading)
    b.tag("{%p for s in extra_sections %}")
    (b.h2 if heading else b.h1)("{{ s.title }}")
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
            '{{ s.role | default("") }}',
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


def escalation(b: Builder) -> None:
    """The escalation ladder as the data records it (nothing when it records none)."""
    b.tag("{%p if partnership.escalation %}")
    b.table(
        "Escalation levels",
        ["Level", "Role", "What happens"],
        ["{{ lvl.level }}", "{{ lvl.role }}", '{{ lvl.description | default("") }}'],
        loop="lvl in partnership.escalation.levels",
        widths=[1.6, 6.0, 9.0],
    )
    b.p(
        '{{ partnership.escalation.time_limit | duration | sentence | default("Not recorded") }}',
        label="Time limit at each level:",
    )
    b.p(
        '{{ partnership.escalation.final_decision | default("Not recorded") }}',
        label="Final decision:",
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
