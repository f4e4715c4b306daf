"""Helpers for make_templates.py: accessible Word building blocks with docxtpl tags.

Why a builder rather than hand-made .docx files: the structure that makes a document
accessible (real Heading styles in order, table header rows that repeat, captions on tables,
the language and title in the properties) is easy to lose when editing by hand, and a
script makes every template follow the same rules. The generated files are committed and
people may still edit them in Word; ``isa-kit templates lint`` is their safety net.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

LANGUAGE = "en-GB"
_FIXED = datetime(2026, 1, 1)
#: Parts of python-docx's default package that a template does not need.
_DROP = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "customXml/")


class Builder:
    """Build one template document, paragraph by paragraph."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.doc = Document()
        self._setup_page()
        self._setup_styles()
        self._setup_header_footer()

    # --- set-up ------------------------------------------------------------------------------

    def _setup_page(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.2))

    def _setup_styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(11)
        rpr = normal.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), "Arial")
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
            style = styles[name]
            style.font.name = "Arial"
            f = style.element.get_or_add_rPr().find(qn("w:rFonts"))
            for attr in list(f.attrib):
                del f.attrib[attr]
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                f.set(qn(attr), "Arial")
        # Language for spelling and for screen readers: British English throughout.
        for lang in styles.element.iter(qn("w:lang")):
            lang.set(qn("w:val"), LANGUAGE)
            lang.set(qn("w:eastAsia"), LANGUAGE)
        for lang in self.doc.settings.element.iter(qn("w:themeFontLang")):
            lang.set(qn("w:val"), LANGUAGE)
        core = self.doc.core_properties
        core.title = f"isa-kit template: {self.name}"
        core.author = "isa-kit"
        core.language = LANGUAGE
        core.comments = "Template for isa-kit. Placeholders are documented in docs/templates.md."
        core.created = core.modified = _FIXED
        core.last_modified_by = "isa-kit"
        core.revision = 1

    def _setup_header_footer(self) -> None:
        section = self.doc.sections[0]
        head = section.header.paragraphs[0]
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        head.add_run("{{ classification }}").bold = True
        foot = section.footer.paragraphs[0]
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
        foot.add_run("{{ classification }}").bold = True
        # A marking the data does not record is left blank rather than guessed.
        line = section.footer.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line.add_run("{{ document.title }}, version {{ document.version }}. Page ")
        _field(line, "PAGE", "1")
        line.add_run(" of ")
        _field(line, "NUMPAGES", "1")

    # --- blocks ------------------------------------------------------------------------------

    def title(self, text: str) -> None:
        self.doc.add_paragraph(text, style="Title")

    def h1(self, text: str, page_break: bool = False) -> None:
        p = self.doc.add_paragraph(text, style="Heading 1")
        if page_break:
            p.paragraph_format.page_break_before = True

    def h2(self, text: str) -> None:
        self.doc.add_paragraph(text, style="Heading 2")

    def h3(self, text: str) -> None:
        self.doc.add_paragraph(text, style="Heading 3")

    def p(self, text: str, *, label: str | None = None, small: bool = False) -> None:
        """A paragraph; ``label`` is written in bold before the text (``Phone: ...``)."""
        para = self.doc.add_paragraph()
        if label:
            para.add_run(label).bold = True
            para.add_run(" ")
        run = para.add_run(text)
        if small:
            run.font.size = Pt(9)

    def bullet(self, text: str) -> None:
        self.doc.add_paragraph(text, style="List Bullet")

    def toc(self) -> None:
        """Where the contents go: a TOC field that ``isa-kit build`` replaces with the rendered
        document's headings (isa_kit/render/contents.py), so the PDF shows them too."""
        para = self.doc.add_paragraph()
        _field(para, 'TOC \\o "1-2" \\h \\z \\u', "Contents")

    def tag(self, tag: str) -> None:
        """A paragraph holding only a docxtpl paragraph tag, e.g. ``{%p for x in y %}``."""
        self.doc.add_paragraph(tag)

    def each(self, var: str, seq: str, text: str, style: str = "List Bullet") -> None:
        """One paragraph per item of ``seq``."""
        self.tag(f"{{%p for {var} in {seq} %}}")
        self.doc.add_paragraph(text, style=style)
        self.tag("{%p endfor %}")

    def slot(self, section_id: str, level: str = "h2") -> None:
        """Where a partnership's own section ``section_id`` goes (documents' ``sections``): its
        title as a heading, then its paragraphs and items; nothing when the data has none."""
        self.tag(f'{{%p if has_section("{section_id}") %}}')
        getattr(self, level)(f'{{{{ section("{section_id}").title }}}}')
        self.each("para", f'section("{section_id}").paragraphs', "{{ para }}", style="Normal")
        self.each("item", f'section("{section_id}").items', "{{ item }}")
        self.tag("{%p endif %}")

    def table(
        self,
        caption: str,
        headers: list[str],
        cells: list[str],
        *,
        loop: str | None = None,
        empty: str | None = None,
        widths: list[float] | None = None,
    ) -> None:
        """A table with a repeating header row; ``loop`` (``x in xs``) repeats the body row."""
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _caption(table, caption)
        head = table.rows[0]
        _repeat_header(head)
        for cell, text in zip(head.cells, headers, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        if loop:
            self._tag_row(table, f"{{%tr for {loop} %}}")
        row = table.add_row()
        for cell, text in zip(row.cells, cells, strict=True):
            cell.paragraphs[0].add_run(text)
        if loop:
            self._tag_row(table, "{%tr endfor %}")
            if empty:
                seq = loop.split(" in ", 1)[1]
                self._tag_row(table, f"{{%tr if not {seq} %}}")
                row = table.add_row()
                row.cells[0].paragraphs[0].add_run(empty)
                self._tag_row(table, "{%tr endif %}")
        if widths:
            _set_widths(table, widths)
        _keep_rows_whole(table)
        self.doc.add_paragraph()

    def rows_table(
        self, caption: str, headers: list[str], rows: list[list[str]], widths: list[float]
    ) -> None:
        """A table of fixed rows (document control, a signature block)."""
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        _caption(table, caption)
        _repeat_header(table.rows[0])
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        for values in rows:
            row = table.add_row()
            for i, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
                run = cell.paragraphs[0].add_run(text)
                run.bold = i == 0
        _set_widths(table, widths)
        _keep_rows_whole(table)
        self.doc.add_paragraph()

    def _tag_row(self, table: object, tag: str) -> None:
        row = table.add_row()  # type: ignore[attr-defined]
        row.cells[0].paragraphs[0].add_run(tag)

    # --- output ------------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        buf = io.BytesIO()
        self.doc.save(buf)
        path.write_bytes(_normalise_package(buf.getvalue()))


def _field(paragraph: object, instr: str, shown: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)  # type: ignore[attr-defined]


def _set_widths(table: object, widths: list[float]) -> None:
    """Column widths in the grid (what LibreOffice reads) and in every cell (what Word reads)."""
    table.autofit = False  # type: ignore[attr-defined]
    grid = table._tbl.tblGrid  # type: ignore[attr-defined]
    for col, w in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for r in table.rows:  # type: ignore[attr-defined]
        for cell, w in zip(r.cells, widths, strict=True):
            cell.width = Cm(w)


def _caption(table: object, caption: str) -> None:
    """Table title and description: what a screen reader announces for the table."""
    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    for tag, value in (("w:tblCaption", caption), ("w:tblDescription", caption)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        tbl_pr.append(el)


def _keep_rows_whole(table: object) -> None:
    """No row breaks across a page: a signature block or a party's row stays together."""
    for row in table.rows:  # type: ignore[attr-defined]
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.insert(0, OxmlElement("w:cantSplit"))


def _repeat_header(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def _normalise_package(data: bytes) -> bytes:
    """Drop unused parts and fix timestamps so that regenerating a template is reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename.startswith(_DROP):
                continue
            raw = src.read(info)
            if info.filename in ("_rels/.rels", "word/_rels/document.xml.rels"):
                raw = re.sub(
                    rb'<Relationship [^>]*Target="(?:docProps/thumbnail.jpeg|stylesWithEffects.xml|../customXml/[^"]*)"/>',
                    b"",
                    raw,
                )
            if info.filename == "[Content_Types].xml":
                raw = re.sub(
                    rb'<Override PartName="/(?:word/stylesWithEffects.xml|customXml/[^"]*)"[^>]*/>',
                    b"",
                    raw,
                )
                raw = raw.replace(b'<Default Extension="jpeg" ContentType="image/jpeg"/>', b"")
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, raw)
    return out.getvalue()
