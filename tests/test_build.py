"""``isa-kit build``: strict rendering, special characters, determinism, safe output."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from fixtures.build.docx_text import W, blocks, headings, rows, strict_parse_all, text

from isa_kit import load_partnership
from isa_kit.core.errors import OutputError, TemplateError, UserError
from isa_kit.render.build import build, render_job

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "build" / "mini"
AS_OF = dt.date(2026, 11, 21)

#: Values in the fixture that the templates render, each with a character that is easy to lose.
SPECIAL = [
    "Ynys Prawf & Co <Safeguarding> \"Hub\" 'Partnership'",
    "Cytundeb Rhannu Gwybodaeth & <ISA> \"Ynys Prawf\" 'v1'",
    "Cyngor Sir Ynys Prawf — Gwasanaethau Cymdeithasol (ŵ ŷ)",
    "Heddlu Prawf 👮 \"Police\" & 'Partners'",
    "Rhannu gwybodaeth er mwyn diogelu plant & oedolion < risk > \"quoted\" 'single' — "
    "السلام عليكم 🙂",
    "Fersiwn gyntaf & first <version>",
    "Local text for the purpose: Tŷ & Gardd",
    "Trefniadau lleol <extra>",
    'Prif Gwnstabl "Chief Constable"',
    "paragraph 4 <safeguarding>",
    "section 11 & 16H",
]
LONG_NAME_START = "The Exceptionally Long-Named Voluntary Sector Organisation"


@pytest.fixture(scope="module")
def mini_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mini")
    build(MINI, out, as_of=AS_OF)
    return out


def copy_fixture(tmp_path: Path) -> Path:
    dst = tmp_path / "mini"
    shutil.copytree(MINI, dst)
    return dst


def test_writes_one_docx_per_document_and_signature_packs(mini_out: Path) -> None:
    names = sorted(p.name for p in mini_out.iterdir())
    assert names == ["mini-isa-signature-pack.docx", "mini-isa.docx", "mini-protocol.docx"]


def test_special_characters_round_trip_and_every_part_parses(mini_out: Path) -> None:
    isa = text(mini_out / "mini-isa.docx")
    for value in SPECIAL:
        assert " ".join(value.split()) in isa, value
    long_name = load_partnership(MINI).organisation("elusen-hir").name
    assert long_name in isa
    assert "שלום עליכם" in isa and "مدير الخدمة" in text(mini_out / "mini-protocol.docx")
    for path in mini_out.iterdir():
        assert strict_parse_all(path) >= 8
        assert "None" not in text(path).split()


def test_tabs_and_line_breaks_in_values_become_word_tabs_and_breaks(mini_out: Path) -> None:
    body = docx.Document(str(mini_out / "mini-isa.docx")).element.body
    para = next(p for p in body.iter(f"{W}p") if "Paragraph with a tab" in "".join(p.itertext()))
    assert para.find(f".//{W}tab") is not None and para.find(f".//{W}br") is not None


def test_signature_pack_has_one_page_per_party_prefilled(mini_out: Path) -> None:
    pack = mini_out / "mini-isa-signature-pack.docx"
    h1 = [t for s, t in headings(pack) if s == "Heading 1"]
    assert len(h1) == 4 and h1[1] == "Heddlu Prawf 👮 \"Police\" & 'Partners'"
    d = docx.Document(str(pack))
    breaks = [p for p in d.paragraphs if p.style.name == "Heading 1"]
    assert all(p.paragraph_format.page_break_before for p in breaks)
    table_rows = rows(pack)
    assert 'Role | Prif Gwnstabl "Chief Constable"' in table_rows
    assert "Role | Senior Information Risk Owner" in table_rows  # the SIRO when no signatory
    assert table_rows.count("Signature | ") == 4  # blank only where a person signs
    assert "ICO registration number | ZA900001" in table_rows  # a department: its council's


def test_isa_follows_the_ico_code_order(mini_out: Path) -> None:
    h1 = [t for s, t in headings(mini_out / "mini-isa.docx") if s == "Heading 1"]
    # Only the sections the mini agreement's data records, in ICO Data Sharing Code order.
    assert h1 == [
        "Document control",
        "Contents",
        "Purpose and scope",
        "The parties",
        "Legal basis for sharing",
        "Termination of agreement",
        "Signatures",
        "Trefniadau lleol <extra>",  # the agreement's own section, under its own title
    ]


def test_accessibility_structure(mini_out: Path) -> None:
    for path in mini_out.iterdir():
        d = docx.Document(str(path))
        assert d.core_properties.title and d.core_properties.language == "en-GB"
        levels = [int(p.style.name[-1]) for p in d.paragraphs if p.style.name.startswith("Heading")]
        assert levels and levels[0] == 1
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
        for table in d.tables:
            assert table._tbl.tr_lst[0].find(f"{W}trPr/{W}tblHeader") is not None
            assert table._tbl.tblPr.find(f"{W}tblCaption") is not None
        langs = {el.get(f"{W}val") for el in d.styles.element.iter(f"{W}lang")}
        assert langs == {"en-GB"}
        header = " ".join(p.text for p in d.sections[0].header.paragraphs).strip()
        footer = d.sections[0].footer.paragraphs[0].text.strip()
        # The marking the data records, and none where it records none (never a guess).
        marking = "OFFICIAL" if path.stem.startswith("mini-isa") else ""
        assert header == marking and footer == marking, path.name


def test_same_data_and_date_give_identical_bytes(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    build(MINI, a, as_of=AS_OF)
    build(MINI, b, as_of=AS_OF)
    build(MINI, c, as_of=dt.date(2026, 11, 22))
    for path in a.iterdir():
        assert path.read_bytes() == (b / path.name).read_bytes(), path.name
        assert path.read_bytes() != (c / path.name).read_bytes(), path.name
        with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as zf:
            assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
            core = zf.read("docProps/core.xml").decode()
        assert "2026-11-21T00:00:00Z" in core and "<dc:language>en-GB</dc:language>" in core


def test_missing_value_names_template_placeholder_and_data_path(tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path)
    isa = folder / "documents" / "isa.yaml"
    isa.write_text(isa.read_text().replace("purpose: ", "description: "))
    # The default templates show an absent value as absent; an edited template that places
    # a value unguarded is told where the value is missing.
    _own_template(folder, "{{ document.purpose }}")
    with pytest.raises(TemplateError) as err:
        build(folder, tmp_path / "out", as_of=AS_OF)
    message = str(err.value)
    assert "own.docx: {{ document.purpose }}: no value at" in message
    assert "documents/isa.yaml:1:1 purpose" in message
    assert not (tmp_path / "out").exists()  # nothing is written unless everything renders


def _own_template(folder: Path, body: str) -> None:
    d = docx.Document()
    d.add_paragraph("Heading", style="Heading 1")
    d.add_paragraph(body)
    d.save(str(folder / "own.docx"))
    isa = folder / "documents" / "isa.yaml"
    isa.write_text(isa.read_text() + "template: own.docx\n")


def test_none_in_a_nested_field_is_missing_and_located(tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path)
    _own_template(folder, "Due {{ document.review.last_reviewed | date }}")
    with pytest.raises(TemplateError) as err:
        build(folder, tmp_path / "out", as_of=AS_OF, only="mini-isa")
    message = str(err.value)
    assert "own.docx: {{ document.review.last_reviewed | date }}: no value at" in message
    assert "isa.yaml:" in message and message.endswith("review.last_reviewed")


def test_unknown_field_and_sandbox_escape_stop_the_build(tmp_path: Path) -> None:
    folder = copy_fixture(tmp_path)
    _own_template(folder, "{{ document.titel }}")
    with pytest.raises(TemplateError, match="Document has no field 'titel'"):
        build(folder, tmp_path / "out", as_of=AS_OF, only="mini-isa")
    folder2 = copy_fixture(tmp_path / "two")
    _own_template(folder2, "{{ document.__class__.__mro__ }}")
    with pytest.raises(TemplateError):
        build(folder2, tmp_path / "out2", as_of=AS_OF, only="mini-isa")


def test_control_characters_from_python_data_are_refused() -> None:
    from isa_kit.render.build import plan

    partnership = load_partnership(MINI)
    doc = partnership.document("mini-isa")
    object.__setattr__(doc, "title", "bad \x01 title")
    job = plan(partnership, MINI, "mini-isa")[0]
    with pytest.raises(TemplateError, match="control character"):
        render_job(job, partnership, AS_OF)


def test_refuses_to_overwrite_a_signed_copy(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = copy_fixture(tmp_path)
    out = tmp_path / "out"
    build(folder, out, as_of=AS_OF)
    signed = out / "mini-isa.docx"
    signed.write_bytes(signed.read_bytes() + b"signed")
    digest = hashlib.sha256(signed.read_bytes()).hexdigest()
    isa = folder / "documents" / "isa.yaml"
    isa.write_text(isa.read_text() + f"signed_copy:\n  file: mini-isa.docx\n  sha256: {digest}\n")
    with pytest.raises(OutputError, match=r"signed copy recorded at .*isa\.yaml"):
        build(folder, out, as_of=AS_OF)
    result = cli("build", str(folder), "--out", str(out), "--as-of", "2026-11-21")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "refusing to overwrite" in result.stderr
    assert hashlib.sha256(signed.read_bytes()).hexdigest() == digest


def test_only_builds_one_document_and_names_unknown_ids(tmp_path: Path) -> None:
    result = build(MINI, tmp_path, as_of=AS_OF, only="mini-protocol")
    assert [p.name for p in result.docx] == ["mini-protocol.docx"]
    with pytest.raises(UserError, match=r"no such document .*mini-isa, mini-protocol"):
        build(MINI, tmp_path, as_of=AS_OF, only="nope")


def test_pdf_without_libreoffice_still_writes_docx(tmp_path: Path, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ISA_KIT_SOFFICE", str(tmp_path / "no-such-soffice"))
    result = cli("build", str(MINI), "--out", str(tmp_path), "--pdf", "--as-of", "2026-11-21")
    assert result.returncode == 2
    assert "LibreOffice is not installed" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "mini-isa.docx").is_file() and not list(tmp_path.glob("*.pdf"))


def test_cli_build_prints_what_it_wrote(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("build", str(MINI), "--out", str(tmp_path), "--as-of", "2026-11-21")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("wrote ") == 3
    bad = cli("build", str(MINI), "--as-of", "21/11/2026")
    assert bad.returncode == 2 and "expected a date such as" in bad.stderr


def test_template_context_is_documented() -> None:
    from isa_kit.render.context_types import CONTEXT_TYPES, FUNCTION_TYPES
    from isa_kit.render.environment import environment

    doc = (ROOT / "docs" / "templates.md").read_text()
    for name in [*CONTEXT_TYPES, *FUNCTION_TYPES]:
        assert f"`{name}" in doc, name
    for name in ("date", "month", "duration", "words", "article", "join_and", "plural", "yesno"):
        assert name in environment().filters and f"`{name}`" in doc, name


def test_protocol_tables_read_back(mini_out: Path) -> None:
    table_rows = rows(mini_out / "mini-protocol.docx")
    assert any(
        r.startswith("RED | Red | 1 | Within 2 hours | Perygl <uniongyrchol> & difrifol")
        for r in table_rows
    )
    assert any("3 x Gweithiwr Cymdeithasol" in r and "System <A> & B" in r for r in table_rows)
    assert "2 | مدير الخدمة (Head of Service) | " in table_rows
    aims = [t for s, t in blocks(mini_out / "mini-protocol.docx") if "Nod cyntaf" in t]
    assert aims == ["Nod cyntaf: diogelu plant & oedolion"]


def test_contents_list_the_headings_and_rows_never_split(mini_out: Path) -> None:
    d = docx.Document(str(mini_out / "mini-isa.docx"))
    paragraphs = [(p.style.name, p.text) for p in d.paragraphs if p.text.strip()]
    start = paragraphs.index(("Heading 1", "Contents"))
    headings = [t for s, t in paragraphs[start + 1 :] if s in ("Heading 1", "Heading 2")]
    listed = [t for _, t in paragraphs[start + 1 : start + 1 + len(headings)]]
    assert headings and listed == headings  # the contents are the document's own headings
    assert "Right-click" not in " ".join(t for _, t in paragraphs)
    for table in d.tables:
        for row in table._tbl.tr_lst:
            assert row.find(f"{W}trPr/{W}cantSplit") is not None
