"""The policy applied to valid rows: who is lettered, by which template, by when, by what route.

A row the policy refuses (an outcome told by phone, or not told at all; a second row for the
same case and recipient; a letter that must go by post with no postal address) gets no letter
and a reason; nothing here prints the personal data in the row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from isa_kit.data.model import (
    DeadlineBasis,
    LetterRule,
    LettersPolicy,
    Notify,
    Partnership,
    Recipient,
)
from isa_kit.data.values import Duration
from isa_kit.letters.compose import context, delivery_route, render_letter, sender_of
from isa_kit.letters.deadlines import due_by
from isa_kit.letters.decisions import Decision, RowProblem
from isa_kit.reference.knowledge import load_knowledge
from isa_kit.reference.policy import load_policy
from isa_kit.render.environment import CompiledTemplate
from isa_kit.render.letter_context import LetterSender


@dataclass(frozen=True, slots=True)
class Planned:
    """A row that will get a letter."""

    file: str
    decision: Decision
    rule: LetterRule
    template: str
    """The template's file name without ``.docx``: ``<kind>-<recipient>``."""
    due: dt.datetime
    delivery: str
    partnership: Partnership
    sender: LetterSender

    def render(self, template: CompiledTemplate, reference: str, generated: dt.datetime) -> bytes:
        ctx = context(
            self.decision,
            reference=reference,
            rule=self.rule,
            partnership=self.partnership,
            sender=self.sender,
            delivery=self.delivery,
            generated=generated,
        )
        return render_letter(
            template,
            ctx,
            reference=reference,
            heading=self.rule.heading,
            sender=self.sender.team,
            generated=generated,
        )


def secure_allow_list(partnership: Partnership, folder: Path) -> tuple[str, ...]:
    """The secure-domain allow-list the checks use (one derivation, in ``reference``)."""
    from isa_kit.reference.secure_email import secure_allow_list as derive

    return derive(partnership, load_policy(folder))


def _deadline(
    d: Decision, rule: LetterRule, policy: LettersPolicy, p: Partnership
) -> Duration | None:
    if rule.deadline is not None:
        return rule.deadline
    if policy.deadline_basis == DeadlineBasis.RAG:
        outcome = next(o for o in p.outcomes if o.id == d.outcome)
        name = (d.rag or outcome.rag or "").lower()
        levels = p.rag_scheme.levels if p.rag_scheme else []
        return next((lv.timescale for lv in levels if lv.name.lower() == name), None)
    return policy.deadline


class Planner:
    """The policy, applied to one valid row at a time (rows are streamed, never all held)."""

    def __init__(
        self, shown: str, partnership: Partnership, policy: LettersPolicy, folder: Path
    ) -> None:
        self.shown = shown
        self.partnership = partnership
        self.policy = policy
        self.knowledge = load_knowledge()
        self.allow = secure_allow_list(partnership, folder)
        self.sender = sender_of(partnership, policy)
        self.outcomes = {o.id: o for o in partnership.outcomes}
        self.first_row: dict[tuple[str, str], int] = {}

    def templates(self) -> set[str]:
        """Every template a row could need: each rule's kind, for each recipient lettered."""
        return {
            f"{rule.template}-{who.value}"
            for rule in self.policy.rules
            for who in Recipient
            if getattr(self.outcomes[rule.outcome], who.value) == Notify.LETTER
        }

    def plan(self, d: Decision) -> Planned | RowProblem:
        def refuse(column: str, message: str) -> RowProblem:
            return RowProblem(self.shown, d.row, d.case_ref, column, message, refused=True)

        who = d.recipient_type.value
        outcome = self.outcomes[d.outcome]
        notify = getattr(outcome, who)
        if notify is None:  # the protocol does not say: never guess that a letter is agreed
            return refuse(
                "outcome",
                f"how the {who} is told of '{d.outcome}' is not recorded in "
                f"{self.partnership.id}'s data (record letter, phone or none first)",
            )
        if notify == Notify.PHONE:
            return refuse(
                "outcome",
                f"'{d.outcome}' is told to the {who} by phone, never by letter "
                f"({outcome.description})",
            )
        if notify == Notify.NONE:
            return refuse(
                "outcome",
                f"'{d.outcome}' is not told to the {who} under {self.partnership.id}'s protocol",
            )
        rule = self.policy.rule(d.outcome)
        if rule is None:
            return refuse(
                "outcome", f"'{d.outcome}' has no letter rule in the partnership's letters.yaml"
            )
        key = (d.case_ref, who)
        if key in self.first_row:
            return refuse(
                "case_ref",
                f"the same case and recipient as row {self.first_row[key]}: one letter each",
            )
        self.first_row[key] = d.row
        deadline = _deadline(d, rule, self.policy, self.partnership)
        if deadline is None:
            return refuse("rag", "expected a RAG rating: the letter's deadline follows it")
        delivery = delivery_route(d, self.knowledge, self.allow)
        if delivery == "post" and not d.address:
            why = "the email address is not on a secure domain, so " if d.email else ""
            return refuse("address", f"expected a postal address: {why}the letter goes by post")
        return Planned(
            self.shown,
            d,
            rule,
            f"{rule.template}-{who}",
            due_by(d.decided_at, deadline),
            delivery,
            self.partnership,
            self.sender,
        )
