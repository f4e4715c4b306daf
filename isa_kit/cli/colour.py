"""Colour in terminal reports: only on a terminal, never with ``NO_COLOR`` or ``--no-color``.

The report renderers stay pure text; colour is laid over the text report here, at output,
with ``rich`` (imported only when colour is actually shown).
"""

from __future__ import annotations

import argparse
import os
import re
from typing import TextIO

from isa_kit.cli.progress import is_terminal

#: Regular expressions of the text report and the style each gets.
_STYLES = (
    (r"(?<=: )error(?=: )", "bold red"),
    (r"(?<=: )warning(?=: )", "bold yellow"),
    (r"(?<=: )info(?=: )", "bold blue"),
    (r"\b(ISA|AUD)\d{3}\b", "bold"),
    (r"^    hint: .*$", "dim"),
    (r"^\d+ documents? checked: .*$", "bold"),
    (r"^could not check: .*$", "bold red"),
)


def wants_colour(args: argparse.Namespace, stream: TextIO) -> bool:
    """Colour only for a terminal, and not if ``NO_COLOR`` is set (no-color.org) or
    ``--no-color`` was given."""
    if getattr(args, "no_color", False) or os.environ.get("NO_COLOR", ""):
        return False
    return is_terminal(stream)


def add_no_color(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-color",
        action="store_true",
        help="no colour in terminal output (so does the NO_COLOR environment variable)",
    )


def write_coloured(text: str, stream: TextIO) -> None:
    """Write a text report with its severities, codes and summary in colour."""
    from rich.console import Console
    from rich.text import Text

    rich_text = Text(text)
    for pattern, style in _STYLES:
        rich_text.highlight_regex(re.compile(pattern, re.MULTILINE), style)
    console = Console(file=stream, force_terminal=True, highlight=False, soft_wrap=True)
    console.print(rich_text, end="")
