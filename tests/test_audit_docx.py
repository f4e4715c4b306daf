"""Reading Word files misses nothing: tracked insertions, content controls, text boxes (once),
headers, footnotes, hyperlink targets, and merged table cells (counted once)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from isa_kit import audit_paths
from isa_kit.audit.docx import read_docx
from isa_kit.audit.extract import extract
from isa_kit.core.findings import Category

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V = "urn:schemas-microsoft-com:vml"
NS = f'xmlns:w="{W}" xmlns:r="{R}" xmlns:mc="{MC}" xmlns:wps="{WPS}" xmlns:v="{V}"'
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def p(*inner: str) -> str:
    return "<w:p>" + "".join(inner) + "</w:p>"


def tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(run(text)) if text else '<w:p/>'}</w:tc>"


TEXTBOX = (
    "<w:r><mc:AlternateContent>"
    '<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>'
    + p(run("Secure contact: box@probation.gsi.gov.uk"))
    + "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
    + p(run("Secure contact: box@probation.gsi.gov.uk"))
    + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
    "</mc:AlternateContent></w:r>"
)

DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {NS}><w:body>
{p(run("Information Sharing Agreement"))}
{
    p(
        run("Date of next review: "),
        '<w:ins w:id="1" w:author="A" w:date="2016-06-10T00:00:00Z">',
        run("April 2018"),
        "</w:ins>",
        '<w:del w:id="2" w:author="A" w:date="2016-06-10T00:00:00Z"><w:r><w:delText>March 2030</w:delText></w:r></w:del>',
    )
}
<w:sdt><w:sdtPr/><w:sdtContent>{p(run("Contact: someone@hotmail.com"))}</w:sdtContent></w:sdt>
{p(run("See the box."), TEXTBOX)}
{p('<w:hyperlink r:id="rIdMail">', run("email the MASH"), "</w:hyperlink>")}
<w:tbl>
<w:tr>{tc("Organisation")}{tc("Name")}{tc("Signature")}{tc("Date")}</w:tr>
<w:tr>{tc("Example Council")}{tc("A Person", '<w:gridSpan w:val="2"/>')}{tc("01/01/2025")}</w:tr>
<w:tr>{tc("Example Police", '<w:vMerge w:val="restart"/>')}{tc("")}{tc("")}{tc("")}</w:tr>
<w:tr>{tc("", "<w:vMerge/>")}{tc("B Person")}{tc("/signed/")}{tc("02/01/2025")}</w:tr>
</w:tbl>
<w:sectPr/>
</w:body></w:document>"""

HEADER = f"<w:hdr {NS}>{p(run('RESTRICTED'))}</w:hdr>"
FOOTNOTES = (
    f"<w:footnotes {NS}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    f'<w:footnote w:id="1">{p(run("Under the Data Protection Act 1998."))}</w:footnote>'
    "</w:footnotes>"
)
RELS = (
    f'<Relationships xmlns="{PKG}">'
    f'<Relationship Id="rIdH" Type="{RT}/header" Target="header1.xml"/>'
    f'<Relationship Id="rIdF" Type="{RT}/footnotes" Target="footnotes.xml"/>'
    f'<Relationship Id="rIdMail" Type="{RT}/hyperlink" Target="mailto:hidden@barnet.gcsx.gov.uk" TargetMode="External"/>'
    "</Relationships>"
)
ROOT_RELS = (
    f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
    f'Type="{RT}/officeDocument" Target="word/document.xml"/></Relationships>'
)


def make(tmp_path: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("word/document.xml", DOCUMENT)
        z.writestr("word/_rels/document.xml.rels", RELS)
        z.writestr("word/header1.xml", HEADER)
        z.writestr("word/footnotes.xml", FOOTNOTES)
    path = tmp_path / "structured.docx"
    path.write_bytes(buf.getvalue())
    return path


def test_reader_blocks(tmp_path: Path) -> None:
    doc = read_docx(make(tmp_path), "structured.docx")
    texts = {b.region: b.text for b in doc.blocks}
    assert texts["paragraph 2"] == "Date of next review: April 2018"  # insertion kept
    assert "March 2030" not in " ".join(texts.values())  # deletion dropped
    assert texts["paragraph 3"] == "Contact: someone@hotmail.com"  # content control
    boxes = [b for b in doc.blocks if b.part == "text box"]
    assert [b.region for b in boxes] == ["text box in paragraph 4"]  # Choice only, not Fallback
    assert texts["header"] == "RESTRICTED"
    assert texts["footnote 1"] == "Under the Data Protection Act 1998."
    assert texts["hyperlink target"] == "hidden@barnet.gcsx.gov.uk"
    rows = [b for b in doc.blocks if b.table == 1]
    assert [len(r.cells) for r in rows] == [4, 3, 4, 4]
    assert rows[1].cells[2].col == 3  # after a gridSpan of 2
    assert rows[3].cells[0].merged and rows[3].cells[0].text == ""
    assert doc.tracked is not None
    assert (doc.tracked.insertions, doc.tracked.deletions) == (1, 1)
    assert doc.tracked.region == "paragraph 2"


def test_findings_from_every_part(tmp_path: Path) -> None:
    result = audit_paths([make(tmp_path)], dt.date(2025, 11, 21))
    found = {(f.category, f.region) for f in result.report.findings}
    assert (Category.OVERDUE_REVIEW, "paragraph 2") in found
    assert (Category.UNACCEPTED_TRACKED_CHANGE, "paragraph 2") in found
    assert (Category.INSECURE_EMAIL_DOMAIN, "paragraph 3") in found
    assert (Category.RETIRED_EMAIL_DOMAIN, "text box in paragraph 4") in found
    assert (Category.RETIRED_EMAIL_DOMAIN, "hyperlink target") in found
    assert (Category.OBSOLETE_PROTECTIVE_MARKING, "header") in found
    assert (Category.SUPERSEDED_LEGISLATION, "footnote 1") in found
    retired = [f for f in result.report.findings if f.category == Category.RETIRED_EMAIL_DOMAIN]
    assert len(retired) == 2  # the text box is read once, not once per copy
    # the merged and spanned cells are not mistaken for empty ones
    assert not [f for f in result.report.findings if f.category == Category.MISSING_SIGNATORY]


def test_extracted_signature_rows(tmp_path: Path) -> None:
    facts = extract(read_docx(make(tmp_path), "structured.docx"))
    (table,) = facts.signature_tables
    assert table.organisations == ("Example Council", "Example Police")
    assert [r.missing for r in table.rows] == [(), ()]


def test_every_output_format(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    import json
    import xml.etree.ElementTree as ET

    path = make(tmp_path)
    outputs = {}
    for fmt in ("text", "json", "sarif", "junit", "github", "markdown"):
        proc = cli("audit", str(path), "--as-of", "2025-11-21", "--format", fmt)
        assert proc.returncode == 1, (fmt, proc.stderr)
        outputs[fmt] = proc.stdout
    assert "(paragraph 2): error: AUD010 overdue-review" in outputs["text"]
    assert json.loads(outputs["json"])["command"] == "audit"
    sarif = json.loads(outputs["sarif"])
    rules = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert {"AUD010", "AUD020", "AUD040"} <= rules
    suites = ET.fromstring(outputs["junit"])
    assert any(s.get("name", "").startswith("AUD010") for s in suites)
    assert "::error file=" in outputs["github"] and "paragraph 2" in outputs["github"]
    assert "overdue-review" in outputs["markdown"]
    # deterministic: the same input renders the same bytes
    again = cli("audit", str(path), "--as-of", "2025-11-21", "--format", "json")
    assert again.stdout == outputs["json"]


def test_fail_on_levels(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(
            "word/document.xml",
            f"<w:document {NS}><w:body>{p(run('Guidance. Date of next review: March 2030.'))}"
            f"{p(run('Reviewed annually, and this document is reviewed every two years.'))}</w:body></w:document>",
        )
    path = tmp_path / "warn.docx"
    path.write_bytes(buf.getvalue())
    assert cli("audit", str(path), "--as-of", "2025-11-21").returncode == 0  # warnings only
    proc = cli("audit", str(path), "--as-of", "2025-11-21", "--fail-on", "warning")
    assert proc.returncode == 1 and "inconsistent-review-period" in proc.stdout
