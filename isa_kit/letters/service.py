"""The ``letters`` service: decisions in, outcome letters, a register and a timeliness report out.

:func:`make_letters` validates every row, applies the partnership's letter policy (who is
lettered, by when, refusals such as outcomes that are phoned), writes one .docx per letter
named by its reference (and PDFs in batches), and records each letter in the register so that
a re-run neither duplicates nor overwrites anything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from isa_kit.core.atomic import write_bytes_atomic, write_text_atomic
from isa_kit.core.errors import OutputError, TemplateError, UserError
from isa_kit.core.paths import LETTERS_FILE, display_path
from isa_kit.core.resources import resource_dir
from isa_kit.data.loader import load_letters_policy, load_partnership
from isa_kit.letters.decisions import Decision, RowProblem, iter_rows, read_rows, validate_row
from isa_kit.letters.plan import Planned, Planner
from isa_kit.letters.register import Entry, Register
from isa_kit.letters.timeliness import Timeliness, iso, judge, report_json, report_text
from isa_kit.render.environment import CompiledTemplate, load_template

__all__ = ["LettersResult", "Progress", "make_letters"]

Progress = Callable[[int, int, str], None]
"""``progress(done, total, stage)``: called as letters (then PDFs) are made."""


@dataclass
class LettersResult:
    out: Path
    written: list[str] = field(default_factory=list)
    """References of the letters issued by this run (their details are in the register)."""
    unchanged: list[str] = field(default_factory=list)
    """References of letters already issued for the same rows by an earlier run (untouched)."""
    problems: list[RowProblem] = field(default_factory=list)
    """Rows rejected (bad data) or refused (the policy, or an issued letter)."""
    pdfs: list[Path] = field(default_factory=list)
    timeliness: list[Timeliness] = field(default_factory=list)
    as_of: dt.date = dt.date(1970, 1, 1)

    def entries(self) -> list[Entry]:
        """The register's entries for the letters this run issued, in row order."""
        with Register(self.out) as register:
            found = {e.letter_ref: e for e in register.entries()}
        return [found[ref] for ref in self.written]

    @property
    def exit_code(self) -> int:
        return 1 if self.problems else 0

    def timeliness_text(self) -> str:
        return report_text(self.timeliness, self.as_of)

    def timeliness_json(self) -> str:
        return report_json(self.timeliness, self.as_of)


def git_work_tree(path: Path) -> Path | None:
    """The git work tree ``path`` is inside (it need not exist yet), or ``None``."""
    here = path.resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None


def make_letters(
    decisions: Path,
    partnership_dir: Path,
    out: Path,
    *,
    as_of: dt.date,
    pdf: bool = False,
    supersede: bool = False,
    allow_in_repo: bool = False,
    templates: Path | None = None,
    progress: Progress | None = None,
    timeout: float | None = None,
) -> LettersResult:
    """Make the letters for ``decisions`` into ``out`` (see the module docstring)."""
    partnership = load_partnership(partnership_dir)
    policy = load_letters_policy(partnership, partnership_dir)
    if policy is None:
        raise UserError(
            f"{display_path(partnership_dir / LETTERS_FILE)}: no such file: the partnership "
            "has no letter policy"
        )
    shown, total = read_rows(decisions)  # the whole file is checked before anything is written
    result = LettersResult(out, as_of=as_of)
    planner = Planner(shown, partnership, policy, partnership_dir)
    folder = templates or resource_dir("templates") / "letters"
    compiled = _templates(folder, planner.templates())
    if not allow_in_repo:
        repo = git_work_tree(out)
        if repo is not None:
            raise OutputError(
                f"{display_path(out)} is inside the git work tree {display_path(repo)}: letters "
                "hold personal data; write them elsewhere, or pass --allow-in-repo"
            )
    start = dt.datetime.combine(as_of, dt.time())
    with Register(out) as register:
        for done, (number, raw) in enumerate(iter_rows(decisions), start=1):
            checked = validate_row(shown, number, raw, partnership)
            item = planner.plan(checked) if isinstance(checked, Decision) else checked
            if isinstance(item, RowProblem):
                result.problems.append(item)
            else:
                entry = _issue(item, register, compiled, out, start, supersede, result)
                _judge(item, entry, as_of, result)
            if progress is not None:
                progress(done, total, "letters")
    if pdf and result.written:
        from isa_kit.render.pdf import convert_batches

        def pdf_progress(done: int, total: int) -> None:
            if progress is not None:
                progress(done, total, "PDFs")

        result.pdfs = convert_batches(
            [out / f"{ref}.docx" for ref in result.written],
            out,
            timeout=timeout,
            progress=pdf_progress,
        )
    result.problems.sort(key=lambda p: p.row)
    write_text_atomic(out / "timeliness.txt", result.timeliness_text())
    write_text_atomic(out / "timeliness.json", result.timeliness_json())
    return result


def _judge(item: Planned, entry: Entry | None, as_of: dt.date, result: LettersResult) -> None:
    d = item.decision
    t = judge(
        row=d.row,
        case_ref=d.case_ref,
        recipient_type=d.recipient_type.value,
        outcome=d.outcome,
        due=item.due,
        letter_ref=entry.letter_ref if entry else None,
        generated=dt.datetime.fromisoformat(entry.generated_at) if entry else None,
        as_of=as_of,
    )
    if t is not None:
        result.timeliness.append(t)


def _templates(folder: Path, kinds: set[str]) -> dict[str, CompiledTemplate]:
    out: dict[str, CompiledTemplate] = {}
    for kind in sorted(kinds):
        path = folder / f"{kind}.docx"
        if not path.is_file():
            raise TemplateError(f"{display_path(path)}: no such letter template")
        out[kind] = load_template(path, display_path(path))
    return out


def _digest(d: Decision) -> str:
    values = [str(getattr(d, name)) for name in Decision.__slots__ if name != "row"]
    return hashlib.sha256(json.dumps(values).encode()).hexdigest()


def _issue(
    item: Planned,
    register: Register,
    compiled: dict[str, CompiledTemplate],
    out: Path,
    start: dt.datetime,
    supersede: bool,
    result: LettersResult,
) -> Entry | None:
    """Issue ``item``'s letter; returns its register entry (``None`` when refused)."""
    d = item.decision
    digest = _digest(d)
    latest = register.latest(d.case_ref, d.recipient_type.value)
    if latest is not None and latest.row_digest == digest:
        result.unchanged.append(latest.letter_ref)
        return latest
    if latest is not None and not supersede:
        result.problems.append(
            RowProblem(
                item.file,
                d.row,
                d.case_ref,
                "(row)",
                f"letter {latest.letter_ref} was already issued from different details; "
                "it is never overwritten: pass --supersede to issue a new version",
                refused=True,
            )
        )
        return None
    version = latest.version + 1 if latest else 1
    tag = "REF" if d.recipient_type == "referrer" else "FAM"
    reference = f"{d.case_ref}-{tag}-v{version}"
    generated = max(d.decided_at, start)
    template = compiled[item.template]
    data = item.render(template, reference, generated)
    target = out / f"{reference}.docx"
    sha = hashlib.sha256(data).hexdigest()
    if target.exists():
        if hashlib.sha256(target.read_bytes()).hexdigest() != sha:
            result.problems.append(
                RowProblem(
                    item.file,
                    d.row,
                    d.case_ref,
                    "(row)",
                    f"{target.name} exists but is not this letter: refusing to overwrite it",
                    refused=True,
                )
            )
            return None
    else:
        write_bytes_atomic(target, data)
    entry = Entry(
        reference,
        d.case_ref,
        d.recipient_type.value,
        version,
        d.outcome,
        item.template,
        template.sha256,
        sha,
        digest,
        iso(d.decided_at),
        iso(generated),
        iso(item.due),
        item.delivery,
        target.name,
    )
    register.add(entry)
    if latest is not None:
        register.supersede(latest.letter_ref, reference)
    result.written.append(reference)
    return entry
