"""Judge what an agreement states about why and how it shares personal data (AUD061, AUD080-082).

As ``isa-kit check`` judges the same things in the data (ISA040-042, ISA061): when no party has
a basis or condition, one finding for the document; when some have one, a finding for each
row of the basis table that says ``Not recorded``. Pure: the facts in, verdicts out; the
judge (:mod:`.judge`) turns each verdict into a finding through the policy.
"""

from __future__ import annotations

from dataclasses import dataclass

from isa_kit.core.findings import Severity

from .agreement import covers, is_police
from .facts import Agreement, BasisRow, Facts, Located
from .parties import same_organisation

__all__ = ["Verdict", "judge_agreement"]


@dataclass(frozen=True, slots=True)
class Verdict:
    code: str
    message: str
    where: Located | None
    hint: str
    subject: str | None = None
    severity: Severity | None = None


def judge_agreement(facts: Facts) -> list[Verdict]:
    a = facts.agreement
    if a is None:
        return []
    return [*_lawful_basis(a), *_conditions(a), *_law_enforcement(a), *_security(a)]


def _missing(a: Agreement, rows: tuple[BasisRow, ...], part_3: bool) -> list[BasisRow]:
    """Rows saying ``Not recorded``, less those a Part 3 basis covers (when it counts)."""
    return [
        r
        for r in rows
        if not r.recorded and not (part_3 and any(covers(p, r.parties) for p, _ in a.part_3))
    ]


def _lawful_basis(a: Agreement) -> list[Verdict]:
    hint = (
        "State each party's UK GDPR Article 6 basis (and, for police, the DPA 2018 Part 3 basis)."
    )
    missing = _missing(a, a.article_6_rows, part_3=True)
    if a.article_6_rows and (len(missing) < len(a.article_6_rows) or a.part_3):
        return [
            Verdict(
                "AUD080",
                f"no UK GDPR Article 6 basis is recorded for {r.parties}",
                r.where,
                hint,
                subject=r.parties,
            )
            for r in missing
        ]
    if missing or (not a.article_6_rows and a.article_6 is None and not a.part_3):
        said = " (its basis table says 'Not recorded')" if missing else ""
        return [
            Verdict(
                "AUD080",
                "the document shares personal data but states no UK GDPR Article 6 (or DPA "
                f"2018 Part 3) basis for any party{said}",
                missing[0].where if missing else a.title,
                hint,
            )
        ]
    return []


def _conditions(a: Agreement) -> list[Verdict]:
    out: list[Verdict] = []
    for what, shared, stated, rows, other, article in (
        ("special category", a.special, a.article_9, a.article_9_rows, a.schedule_8, "9"),
        ("criminal offence", a.criminal, a.article_10, a.article_10_rows, a.part_3, "10"),
    ):
        if shared is None:
            continue
        hint = (
            f"State each party's Article {article} condition with its DPA 2018 Schedule 1 "
            "condition (e.g. Part 2 paragraph 18, safeguarding)."
        )
        missing = [r for r in rows if not r.recorded]
        if rows and len(missing) < len(rows):
            out.extend(
                Verdict(
                    "AUD081",
                    f"no Article {article} condition is recorded for {r.parties}, though the "
                    f"document shares {what} data",
                    r.where,
                    hint,
                    subject=r.parties,
                )
                for r in missing
            )
        elif not other and (missing or (not rows and stated is None)):
            out.append(
                Verdict(
                    "AUD081",
                    f"the document shares {what} data ({shared.region}) but states no "
                    f"Article {article} condition for any party",
                    missing[0].where if missing else shared,
                    hint,
                )
            )
    return out


def _law_enforcement(a: Agreement) -> list[Verdict]:
    out: list[Verdict] = []
    seen: list[str] = []
    for party in a.parties:
        if not is_police(party.name) or any(same_organisation(party.name, s) for s in seen):
            continue
        seen.append(party.name)
        if any(covers(p, party.name) for p, _ in a.part_3):
            continue
        out.append(
            Verdict(
                "AUD082",
                f"police party '{party.name}' is given no DPA 2018 Part 3 (law enforcement) basis",
                party.where,
                "State the force's Part 3 basis: section 35 and a Schedule 8 condition for "
                "sensitive processing.",
                subject=party.name,
            )
        )
    return out


def _security(a: Agreement) -> list[Verdict]:
    out: list[Verdict] = []
    if a.transfer is None:
        out.append(
            Verdict(
                "AUD061",
                "the document shares personal data but names no way of transferring it "
                "securely (secure email, a case system)",
                a.title,
                "Say how data is transferred: secure email between named domains, or a case "
                "system.",
            )
        )
    if a.breach is None:
        out.append(
            Verdict(
                "AUD061",
                "the document has no breach procedure: it does not say who a partner reports "
                "a personal data breach to",
                a.title,
                "Say who a breach is reported to, and within how many hours.",
            )
        )
    elif a.no_deadline is not None or a.deadline is None:
        out.append(
            Verdict(
                "AUD061",
                "the breach procedure sets no time limit for reporting a breach",
                a.no_deadline or a.breach,
                "Set a time limit (24 hours leaves the controller time to meet the ICO's 72).",
                severity=Severity.WARNING,
            )
        )
    return out
