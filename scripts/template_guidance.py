"""The information sharing guidance template, following the Herefordshire guidance.

Built by :func:`guidance` and written to templates/guidance.docx by make_templates.py. The
guidance's own prose is the partnership's data, placed by section id; where a partnership has
no protocol, the guidance also carries what partnership.yaml records about the hub.
"""

from __future__ import annotations

from template_builder import Builder
from template_common import (
    clause_blocks,
    contents,
    cover,
    document_control,
    extra_sections,
    purpose_and_scope,
    references,
    signature_table,
)
from template_governance import governance_blocks
from template_partnership import how_the_hub_works, partners


def guidance() -> Builder:
    b = Builder("information sharing guidance")
    cover(b)
    contents(b)
    purpose_and_scope(b, "Purpose")
    for section_id in (
        "vision",
        "introduction",
        "referrals",
        "information-sharing",
        "golden-rules",
        "principles",
        "should-i-share",
        "consent",
        "public-interest",
    ):
        b.slot(section_id, level="h1")
    clause_blocks(b, level="h1")
    governance_blocks(b)
    b.tag("{%p if hub_details %}")
    how_the_hub_works(b)
    partners(b, "Partners", "partnership.partners")
    b.tag("{%p endif %}")
    b.tag("{%p if needs_signatures %}")
    b.h1("Signatures")
    signature_table(b)
    b.tag("{%p endif %}")
    references(b, "References")
    extra_sections(b)
    document_control(b, "Document classification")
    return b
