"""The email-domain checks share one classification of every domain in the data."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.core.findings import Category, Finding
from isa_kit.data.model import Partnership

from ._scope import allow_list, email_sites
from .base import Check, CheckContext


def email_findings(check: Check, p: Partnership, ctx: CheckContext) -> Iterator[Finding]:
    """Findings of ``check.category`` for every email address and declared secure domain.

    Addresses must be on the allow-list (policy, partners' own secure domains, secure-email
    channels); declared domains are judged only for being retired, webmail or near misses.
    """
    allow = allow_list(p, ctx)
    policy_allow = ctx.policy.allowed_domains
    classify = ctx.knowledge.classify_email_domain
    for site in email_sites(p, ctx):
        if site.declared:
            verdict = classify(site.domain, policy_allow, require_allowed=False)
        else:
            verdict = classify(site.domain, allow, accredited=ctx.policy.accredited)
        if verdict is None or verdict.category != check.category:
            continue
        what = site.what if site.declared else f"{site.what} of '{site.subject}'"
        if site.declared:
            what = f"{site.what} of '{site.subject}'"
        yield check.finding(
            site.node,
            *site.path,
            message=f"{what}: {verdict.message}",
            subject=site.subject,
            document=site.document,
            hint=verdict.hint,
            severity=verdict.severity
            if verdict.category == Category.INSECURE_EMAIL_DOMAIN
            else None,
            source=verdict.source or check.source,
        )
