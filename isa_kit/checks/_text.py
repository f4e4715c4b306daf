"""The currency checks share one scan of the free text against the knowledge base."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Finding
from isa_kit.data.model import Organisation, Partnership

from ._scope import DEFUNCT_TYPES, text_sites
from .base import Check, CheckContext


def text_findings(check: Check, p: Partnership, ctx: CheckContext) -> Iterator[Finding]:
    """A finding of ``check.category`` for each out-of-date citation in free text."""
    for site in text_sites(p, ctx):
        m = site.match
        if m.category != check.category:
            continue
        # An organisation typed as defunct is reported once, on its type, not on its name.
        if (
            isinstance(site.node, Organisation)
            and site.node.type in DEFUNCT_TYPES
            and site.path[0] in ("name", "short_name")
        ):
            continue
        hint = m.hint
        if m.replaced_by and m.replaced_by.lower() not in hint.lower():
            hint = f"{hint} Current: {m.replaced_by}."
        yield check.finding(
            site.node,
            *site.path,
            message=f"{site.field} {m.message}",
            subject=site.subject,
            document=site.document,
            hint=hint,
            severity=m.severity,
            source=f"{m.source} (effective {m.effective})",
        )
