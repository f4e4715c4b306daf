"""The information sharing agreement template, in ICO Data Sharing Code order.

Built by :func:`isa` and written to templates/isa.docx by make_templates.py. Every block
shows only what the agreement's data records (see template_common.py).
"""

from __future__ import annotations

from template_builder import Builder
from template_common import (
    contents,
    cover,
    document_control,
    extra_sections,
    purpose_and_scope,
    references,
    signature_table,
    standard_clauses,
)
from template_governance import (
    information_shared,
    joint_controllers,
    lawful_basis,
    retention,
    rights,
    security,
    termination,
)
from template_partnership import partners


def isa() -> Builder:
    b = Builder("information sharing agreement")
    cover(b)
    document_control(b)
    contents(b)

    purpose_and_scope(b, "Purpose and scope")
    b.slot("purpose")
    partners(b, "The parties")
    b.slot("parties")
    b.slot("ico-registration")
    joint_controllers(b, "Joint controllers")
    information_shared(b, "Information being shared")
    b.slot("data")
    lawful_basis(b, "Legal basis for sharing")
    b.slot("legal-basis")
    b.slot("public-interest")
    rights(b, "Individuals' rights")
    b.slot("responsibilities", level="h1")
    security(b, "Data handling and security")
    b.slot("business-processes")
    b.slot("security")
    retention(b, "Data retention and disposal")
    b.slot("assessment-and-review", level="h1")
    termination(b, "Termination of agreement")
    b.slot("termination")

    b.h1("Signatures")
    b.p("A signature pack with one page per party accompanies this agreement.")
    signature_table(b)

    standard_clauses(b, "Standard clauses")
    references(b, "References")
    extra_sections(b)
    return b
