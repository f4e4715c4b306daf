"""The JSON report, in the shape documented in ``docs/output-formats.md``."""

from __future__ import annotations

import json
from typing import Any

from isa_kit.report.model import Report, finding_dict


def render_json(report: Report) -> str:
    data: dict[str, Any] = {
        "tool": {"name": "isa-kit", "version": report.tool_version},
        "command": report.command,
        "as_of": report.as_of.isoformat(),
        "findings": [finding_dict(f) for f in report.findings],
        "waived": [
            {
                **finding_dict(w.finding),
                "waiver": {
                    "reason": w.reason,
                    "approved_by": w.approved_by,
                    "expires": w.expires.isoformat(),
                    "file": w.waiver_file,
                    "line": w.waiver_line,
                },
            }
            for w in report.waived
        ],
        "baseline": {
            "file": report.baseline_file,
            "suppressed": report.baselined,
            "unmatched": [
                {
                    "fingerprint": b.fingerprint,
                    "code": b.code,
                    "file": b.file,
                    "subject": b.subject,
                    "message": b.message,
                }
                for b in report.stale_baseline
            ],
        },
        "problems": list(report.problems),
        "summary": report.counts(),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
