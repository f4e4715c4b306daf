"""Walk WordprocessingML in reading order and turn it into located blocks.

Nothing is missed that a reader of the printed agreement would see: body paragraphs, tables
(a merged cell counted once), tracked insertions, content controls, text boxes (the DrawingML
copy only, never its VML fallback as well), headers, footers, footnotes and endnotes.
Tracked insertions, deletions and formatting changes are counted as the walk meets them.
The walker is given parsed parts; it never opens the package (:mod:`.docx_package` does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .text import Block, Cell, clean

if TYPE_CHECKING:
    from lxml import etree

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_V = "urn:schemas-microsoft-com:vml"


class Walker:
    """Walks WordprocessingML in reading order, numbering paragraphs and tables."""

    def __init__(self, ns: str) -> None:
        self.w = f"{{{ns}}}"
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0
        self.ins = 0
        self.dels = 0
        self.fmt = 0
        self.first_change_region: str | None = None
        self.first_change_quote = ""
        self._region = ""
        self._pending_boxes: list[etree._Element] = []
        self.pictures = False

    # --- block level -------------------------------------------------------------------

    def walk_container(self, el: etree._Element, part: str) -> None:
        w = self.w
        for child in el:
            tag = child.tag
            if tag == f"{w}p":
                self._paragraph(child, part)
            elif tag == f"{w}tbl":
                self._table(child, part)
            elif tag == f"{w}sdt":
                content = child.find(f"{w}sdtContent")
                if content is not None:
                    self.walk_container(content, part)
            elif tag in (f"{w}customXml", f"{w}ins", f"{w}moveTo"):
                if tag != f"{w}customXml":
                    self._note_change(child, inserted=True)
                self.walk_container(child, part)
            elif tag in (f"{w}del", f"{w}moveFrom"):
                self._note_change(child, inserted=False)
            elif tag == f"{{{_MC}}}AlternateContent":
                choice = child.find(f"{{{_MC}}}Choice")
                self.walk_container(choice if choice is not None else child, part)

    def walk_notes(self, root: etree._Element, label: str) -> None:
        w = self.w
        for note in root:
            if note.tag not in (f"{w}footnote", f"{w}endnote"):
                continue
            if (note.get(f"{w}type") or "normal") != "normal":
                continue  # separators
            self._region_prefix = f"{label} {note.get(f'{w}id', '?')}"
            self.walk_container(note, part=label)

    _region_prefix = ""

    def _paragraph_region(self, part: str) -> str:
        if part == "body":
            self.paragraphs += 1
            return f"paragraph {self.paragraphs}"
        if part in ("footnote", "endnote"):
            return self._region_prefix
        return part

    def _paragraph(self, p: etree._Element, part: str) -> None:
        region = self._paragraph_region(part)
        self._region = region
        boxes: list[etree._Element] = []
        pieces: list[str] = []
        self._inline(p, pieces, boxes, [False])
        text = clean("".join(pieces))
        if p.find(f"{self.w}pPr/{self.w}rPr/{self.w}ins") is not None:
            self.ins += 1
            self._first_change(text)
        if p.find(f"{self.w}pPr/{self.w}pPrChange") is not None:
            self.fmt += 1
            self._first_change(text)
        if text:
            self.blocks.append(Block(region=region, text=text, part=part))
        for box in boxes:
            self._text_box(box, region)

    def _text_box(self, box: etree._Element, region: str) -> None:
        w = self.w
        label = f"text box in {region}"
        for el in box.iter(f"{w}p", f"{w}tbl"):
            if el.tag == f"{w}tbl" or _inside(el, f"{w}tbl", box):
                continue
            pieces: list[str] = []
            nested: list[etree._Element] = []
            self._inline(el, pieces, nested, [False])
            text = clean("".join(pieces))
            if text:
                self.blocks.append(Block(region=label, text=text, part="text box"))
        for tbl in box.iter(f"{w}tbl"):
            if not _inside(tbl, f"{w}tbl", box):
                self._table(tbl, "text box")

    def _table(self, tbl: etree._Element, part: str) -> None:
        w = self.w
        self.tables += 1
        number = self.tables
        prefix = f"table {number}" if part == "body" else f"{part} table {number}"
        row_no = 0
        for tr in tbl.iter(f"{w}tr"):
            if _nearest(tr, f"{w}tbl") is not tbl:
                continue
            row_no += 1
            region = f"{prefix} row {row_no}"
            self._region = region
            col = 0
            grid_before = tr.find(f"{w}trPr/{w}gridBefore")
            if grid_before is not None:
                col += _int(grid_before.get(f"{w}val"), 0)
            cells: list[Cell] = []
            boxes: list[etree._Element] = []
            for tc in _row_cells(tr, w):
                span = 1
                merged = False
                tcpr = tc.find(f"{w}tcPr")
                if tcpr is not None:
                    gs = tcpr.find(f"{w}gridSpan")
                    if gs is not None:
                        span = max(1, _int(gs.get(f"{w}val"), 1))
                    vm = tcpr.find(f"{w}vMerge")
                    if vm is not None and (vm.get(f"{w}val") or "continue") != "restart":
                        merged = True
                if merged:
                    cells.append(Cell(text="", col=col, merged=True, span=span))
                else:
                    lines: list[str] = []
                    has_image = [False]
                    self._cell_text(tc, lines, boxes, has_image)
                    cells.append(
                        Cell(
                            text=clean(" ".join(lines)), col=col, has_image=has_image[0], span=span
                        )
                    )
                col += span
            text = " | ".join(c.text for c in cells if c.text)
            self.blocks.append(
                Block(
                    region=region,
                    text=text,
                    table=number,
                    row=row_no,
                    cells=tuple(cells),
                    part=part,
                )
            )
            for box in boxes:
                self._text_box(box, region)

    def _cell_text(
        self,
        el: etree._Element,
        lines: list[str],
        boxes: list[etree._Element],
        has_image: list[bool],
    ) -> None:
        w = self.w
        for child in el:
            tag = child.tag
            if tag == f"{w}p":
                pieces: list[str] = []
                self._inline(child, pieces, boxes, has_image)
                lines.append("".join(pieces))
            elif tag == f"{w}tbl":
                for tr in child.iter(f"{w}tr"):
                    if _nearest(tr, f"{w}tbl") is child:
                        for tc in _row_cells(tr, w):
                            self._cell_text(tc, lines, boxes, has_image)
            elif tag in (f"{w}sdt",):
                content = child.find(f"{w}sdtContent")
                if content is not None:
                    self._cell_text(content, lines, boxes, has_image)
            elif tag in (f"{w}customXml", f"{w}ins", f"{w}moveTo"):
                if tag != f"{w}customXml":
                    self._note_change(child, inserted=True)
                self._cell_text(child, lines, boxes, has_image)
            elif tag in (f"{w}del", f"{w}moveFrom"):
                self._note_change(child, inserted=False)

    # --- inline level ------------------------------------------------------------------

    def _inline(
        self,
        el: etree._Element,
        out: list[str],
        boxes: list[etree._Element],
        has_image: list[bool],
    ) -> None:
        w = self.w
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == f"{w}r":
                self._run(child, out, boxes, has_image)
            elif tag in (f"{w}ins", f"{w}moveTo"):
                self._note_change(child, inserted=True)
                self._inline(child, out, boxes, has_image)
            elif tag in (f"{w}del", f"{w}moveFrom"):
                self._note_change(child, inserted=False)
            elif tag == f"{w}sdt":
                content = child.find(f"{w}sdtContent")
                if content is not None:
                    self._inline(content, out, boxes, has_image)
            elif tag in (
                f"{w}hyperlink",
                f"{w}smartTag",
                f"{w}customXml",
                f"{w}fldSimple",
                f"{w}dir",
                f"{w}bdo",
            ):
                self._inline(child, out, boxes, has_image)
            elif tag == f"{{{_MC}}}AlternateContent":
                choice = child.find(f"{{{_MC}}}Choice")
                if choice is not None:
                    self._inline(choice, out, boxes, has_image)

    def _run(
        self,
        r: etree._Element,
        out: list[str],
        boxes: list[etree._Element],
        has_image: list[bool],
    ) -> None:
        w = self.w
        if r.find(f"{w}rPr/{w}rPrChange") is not None:
            self.fmt += 1
            self._first_change("".join(t.text or "" for t in r.iter(f"{w}t")))
        for child in r:
            tag = child.tag
            if tag == f"{w}t":
                out.append(child.text or "")
            elif tag in (f"{w}tab", f"{w}ptab"):
                out.append("\t")
            elif tag in (f"{w}br", f"{w}cr"):
                out.append("\n")
            elif tag == f"{w}noBreakHyphen":
                out.append("-")
            elif tag in (f"{w}drawing", f"{w}pict", f"{w}object"):
                self._graphic(child, boxes, has_image)
            elif tag == f"{{{_MC}}}AlternateContent":
                choice = child.find(f"{{{_MC}}}Choice")
                target = choice if choice is not None else child.find(f"{{{_MC}}}Fallback")
                if target is not None:
                    for g in target:
                        if g.tag in (f"{w}drawing", f"{w}pict", f"{w}object"):
                            self._graphic(g, boxes, has_image)

    def _graphic(
        self, el: etree._Element, boxes: list[etree._Element], has_image: list[bool]
    ) -> None:
        w = self.w
        found_box = False
        for box in el.iter(f"{w}txbxContent"):
            if _nearest(box, f"{w}txbxContent", include_self=False) is None:
                boxes.append(box)
                found_box = True
        if not found_box and (
            next(el.iter(f"{{{_A}}}blip"), None) is not None
            or next(el.iter(f"{{{_V}}}imagedata"), None) is not None
        ):
            has_image[0] = True
            self.pictures = True

    # --- tracked changes ---------------------------------------------------------------

    def _note_change(self, el: etree._Element, inserted: bool) -> None:
        w = self.w
        if inserted:
            self.ins += 1
            text = "".join(t.text or "" for t in el.iter(f"{w}t"))
        else:
            self.dels += 1
            text = "".join(t.text or "" for t in el.iter(f"{w}delText", f"{w}t"))
        self._first_change(("inserted: " if inserted else "deleted: ") + text)

    def _first_change(self, quote: str) -> None:
        if self.first_change_region is None:
            self.first_change_region = self._region or "document"
            self.first_change_quote = clean(quote)[:120]


def _row_cells(tr: etree._Element, w: str) -> list[etree._Element]:
    """A row's cells in order, including those wrapped in content controls or custom XML."""
    out: list[etree._Element] = []
    for child in tr:
        if child.tag == f"{w}tc":
            out.append(child)
        elif child.tag in (f"{w}sdt", f"{w}customXml"):
            content = child.find(f"{w}sdtContent") if child.tag == f"{w}sdt" else child
            if content is not None:
                out.extend(c for c in content.iter(f"{w}tc") if _nearest(c, f"{w}tr") is tr)
    return out


def _nearest(el: etree._Element, tag: str, include_self: bool = False) -> etree._Element | None:
    node = el if include_self else el.getparent()
    while node is not None:
        if node.tag == tag:
            return node
        node = node.getparent()
    return None


def _inside(el: etree._Element, tag: str, stop: etree._Element) -> bool:
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag == tag:
            return True
        node = node.getparent()
    return False


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
