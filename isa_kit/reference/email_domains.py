"""Classify an email domain: the knowledge base's second question.

Whether a domain is acceptable for sharing safeguarding information, judged against the
knowledge base's domain lists (:class:`~.knowledge_models.EmailFile`) and a partnership's
allow-list: a domain that cannot exist, the retired GSi family, free webmail, a one-edit near
miss of a secure, retired or allowed domain; then whether it is shown to meet a secure
standard (a route secure as a whole: NHSmail, CJSM, police.uk, gov.uk under the government
email security standard; a DCB1596-accredited organisation's domain; the partnership's
allow-list). Only what is known to be wrong is an error; a domain merely not shown to be
secure is a warning. Pure;
:class:`~isa_kit.reference.knowledge.Knowledge` caches it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from isa_kit.core.findings import Category, Severity

from .knowledge_models import DomainEntry, DomainVerdict, EmailFile

_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def _domain_labels(domain: str) -> list[str]:
    return domain.lower().strip().rstrip(".").split(".")


def _within(domain: str, parent: str) -> bool:
    """``domain`` is ``parent`` or a subdomain of it (``*`` as last label: any TLD)."""
    d = _domain_labels(domain)
    p = _domain_labels(parent)
    if p and p[-1] == "*":
        # hotmail.* matches hotmail.com and hotmail.co.uk: the name, then any suffix.
        name = p[:-1]
        return len(d) > len(name) and d[: len(name)] == name
    return len(d) >= len(p) and d[len(d) - len(p) :] == p


def _distance_at_most_one(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one edit (insert, delete, substitute, swap)."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    if la > lb:
        a, b = b, a
    # b is one longer: deleting one character of b must give a.
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


class DomainClassifier:
    """The knowledge base's domain lists, and the judgement of one domain against them."""

    def __init__(self, email: EmailFile) -> None:
        self.retired_domains: tuple[DomainEntry, ...] = tuple(email.retired_domains)
        self.webmail_domains: tuple[DomainEntry, ...] = tuple(email.webmail_domains)
        self.secure_domains: tuple[DomainEntry, ...] = tuple(email.secure_domains)
        self.accredited = email.accredited_domains
        self.accredited_domains: tuple[str, ...] = tuple(
            d.lower() for d in email.accredited_domains.domains
        )
        self.impossible_tlds: frozenset[str] = frozenset(
            e.domain.lower() for e in email.impossible_tlds
        )
        self._impossible_source = {e.domain.lower(): e for e in email.impossible_tlds}

    def secure_reason(
        self, domain: str, allow: Sequence[str], accredited: Sequence[str] = ()
    ) -> str | None:
        """Why ``domain`` is shown to meet a secure standard, or ``None`` when it is not."""
        shown = domain.strip().lower().rstrip(".")
        for a in allow:
            if _within(shown, a):
                return f"on the partnership's secure-domain policy ('{a}')"
        for entry in self.secure_domains:
            if _within(shown, entry.domain):
                return f"within '{entry.domain}': {entry.source}"
        for a in (*self.accredited_domains, *accredited):
            if _within(shown, a):
                return f"accredited to DCB1596 ('{a}'): {self.accredited.source}"
        return None

    def classify(
        self,
        domain: str,
        allow: Sequence[str],
        *,
        require_allowed: bool = True,
        accredited: Sequence[str] = (),
    ) -> DomainVerdict | None:
        """See :meth:`isa_kit.reference.knowledge.Knowledge.classify_email_domain`."""
        shown = domain.strip().lower().rstrip(".")
        labels = shown.split(".")
        if len(labels) < 2 or not all(_LABEL.match(x) for x in labels) or labels[-1].isdigit():
            return DomainVerdict(
                Category.SUSPICIOUS_EMAIL_DOMAIN,
                f"email domain '{domain}' cannot exist: it is not a well-formed internet domain",
                "Correct the address from the partner's own published details.",
                "RFC 1035 section 2.3.1 (preferred name syntax)",
                Severity.ERROR,
                "malformed-domain",
                "1987-11-01",
            )
        tld = labels[-1]
        if tld in self.impossible_tlds:
            entry = self._impossible_source[tld]
            return DomainVerdict(
                Category.SUSPICIOUS_EMAIL_DOMAIN,
                f"email domain '{domain}' cannot exist: '.{tld}' is not a top-level domain",
                entry.note or "Correct the address from the partner's own published details.",
                entry.source,
                Severity.ERROR,
                f"impossible-tld-{tld}",
                entry.effective,
            )
        for retired in self.retired_domains:
            if _within(shown, retired.domain):
                return DomainVerdict(
                    Category.RETIRED_EMAIL_DOMAIN,
                    f"email domain '{domain}' belongs to the retired GSi family "
                    f"('{retired.domain}'), which no longer delivers mail",
                    retired.note
                    or "Use the organisation's own domain that meets the secure email standard.",
                    retired.source,
                    Severity.ERROR,
                    f"retired-{retired.domain}",
                    retired.effective,
                )
        for webmail in self.webmail_domains:
            if _within(shown, webmail.domain):
                return DomainVerdict(
                    Category.INSECURE_EMAIL_DOMAIN,
                    f"email domain '{domain}' is free webmail, never acceptable for "
                    "safeguarding information",
                    "Use the partner's organisational address on a secure domain.",
                    webmail.source,
                    Severity.ERROR,
                    f"webmail-{webmail.domain}",
                    webmail.effective,
                )
        if any(_within(shown, a) for a in allow):
            return None
        near = self._near_miss(labels, allow)
        if near is not None:
            ref, source, effective = near
            return DomainVerdict(
                Category.SUSPICIOUS_EMAIL_DOMAIN,
                f"email domain '{domain}' is one letter away from '{ref}': probably a typing "
                "error that would send mail to the wrong place",
                f"Check the address; if '{ref}' was meant, correct it.",
                source,
                Severity.ERROR,
                f"near-miss-{ref}",
                effective,
            )
        if not require_allowed or self.secure_reason(shown, (), accredited) is not None:
            return None
        # Not known to be wrong, only not shown to be right: a warning the partnership
        # resolves by recording the evidence (an accreditation, a policy decision).
        return DomainVerdict(
            Category.INSECURE_EMAIL_DOMAIN,
            f"email domain '{domain}' is not shown to meet a secure email standard (not "
            "NHSmail, CJSM, police.uk or gov.uk, not on the DCB1596 accredited list, not on "
            "the partnership's secure-domain policy)",
            "Confirm the domain meets a secure email standard (DCB1596 accreditation, or the "
            "government email security standard) and add it to the partnership policy's "
            "secure_domains with its source and date, or use a secure route such as NHSmail.",
            "NHS England secure email standard DCB1596; GDS/NCSC 'Securing government email'",
            Severity.WARNING,
            "not-shown-secure",
            self.accredited.effective,
        )

    def _near_miss(self, labels: list[str], allow: Sequence[str]) -> tuple[str, str, str] | None:
        refs: list[tuple[str, str, str, bool]] = [
            (e.domain.lower(), e.source, e.effective, False) for e in self.secure_domains
        ]
        refs += [(e.domain.lower(), e.source, e.effective, True) for e in self.retired_domains]
        refs += [(a.lower(), "partnership secure-domain policy", "", False) for a in allow]
        for ref, source, effective, needs_sub in refs:
            rl = ref.split(".")
            if "*" in rl or len(labels) < len(rl) or (needs_sub and len(labels) == len(rl)):
                continue
            suffix = labels[len(labels) - len(rl) :]
            if suffix == rl:
                continue
            differing = [(a, b) for a, b in zip(suffix, rl, strict=True) if a != b]
            if (
                len(differing) == 1
                and len(differing[0][1]) >= 3
                and _distance_at_most_one(*differing[0])
            ):
                return ref, source, effective
        return None
