"""GitHub Actions output: annotations for the most severe findings, the full report as a summary.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50 per
job): the rest are dropped silently, in the order printed (actions/toolkit,
docs/problem-matchers.md, "Limitations"). So the annotations are chosen, most severe first,
up to the per-kind limit, with one notice saying how many were left out and where to read
them; the complete report goes to the job summary (``$GITHUB_STEP_SUMMARY``, at most 1 MiB
per step) as Markdown, written by the CLI through :func:`step_summary`.
"""

from __future__ import annotations

from isa_kit.core.findings import Finding, Severity
from isa_kit.report.model import Report, full_message, summary_line

ANNOTATIONS_PER_KIND = 10
"""Annotations of one kind (error, warning, notice) GitHub shows per step."""
SUMMARY_LIMIT_BYTES = 1024 * 1024
"""GitHub's cap on one step's summary."""
_KIND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(f: Finding) -> str:
    props = [f"file={_gh_prop(f.file)}"]
    if f.line is not None:
        props.append(f"line={f.line}")
        if f.column is not None:
            props.append(f"col={f.column}")
    props.append(f"title={_gh_prop(f'{f.code} {f.category.value}')}")
    body = full_message(f)
    if f.region:
        body = f"{f.region}: {body}"
    if f.hint:
        body += f"\n{f.hint}"
    return f"::{_KIND[f.severity]} {','.join(props)}::{_gh_data(body)}"


def render_github(report: Report) -> str:
    """Annotations for the most severe findings, within GitHub's per-step limits."""
    # most severe first; the report's own order (file, line) within a severity
    ranked = sorted(report.findings, key=lambda f: -f.severity.rank)
    shown: dict[Severity, int] = dict.fromkeys(_KIND, 0)
    # one notice slot is kept for the summary line (and the "left out" line)
    room = {s: ANNOTATIONS_PER_KIND for s in _KIND}
    room[Severity.INFO] = ANNOTATIONS_PER_KIND - 2
    lines = []
    for f in ranked:
        if shown[f.severity] < room[f.severity]:
            shown[f.severity] += 1
            lines.append(_annotation(f))
    left_out = len(report.findings) - sum(shown.values())
    if left_out:
        lines.append(
            f"::notice title=isa-kit {report.command}::"
            + _gh_data(
                f"{left_out} more finding(s) not annotated (GitHub shows {ANNOTATIONS_PER_KIND} "
                "of each kind per step): the job summary lists every finding."
            )
        )
    lines.append(f"::notice title=isa-kit {report.command}::{_gh_data(summary_line(report))}")
    return "\n".join(lines) + "\n"


def step_summary(report: Report) -> str:
    """The full report as Markdown for ``$GITHUB_STEP_SUMMARY``, cut to GitHub's cap."""
    from isa_kit.report.render import render_report

    text = render_report(report, "markdown")
    data = text.encode("utf-8")
    if len(data) <= SUMMARY_LIMIT_BYTES:
        return text
    note = "\n\n*Report cut to GitHub's 1 MiB step-summary limit: use `--format json` for all.*\n"
    keep = data[: SUMMARY_LIMIT_BYTES - len(note.encode("utf-8"))].decode("utf-8", "ignore")
    return keep[: keep.rfind("\n") + 1] + note
