"""``isa-kit templates lint`` and the shipped templates."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from isa_kit.core.resources import resource_dir
from isa_kit.render.lint import lint_file

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("isa", "mou", "protocol", "guidance", "signature-pack")


def _template(path: Path, paragraphs: list[str], *, header_row: bool = True) -> Path:
    d = docx.Document()
    d.add_paragraph("Title", style="Heading 1")
    for text in paragraphs:
        d.add_paragraph(text)
    table = d.add_table(rows=2, cols=1)
    if header_row:
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    d.save(str(path))
    return path


def messages(path: Path) -> list[str]:
    return [p.message for p in lint_file(path)]


def test_shipped_templates_lint_clean(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("templates", "lint", "templates/")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("5 templates checked, 0 problems")
    assert sorted(p.stem for p in resource_dir("templates").glob("*.docx")) == sorted(KINDS)


def test_finds_tags_split_across_paragraphs(tmp_path: Path) -> None:
    path = _template(tmp_path / "t.docx", ["Name: {{ document.", "title }}"])
    found = messages(path)
    assert any("not closed in this paragraph" in m for m in found)
    assert any("'}}' without a matching opening" in m for m in found)


def test_tags_split_across_runs_are_fine(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph()
    for piece in ("{", "{ document.", "title }", "}"):
        p.add_run(piece).bold = piece == "{ document."
    d.save(str(tmp_path / "runs.docx"))
    assert messages(tmp_path / "runs.docx") == []


def test_finds_fields_that_are_not_in_the_model(tmp_path: Path) -> None:
    path = _template(
        tmp_path / "t.docx",
        [
            "{{ document.titel }}",
            "{{ partnership.hub.nmae }}",
            "{{ unknown_thing }}",
            "{%p for party in parties %}",
            "{{ party.ico_number }} {{ party.name.upper() }}",
            "{%p endfor %}",
            "{{ document.parties.name }}",
        ],
    )
    found = messages(path)
    assert "Document has no field 'titel' (did you mean 'title'?)" in found
    assert "Hub has no field 'nmae' (did you mean 'name'?)" in found
    assert any(m.startswith("unknown name 'unknown_thing'") for m in found)
    assert any(m.startswith("Organisation has no field 'ico_number'") for m in found)
    assert any("a list has no field 'name'" in m for m in found)
    assert len(found) == 5


def test_finds_syntax_errors_unknown_filters_and_lonely_tags(tmp_path: Path) -> None:
    unclosed = _template(tmp_path / "a.docx", ["{%p for x in parties %}", "{{ x.name }}"])
    assert any("endfor" in m for m in messages(unclosed))
    bad_filter = _template(tmp_path / "b.docx", ["{{ document.title | shout }}"])
    assert any("No filter named 'shout'" in m for m in messages(bad_filter))
    not_alone = _template(tmp_path / "c.docx", ["Text {%p if document.scope %}", "{%p endif %}"])
    assert "a '{%p' tag must be alone in its paragraph" in messages(not_alone)


def test_finds_broken_accessibility_structure(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Top", style="Heading 1")
    d.add_paragraph("Skipped a level", style="Heading 3")
    d.add_table(rows=1, cols=1)
    d.save(str(tmp_path / "a11y.docx"))
    found = messages(tmp_path / "a11y.docx")
    assert "heading level 3 follows level 1: headings must not skip levels" in found
    assert "the first row is not marked as a header row that repeats" in found


def test_placeholder_inside_markup_is_reported(tmp_path: Path) -> None:
    path = _template(tmp_path / "t.docx", ["ok"])
    d = docx.Document(str(path))
    tbl_pr = d.tables[0]._tbl.tblPr
    cap = OxmlElement("w:tblCaption")
    cap.set(qn("w:val"), "{{ document.title }}")
    tbl_pr.append(cap)
    d.save(str(path))
    assert any("tag inside XML markup" in m for m in messages(path))


def test_cli_exit_codes(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    bad = _template(tmp_path / "bad.docx", ["{{ document.titel }}"])
    result = cli("templates", "lint", str(bad))
    assert result.returncode == 1
    assert "bad.docx: word/document.xml: paragraph" in result.stdout
    assert "1 template checked, 1 problem" in result.stdout
    (tmp_path / "not.docx").write_text("plain text")
    broken = cli("templates", "lint", str(tmp_path / "not.docx"))
    assert broken.returncode == 2 and "not a Word (.docx) file" in broken.stderr


def test_templates_copy_then_lint(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("templates", "copy", str(tmp_path / "mine"))
    assert result.returncode == 0
    assert (tmp_path / "mine" / "isa.docx").is_file() and (
        tmp_path / "mine" / "clauses.yaml"
    ).is_file()
    again = cli("templates", "copy", str(tmp_path / "mine"))
    assert again.returncode == 2 and "use --force" in again.stderr
    assert cli("templates", "lint", str(tmp_path / "mine")).returncode == 0


@pytest.mark.parametrize("kind", KINDS)
def test_committed_templates_match_the_generator(kind: str, tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_templates.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    with (
        zipfile.ZipFile(tmp_path / f"{kind}.docx") as fresh,
        zipfile.ZipFile(ROOT / "templates" / f"{kind}.docx") as committed,
    ):
        for name in ("word/document.xml", "word/header1.xml", "word/footer1.xml"):
            assert fresh.read(name) == committed.read(name), (
                f"templates/{kind}.docx is stale: run python scripts/make_templates.py"
            )


def test_clause_library_is_valid_and_current() -> None:
    from isa_kit.render.clauses import DEFAULT_SELECTION, load_library

    library = load_library(resource_dir("templates") / "clauses.yaml")
    ids = {c.id for c in library.clauses}
    for selection in DEFAULT_SELECTION.values():
        assert set(selection) <= ids
    caldicott = library.get("caldicott-principles")
    assert caldicott is not None and len(caldicott.items) == 8
    golden = library.get("golden-rules")
    assert golden is not None and len(golden.items) == 7
    text = " ".join(" ".join([*c.text, *c.items, c.source]) for c in library.clauses)
    assert "1998" not in text.replace("Crime and Disorder Act 1998", "").replace(
        "Human Rights Act 1998", ""
    )
    for clause in library.clauses:
        assert clause.source and clause.effective.year >= 2018
