"""The ``audit`` service: judge the Word and PDF files a user names, one report for all.

A file that cannot be read is a finding of its own and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.core.paths import display_path
from isa_kit.core.tree import outside_reason
from isa_kit.reference.knowledge import load_knowledge
from isa_kit.reference.policy import Policy, load_policy
from isa_kit.report.model import Report, Unit

from .judge import RULES, Context, judge, rule_infos, unreadable
from .pdf import Engine
from .text import DocumentText, UnreadableError

__all__ = ["AUDITED_SUFFIXES", "AuditResult", "audit_document", "audit_paths", "read_document"]

AUDITED_SUFFIXES = (".docx", ".docm", ".pdf")
"""What a folder walk audits; ``.doc`` files are reported as unreadable (convert them)."""
_REPORTED_SUFFIXES = (*AUDITED_SUFFIXES, ".doc")


@dataclass
class AuditResult:
    report: Report
    could_not_read: bool


def collect(paths: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """Files to audit (sorted, once each) and what is wrong with the paths given.

    A named folder holding no Word or PDF file, a folder or FIFO named like one, and a link
    out of the folder the user named are problems (exit 2): a mistyped CI path must not pass.
    """
    files: dict[str, Path] = {}
    missing: list[str] = []
    for path in paths:
        if path.is_dir() and not path.name.lower().endswith(_REPORTED_SUFFIXES):
            before = len(files)
            for root, dirs, names in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in [*dirs, *names]:
                    if name.startswith((".", "~$")) or not name.lower().endswith(
                        _REPORTED_SUFFIXES
                    ):
                        continue  # hidden files, Word's owner (lock) files, other files
                    _add(Path(root) / name, path, files, missing)
            if len(files) == before and not missing:
                missing.append(
                    f"{display_path(path)}: no Word or PDF files in this folder: expected "
                    ".docx, .docm or .pdf files to audit"
                )
        elif path.exists() or path.is_symlink():
            _add(path, None, files, missing)  # named by the user: theirs to point at
        else:
            missing.append(f"{display_path(path)}: no such file or folder")
    return [files[k] for k in sorted(files)], missing


def _add(path: Path, root: Path | None, files: dict[str, Path], problems: list[str]) -> None:
    """Queue ``path`` when it is a regular file inside ``root``; else say why not."""
    shown = display_path(path)
    reason = outside_reason(path, root) if root and path.is_symlink() else None
    if reason is None:
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            reason = f"cannot read: {exc.strerror}"
        else:
            if stat.S_ISDIR(mode):
                reason = "a folder with a Word or PDF name: expected a file"
            elif not stat.S_ISREG(mode):  # a FIFO or device would hang or never end
                reason = "not a regular file: expected a Word or PDF file"
    if reason is not None:
        problems.append(f"{shown}: {reason}")
    else:
        files.setdefault(shown, path)


def read_document(path: Path, shown: str, engine: Engine = "auto") -> DocumentText:
    """Read one file by its content and name; raises :class:`UnreadableError`."""
    from .docx import read_docx
    from .pdf import read_pdf

    suffix = path.suffix.lower()
    with path.open("rb") as fh:
        head = fh.read(8)
    if suffix == ".pdf" or (suffix not in (".docx", ".docm", ".doc") and head.startswith(b"%PDF")):
        return read_pdf(path, shown, engine=engine)
    if suffix == ".doc" and not head.startswith(b"PK"):
        raise UnreadableError(
            "this is an old binary Word (.doc) file; open it in Word and save it as .docx "
            "(or PDF) to audit it"
        )
    return read_docx(path, shown)


def audit_document(path: Path, ctx: Context, engine: Engine = "auto") -> tuple[list[Finding], bool]:
    """Findings for one file, and whether it was read."""
    shown = display_path(path)
    try:
        doc = read_document(path, shown, engine)
    except UnreadableError as exc:
        return [unreadable(shown, str(exc), ctx)], False
    except OSError as exc:
        return [unreadable(shown, exc.strerror or str(exc), ctx)], False
    except Exception as exc:  # corrupt input can surprise any parser: report, go on
        return [unreadable(shown, f"{type(exc).__name__}: {exc}", ctx)], False
    try:
        return judge(doc, ctx), True
    except Exception as exc:  # a bug in a rule: a result, never a crash of the batch
        return [
            Finding(
                code="AUD099",
                category=Category.CHECK_CRASHED,
                severity=Severity.ERROR,
                message=f"the audit crashed on this file ({type(exc).__name__}: {exc}); "
                "please report it",
                file=shown,
                subject=path.name,
            )
        ], False


def audit_paths(
    paths: Sequence[Path],
    as_of: dt.date,
    *,
    policy: Policy | None = None,
    policy_folder: Path | None = None,
    engine: Engine = "auto",
    progress: Callable[[int, int], None] | None = None,
) -> AuditResult:
    """Audit every Word and PDF file under ``paths`` as of ``as_of``; ``progress(done,
    total)`` is told after each file."""
    ctx = Context(
        as_of=as_of,
        knowledge=load_knowledge(),
        policy=policy or load_policy(policy_folder),
        require_allowed_domains=True,
    )
    files, missing = collect(paths)
    findings: list[Finding] = []
    failed = bool(missing)
    shown: list[str] = []
    if progress is not None:
        progress(0, len(files))
    for done, path in enumerate(files, 1):
        found, ok = audit_document(path, ctx, engine)
        findings.extend(found)
        failed = failed or not ok
        shown.append(display_path(path))
        if progress is not None:
            progress(done, len(files))
    report = Report(
        as_of=as_of,
        findings=findings,
        checked_documents=len(files),
        command="audit",
        rules=rule_infos(),
        units=list(_units(shown)),
        problems=missing,
    )
    return AuditResult(report.sorted(), failed)


def _units(files: Iterable[str]) -> Iterable[Unit]:
    for f in files:
        for rule in RULES:
            yield Unit(rule.code, f)
