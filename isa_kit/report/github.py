"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding."""

from __future__ import annotations

from isa_kit.core.findings import Severity
from isa_kit.report.model import Report, full_message, summary_line


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    kind = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for f in report.findings:
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
        lines.append(f"::{kind[f.severity]} {','.join(props)}::{_gh_data(body)}")
    lines.append(f"::notice title=isa-kit {report.command}::{_gh_data(summary_line(report))}")
    return "\n".join(lines) + "\n"
