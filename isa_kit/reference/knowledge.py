"""The checks' reference knowledge: what is superseded, retired, defunct or obsolete.

The facts are data, not code: ``checks/knowledge/*.yaml`` (shipped in the wheel as well),
every entry with the ``source`` that makes it true and the date it became ``effective``, so
that the rulebook is itself auditable. This module loads them once and answers two questions
for ``isa-kit check`` and ``isa-kit audit`` alike:

* :meth:`Knowledge.scan_text`: which citations in a piece of free text are out of date
  (superseded law and guidance, Acts that do not exist, GPMS markings, defunct bodies);
* :meth:`Knowledge.classify_email_domain`: whether an email domain is acceptable for
  sharing safeguarding information (webmail, the retired GSi family, near misses of secure
  domains, domains that cannot exist).

Both are pure and cached; neither reads the clock. This module is the public entry point
(import from here); the work is done beside it: :mod:`.knowledge_models` (the files' models
and the answer types), :mod:`.text_scan` (the first question) and :mod:`.email_domains`
(the second).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

from isa_kit.core.errors import DataError, Problem
from isa_kit.core.resources import resource_dir
from isa_kit.data.loader import load_model

from .email_domains import DomainClassifier
from .knowledge_models import (
    TEXT_CATEGORIES,
    DomainEntry,
    DomainVerdict,
    EmailFile,
    EntriesFile,
    KnowledgeEntry,
    TextMatch,
)
from .text_scan import CompiledEntry, scan

__all__ = [
    "DomainEntry",
    "DomainVerdict",
    "Knowledge",
    "KnowledgeEntry",
    "TextMatch",
    "load_knowledge",
    "load_knowledge_from",
]


class Knowledge:
    """The loaded knowledge base. Build it with :func:`load_knowledge` (cached)."""

    def __init__(self, entries: Sequence[KnowledgeEntry], email: EmailFile) -> None:
        self.entries: tuple[KnowledgeEntry, ...] = tuple(entries)
        self._compiled = tuple(CompiledEntry(e) for e in self.entries)
        self.email = email
        self._domains = DomainClassifier(email)
        self.retired_domains: tuple[DomainEntry, ...] = self._domains.retired_domains
        self.webmail_domains: tuple[DomainEntry, ...] = self._domains.webmail_domains
        self.secure_domains: tuple[DomainEntry, ...] = self._domains.secure_domains
        self.impossible_tlds: frozenset[str] = self._domains.impossible_tlds
        self.ico_number_pattern: re.Pattern[str] = re.compile(email.ico_registration.pattern)
        """The ICO register reference format, e.g. ``Z6665870`` or ``ZA123456``."""
        self.ico_source: str = email.ico_registration.source
        self.ico_effective: str = email.ico_registration.effective
        # Bounded to about one large partnership's texts: a check streams the corpus, and a
        # cache that grew with it would make memory (and every collection) grow with it too.
        self.scan_text = functools.lru_cache(maxsize=4096)(self._scan_text)  # type: ignore[method-assign]
        self.classify_email_domain = functools.lru_cache(maxsize=2048)(  # type: ignore[method-assign]
            self._classify_email_domain
        )

    # --- free text ---------------------------------------------------------------------------

    def entry(self, entry_id: str) -> KnowledgeEntry:
        for e in self.entries:
            if e.id == entry_id:
                return e
        raise KeyError(entry_id)

    def scan_text(self, text: str) -> list[TextMatch]:  # replaced by a cached copy per instance
        """Every out-of-date citation in ``text``, in order of position.

        Overlapping matches of the same entry are reported once; different entries may match
        the same words (``Data Protection Act 1998`` is superseded legislation; ``Data
        Protection Act 2003`` is unknown legislation). Cached: treat the list as read-only.
        """
        return self._scan_text(text)

    def _scan_text(self, text: str) -> list[TextMatch]:
        return scan(self._compiled, text)

    # --- email domains -----------------------------------------------------------------------

    def classify_email_domain(
        self,
        domain: str,
        allow: Sequence[str],
        *,
        require_allowed: bool = True,
        accredited: Sequence[str] = (),
    ) -> DomainVerdict | None:  # replaced by a cached copy per instance
        """Judge an email domain against the knowledge base and an allow-list.

        In order: a domain that cannot exist (bad syntax, or a top-level domain such as
        ``.nhs`` that is not one) is ``suspicious-email-domain``; the retired GSi family
        (``gsi``/``gse``/``gcsx``/``gsx.gov.uk`` and their subdomains) is
        ``retired-email-domain``; free webmail is ``insecure-email-domain``; a domain on
        ``allow`` (or a subdomain of one) is acceptable (``None``); a one-edit near miss of a
        secure, retired or allowed domain (``nsh.net``, ``barnet.qcsx.gov.uk``) is
        ``suspicious-email-domain``; a route secure as a whole (NHSmail, CJSM, police.uk,
        gov.uk) or a DCB1596-accredited domain (the knowledge base's list plus
        ``accredited``, the policy's refreshed list) is acceptable; anything else is a
        *warning* ``insecure-email-domain`` (not shown to meet a secure standard) unless
        ``require_allowed`` is false, for domains that are themselves declarations of what is
        secure. Sequences must be hashable (tuples) for the cache.
        """
        return self._classify_email_domain(
            domain, tuple(allow), require_allowed=require_allowed, accredited=tuple(accredited)
        )

    def _classify_email_domain(
        self,
        domain: str,
        allow: Sequence[str],
        *,
        require_allowed: bool = True,
        accredited: Sequence[str] = (),
    ) -> DomainVerdict | None:
        return self._domains.classify(
            domain, allow, require_allowed=require_allowed, accredited=accredited
        )

    def secure_reason(
        self, domain: str, allow: Sequence[str] = (), accredited: Sequence[str] = ()
    ) -> str | None:
        """Why ``domain`` is shown to meet a secure email standard (``None``: it is not)."""
        return self._domains.secure_reason(domain, allow, accredited)


# --- loading ---------------------------------------------------------------------------------


def load_knowledge_from(folder: Path) -> Knowledge:
    """Load a knowledge folder (``*.yaml`` with ``entries``, plus ``email.yaml``)."""
    entries: list[KnowledgeEntry] = []
    email: EmailFile | None = None
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "email.yaml":
            email, _ = load_model(EmailFile, path)
        else:
            entries.extend(load_model(EntriesFile, path)[0].entries)
    if email is None:  # pragma: no cover - the shipped data always has it
        raise DataError([Problem(str(folder), None, None, "", "missing email.yaml")])
    for e in entries:
        if e.category not in TEXT_CATEGORIES:
            raise ValueError(
                f"knowledge entry {e.id}: category {e.category} is not a text category"
            )
    return Knowledge(entries, email)


@functools.cache
def load_knowledge() -> Knowledge:
    """The shipped knowledge base (``checks/knowledge/``), loaded once per process."""
    return load_knowledge_from(resource_dir("checks") / "knowledge")
