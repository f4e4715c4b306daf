"""The plain-text report: one line per finding, then a summary (for terminals and logs)."""

from __future__ import annotations

from collections.abc import Iterator

from isa_kit.report.model import Report, full_message, summary_line, where


def render_text(report: Report) -> str:
    return "".join(text_lines(report))


def text_lines(report: Report) -> Iterator[str]:
    """The report line by line, each with its newline: a large report can be written as it
    is produced instead of being held whole in memory (see ``report.render.write_report``)."""
    for f in report.findings:
        subject = f" [{f.subject}]" if f.subject else ""
        yield (
            f"{where(f)}: {f.severity.value}: {f.code} {f.category.value}: {full_message(f)}"
            f"{subject}\n"
        )
        if f.hint:
            yield f"    hint: {f.hint}\n"
    any_line = bool(report.findings)
    lines: list[str] = []
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
    if lines or any_line:
        lines.append("")
    lines.append(summary_line(report))
    yield from (line + "\n" for line in lines)
