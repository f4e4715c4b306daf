"""The table of contents of a rendered document, filled in at build time.

The templates mark where the contents go with a Word ``TOC`` field. Word would fill it in
only when a person opens the file and agrees to update fields, and LibreOffice (which makes
the PDFs) not at all, so a signatory would see a placeholder. The build therefore replaces the
field with the document's own first- and second-level headings, as plain paragraphs: the same
data gives the same contents, and the PDF shows them too.
"""

from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_HEADINGS = {"Heading1": 0, "Heading2": 1}
#: Indent of a second-level entry, in twentieths of a point (half a centimetre).
_INDENT = 284


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def fill_contents(document_xml: bytes) -> bytes:
    """``word/document.xml`` with its TOC field replaced by its headings (unchanged if none)."""
    root = etree.fromstring(document_xml)
    marker = next(
        (
            f
            for f in root.iter(_w("fldSimple"))
            if f.get(_w("instr"), "").strip().upper().startswith("TOC")
        ),
        None,
    )
    if marker is None:
        return document_xml
    holder = marker.getparent()
    assert holder is not None
    body = holder.getparent()
    assert body is not None
    entries: list[tuple[int, str]] = []
    seen_marker = False
    for para in body.iter(_w("p")):
        if para is holder:
            seen_marker = True
            continue
        style = para.find(f"{_w('pPr')}/{_w('pStyle')}")
        level = _HEADINGS.get(style.get(_w("val"), "")) if style is not None else None
        text = "".join(t.text or "" for t in para.iter(_w("t"))).strip()
        if seen_marker and level is not None and text:
            entries.append((level, text))
    index = body.index(holder)
    body.remove(holder)
    for offset, (level, text) in enumerate(entries):
        body.insert(index + offset, _entry(level, text))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _entry(level: int, text: str) -> etree._Element:
    para = etree.Element(_w("p"))
    if level:
        ppr = etree.SubElement(para, _w("pPr"))
        ind = etree.SubElement(ppr, _w("ind"))
        ind.set(_w("left"), str(_INDENT * level))
    run = etree.SubElement(para, _w("r"))
    t = etree.SubElement(run, _w("t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return para
