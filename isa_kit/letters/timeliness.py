"""The timeliness report: letters that are, or will be, late as of a date.

* ``issued-late``: the letter was generated after it was due;
* ``overdue``: a lettered decision has no letter and its deadline has passed;
* ``at-risk``: a lettered decision has no letter yet and is due later (it will be late
  unless it is sent by then).

Case references only: the report holds no names, addresses or emails.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class Timeliness:
    status: str
    case_ref: str
    recipient_type: str
    outcome: str
    row: int
    due_by: str
    letter_ref: str | None
    generated_at: str | None


def judge(
    *,
    row: int,
    case_ref: str,
    recipient_type: str,
    outcome: str,
    due: dt.datetime,
    letter_ref: str | None,
    generated: dt.datetime | None,
    as_of: dt.date,
) -> Timeliness | None:
    """The report line for one lettered decision, or ``None`` when it is on time."""
    if generated is not None:
        if generated <= due:
            return None
        status = "issued-late"
    else:
        end_of_day = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
        status = "overdue" if due < end_of_day else "at-risk"
    return Timeliness(
        status,
        case_ref,
        recipient_type,
        outcome,
        row,
        iso(due),
        letter_ref,
        iso(generated) if generated else None,
    )


def iso(when: dt.datetime) -> str:
    return when.isoformat(timespec="minutes")


def report_text(items: list[Timeliness], as_of: dt.date) -> str:
    if not items:
        return f"Timeliness as of {as_of.isoformat()}: every letter is on time.\n"
    lines = [f"Timeliness as of {as_of.isoformat()}: {len(items)} letter(s) late or at risk"]
    words = {
        "issued-late": "issued late",
        "overdue": "not issued, overdue",
        "at-risk": "not issued yet",
    }
    for t in items:
        ref = f", letter {t.letter_ref} generated {t.generated_at}" if t.letter_ref else ""
        lines.append(
            f"  row {t.row} case {t.case_ref} ({t.recipient_type}, {t.outcome}): "
            f"{words[t.status]}; due by {t.due_by}{ref}"
        )
    return "\n".join(lines) + "\n"


def report_json(items: list[Timeliness], as_of: dt.date) -> str:
    data = {"as_of": as_of.isoformat(), "letters": [asdict(t) for t in items]}
    return json.dumps(data, indent=2, sort_keys=True) + "\n"
