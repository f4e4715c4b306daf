"""Baselines: record today's findings so that legacy debt does not block new work.

``--write-baseline FILE`` records every current finding (waived ones included) by its
stable fingerprint (:meth:`Finding.fingerprint`: code, file, subject, document and message,
not the line, so moving text does not break it). ``--baseline FILE`` hides the findings it
records and reports entries that no longer match anything, so the file can be pruned.
Fingerprints use file paths as displayed: run from the same folder (the repository root).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from isa_kit.core.atomic import write_text_atomic
from isa_kit.core.errors import UserError
from isa_kit.core.findings import Finding
from isa_kit.core.version import __version__
from isa_kit.report.model import BaselineEntry

FORMAT_VERSION = 1


def baseline_text(findings: Iterable[Finding]) -> str:
    entries: dict[str, dict[str, Any]] = {}
    for f in findings:
        entries.setdefault(
            f.fingerprint(),
            {
                "fingerprint": f.fingerprint(),
                "code": f.code,
                "file": f.file,
                "subject": f.subject,
                "message": f.message,
            },
        )
    data = {
        "isa_kit_baseline": FORMAT_VERSION,
        "tool_version": __version__,
        "findings": sorted(
            entries.values(), key=lambda e: (e["file"], e["code"], e["subject"], e["fingerprint"])
        ),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: Path, findings: Iterable[Finding]) -> None:
    write_text_atomic(path, baseline_text(findings))


def read_baseline(path: Path) -> dict[str, BaselineEntry]:
    """The entries of a baseline file by fingerprint; a bad file is a :class:`UserError`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError(f"{path}: cannot read baseline: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}:{exc.lineno}: not a baseline (invalid JSON: {exc.msg})") from exc
    if not isinstance(data, dict) or data.get("isa_kit_baseline") != FORMAT_VERSION:
        raise UserError(
            f"{path}: not an isa-kit baseline (expected 'isa_kit_baseline: {FORMAT_VERSION}'; "
            "write one with --write-baseline)"
        )
    out: dict[str, BaselineEntry] = {}
    for item in data.get("findings", []):
        try:
            entry = BaselineEntry(
                str(item["fingerprint"]),
                str(item.get("code", "")),
                str(item.get("file", "")),
                str(item.get("subject", "")),
                str(item.get("message", "")),
            )
        except (KeyError, TypeError) as exc:
            raise UserError(f"{path}: a baseline entry has no fingerprint") from exc
        out[entry.fingerprint] = entry
    return out
