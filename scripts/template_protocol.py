"""The operational protocol template, following the Barnet and Northamptonshire sections.

Built by :func:`protocol` and written to templates/protocol.docx by make_templates.py. The
protocol's own prose is the partnership's data, placed by section id; the tables come from
partnership.yaml and organisations.yaml.
"""

from __future__ import annotations

from template_builder import Builder
from template_common import (
    contents,
    cover,
    document_control,
    extra_sections,
    references,
    signature_table,
    standard_clauses,
)
from template_governance import governance_blocks
from template_partnership import (
    contact_routes,
    escalation_block,
    governance,
    outcomes,
    partners,
    ratings,
    referrals,
)


def protocol() -> Builder:
    b = Builder("operational protocol")
    cover(b)
    document_control(b)
    contents(b)
    b.slot("status", level="h1")
    b.tag("{%p if document.purpose or document.scope %}")
    b.h1("Introduction")
    b.tag("{%p if document.purpose %}")
    b.p("{{ document.purpose }}")
    b.tag("{%p endif %}")
    b.tag("{%p if document.scope %}")
    b.p("{{ document.scope }}")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")
    for section_id in (
        "introduction",
        "background",
        "core-elements",
        "remit",
        "benefits",
        "aims",
        "confidentiality",
        "consent",
        "information-sharing",
    ):
        b.slot(section_id, level="h1")
    partners(b, "The team", "partnership.partners")
    b.slot("team")
    b.slot("partner-databases")
    contact_routes(b, "How to contact the hub")
    b.slot("contact")
    b.slot("out-of-hours")
    for section_id in ("how-it-works", "core-responsibilities", "process", "pathways"):
        b.slot(section_id, level="h1")
    referrals(b, "Referrals")
    ratings(b, "Priority ratings and timescales")
    b.slot("decisions")
    b.slot("rag-appendix-c")
    outcomes(b, "Outcomes")
    b.slot("recording", level="h1")
    for section_id in ("data-collection", "quality-assurance", "managerial-oversight", "lado"):
        b.slot(section_id, level="h1")
    escalation_block(b, "Escalation and resolving disagreements")
    b.slot("escalation")
    b.slot("disagreements")
    governance(b, "Governance")
    b.slot("governance")
    governance_blocks(b)
    b.tag("{%p if needs_signatures %}")
    b.h1("Signatures")
    signature_table(b)
    b.tag("{%p endif %}")
    standard_clauses(b, "Standard clauses")
    references(b, "References")
    extra_sections(b)
    return b
