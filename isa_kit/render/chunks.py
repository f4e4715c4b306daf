"""A template part cut into chunks that are patched, compiled and cached one by one.

Why: a Word edit to one paragraph of a 65 KB body used to recompile the whole body (patch,
Jinja parse, code generation: about 0.1 s of the first build after every template change).
Cut at the body's top-level elements (``<w:p>``, ``<w:tbl>``, ``<w:sdt>``...), an edit
recompiles only the chunk it falls in; the others come from the compiled-template cache.

Cutting must not change a byte of the output, so a cut is made only where nothing can reach
across it (anything unusual: no cut, the part is compiled whole as before):

* the part is first taken through :func:`isa_kit.render.patch.prepare` whole (tags glued,
  markup inside tags dropped), so a tag never spans a cut;
* Jinja's blocks are balanced on both sides (``if``/``for``/``with`` only; ``set``, macros,
  ``include``, ``raw``, whitespace control ``{%-``... anywhere: no chunks at all);
* docxtpl's "keep the spaces of a bare ``<w:t>`` before a tag" reaches forward to the next
  tag: no cut between a bare ``<w:t>`` and a tag that comes before the next bare one;
* the other rewrites are checked on each chunk by :func:`isa_kit.render.patch.finish_chunk`
  (a ``{%p``/``{%tr`` tag must lie inside its element in the same chunk; cell merges and
  ``{%-`` refuse), which makes the caller compile the part whole;
* small neighbours are grouped into chunks of at least :data:`CHUNK_SIZE` characters, so a
  warm render does not pay per paragraph.

Rendering the chunks in turn with one context renders the part
(:class:`isa_kit.render.cache.ChunkedTemplate`).

``tests/test_chunks.py`` checks that the chunks, patched one by one, join into exactly
what the whole part patches to, and that chunked and whole renders are byte-identical.
"""

from __future__ import annotations

import itertools
import re

__all__ = ["CHUNK_SIZE", "MIN_PART", "split"]

#: The smallest chunk (characters of XML). Measured on the ISA body (65 KB): 1 KB gives 24
#: chunks of 1-7 KB and recompiles an edited one in about 4 ms (4 KB: 11 chunks, 14 ms);
#: a warm build reads all chunks from one file, so their number costs it next to nothing.
CHUNK_SIZE = 1024

#: The smallest part worth cutting: below it a whole compile is quick (a 5 KB letter: about
#: 10 ms), and a part rendered thousands of times (letters) keeps one template.
MIN_PART = 16384

_STATEMENT = re.compile(r"\{%(?:(?:tr|tc|p|r) )?\s*(\w*)")
_WHITESPACE_CONTROL = tuple(
    [f"{{{o}{c}" for o in "{%#" for c in "-+"] + [f"{c}{o}}}" for o in "}%#" for c in "-+"]
)
_OPENS = frozenset({"if", "for", "with"})
_CLOSES = frozenset({"endif", "endfor", "endwith"})
_INSIDE = frozenset({"elif", "else"})
_BODY = re.compile(r"<w:body(?:\s[^>]*)?>")
_ELEMENT_START = re.compile(r"<([A-Za-z_][\w.:-]*)(?=[\s/>])[^>]*?(/?)>")
_ENDS: dict[str, re.Pattern[str]] = {}


def _element_end(xml: str, start: int) -> int:
    """Where the element starting at ``start`` ends (-1: not a well-formed element)."""
    m = _ELEMENT_START.match(xml, start)
    if m is None:
        return -1
    if m.group(2):
        return m.end()
    name = m.group(1)
    pattern = _ENDS.get(name)
    if pattern is None:
        pattern = _ENDS[name] = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])[^>]*?(/?)>")
    close = xml.find(f"</{name}>", m.end())
    if close >= 0 and pattern.search(xml, m.end(), close) is None:
        return close + len(name) + 3  # nothing of the same name inside: the usual case
    depth = 1
    for tag in pattern.finditer(xml, m.end()):
        if tag.group(1):
            depth -= 1
            if depth == 0:
                return tag.end()
        elif not tag.group(2):
            depth += 1
    return -1


def _units(xml: str) -> list[int] | None:
    """Start offsets of the body's top-level elements, then the offset where the body's
    content ends; None when the body is not plain elements."""
    body = _BODY.search(xml)
    if body is None:
        return None
    starts: list[int] = []
    pos = body.end()
    while True:
        while pos < len(xml) and xml[pos].isspace():
            pos += 1
        if xml.startswith("</w:body>", pos):
            starts.append(pos)
            return starts
        if not xml.startswith("<", pos) or xml.startswith("</", pos):
            return None
        end = _element_end(xml, pos)
        if end < 0:
            return None
        starts.append(pos)
        pos = end


def _blocks(xml: str) -> list[tuple[int, int]] | None:
    """The outermost Jinja blocks (``{% if %}`` to ``{% endif %}``...), in order, or None when
    the part uses anything that makes cutting unsafe."""
    if any(marker in xml for marker in _WHITESPACE_CONTROL):
        return None  # {%- and friends reach over a cut
    blocks: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for m in _STATEMENT.finditer(xml):
        keyword = m.group(1)
        if keyword in _OPENS:
            if depth == 0:
                start = m.start()
            depth += 1
        elif keyword in _CLOSES:
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                blocks.append((start, m.end()))
        elif keyword not in _INSIDE or depth == 0:
            return None  # set, macro, include, raw, ...: compiled whole
    return blocks if depth == 0 else None


def split(prepared: str, size: int | None = None, min_part: int | None = None) -> list[str] | None:
    """``prepared`` (a part after :func:`isa_kit.render.patch.prepare`) cut into chunks of at
    least ``size`` characters, or None when it is small or cannot be cut safely. The chunks
    join into ``prepared``."""
    size = CHUNK_SIZE if size is None else size
    smallest = MIN_PART if min_part is None else min_part
    if len(prepared) < max(2 * size, smallest) or "<!" in prepared or prepared.find("<?", 2) >= 0:
        return None
    units = _units(prepared)
    blocks = _blocks(prepared)
    if units is None or blocks is None or len(units) < 3:
        return None
    cuts = [0]
    i = 0
    for cut in units[1:-1]:
        while i < len(blocks) and blocks[i][1] <= cut:
            i += 1
        if i < len(blocks) and blocks[i][0] < cut:
            continue  # inside a block
        if prepared.rfind("{", 0, cut) > prepared.rfind("}", 0, cut):
            continue  # inside a tag (or after a stray brace)
        if cut - cuts[-1] < size or len(prepared) - cut < size // 2:
            continue
        bare = prepared.find("<w:t>", cut)
        if prepared.find("{", cut, bare if bare >= 0 else len(prepared)) >= 0:
            continue  # a bare <w:t> before the cut keeps its spaces for a tag after it
        cuts.append(cut)
    if len(cuts) < 2:
        return None
    cuts.append(len(prepared))
    return [prepared[a:b] for a, b in itertools.pairwise(cuts)]
