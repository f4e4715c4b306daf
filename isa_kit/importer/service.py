"""The ``import`` service: read Word and PDF documents of one partnership and write a draft
data folder (never over an existing one), with a report of what was recovered and guessed."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from isa_kit.audit.extract import extract
from isa_kit.audit.service import read_document
from isa_kit.audit.text import DocumentText, UnreadableError
from isa_kit.core.errors import DataError, UserError
from isa_kit.core.paths import display_path
from isa_kit.data.loader import load_partnership
from isa_kit.reference.policy import load_policy

from .draft import assemble
from .escalation import escalation
from .notes import Note
from .orgs import parties
from .pdflines import pdf_lines
from .recover import recover
from .sections import narrative, paragraphs

__all__ = ["ImportResult", "import_documents"]

SUFFIXES = (".docx", ".docm", ".pdf")


@dataclass
class ImportResult:
    folder: Path
    files: list[str]
    notes: list[Note]
    as_of: dt.date

    def counts(self) -> dict[str, int]:
        out = {"recovered": 0, "guessed": 0, "unread": 0}
        for n in self.notes:
            out[n.status] += 1
        return out

    def to_json(self) -> str:
        data = {
            "command": "import",
            "as_of": self.as_of.isoformat(),
            "into": display_path(self.folder),
            "files": self.files,
            "summary": self.counts(),
            "items": [
                {
                    "status": n.status,
                    "what": n.what,
                    "value": n.value,
                    "where": n.where,
                    "why": n.why,
                    **({"yaml": n.yaml[0]} if n.yaml else {}),
                }
                for n in self.notes
            ],
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def to_text(self) -> str:
        c = self.counts()
        out = [
            f"isa-kit import into {display_path(self.folder)} as of {self.as_of.isoformat()}: "
            f"{c['recovered']} recovered, {c['guessed']} guessed, {c['unread']} not read"
        ]
        for status, head in (
            ("unread", "Could not be read"),
            ("guessed", "Guessed (check these)"),
            ("recovered", "Recovered"),
        ):
            items = [n for n in self.notes if n.status == status]
            if items:
                out.append(f"\n{head}:")
                for n in items:
                    why = f" ({n.why})" if n.why else ""
                    where = f" [{n.where}]" if n.where else ""
                    out.append(f"  {n.what}: {n.value[:100]}{where}{why}")
        return "\n".join(out) + "\n"


def _read(path: Path) -> DocumentText:
    shown = display_path(path)
    if not path.is_file():
        raise UserError(f"{shown}: no such file")
    if path.suffix.lower() not in SUFFIXES:
        raise UserError(f"{shown}: expected a Word (.docx) or PDF file")
    try:
        doc = read_document(path, shown)
    except UnreadableError as exc:
        raise UserError(f"{shown}: cannot import this file: {exc}") from None
    except OSError as exc:
        raise UserError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    except Exception as exc:  # corrupt input can surprise any parser: a clear error, no trace
        raise UserError(f"{shown}: cannot import this file ({type(exc).__name__})") from None
    if doc.unverifiable:
        raise UserError(f"{shown}: cannot import this file: {doc.unverifiable}")
    return doc


def import_documents(
    paths: Sequence[Path], into: Path, as_of: dt.date, *, policy_folder: Path | None = None
) -> ImportResult:
    """Read ``paths`` (Word or PDF documents of one partnership) and write a draft partnership
    folder at ``into``, which must not exist (or be empty). Raises :class:`UserError` on a file
    that cannot be read; nothing is written then."""
    if not paths:
        raise UserError("name at least one Word or PDF file to import")
    if into.exists() and (not into.is_dir() or any(into.iterdir())):
        raise UserError(f"{display_path(into)}: already exists; import writes a new folder only")
    docs = [_read(p) for p in paths]
    taken: set[str] = set()
    recs = []
    for doc, path in zip(docs, paths, strict=True):
        base = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:60] or "document"
        doc_id, n = base, 2
        while doc_id in taken:
            doc_id, n = f"{base}-{n}", n + 1
        taken.add(doc_id)
        facts = extract(doc)
        lines = pdf_lines(path, doc) if doc.kind == "pdf" else paragraphs(doc)
        rec = recover(doc, facts, doc_id, lines)
        rec.orgs = parties(doc, facts, lines or [])
        sections, notes = narrative(doc, doc_id, lines)
        if sections:
            rec.doc["sections"] = sections
        rec.notes.extend(notes)
        rec.escalation, notes = escalation(sections, doc.path)
        rec.notes.extend(notes)
        recs.append(rec)
    pid = re.sub(r"[^a-z0-9]+", "-", into.name.lower()).strip("-") or "partnership"
    name = f"{into.name} MASH partnership"
    policy = load_policy(policy_folder)
    files, notes = assemble(recs, pid, name, policy.max_review_interval_months)
    _write(into, files)
    return ImportResult(into, [display_path(p) for p in paths], notes, as_of)


def _write(into: Path, files: dict[str, str]) -> None:
    """Write into a hidden folder beside ``into``, validate it with the kit's loader, then
    rename it into place: a failure leaves nothing behind."""
    parent = into.parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{into.name}.", dir=parent))
    try:
        for rel, text in files.items():
            target = tmp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        try:
            load_partnership(tmp)
        except DataError as exc:
            raise UserError(
                "the draft did not validate (a bug in import; please report it): "
                + "; ".join(str(p) for p in exc.problems[:3])
            ) from None
        if into.exists():
            into.rmdir()  # empty, checked above
        os.replace(tmp, into)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
