"""Is this email domain a secure route? One public question for every command.

``check`` (ISA020-022), ``audit`` and the letters all ask it: :func:`classify_email_domain`
answers with a status and a reason a person can read, from the knowledge base
(``checks/knowledge/email.yaml``: retired GSi domains, free webmail, routes secure as a whole,
the DCB1596 accredited list) and a partnership's policy (its own allow-list and its refreshed
accredited list). Only what is known to be wrong is ``insecure``/``retired``/``invalid``; a
domain merely not shown to meet a standard is ``unverified``.
"""

from __future__ import annotations

from enum import StrEnum

from isa_kit.core.findings import Category
from isa_kit.data.model import DocumentStatus, Partnership, TransferMethod

from .knowledge import load_knowledge
from .policy import Policy, default_policy

__all__ = ["EmailStatus", "classify_email_domain"]


class EmailStatus(StrEnum):
    SECURE = "secure"
    """Shown to meet a secure standard (NHSmail, CJSM, police.uk, gov.uk, DCB1596, policy)."""
    UNVERIFIED = "unverified"
    """Not shown to meet a secure standard: a warning the partnership resolves in its policy."""
    INSECURE = "insecure"
    """Known to be unacceptable: free webmail."""
    RETIRED = "retired"
    """The retired GSi family: mail is no longer delivered."""
    INVALID = "invalid"
    """Cannot exist, or one letter from a secure or retired domain (a typing error)."""


def classify_email_domain(domain: str, policy: Policy | None = None) -> tuple[EmailStatus, str]:
    """The status of ``domain`` (no ``@``) under ``policy`` (default: the shipped one), and why."""
    policy = policy or default_policy()
    knowledge = load_knowledge()
    verdict = knowledge.classify_email_domain(
        domain, policy.allowed_domains, accredited=policy.accredited
    )
    if verdict is None:
        reason = knowledge.secure_reason(domain, policy.allowed_domains, policy.accredited)
        return EmailStatus.SECURE, reason or "meets a secure email standard"
    if verdict.category == Category.RETIRED_EMAIL_DOMAIN:
        return EmailStatus.RETIRED, verdict.message
    if verdict.category == Category.SUSPICIOUS_EMAIL_DOMAIN:
        return EmailStatus.INVALID, verdict.message
    if verdict.entry_id == "not-shown-secure":
        return EmailStatus.UNVERIFIED, verdict.message
    return EmailStatus.INSECURE, verdict.message


def secure_allow_list(partnership: Partnership, policy: Policy) -> tuple[str, ...]:
    """The domains a partnership has declared secure: its policy's, each partner's own and each
    secure-email channel of a document still in force. One derivation, so the checks and the
    letters' delivery route can never disagree about where email may go."""
    allow = list(policy.allowed_domains)
    for org in partnership.partners:
        allow.extend(d.lower() for d in org.secure_email_domains)
    for doc in partnership.documents:
        if doc.status == DocumentStatus.SUPERSEDED or doc.security is None:
            continue
        for ch in doc.security.transfer_channels:
            if ch.method == TransferMethod.SECURE_EMAIL:
                allow.extend(d.lower() for d in ch.domains)
    return tuple(sorted(set(allow)))
