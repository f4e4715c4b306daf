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

Both are pure and cached; neither reads the clock.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ._errors import DataError, Problem
from ._findings import Category, Severity
from ._messages import problems_from
from ._resources import resource_dir
from ._yaml import load_yaml

__all__ = [
    "DomainVerdict",
    "Knowledge",
    "KnowledgeEntry",
    "TextMatch",
    "load_knowledge",
]

_DATE = r"^\d{4}-\d{2}(-\d{2})?$"
_TEXT_CATEGORIES = frozenset(
    {
        Category.SUPERSEDED_LEGISLATION,
        Category.SUPERSEDED_GUIDANCE,
        Category.OBSOLETE_PROTECTIVE_MARKING,
        Category.DEFUNCT_ORGANISATION,
        Category.UNKNOWN_LEGISLATION,
    }
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Effective = Annotated[str, Field(pattern=_DATE)]


class KnowledgeEntry(_Strict):
    """One fact the text scanner knows: patterns that cite something out of date."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    category: Category
    severity: Severity = Severity.ERROR
    keywords: Annotated[list[Annotated[str, Field(pattern=r"^[a-z0-9/ ]+$")]], Field(min_length=1)]
    """Lower-case words one of which every match contains: a text without any of them is not
    searched with the patterns (a fast first pass; a test checks the patterns keep to it)."""
    patterns: list[str]
    """Regular expressions; matched case-insensitively unless ``case_sensitive``."""
    case_sensitive: bool = False
    exclude_years: list[int] = Field(default_factory=list)
    """For ``unknown-legislation``: years a ``(?P<year>...)`` group may legitimately hold."""
    message: str
    """What is wrong; ``{matched}`` is replaced by the text found."""
    replaced_by: str | None = None
    hint: str
    source: str
    effective: Effective


class _EntriesFile(_Strict):
    entries: list[KnowledgeEntry]


class DomainEntry(_Strict):
    domain: str
    """A domain; ``*`` as the last label means any top-level domain (``hotmail.*``)."""
    source: str
    effective: Effective
    note: str | None = None


class _IcoRule(_Strict):
    pattern: str
    source: str
    effective: Effective
    note: str | None = None


class _EmailFile(_Strict):
    retired_domains: list[DomainEntry]
    """Retired families: the domain itself and every subdomain are retired."""
    webmail_domains: list[DomainEntry]
    secure_domains: list[DomainEntry]
    """Well-known secure routes, used to recognise near misses (``nsh.net``)."""
    impossible_tlds: list[DomainEntry]
    """Labels that are not top-level domains although people write them as if they were."""
    ico_registration: _IcoRule


@dataclass(frozen=True, slots=True)
class TextMatch:
    """A citation in free text that the knowledge base says is out of date."""

    category: Category
    entry_id: str
    matched: str
    start: int
    end: int
    message: str
    hint: str
    source: str
    effective: str
    severity: Severity
    replaced_by: str | None = None


@dataclass(frozen=True, slots=True)
class DomainVerdict:
    """Why an email domain is not acceptable (``None`` from the classifier means it is)."""

    category: Category
    message: str
    hint: str
    source: str
    severity: Severity
    entry_id: str = ""
    effective: str = ""


class _Compiled:
    """One entry's keywords and patterns; the patterns are compiled on first keyword hit.

    Most texts mention few of the entries, and compiling every pattern up front cost more
    than a whole ``isa-kit check`` of the bundled agreements.
    """

    __slots__ = ("_regexes", "entry", "keywords", "sources")

    def __init__(self, entry: KnowledgeEntry) -> None:
        self.entry = entry
        self.keywords: tuple[str, ...] = tuple(entry.keywords)
        flags = 0 if entry.case_sensitive else re.IGNORECASE
        sources = []
        for pattern in entry.patterns:
            if entry.exclude_years:
                years = "|".join(str(y) for y in sorted(entry.exclude_years))
                pattern = pattern.replace("(?P<year>", f"(?!(?:{years})\\b)(?P<year>")
            sources.append((pattern, flags))
        self.sources: tuple[tuple[str, int], ...] = tuple(sources)
        self._regexes: tuple[re.Pattern[str], ...] | None = None

    @property
    def regexes(self) -> tuple[re.Pattern[str], ...]:
        if self._regexes is None:
            self._regexes = tuple(re.compile(p, f) for p, f in self.sources)
        return self._regexes


def _compile(entry: KnowledgeEntry) -> _Compiled:
    return _Compiled(entry)


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


_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


class Knowledge:
    """The loaded knowledge base. Build it with :func:`load_knowledge` (cached)."""

    def __init__(self, entries: Sequence[KnowledgeEntry], email: _EmailFile) -> None:
        self.entries: tuple[KnowledgeEntry, ...] = tuple(entries)
        self._compiled = tuple(_compile(e) for e in self.entries)
        self.email = email
        self.retired_domains: tuple[DomainEntry, ...] = tuple(email.retired_domains)
        self.webmail_domains: tuple[DomainEntry, ...] = tuple(email.webmail_domains)
        self.secure_domains: tuple[DomainEntry, ...] = tuple(email.secure_domains)
        self.impossible_tlds: frozenset[str] = frozenset(
            e.domain.lower() for e in email.impossible_tlds
        )
        self._impossible_source = {e.domain.lower(): e for e in email.impossible_tlds}
        self.ico_number_pattern: re.Pattern[str] = re.compile(email.ico_registration.pattern)
        """The ICO register reference format, e.g. ``Z6665870`` or ``ZA123456``."""
        self.ico_source: str = email.ico_registration.source
        self.ico_effective: str = email.ico_registration.effective
        self.scan_text = functools.lru_cache(maxsize=65536)(self._scan_text)  # type: ignore[method-assign]
        self.classify_email_domain = functools.lru_cache(maxsize=16384)(  # type: ignore[method-assign]
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
        if not text:
            return []
        lower = text.lower()
        out: list[TextMatch] = []
        for c in self._compiled:
            if not any(k in lower for k in c.keywords):
                continue
            taken: list[tuple[int, int]] = []
            for rx in c.regexes:
                for m in rx.finditer(text):
                    start, end = m.span()
                    if any(s < end and start < e for s, e in taken):
                        continue
                    taken.append((start, end))
                    matched = m.group(0)
                    e = c.entry
                    out.append(
                        TextMatch(
                            category=e.category,
                            entry_id=e.id,
                            matched=matched,
                            start=start,
                            end=end,
                            message=e.message.replace("{matched}", matched),
                            hint=e.hint,
                            source=e.source,
                            effective=e.effective,
                            severity=e.severity,
                            replaced_by=e.replaced_by,
                        )
                    )
        out.sort(key=lambda t: (t.start, t.end, t.entry_id))
        return out

    # --- email domains -----------------------------------------------------------------------

    def classify_email_domain(
        self, domain: str, allow: Sequence[str], *, require_allowed: bool = True
    ) -> DomainVerdict | None:  # replaced by a cached copy per instance
        """Judge an email domain against the knowledge base and an allow-list.

        In order: a domain that cannot exist (bad syntax, or a top-level domain such as
        ``.nhs`` that is not one) is ``suspicious-email-domain``; the retired GSi family
        (``gsi``/``gse``/``gcsx``/``gsx.gov.uk`` and their subdomains) is
        ``retired-email-domain``; free webmail is ``insecure-email-domain``; a domain on
        ``allow`` (or a subdomain of one) is acceptable (``None``); a one-edit near miss of a
        secure, retired or allowed domain (``nsh.net``, ``barnet.qcsx.gov.uk``) is
        ``suspicious-email-domain``; anything else is ``insecure-email-domain`` (not on the
        secure-domain policy) unless ``require_allowed`` is false, for domains that are
        themselves declarations of what is secure. ``allow`` must be hashable (a tuple) for
        the cache; any sequence works.
        """
        return self._classify_email_domain(domain, tuple(allow), require_allowed=require_allowed)

    def _classify_email_domain(
        self, domain: str, allow: Sequence[str], *, require_allowed: bool = True
    ) -> DomainVerdict | None:
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
        if not require_allowed:
            return None
        return DomainVerdict(
            Category.INSECURE_EMAIL_DOMAIN,
            f"email domain '{domain}' is not on the partnership's secure-domain policy",
            "Use a domain on the policy's secure_domains or a secure-email transfer channel's "
            "domains, or add this one there once it is confirmed to meet the secure email "
            "standard (DCB1596).",
            "NHS England secure email standard DCB1596; partnership secure-domain policy",
            Severity.ERROR,
            "not-allowed",
            "",
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


# --- loading ---------------------------------------------------------------------------------


M = TypeVar("M", bound=BaseModel)


def _load_model(model: type[M], path: Path) -> M:
    data, source = load_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DataError(problems_from(exc, source, (), model)) from None


def load_knowledge_from(folder: Path) -> Knowledge:
    """Load a knowledge folder (``*.yaml`` with ``entries``, plus ``email.yaml``)."""
    entries: list[KnowledgeEntry] = []
    email: _EmailFile | None = None
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "email.yaml":
            email = _load_model(_EmailFile, path)
        else:
            entries.extend(_load_model(_EntriesFile, path).entries)
    if email is None:  # pragma: no cover - the shipped data always has it
        raise DataError([Problem(str(folder), None, None, "", "missing email.yaml")])
    for e in entries:
        if e.category not in _TEXT_CATEGORIES:
            raise ValueError(
                f"knowledge entry {e.id}: category {e.category} is not a text category"
            )
    return Knowledge(entries, email)


@functools.cache
def load_knowledge() -> Knowledge:
    """The shipped knowledge base (``checks/knowledge/``), loaded once per process."""
    return load_knowledge_from(resource_dir("checks") / "knowledge")
