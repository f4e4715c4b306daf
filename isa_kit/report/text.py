"""The plain-text report: one line per finding, then a summary (for terminals and logs)."""

from __future__ import annotations

from isa_kit.report.model import Report, full_message, summary_line, where


def render_text(report: Report) -> str:
    lines: list[str] = []
    for f in report.findings:
        subject = f" [{f.subject}]" if f.subject else ""
        lines.append(
            f"{where(f)}: {f.severity.value}: {f.code} {f.category.value}: {full_message(f)}{subject}"
        )
        if f.hint:
            lines.append(f"    hint: {f.hint}")
    if report.waived:
        lines.append("")
        lines.append("waived:")
        for w in report.waived:
            f = w.finding
            lines.append(
                f"  {where(f)}: {f.code} {f.category.value}: {full_message(f)} [{f.subject}]"
                f" (waived until {w.expires.isoformat()} by {w.approved_by}: {w.reason})"
            )
    if report.stale_baseline:
        lines.append("")
        lines.append(
            f"baseline {report.baseline_file or ''}: {len(report.stale_baseline)} entr"
            f"{'y no longer matches' if len(report.stale_baseline) == 1 else 'ies no longer match'}"
            " (fixed or changed; rewrite the baseline):"
        )
        for b in report.stale_baseline:
            lines.append(f"  {b.file}: {b.code} [{b.subject}] {b.message}")
    for p in report.problems:
        lines.append(f"could not check: {p}")
    if lines:
        lines.append("")
    lines.append(summary_line(report))
    lines.append("")  # the final newline, without copying the whole text again
    return "\n".join(lines)
