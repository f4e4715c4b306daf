"""Render a :class:`Report` in any output format, by the name ``--format`` takes.

Rendering is a pure function of the report (no clock, no environment), so the same report
always renders to the same bytes. Each format is a module of its own, imported when chosen.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TextIO

from isa_kit.report.model import Report

#: Every output format: its module and the function in it that renders a report.
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("isa_kit.report.text", "render_text"),
    "json": ("isa_kit.report.json", "render_json"),
    "sarif": ("isa_kit.report.sarif", "render_sarif"),
    "junit": ("isa_kit.report.junit", "render_junit"),
    "github": ("isa_kit.report.github", "render_github"),
    "markdown": ("isa_kit.report.markdown", "render_markdown"),
    "html": ("isa_kit.report.html", "render_html"),
}


def renderer(fmt: str) -> Callable[[Report], str]:
    """The function that renders format ``fmt``; ``ValueError`` names the known formats."""
    try:
        module, name = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}") from None
    render: Callable[[Report], str] = getattr(importlib.import_module(module), name)
    return render


def render_report(report: Report, fmt: str) -> str:
    """Render ``report`` (sorted first) as ``text``, ``json``, ``sarif``, ``junit``,
    ``github``, ``markdown`` or ``html``."""
    render = renderer(fmt)
    return render(report.sorted())


def write_report(report: Report, fmt: str, out: TextIO) -> None:
    """Render ``report`` as :func:`render_report` does, straight to ``out``; the text format
    goes line by line, so a report of tens of thousands of findings is never one string."""
    if fmt == "text":
        from isa_kit.report.text import text_lines

        out.writelines(text_lines(report.sorted()))
    else:
        out.write(render_report(report, fmt))
