"""Markdown made from data: every value is escaped, so data can never become markup.

A partner called ``<script>alert(1)</script>`` or ``[click](http://x)`` appears as those
characters, not as a script or a link: HTML's special characters become entities and every
character Markdown gives a meaning is backslash-escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

# Python-Markdown's escapable characters, plus "|" (the tables extension adds it); "<", ">"
# and "&" are turned into entities instead.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def esc(value: object) -> str:
    """``value`` as inline Markdown text that renders exactly as written, on one line."""
    text = " ".join(str(value).split())
    text = html.escape(text, quote=False)
    return _SPECIAL.sub(r"\\\1", text)


def attr(value: object) -> str:
    """``value`` escaped for an HTML attribute (raw HTML blocks: alt text, ids)."""
    return html.escape(" ".join(str(value).split()), quote=True)


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table; cells are already Markdown (escape data with :func:`esc`)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell or "" for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def bullets(items: Iterable[str]) -> str:
    return "".join(f"- {item}\n" for item in items)


def numbered(items: Iterable[str]) -> str:
    return "".join(f"{i}. {item}\n" for i, item in enumerate(items, 1))
