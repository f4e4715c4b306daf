"""Small readers over the audit's located blocks: label/value rows and headed tables."""

from __future__ import annotations

import re

from isa_kit.audit.text import Block

_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def cell_texts(row: Block) -> list[str]:
    return [clean(c.text) for c in row.cells]


def label_values(blocks: list[Block]) -> list[tuple[str, str, Block]]:
    """``(label, value, block)`` from two-column rows and ``Label: value`` paragraphs."""
    out: list[tuple[str, str, Block]] = []
    for b in blocks:
        if b.cells:
            texts = [t for t in cell_texts(b)]
            if len(texts) >= 2 and texts[0] and len(texts[0]) <= 40:
                value = next((t for t in texts[1:] if t), "")
                out.append((texts[0].rstrip(":").strip().lower(), value, b))
        elif b.table is None:
            text = clean(b.text)
            m = re.match(r"^([A-Za-z][A-Za-z ]{1,30}):\s*(\S.{0,120})$", text)
            if m:
                out.append((m[1].strip().lower(), m[2].strip(), b))
    return out


def headed_tables(
    groups: list[list[Block]], must: tuple[re.Pattern[str], ...]
) -> list[tuple[dict[str, int], list[list[str]], list[Block]]]:
    """Tables whose first row has a header matching every pattern in ``must``: the header's
    column index by lower-cased text, and the data rows as cell texts (with their blocks)."""
    out = []
    for rows in groups:
        head = cell_texts(rows[0])
        if all(any(p.search(h) for h in head) for p in must):
            cols = {h.lower(): i for i, h in enumerate(head) if h}
            body = [r for r in rows[1:] if any(cell_texts(r))]
            out.append((cols, [cell_texts(r) for r in body], body))
    return out


def column(cols: dict[str, int], pattern: str) -> int | None:
    rx = re.compile(pattern, re.IGNORECASE)
    return next((i for h, i in cols.items() if rx.search(h)), None)


def at(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""
