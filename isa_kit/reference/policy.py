"""The checks' policy: what a partnership decides, as opposed to what the law says.

The default is ``checks/policy.yaml`` (shipped in the wheel as well). A partnership can
override it with a ``policy.yaml`` in its own folder: every key given there replaces the
default's, except ``severities``, which is merged code by code, and ``secure_domains``,
which adds to the default allow-list. A policy is data with
provenance: it names its ``source`` (the decision that set it) and the date it became
``effective``, and so does every secure domain on its allow-list.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from isa_kit.core.errors import DataError
from isa_kit.core.findings import Severity
from isa_kit.core.paths import POLICY_FILE, display_path
from isa_kit.core.resources import resource_dir
from isa_kit.core.tree import guard
from isa_kit.data.loader import validate_model
from isa_kit.data.yaml import load_yaml

__all__ = ["Policy", "PolicyDomain", "SeveritySetting", "load_policy"]

SeveritySetting = Literal["error", "warning", "info", "off"]
"""A severity override for one check: a severity, or ``off`` to switch the check off."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PolicyDomain(_Strict):
    """An email domain the partnership accepts as secure (it and its subdomains)."""

    domain: Annotated[str, Field(pattern=r"^[A-Za-z0-9.-]+$")]
    source: Annotated[str, Field(min_length=1)]
    """Why it is accepted: e.g. ``NHSmail, DCB1596 accredited``."""
    effective: dt.date
    """Since when (the date of the decision or accreditation)."""
    note: str | None = None


class Policy(_Strict):
    """Settings the checks read through their context (``ctx.policy``)."""

    source: Annotated[str, Field(min_length=1)]
    """Who set this policy (e.g. ``MASH Steering Group, minute 12, March 2026``)."""
    effective: dt.date
    secure_domains: list[PolicyDomain] = Field(default_factory=list)
    """The secure-domain allow-list, beside each document's secure-email channel domains."""
    accredited_domains: list[Annotated[str, Field(pattern=r"^[A-Za-z0-9.-]+$")]] = Field(
        default_factory=list
    )
    """Domains accredited to DCB1596 beyond the shipped list (inline, or read from
    ``accredited_domains_file``)."""
    accredited_domains_file: str | None = None
    """A refreshed copy of NHS England's DCB1596 accredited list, relative to the partnership
    folder: one domain per line (``#`` comments), or a CSV whose rows each hold the domain in
    some field (NHS England's export)."""
    review_warning_days: Annotated[int, Field(ge=0, le=366)] = 60
    """``review-due-soon`` fires when the next review falls within this many days."""
    max_review_interval_months: Annotated[int, Field(ge=1, le=120)] = 36
    """A review period (or gap between reviews) longer than this is ``inconsistent-review-period``."""
    severities: dict[str, SeveritySetting] = Field(default_factory=dict)
    """Severity overrides keyed by check code (``ISA013``) or name (``inconsistent-review-period``)."""

    @property
    def allowed_domains(self) -> tuple[str, ...]:
        return tuple(d.domain.lower() for d in self.secure_domains)

    @property
    def accredited(self) -> tuple[str, ...]:
        return tuple(d.lower() for d in self.accredited_domains)

    def severity_for(self, code: str, name: str, default: Severity) -> Severity | None:
        """The severity of check ``code``/``name`` under this policy; ``None`` if it is off."""
        setting = self.severities.get(code, self.severities.get(name))
        if setting is None:
            return default
        return None if setting == "off" else Severity(setting)


def _read(path: Path) -> tuple[dict[str, Any], Any]:
    data, source = load_yaml(path, display_path(path))
    if not isinstance(data, dict):
        raise DataError([source.problem((), "expected a mapping of policy settings")])
    return data, source


@functools.cache
def _default_data() -> dict[str, Any]:
    data, _ = _read(resource_dir("checks") / POLICY_FILE)
    return data


@functools.cache
def default_policy() -> Policy:
    """The shipped default policy (``checks/policy.yaml``)."""
    data, source = _read(resource_dir("checks") / POLICY_FILE)
    return validate_model(Policy, data, source)


def load_policy(partnership_folder: Path | None) -> Policy:
    """The policy for a partnership folder: the default, overridden by its ``policy.yaml``.

    Raises :class:`DataError` (located at the offending line) when the override is invalid.
    """
    base = default_policy()
    if partnership_folder is None:
        return base
    path = partnership_folder / POLICY_FILE
    if not (path.is_file() or path.is_symlink()):
        return base
    guard(path, partnership_folder)
    data, source = _read(path)
    merged = dict(_default_data())
    merged.update(data)
    merged["severities"] = {**_default_data().get("severities", {}), **data.get("severities", {})}
    extra = data.get("secure_domains")
    if isinstance(extra, list):
        merged["secure_domains"] = [*_default_data().get("secure_domains", []), *extra]
    # The default is valid, so every error is in the override: locate it in that file.
    policy = validate_model(Policy, merged, source)
    if policy.accredited_domains_file:
        listed = _read_domain_list(partnership_folder, policy.accredited_domains_file, source)
        policy = policy.model_copy(
            update={"accredited_domains": [*policy.accredited_domains, *listed]}
        )
    return policy


_DOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")


def _read_domain_list(folder: Path, name: str, source: Any) -> list[str]:
    """The domains of a user-supplied accredited list (one a line, or a CSV's domain field)."""
    path = (folder / name).resolve()
    if not path.is_relative_to(folder.resolve()) or not path.is_file():
        raise DataError(
            [
                source.problem(
                    ("accredited_domains_file",),
                    "expected a file inside the partnership folder listing accredited domains",
                )
            ]
        )
    out: list[str] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
        for field in line.split(","):
            field = field.strip().strip('"').lower().removeprefix("@")
            if _DOMAIN.match(field):
                out.append(field)
                break
    return out
