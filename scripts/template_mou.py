"""The memorandum of understanding template, following the sections of the Staffordshire MOU.

Built by :func:`mou` and written to templates/mou.docx by make_templates.py. The memorandum's
own prose (introduction, principle, confidentiality, usage, process, supervision, security,
retention, compliance) is the partnership's data, placed by section id.
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
from template_governance import governance_blocks
from template_partnership import escalation_block, partners


def mou() -> Builder:
    b = Builder("memorandum of understanding")
    cover(b)
    document_control(b)
    contents(b)
    purpose_and_scope(b, "Purpose of this memorandum")
    b.slot("document-awareness", level="h1")
    b.slot("introduction", level="h1")
    b.tag("{%p if legal_authorities %}")
    b.h2("Legal authorities")
    b.each("authority", "legal_authorities", "{{ authority }}")
    b.tag("{%p endif %}")
    for section_id in (
        "principle-of-mash",
        "confidential-environment",
        "confidentiality",
        "usage",
        "process",
        "supervision",
        "escalation",
    ):
        b.slot(section_id, level="h1")
    escalation_block(b, "Escalation levels")
    for section_id in ("security", "data-retention", "compliance"):
        b.slot(section_id, level="h1")
    governance_blocks(b)
    partners(b, "Partners")
    b.tag("{%p if needs_signatures %}")
    b.h1("Signatures")
    signature_table(b)
    b.tag("{%p endif %}")
    standard_clauses(b, "Standard clauses")
    references(b, "References")
    extra_sections(b)
    return b
