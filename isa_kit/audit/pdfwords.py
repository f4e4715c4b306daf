"""A PDF page's words with their boxes, from poppler's ``pdftotext -bbox``, and text from them.

pdftotext runs once per file, with a time limit and an output cap (:class:`PdftotextError`
says which was exceeded). The words keep their positions, so the page can be rebuilt as
layout lines (:func:`layout_lines`) for the review-date reader and the table readers, and an
email address wrapped inside a narrow table cell can be made whole again
(:func:`rejoin_wrapped_emails`).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

_WORD_RX = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


class Word(NamedTuple):
    """One word and its box, in top-down page coordinates (points)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


class PdftotextError(Exception):
    """pdftotext failed, ran out of time or wrote more than the limit."""


def pdftotext_words(
    path: Path, pages: int, timeout: float, max_bytes: int
) -> list[list[Word]] | None:
    """Every page's words with their boxes, from one ``pdftotext -bbox`` run (None: no poppler)."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    try:
        proc = subprocess.run(
            [exe, "-bbox", "-q", "-l", str(pages), os.fspath(path), "-"],
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PdftotextError(f"reading the text took longer than {timeout:.0f} s") from None
    if proc.returncode != 0:
        raise PdftotextError(f"pdftotext failed (exit {proc.returncode})")
    if len(proc.stdout) > max_bytes:
        raise PdftotextError("the PDF's text is larger than the audit limit")
    text = proc.stdout.decode("utf-8", errors="replace")
    out: list[list[Word]] = []
    for chunk in text.split("<page ")[1:]:
        out.append(
            [
                Word(float(a), float(b), float(c), float(d), html.unescape(t))
                for a, b, c, d, t in _WORD_RX.findall(chunk)
                if t.strip()
            ]
        )
    return out


_EMAIL_TAIL = re.compile(r"^\.?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*[.,;)]?$")
_TLDS = frozenset(
    ["uk", "com", "net", "org", "gov", "info", "eu", "io", "co", "ac", "sch", "police", "nhs"]
)


def _incomplete_address(text: str, tail: str) -> bool:
    if text.endswith(("-", "@")) or tail.startswith("."):
        return True
    if text.endswith("."):
        # a full stop after a whole address ends the sentence, unless what follows reads as
        # the rest of a domain (``a@x.gcsx.`` / ``gov.uk``)
        rest = tail.rstrip(".,;)").lower().split(".")
        last = text[:-1].rsplit("@", 1)[-1].rsplit(".", 1)[-1].lower()
        return all(label in _TLDS for label in rest) or last not in _TLDS
    domain = text.rsplit("@", 1)[-1]
    return "." not in domain or domain.rsplit(".", 1)[-1].lower() not in _TLDS


def rejoin_wrapped_emails(words: list[Word]) -> list[Word]:
    """An address wrapped inside a table cell (``a@x.gcsx.`` / ``gov.uk``) made whole again."""
    if not any("@" in w.text for w in words):
        return words
    out = list(words)
    used: set[int] = set()
    for i in range(len(out)):
        w = out[i]
        if i in used or "@" not in w.text:
            continue
        for _ in range(3):  # an address wraps over at most a few lines
            height = w.y1 - w.y0
            below = [
                (j, v)
                for j, v in enumerate(out)
                if j not in used
                and j != i
                and abs(v.x0 - w.x0) < 3
                and 0 < v.y0 - w.y1 + height < 1.8 * height
            ]
            if not below:
                break
            j, v = min(below, key=lambda jv: jv[1].y0)
            if not (_EMAIL_TAIL.match(v.text) and _incomplete_address(w.text, v.text)):
                break
            w = Word(w.x0, w.y0, max(w.x1, v.x1), v.y1, w.text + v.text)
            out[i] = w
            used.add(j)
    return _rejoin_local_parts([w for k, w in enumerate(out) if k not in used])


_LOCAL_HEAD = re.compile(r"^[A-Za-z0-9._%+-]*[._-][A-Za-z0-9._%+-]*(?<!\.)$")
"""The start of a local part: a word ending in a full stop ends a sentence instead."""


def _rejoin_local_parts(words: list[Word]) -> list[Word]:
    """An address whose local part wrapped (``first.la`` / ``st@x.gov.uk``) made whole again.

    Only a word alone on its line, directly above at the same left edge, that reads as the
    start of a local part (it holds a ``.``, ``_`` or ``-``, as ``first.last`` does) is joined.
    """
    out = list(words)
    used: set[int] = set()
    for i, w in enumerate(out):
        if "@" not in w.text:
            continue
        height = w.y1 - w.y0
        above = [
            (j, v)
            for j, v in enumerate(out)
            if j != i
            and j not in used
            and abs(v.x0 - w.x0) < 3
            and 0 < w.y0 - v.y1 + height < 1.8 * height
            and "@" not in v.text
            and _LOCAL_HEAD.match(v.text)
        ]
        if len(above) != 1:
            continue
        j, v = above[0]
        alone = not any(
            k != j and abs(u.cy - v.cy) < 2 and 0 < u.x0 - v.x1 < 6 for k, u in enumerate(out)
        )
        if alone:
            out[i] = Word(v.x0, v.y0, max(w.x1, v.x1), w.y1, v.text + w.text)
            used.add(j)
    return [w for k, w in enumerate(out) if k not in used]


def layout_lines(words: list[Word]) -> list[str]:
    """Words as text lines, each word placed at a column proportional to its x position."""
    out: list[str] = []
    groups: list[tuple[float, list[Word]]] = []
    for w in sorted(words, key=lambda w: (w.cy, w.x0)):
        if groups and abs(groups[-1][0] - w.cy) < 2:
            groups[-1][1].append(w)
        else:
            groups.append((w.cy, [w]))
    for _y, ws in groups:
        line = ""
        for w in sorted(ws, key=lambda w: w.x0):
            col = int(w.x0 / 4.5)
            if len(line) < col:
                line += " " * (col - len(line))
            elif line:
                line += " "
            line += w.text
        out.append(line)
    return out
