"""Read a Word (.docx) file as located text, under strict bounds, without python-docx.

The file is a zip of XML parts from an untrusted source, so every step is bounded: the zip's
member count, each member's and the total uncompressed size and compression ratio (a zip
bomb is refused before anything is inflated), and the bytes actually read. XML with a DTD or
entity declarations is refused before parsing (the billion-laughs family), and the parser
never resolves entities, loads a DTD or touches the network.

Nothing is missed that a reader of the printed agreement would see: body paragraphs, tables
(a merged cell counted once), tracked insertions, content controls, text boxes (the DrawingML
copy only, never its VML fallback as well), headers, footers, footnotes and endnotes, and
``mailto:`` hyperlink targets. Tracked insertions and deletions are counted: an agreement
with unaccepted changes does not say one thing.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._text import Block, Cell, DocumentText, TrackedChanges, UnreadableError, clean

if TYPE_CHECKING:
    from lxml import etree


@dataclass(frozen=True, slots=True)
class DocxLimits:
    max_file_bytes: int = 100_000_000
    max_members: int = 2_000
    max_total_uncompressed: int = 300_000_000
    max_member_uncompressed: int = 60_000_000
    max_ratio: int = 200
    """Largest uncompressed/compressed ratio for a member bigger than 1 MB."""


DEFAULT_LIMITS = DocxLimits()

_W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_V = "urn:schemas-microsoft-com:vml"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_R_NS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)

_DTD_BYTES = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_TEXT = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_docx(path: Path, display: str, limits: DocxLimits = DEFAULT_LIMITS) -> DocumentText:
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise UnreadableError(
            f"the file is {size:,} bytes, more than the audit limit of {limits.max_file_bytes:,}"
        )
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(_OLE2_MAGIC):
        raise UnreadableError(
            "this is an old binary Word (.doc) file, not a .docx; open it in Word and save it "
            "as .docx (or PDF) to audit it"
        )
    if head.startswith(b"%PDF"):
        raise UnreadableError("this is a PDF file with a .docx name; rename it to .pdf")
    if not head.startswith(b"PK"):
        raise UnreadableError("this is not a Word .docx file (it is not a zip package)")
    try:
        with zipfile.ZipFile(path) as zf:
            return _read_package(zf, display, limits)
    except UnreadableError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise UnreadableError(f"the .docx package is damaged ({exc})") from None
    except (ValueError, KeyError, IndexError, RecursionError, MemoryError) as exc:
        raise UnreadableError(f"the .docx package could not be read ({exc})") from None


class _Package:
    def __init__(self, zf: zipfile.ZipFile, limits: DocxLimits) -> None:
        self.zf = zf
        self.limits = limits
        self.read_total = 0
        infos = zf.infolist()
        if len(infos) > limits.max_members:
            raise UnreadableError(
                f"the package has {len(infos):,} members, more than the limit of "
                f"{limits.max_members:,} (a zip bomb or not a Word document)"
            )
        total = 0
        self.names: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            total += info.file_size
            if info.file_size > limits.max_member_uncompressed:
                raise UnreadableError(
                    f"member {info.filename!r} would inflate to {info.file_size:,} bytes, more "
                    f"than the limit of {limits.max_member_uncompressed:,} (a zip bomb?)"
                )
            if info.file_size > 1_000_000 and info.file_size > limits.max_ratio * max(
                info.compress_size, 1
            ):
                raise UnreadableError(
                    f"member {info.filename!r} is compressed {info.file_size // max(info.compress_size, 1):,} "
                    f"to 1, more than the limit of {limits.max_ratio} to 1 (a zip bomb?)"
                )
            self.names[info.filename.lstrip("/")] = info
        if total > limits.max_total_uncompressed:
            raise UnreadableError(
                f"the package would inflate to {total:,} bytes, more than the limit of "
                f"{limits.max_total_uncompressed:,} (a zip bomb?)"
            )

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        info = self.names[name]
        budget = min(
            self.limits.max_member_uncompressed,
            self.limits.max_total_uncompressed - self.read_total,
        )
        with self.zf.open(info) as fh:
            data = fh.read(budget + 1)
        if len(data) > budget:
            raise UnreadableError(
                f"member {name!r} inflates beyond the reading limit (its declared size is false)"
            )
        self.read_total += len(data)
        return data

    def xml(self, name: str) -> etree._Element:
        return parse_untrusted_xml(self.read(name), name)

    def rels(self, part: str) -> dict[str, tuple[str, str, str]]:
        """Relationships of ``part``: id -> (type, resolved target, target mode)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return {}
        root = self.xml(rels_name)
        out: dict[str, tuple[str, str, str]] = {}
        for rel in root.iter(f"{{{_PKG_REL}}}Relationship"):
            rid = rel.get("Id") or ""
            target = rel.get("Target") or ""
            mode = rel.get("TargetMode") or "Internal"
            if mode == "Internal":
                target = posixpath.normpath(
                    target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                )
            out[rid] = (rel.get("Type") or "", target, mode)
        return out


def parse_untrusted_xml(data: bytes, name: str) -> etree._Element:
    """Parse one XML part, refusing DTDs and entity declarations outright."""
    from lxml import etree

    probe: bytes | str = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]:
        try:
            probe = data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableError(f"part {name!r} is not valid XML text") from None
    found = _DTD_TEXT.search(probe) if isinstance(probe, str) else _DTD_BYTES.search(probe)
    if found:
        raise UnreadableError(
            f"part {name!r} declares a DTD or entities, which Word never writes (a "
            "billion-laughs or external-entity attack?); refused"
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise UnreadableError(f"part {name!r} is not well-formed XML ({exc})") from None
    docinfo: Any = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise UnreadableError(f"part {name!r} declares a DTD; refused")
    return root


def _read_package(zf: zipfile.ZipFile, display: str, limits: DocxLimits) -> DocumentText:
    pkg = _Package(zf, limits)
    main = "word/document.xml"
    for _rid, (rtype, target, _mode) in pkg.rels("").items():
        if rtype.endswith("/officeDocument"):
            main = target
            break
    if not pkg.has(main):
        raise UnreadableError(
            "the package has no Word document part (it may be another Office format renamed .docx)"
        )
    root = pkg.xml(main)
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if ns not in (_W_TRANSITIONAL, _W_STRICT):
        raise UnreadableError("the main part is not a WordprocessingML document")
    walker = _Walker(ns)
    body = root.find(f"{{{ns}}}body")
    if body is None:
        raise UnreadableError("the Word document has no body")
    walker.walk_container(body, part="body")

    rels = pkg.rels(main)
    kinds = (
        ("/header", "header"),
        ("/footer", "footer"),
        ("/footnotes", "footnote"),
        ("/endnotes", "endnote"),
    )
    seen_parts: set[str] = set()
    for _rid, (rtype, target, mode) in sorted(rels.items(), key=lambda kv: kv[1][1]):
        if mode != "Internal" or target in seen_parts or not pkg.has(target):
            continue
        for suffix, label in kinds:
            if rtype.endswith(suffix):
                seen_parts.add(target)
                part_root = pkg.xml(target)
                if label in ("footnote", "endnote"):
                    walker.walk_notes(part_root, label)
                else:
                    walker.walk_container(part_root, part=label)
                break
    # mailto: targets whose address the display text does not show
    shown = " ".join(b.text for b in walker.blocks).lower()
    for _rid, (rtype, target, mode) in sorted(rels.items()):
        if (
            mode == "External"
            and rtype.endswith("/hyperlink")
            and target.lower().startswith("mailto:")
        ):
            address = target[7:].split("?")[0].strip()
            if address and address.lower() not in shown:
                walker.blocks.append(
                    Block(region="hyperlink target", text=address, part="hyperlink")
                )
    tracked = None
    if walker.ins or walker.dels or walker.fmt:
        tracked = TrackedChanges(
            walker.ins,
            walker.dels,
            walker.fmt,
            walker.first_change_region or "",
            walker.first_change_quote,
        )
    doc = DocumentText(path=display, kind="docx", blocks=walker.blocks, tracked=tracked)
    if doc.char_count() == 0:
        doc.unverifiable = (
            "it contains no text"
            + (" (only pictures, perhaps scanned pages)" if walker.pictures else "")
            + ", so nothing in it can be checked"
        )
    return doc


class _Walker:
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
