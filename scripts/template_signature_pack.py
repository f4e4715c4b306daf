"""The signature pack template: one signature page per party.

Built by :func:`signature_pack` and written to templates/signature-pack.docx by
make_templates.py.
"""

from __future__ import annotations

from template_builder import Builder


def signature_pack() -> Builder:
    b = Builder("signature pack")
    b.title("Signature pack: {{ document.title }}")
    b.p("{{ partnership.name }}")
    b.p("{{ kind_name }}, version {{ document.version }}")
    b.p(
        "This pack has one page for each party. A senior officer authorised to sign for the "
        "organisation fills in only the signature and the date (and their name if it is not "
        "printed){% if document.owner %}, and returns the page to {{ document.owner }}"
        "{% endif %}."
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
            ["Role", '{{ s.role | default("") }}'],
            ["Name", '{{ s.name | default("") }}'],
            ["Signature", ""],
            ["Date", '{{ s.date_signed | date | default("") }}'],
        ],
        [5.0, 11.6],
    )
    b.tag("{%p endfor %}")
    return b
