"""Turn the facts found in one document into findings, through the shared knowledge and policy.

Pure: the date to judge against (``as_of``), the knowledge base and the policy are passed in.
Every finding names the file, the region (page, paragraph or table row) and a short quote.
Categories and severities are those of ``isa-kit check``; the codes are the audit's own
``AUD`` family, permanent once assigned: the rule table (:data:`RULES`, :func:`rule_infos`)
lives in :mod:`.rules` and is re-exported here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePath

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.reference.knowledge import Knowledge, TextMatch
from isa_kit.reference.policy import Policy

from .caldicott import MESSAGE as CALDICOTT_MESSAGE
from .caldicott import SOURCE as CALDICOTT_SOURCE
from .caldicott import seven_caldicott_principles
from .extract import Facts, Located, extract, same_organisation
from .judge_agreement import judge_agreement
from .rules import BY_CODE, EMAIL_CODES, RULES, TEXT_CODES, Rule, rule_infos
from .text import Block, DocumentText, short_quote
from .wording import ago as _ago
from .wording import and_or as _and
from .wording import months as _months

__all__ = ["RULES", "Context", "Rule", "judge", "rule_infos", "unreadable"]


@dataclass
class Context:
    as_of: dt.date
    knowledge: Knowledge
    policy: Policy
    require_allowed_domains: bool = False


class _Out:
    def __init__(self, ctx: Context, file: str) -> None:
        self.ctx = ctx
        self.file = file
        self.name = PurePath(file).name
        self.findings: list[Finding] = []

    def add(
        self,
        code: str,
        message: str,
        where: Located | None,
        *,
        subject: str | None = None,
        hint: str = "",
        source: str | None = None,
        severity: Severity | None = None,
        category: Category | None = None,
    ) -> None:
        rule = BY_CODE[code]
        default = severity or rule.severity
        final = self.ctx.policy.severity_for(code, rule.name, default)
        if final is None:
            return
        self.findings.append(
            Finding(
                code=code,
                category=category or rule.category,
                severity=final,
                message=message,
                file=self.file,
                subject=subject if subject is not None else self.name,
                hint=hint,
                source=rule.source if source is None else source,
                region=where.region if where else None,
                quote=where.quote if where else None,
            )
        )


def unreadable(file: str, reason: str, ctx: Context) -> Finding:
    out = _Out(ctx, file)
    out.add(
        "AUD001",
        f"could not read this file: {reason}",
        None,
        hint="Ask the owner for an intact copy (Word .docx or PDF); the other files were audited.",
    )
    return out.findings[0]


def judge(doc: DocumentText, ctx: Context) -> list[Finding]:
    out = _Out(ctx, doc.path)
    if doc.unverifiable:
        out.add(
            "AUD002",
            f"this document cannot be verified: {doc.unverifiable}",
            None,
            hint="Nothing in it was checked: it has not passed. Obtain a readable copy.",
        )
        return out.findings
    facts = extract(doc)
    if doc.tracked is not None:
        _tracked(doc, out)
    if doc.image_only_pages:
        pages = ", ".join(str(p) for p in doc.image_only_pages)
        out.add(
            "AUD004",
            f"page{'s' if len(doc.image_only_pages) > 1 else ''} {pages} "
            f"{'are' if len(doc.image_only_pages) > 1 else 'is'} only an image (a scan); "
            "what is on them (perhaps signatures) was not checked",
            Located(f"page {doc.image_only_pages[0]}", ""),
            hint="Check those pages by eye, or obtain a copy with a text layer.",
        )
    if facts.signature_form is None:
        # A signature pack is a form awaiting signature: blank lines and no review date of
        # its own are what it should have. The agreement it belongs to is judged instead.
        _reviews(facts, out)
        _signatures(facts, doc, out)
    for v in judge_agreement(facts):  # lawful bases, conditions and security (AUD061, AUD08x)
        out.add(v.code, v.message, v.where, subject=v.subject, hint=v.hint, severity=v.severity)
    _ico(facts, out)
    _emails(facts, out)
    _currency(doc.blocks, out)
    if (seventh := seven_caldicott_principles(doc.blocks)) is not None:
        out.add(
            "AUD052",
            CALDICOTT_MESSAGE,
            seventh,
            hint="Give the eight Caldicott principles (2020).",
            source=CALDICOTT_SOURCE,
            severity=Severity.WARNING,
            category=Category.SUPERSEDED_GUIDANCE,
        )
    return out.findings


def _tracked(doc: DocumentText, out: _Out) -> None:
    t = doc.tracked
    assert t is not None
    parts = []
    if t.insertions:
        parts.append(f"{t.insertions} insertion{'s' if t.insertions != 1 else ''}")
    if t.deletions:
        parts.append(f"{t.deletions} deletion{'s' if t.deletions != 1 else ''}")
    if t.formatting:
        parts.append(f"{t.formatting} formatting change{'s' if t.formatting != 1 else ''}")
    out.add(
        "AUD003",
        f"the document has unaccepted tracked changes ({', '.join(parts)}); the audit read it "
        "as if they were accepted",
        Located(t.region, t.quote),
        hint="Accept or reject every change, then re-issue the agreement for signature.",
    )


# --- reviews ---------------------------------------------------------------------------------


def _reviews(facts: Facts, out: _Out) -> None:
    ctx = out.ctx
    periods = facts.review_periods
    distinct = sorted({p.months for p in periods})
    if len(distinct) > 1:
        firsts = [next(p for p in periods if p.months == m) for m in distinct]
        said = "; ".join(f"every {_months(p.months)} ({p.where.region})" for p in firsts)
        out.add(
            "AUD013",
            f"the document states different review periods: {said}",
            firsts[0].where,
            hint="State one review period, and the date of the next review.",
        )
    longest = max(distinct) if distinct else None
    if longest is not None and longest > ctx.policy.max_review_interval_months:
        p = next(p for p in periods if p.months == longest)
        out.add(
            "AUD013",
            f"the review period of {_months(longest)} is longer than the policy's maximum of "
            f"{_months(ctx.policy.max_review_interval_months)}",
            p.where,
            hint="Review at least as often as the partnership's policy requires.",
        )

    nexts = [r for r in facts.review_dates if r.kind == "next"]
    lasts = [r for r in facts.review_dates if r.kind == "last"]
    issued = [r for r in facts.review_dates if r.kind == "issued"]
    due = None
    how = ""
    where: Located | None = None
    if nexts:
        chosen = max(nexts, key=lambda r: (r.date.latest(), r.where.region))
        due, where = chosen.date, chosen.where
        how = f"the next review was due {due.human()}"
        if len({str(r.date) for r in nexts}) > 1:
            others = ", ".join(sorted({r.date.human() for r in nexts if r.date != due}))
            how += f" (it also gives {others})"
    elif lasts and periods:
        last = max(lasts, key=lambda r: r.date.latest())
        shortest = min(distinct)
        due, where = last.date.add_months(shortest), last.where
        how = (
            f"it was last reviewed {last.date.human()} and is reviewed every "
            f"{_months(shortest)}, so the next review was due {due.human()}"
        )
    elif issued and periods:
        # "Version 1, January 2011. Review annually.": the period runs from the document's date
        dated = max(issued, key=lambda r: r.date.latest())
        shortest = min(distinct)
        due, where = dated.date.add_months(shortest), dated.where
        how = (
            f"it is dated {dated.date.human()}, records no review since, and is reviewed every "
            f"{_months(shortest)}, so the next review was due {due.human()}"
        )
    elif lasts:
        last = max(lasts, key=lambda r: r.date.latest())
        limit = ctx.policy.max_review_interval_months
        due, where = last.date.add_months(limit), last.where
        how = (
            f"it was last reviewed {last.date.human()} and states no review period; at the "
            f"policy's longest interval of {_months(limit)} the next review was due {due.human()}"
        )
    if due is None:
        out.add(
            "AUD012",
            "the document states no next review date (nor a last review date and review period)",
            None,
            hint="Add a document-control entry such as 'Date of next review: <month year>'.",
        )
        return
    if due.latest() < ctx.as_of:
        days = (ctx.as_of - due.latest()).days
        out.add(
            "AUD010",
            f"overdue for review: {how}, {_ago(days)} before {ctx.as_of.isoformat()}",
            where,
            hint="Review the agreement with every party, then record the new review date.",
        )
    elif (due.earliest() - ctx.as_of).days <= ctx.policy.review_warning_days:
        out.add(
            "AUD011",
            f"review due soon: {how}",
            where,
            hint="Arrange the review with every party before the date passes.",
        )


# --- signatures ------------------------------------------------------------------------------


def _signatures(facts: Facts, doc: DocumentText, out: _Out) -> None:
    tables = facts.signature_tables
    for table in tables:
        for row in table.rows:
            if not row.missing:
                continue
            missing = _and(row.missing)
            out.add(
                "AUD020",
                f"'{row.organisation}' has no {missing} in the signature table",
                row.where,
                subject=row.organisation,
                hint="Obtain the signature of an authorised signatory (name, signature and date).",
            )
    if tables:
        signed_orgs = [o for t in tables for o in t.organisations]
        reported: set[str] = set()
        for party in facts.parties:
            key = party.name.lower()
            if key in reported:
                continue
            if not any(same_organisation(party.name, o) for o in signed_orgs):
                reported.add(key)
                out.add(
                    "AUD021",
                    f"'{party.name}' is named as a party in the scope but has no row in the "
                    "signature table",
                    party.where,
                    subject=party.name,
                    hint="Add the party to the signature table and obtain its signature, or "
                    "remove it from the scope.",
                )
    elif facts.says_signed is not None and not doc.image_only_pages:
        out.add(
            "AUD022",
            "the document says it is agreed by signatories but has no signature table",
            facts.says_signed,
            hint="Add a signature table (organisation, name, role, signature, date) and have "
            "every party sign it.",
        )


# --- ICO -------------------------------------------------------------------------------------


def _registration_ok(number: str, pattern: re.Pattern[str]) -> bool:
    """The number, or its first words run together (a PDF splits ``ZA100001`` in a narrow
    cell as ``ZA10000 1``), looks like an ICO register reference."""
    words = [w.strip(".,;()") for w in number.upper().split()]
    return any(pattern.fullmatch("".join(words[:n])) for n in range(1, min(len(words), 4) + 1))


def _ico(facts: Facts, out: _Out) -> None:
    pattern = out.ctx.knowledge.ico_number_pattern
    source = out.ctx.knowledge.ico_source
    for row in facts.ico_rows:
        if not row.number:
            out.add(
                "AUD030",
                f"'{row.organisation}' has no ICO registration number in the registration table",
                row.where,
                subject=row.organisation,
                hint="Look the organisation up on the ICO register of fee payers and add its "
                "number (or record why it is exempt).",
            )
            continue
        if not _registration_ok(row.number, pattern):
            out.add(
                "AUD031",
                f"'{row.organisation}' has ICO registration '{row.number[:40]}', which does not "
                "look like an ICO register reference (such as Z6665870 or ZA123456)",
                row.where,
                subject=row.organisation,
                hint="Check the number against the ICO register of fee payers.",
                source=source,
            )


# --- email -----------------------------------------------------------------------------------


def _emails(facts: Facts, out: _Out) -> None:
    ctx = out.ctx
    allow = (*ctx.policy.allowed_domains, *facts.secure_domains)  # and what the text declares
    for email in facts.emails:
        verdict = ctx.knowledge.classify_email_domain(
            email.domain,
            allow,
            require_allowed=ctx.require_allowed_domains,
            accredited=ctx.policy.accredited,
        )
        if verdict is None:
            continue
        code = EMAIL_CODES.get(verdict.category)
        if code is None:
            continue
        out.add(
            code,
            f"{email.address}: {verdict.message}",
            email.where,
            hint=verdict.hint,
            source=verdict.source,
            severity=verdict.severity,
        )


# --- currency --------------------------------------------------------------------------------


def _currency(blocks: list[Block], out: _Out) -> None:
    """Each out-of-date citation once per document, at its first place, with a count."""
    knowledge = out.ctx.knowledge
    first: dict[str, tuple[Located, TextMatch]] = {}
    counts: dict[str, int] = {}
    for block in blocks:
        if block.part in ("pdf-table", "layout-line"):
            continue
        for match in knowledge.scan_text(block.text):
            counts[match.entry_id] = counts.get(match.entry_id, 0) + 1
            if match.entry_id not in first:
                quote = short_quote(block.text, around=(match.start, match.end))
                first[match.entry_id] = (Located(block.region, quote), match)
    for entry_id, (where, match) in first.items():
        code = TEXT_CODES.get(match.category)
        if code is None:
            continue
        n = counts[entry_id]
        more = f" (and {n - 1} more place{'s' if n - 1 != 1 else ''})" if n > 1 else ""
        hint = match.hint
        if match.replaced_by and match.replaced_by not in hint:
            hint = f"Now: {match.replaced_by}. {hint}".strip()
        out.add(
            code,
            f"{match.message}{more}",
            where,
            hint=hint,
            source=f"{match.source} (effective {match.effective})",
            severity=match.severity,
            category=match.category,
        )
