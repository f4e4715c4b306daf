"""The results cache of ``isa-kit check``: unchanged data is not checked twice.

Like ruff and mypy, ``check`` keeps what it found per partnership in the user's cache folder
(:func:`isa_kit.core.cache_dir.cache_root`), so that running it again over data nobody has
edited (the usual case, by hand and in CI with a cached ``~/.cache``) answers without loading
the data: without importing the pydantic model, PyYAML or the checks, which is most of a
cold run's start-up.

An entry is trusted only when its key matches, and the key is the sha256 of everything the
result depends on: the kit's version, a fingerprint of its own code and reference data (size
and modification time of every ``isa_kit/**/*.py`` and every file of the ``checks/``
knowledge and default policy: an edit or an upgrade is a miss), the Python version,
``as_of``, the ``--select``/``--ignore`` tokens, the policy-keys validator in force, the
folder as displayed (reports name files by it), and every file in the partnership folder
(path and bytes: its data, its ``policy.yaml`` and any accredited-domain list that names;
links by their target). What is stored is JSON, not pickle, read back through strict
validation: a corrupt, truncated or foreign entry is a miss, recomputed and overwritten,
never an error. Entries are written atomically, one slot per folder and selection, so the
folder does not grow as the data and the date change. A run in which a check crashed is
not stored: a bug should show every time, until it is fixed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from isa_kit.checks.results import PartnershipResult
from isa_kit.core.atomic import write_bytes_atomic
from isa_kit.core.cache_dir import cache_root, stat_lines
from isa_kit.core.errors import OutputError, Problem
from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.core.resources import resource_dir
from isa_kit.core.version import __version__
from isa_kit.report.model import RuleInfo, WaivedFinding

__all__ = ["Entry", "ResultsCache"]

FORMAT = 1
"""The layout of an entry; bump it whenever what is stored changes."""
_FOLDER = "check-results"
_KIT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True)
class Entry:
    """What ``check`` needs of one partnership to rebuild its part of the report."""

    rules: tuple[RuleInfo, ...]
    """The checks that ran, in the order they ran (the same for every partnership)."""
    problems: tuple[Problem, ...]
    """Why the partnership could not be loaded (then ``result`` is None)."""
    result: PartnershipResult | None


class _Bad(Exception):
    """An entry that is not what this version of the kit writes."""


@functools.cache
def kit_fingerprint() -> str:
    """Size and modification time of the kit's code and reference data: cheap to take
    (no file is read), and any edit or reinstall changes it."""
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0{FORMAT}".encode())
    paths: list[str] = []
    for root in (_KIT, resource_dir("checks")):
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            paths += [
                os.path.join(folder, name) for name in files if root != _KIT or name.endswith(".py")
            ]
    for line in stat_lines(paths):
        digest.update(f"{line}\n".encode())
    return digest.hexdigest()


def _inputs(folder: Path, rel: str, digest: Any) -> None:
    """Feed every entry under ``folder`` to ``digest``: names, kinds, file bytes, and for a
    link its target (the loader reads a link only when it stays inside the folder, where its
    target is fed too)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        digest.update(f"?{rel}\0{exc.errno}\n".encode())
        return
    for e in entries:
        name = f"{rel}/{e.name}" if rel else e.name
        try:
            if e.is_symlink():
                target = os.readlink(e.path)
                real = os.path.realpath(e.path)
                st = os.stat(e.path) if os.path.exists(e.path) else None
                kind = f"{st.st_mode}\0{st.st_size}\0{st.st_mtime_ns}" if st else "broken"
                digest.update(f"L{name}\0{target}\0{real}\0{kind}\n".encode())
            elif e.is_dir(follow_symlinks=False):
                digest.update(f"D{name}\n".encode())
                _inputs(Path(e.path), name, digest)
            elif e.is_file(follow_symlinks=False):
                with open(e.path, "rb") as handle:
                    data = hashlib.file_digest(handle, "sha256").hexdigest()
                digest.update(f"F{name}\0{data}\n".encode())
            else:
                digest.update(f"O{name}\n".encode())
        except OSError as exc:
            digest.update(f"?{name}\0{exc.errno}\n".encode())


class ResultsCache:
    """Entries of one run's settings: ``as_of``, the selection and the policy-keys validator."""

    def __init__(
        self, root: Path, as_of: dt.date, select: Sequence[str], ignore: Sequence[str], hook: str
    ) -> None:
        self.folder = root / _FOLDER
        self._settings = [FORMAT, as_of.isoformat(), list(select), list(ignore), hook]

    @classmethod
    def open(
        cls, as_of: dt.date, select: Sequence[str], ignore: Sequence[str], hook: str
    ) -> ResultsCache | None:
        """The cache for these settings, or ``None`` when caching is turned off."""
        root = cache_root()
        return None if root is None else cls(root, as_of, select, ignore, hook)

    def _slot(self, name: str) -> Path:
        where = json.dumps([FORMAT, name, os.path.abspath(name), *self._settings[2:]])
        return self.folder / f"{hashlib.sha256(where.encode()).hexdigest()[:40]}.json"

    def key(self, name: str) -> str:
        """The key of the partnership folder ``name`` (as displayed) as it is on disk now."""
        digest = hashlib.sha256(json.dumps([kit_fingerprint(), name, *self._settings]).encode())
        _inputs(Path(name), "", digest)
        return digest.hexdigest()

    def load(self, name: str, key: str) -> Entry | None:
        """The stored entry of ``name`` if it was stored under ``key``; else ``None``."""
        try:
            data = json.loads(self._slot(name).read_bytes())
        except (OSError, ValueError, RecursionError):
            return None
        try:
            if not isinstance(data, dict) or data.get("isa_kit_check_cache") != FORMAT:
                return None
            if data.get("key") != key:
                return None
            return _entry(data, name)
        except (_Bad, KeyError, TypeError, ValueError, AttributeError):
            return None

    def store(self, name: str, key: str, entry: Entry) -> None:
        """Keep ``entry`` under ``key``; a folder that cannot be written costs speed only."""
        if entry.result is not None and entry.result.crashed:
            return
        data = {"isa_kit_check_cache": FORMAT, "key": key, **_entry_json(entry)}
        text = json.dumps(data, separators=(",", ":"))  # ASCII: any string survives
        with contextlib.suppress(OSError, OutputError):
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_bytes_atomic(self._slot(name), text.encode("utf-8"))


# --- JSON, both ways --------------------------------------------------------------------------


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "category": f.category.value,
        "severity": f.severity.value,
        "message": f.message,
        "file": f.file,
        "line": f.line,
        "column": f.column,
        "subject": f.subject,
        "hint": f.hint,
        "source": f.source,
        "document": f.document,
        "region": f.region,
        "quote": f.quote,
        "extra": [list(pair) for pair in f.extra],
    }


def _entry_json(entry: Entry) -> dict[str, Any]:
    r = entry.result
    result = None
    if r is not None:
        result = {
            "folder": r.folder,
            "findings": [_finding_json(f) for f in r.findings],
            "waived": [
                {
                    "finding": _finding_json(w.finding),
                    "reason": w.reason,
                    "approved_by": w.approved_by,
                    "expires": w.expires.isoformat(),
                    "waiver_file": w.waiver_file,
                    "waiver_line": w.waiver_line,
                }
                for w in r.waived
            ],
            "files": list(r.files),
            "document_files": list(r.document_files),
        }
    return {
        "rules": [
            {
                "code": i.code,
                "name": i.name,
                "category": i.category,
                "severity": i.severity.value,
                "summary": i.summary,
                "source": i.source,
                "help_uri": i.help_uri,
                "help_text": i.help_text,
            }
            for i in entry.rules
        ],
        "problems": [
            {
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "path": p.path,
                "message": p.message,
            }
            for p in entry.problems
        ],
        "result": result,
    }


def _s(value: Any) -> str:
    if not isinstance(value, str):
        raise _Bad
    return value


def _os(value: Any) -> str | None:
    return None if value is None else _s(value)


def _oi(value: Any) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Bad
    return value


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _Bad
    return value


def _finding(d: Any) -> Finding:
    extra = tuple((_s(k), _s(v)) for k, v in _list(d["extra"]))
    return Finding(
        code=_s(d["code"]),
        category=Category(_s(d["category"])),
        severity=Severity(_s(d["severity"])),
        message=_s(d["message"]),
        file=_s(d["file"]),
        line=_oi(d["line"]),
        column=_oi(d["column"]),
        subject=_s(d["subject"]),
        hint=_s(d["hint"]),
        source=_s(d["source"]),
        document=_os(d["document"]),
        region=_os(d["region"]),
        quote=_os(d["quote"]),
        extra=extra,
    )


def _waived(d: Any) -> WaivedFinding:
    return WaivedFinding(
        _finding(d["finding"]),
        _s(d["reason"]),
        _s(d["approved_by"]),
        dt.date.fromisoformat(_s(d["expires"])),
        _os(d["waiver_file"]),
        _oi(d["waiver_line"]),
    )


def _rule(d: Any) -> RuleInfo:
    return RuleInfo(
        code=_s(d["code"]),
        name=_s(d["name"]),
        category=_s(d["category"]),
        severity=Severity(_s(d["severity"])),
        summary=_s(d["summary"]),
        source=_s(d["source"]),
        help_uri=_os(d["help_uri"]),
        help_text=_s(d["help_text"]),
    )


def _entry(data: dict[str, Any], name: str) -> Entry:
    rules = tuple(_rule(d) for d in _list(data["rules"]))
    problems = tuple(
        Problem(_s(d["file"]), _oi(d["line"]), _oi(d["column"]), _s(d["path"]), _s(d["message"]))
        for d in _list(data["problems"])
    )
    r = data["result"]
    result = None
    if r is not None:
        if _s(r["folder"]) != name:
            raise _Bad
        result = PartnershipResult(
            folder=name,
            findings=tuple(_finding(d) for d in _list(r["findings"])),
            waived=tuple(_waived(d) for d in _list(r["waived"])),
            files=tuple(_s(f) for f in _list(r["files"])),
            document_files=tuple(_os(f) for f in _list(r["document_files"])),
        )
    if (result is None) == (not problems):  # exactly one of them: checked, or not loaded
        raise _Bad
    return Entry(rules, problems, result)
