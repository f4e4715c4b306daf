"""Read a decisions file (CSV, or JSON lines) into validated rows.

A bad row is reported as ``DECISIONS:row N: column: what was expected`` and the others go
on; a file that cannot be used at all (unreadable, not CSV, missing columns) raises
:class:`UserError`. Messages name rows by number and case reference, never by the personal
data in them.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from isa_kit.core.errors import UserError
from isa_kit.core.paths import display_path
from isa_kit.core.suggest import did_you_mean
from isa_kit.data.model import LETTER_OPTIONS, Partnership, Recipient

COLUMNS: tuple[str, ...] = (
    "case_ref",
    "decided_at",
    "outcome",
    "rag",
    "recipient_type",
    "recipient_name",
    "address",
    "email",
    "referrer_organisation",
    "contact_team",
    "contact_route",
    "rationale",
    "options",
)
MAX_BYTES = 64 * 1024 * 1024
MAX_FIELD = 4000
_CASE_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")
_DECIDED = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")
_EMAIL = re.compile(r"^[^@\s]+@([A-Za-z0-9.-]+)$")


@dataclass(frozen=True, slots=True)
class Decision:
    """One valid row."""

    row: int
    case_ref: str
    decided_at: dt.datetime
    outcome: str
    rag: str
    recipient_type: Recipient
    recipient_name: str
    address: str
    email: str
    referrer_organisation: str
    contact_team: str
    contact_route: str
    rationale: str
    options: tuple[str, ...]

    @property
    def email_domain(self) -> str | None:
        m = _EMAIL.match(self.email)
        return m[1] if m else None


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that gets no letter, and why (no personal data in ``message``)."""

    file: str
    row: int
    case_ref: str
    column: str
    message: str
    refused: bool = False
    """True for a valid row the policy refuses (e.g. an outcome that is phoned)."""

    def __str__(self) -> str:
        case = f" (case {self.case_ref})" if self.case_ref else ""
        return f"{self.file}:row {self.row}: {self.column}: {self.message}{case}"


Rows = Iterator[tuple[int, dict[str, str]]]


def read_rows(path: Path) -> tuple[str, int]:
    """Check that ``path`` can be used at all, and count its rows; nothing is kept in memory.

    Raises :class:`UserError` for a file that is unreadable, not UTF-8, not CSV or JSON lines,
    or missing columns, before any letter is written. :func:`iter_rows` then streams the rows.
    """
    shown = display_path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UserError(f"{shown}: the file is larger than {MAX_BYTES // 2**20} MB")
    except OSError as exc:
        raise UserError(f"{shown}: cannot read: {exc.strerror}") from None
    count = 0
    for _ in iter_rows(path, check=True):
        count += 1
    return shown, count


def iter_rows(path: Path, *, check: bool = False) -> Rows:
    """The raw rows of ``path``, numbered as a person counts them (the header is row 1)."""
    shown = display_path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            first = handle.read(4096)
            handle.seek(0)
            if first.lstrip().startswith("{"):
                yield from _json_lines(shown, handle, check)
            else:
                yield from _csv_rows(shown, handle)
    except OSError as exc:
        raise UserError(f"{shown}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UserError(f"{shown}: not UTF-8 text: expected a CSV or JSON lines file") from None


def _csv_rows(shown: str, handle: TextIO) -> Rows:
    reader = csv.reader(handle, strict=True)
    try:
        header = next(reader, None)
        if not header:
            raise UserError(f"{shown}: the file is empty: expected a header row of columns")
        names = [h.strip().lower() for h in header]
        _require_columns(shown, names)
        for number, record in enumerate(reader, start=2):  # row N as a spreadsheet counts
            if not any(cell.strip() for cell in record):
                continue
            row = dict(zip(names, record, strict=False))
            if len(record) > len(names):
                row["\0extra"] = "1"
            yield number, row
    except csv.Error as exc:
        raise UserError(f"{shown}:{reader.line_num}: not valid CSV: {exc}") from None


def _json_lines(shown: str, handle: TextIO, check: bool) -> Rows:
    seen: set[str] = set()
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(f"{shown}:{number}: not valid JSON lines: {exc.msg}") from None
        if not isinstance(obj, dict):
            raise UserError(f"{shown}:{number}: expected one JSON object per line")
        if check:
            seen.update(str(k) for k in obj if k in COLUMNS)
        yield number, {str(k): "" if v is None else str(v) for k, v in obj.items()}
    if check:
        _require_columns(shown, sorted(seen))


def _require_columns(shown: str, names: list[str]) -> None:
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        raise UserError(
            f"{shown}: missing column(s) {', '.join(missing)}: expected the columns "
            f"{', '.join(COLUMNS)}"
        )


def validate_row(
    shown: str, number: int, raw: dict[str, str], partnership: Partnership
) -> Decision | RowProblem:
    """One row checked against the partnership's outcomes and RAG scheme."""
    get = {c: (raw.get(c) or "").strip() for c in COLUMNS}
    case = get["case_ref"] if _CASE_REF.match(get["case_ref"]) else ""

    def bad(column: str, message: str) -> RowProblem:
        return RowProblem(shown, number, case, column, message)

    if "\0extra" in raw:
        return bad("(row)", "more cells than the header has columns")
    for column, value in get.items():
        if len(value) > MAX_FIELD:
            return bad(column, f"expected at most {MAX_FIELD} characters")
    if not case:
        return bad("case_ref", "expected a case reference of letters, digits, '-', '_' or '.'")
    if not _DECIDED.match(get["decided_at"]):
        return bad("decided_at", "expected local time in England as YYYY-MM-DDTHH:MM")
    try:
        decided = dt.datetime.fromisoformat(get["decided_at"])
    except ValueError:
        return bad("decided_at", "expected a real date and time (YYYY-MM-DDTHH:MM)")
    outcomes = {o.id for o in partnership.outcomes}
    if get["outcome"] not in outcomes:
        hint = did_you_mean(get["outcome"], outcomes)
        return bad("outcome", f"expected one of {', '.join(sorted(outcomes)) or '(none)'}{hint}")
    levels = (
        {lv.name.lower(): lv.name for lv in partnership.rag_scheme.levels}
        if (partnership.rag_scheme)
        else {}
    )
    rag = get["rag"]
    if rag and rag.lower() not in levels:
        return bad("rag", f"expected empty or one of {', '.join(levels.values()) or '(none)'}")
    try:
        recipient = Recipient(get["recipient_type"].lower())
    except ValueError:
        return bad("recipient_type", "expected referrer or family")
    for column in ("recipient_name", "contact_team", "contact_route", "rationale"):
        if not get[column]:
            return bad(column, "expected a value")
    if get["email"] and not _EMAIL.match(get["email"]):
        return bad("email", "expected empty or an email address such as name@example.gov.uk")
    options = tuple(o.strip().lower() for o in get["options"].split(";") if o.strip())
    unknown = [o for o in options if o not in LETTER_OPTIONS]
    if unknown:
        return bad("options", f"expected options from {', '.join(LETTER_OPTIONS)}")
    return Decision(
        number,
        case,
        decided,
        get["outcome"],
        levels.get(rag.lower(), "") if rag else "",
        recipient,
        get["recipient_name"],
        get["address"],
        get["email"],
        get["referrer_organisation"],
        get["contact_team"],
        get["contact_route"],
        get["rationale"],
        tuple(dict.fromkeys(options)),
    )
