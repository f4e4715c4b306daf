"""The knowledge base's data: the models its YAML files validate against, and its answers.

The files (``checks/knowledge/*.yaml``) are validated strictly (unknown keys are errors),
every entry with the ``source`` that makes it true and the date it became ``effective``:
:class:`KnowledgeEntry` for the text scanner's facts, :class:`EmailFile` for the email
domain lists and the ICO register reference format. The answers the knowledge base gives,
:class:`TextMatch` and :class:`DomainVerdict`, are plain frozen dataclasses, defined here
so that the scanner and the classifier share them without depending on each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from isa_kit.core.findings import Category, Severity

_DATE = r"^\d{4}-\d{2}(-\d{2})?$"
TEXT_CATEGORIES = frozenset(
    {
        Category.SUPERSEDED_LEGISLATION,
        Category.SUPERSEDED_GUIDANCE,
        Category.OBSOLETE_PROTECTIVE_MARKING,
        Category.DEFUNCT_ORGANISATION,
        Category.UNKNOWN_LEGISLATION,
        Category.UNFILLED_PLACEHOLDER,
        Category.INSECURE_TRANSFER_CHANNEL,
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
    keywords: Annotated[
        list[Annotated[str, Field(pattern=r"^[a-z0-9/ <>{}«-]+$")]], Field(min_length=1)
    ]
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


class EntriesFile(_Strict):
    entries: list[KnowledgeEntry]


class DomainEntry(_Strict):
    domain: str
    """A domain; ``*`` as the last label means any top-level domain (``hotmail.*``)."""
    source: str
    effective: Effective
    note: str | None = None


class IcoRule(_Strict):
    pattern: str
    source: str
    effective: Effective
    note: str | None = None


class AccreditedList(_Strict):
    """Organisation domains accredited to DCB1596, as published on a dated list."""

    source: str
    effective: Effective
    domains: list[str] = []


class EmailFile(_Strict):
    retired_domains: list[DomainEntry]
    """Retired families: the domain itself and every subdomain are retired."""
    webmail_domains: list[DomainEntry]
    secure_domains: list[DomainEntry]
    """Routes meeting a secure email standard as a whole (NHSmail, CJSM, police.uk, gov.uk);
    also used to recognise near misses (``nsh.net``)."""
    accredited_domains: AccreditedList
    impossible_tlds: list[DomainEntry]
    """Labels that are not top-level domains although people write them as if they were."""
    ico_registration: IcoRule


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
