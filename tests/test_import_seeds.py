"""Import the seed documents, as Word and (via LibreOffice) PDF, and hold the draft to the
issue's bar: it validates, 'check' of it finds every category 'audit' finds in the source,
'build' renders the source's sections, and at least 95% of the hand-listed facts come back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from audit_seeddocs import SEED_FILES, build_docx, convert_to_pdf, seed_path, soffice
from conftest import require
from import_measure import recovered

from isa_kit import audit_paths, build, check_paths, import_documents
from isa_kit.audit.pdf import pdftotext_available

AS_OF = dt.date(2025, 11, 21)


@pytest.fixture(scope="session")
def seed_docs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    folder = tmp_path_factory.mktemp("import-seeds")
    yield {
        n: build_docx(seed_path(n).read_text(encoding="utf-8"), folder / f"{n}.docx")
        for n in SEED_FILES
    }


@pytest.fixture(scope="session")
def seed_pdfs(
    seed_docs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    require(soffice() is not None, "LibreOffice (soffice) is not installed")
    require(pdftotext_available(), "pdftotext is not installed: apt-get install poppler-utils")
    folder = tmp_path_factory.mktemp("import-pdf")
    names = list(seed_docs)
    made = convert_to_pdf([seed_docs[n] for n in names], folder, folder / "profile")
    return dict(zip(names, made, strict=True))


@pytest.fixture(scope="session")
def drafts(
    seed_docs: dict[str, Path], seed_pdfs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], tuple[Path, Path]]:
    root = tmp_path_factory.mktemp("import-drafts")
    out = {}
    for kind, store in (("docx", seed_docs), ("pdf", seed_pdfs)):
        for name, src in store.items():
            into = root / f"{name}-{kind}"
            import_documents([src], into, AS_OF)
            out[(name, kind)] = (src, into)
    return out


CASES = [(n, k) for n in SEED_FILES for k in ("docx", "pdf")]


@pytest.mark.parametrize(("seed", "kind"), CASES)
def test_draft_validates(drafts, cli, seed: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    _, into = drafts[(seed, kind)]
    proc = cli("validate", str(into))
    assert proc.returncode == 0, proc.stderr
    assert "valid" in proc.stdout
    text = (into / "organisations.yaml").read_text()
    assert text.startswith(
        "# yaml-language-server: $schema=../../schemas/organisations.schema.json"
    )


@pytest.mark.parametrize(("seed", "kind"), CASES)
def test_check_of_draft_finds_what_audit_finds(drafts, seed: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    src, into = drafts[(seed, kind)]
    audited = {f.category for f in audit_paths([src], AS_OF).report.findings}
    checked = {f.category for f in check_paths([into], AS_OF).report.findings}
    assert audited, "the seeds all have problems the audit finds"
    assert audited <= checked, f"check of the draft misses {sorted(audited - checked)}"


@pytest.mark.parametrize(("seed", "kind"), CASES)
def test_recovery_share_at_least_95_percent(drafts, seed: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    _, into = drafts[(seed, kind)]
    got, total, missed = recovered(into, seed)
    if total:
        assert got / total >= 0.95, missed
    else:  # the Staffordshire documents state no structured facts (no parties, dates, table)
        assert missed == []


def test_barnet_draft_content(drafts) -> None:  # type: ignore[no-untyped-def]
    _, into = drafts[("barnet-protocol-isa", "docx")]
    orgs = (into / "organisations.yaml").read_text()
    assert "ico_registration: Z6665870" in orgs
    assert "# unsure: type and public authority guessed from the name" in orgs
    doc = next((into / "documents").glob("*.yaml")).read_text()
    assert "next_review: 2018-04" in doc and "last_reviewed: 2016-04" in doc
    assert "# unsure: the document states different review periods (12 months, 24 months)" in doc
    assert "version: 0.002" in doc or "version: '0.002'" in doc
    part = (into / "partnership.yaml").read_text()
    assert "email: lado@barnet.gcsx.gov.uk" in part


@pytest.mark.parametrize(("seed", "kind"), CASES)
def test_build_from_draft_has_the_source_sections(
    drafts, seed: str, kind: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import docx
    import yaml

    _, into = drafts[(seed, kind)]
    result = build(into, tmp_path / "out", as_of=AS_OF)
    [document] = [p for p in result.docx if not p.stem.endswith("-signature-pack")]
    text = "\n".join(p.text for p in docx.Document(str(document)).paragraphs)
    data = yaml.safe_load(next((into / "documents").glob("*.yaml")).read_text())
    sections = data["sections"]
    assert len(sections) >= 10
    for s in sections:
        for para in s.get("paragraphs", []):
            assert para[:60] in text, f"text of section '{s['title']}' is not in the document"
    # a section whose id is one of the template's own slots is placed under the template's
    # heading (its text is checked above), so a few titles may be worded by the template
    missing = [s["title"] for s in sections if s["title"] not in text]
    assert len(missing) <= max(1, len(sections) // 20), missing


RAG = {
    "staffordshire-guidance": [
        ("RED", "2 hours"),
        ("AMBER", "24 hours"),
        ("BLUE", "3 working days"),
    ],
    "northamptonshire-protocol": [
        ("RED", "4 hours"),
        ("AMBER", "1 working day"),
        ("GREEN", "24 hours"),
    ],
}


@pytest.mark.parametrize(("seed", "kind"), [(s, k) for s in RAG for k in ("docx", "pdf")])
def test_rag_levels_and_timescales(drafts, seed: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    import yaml

    _, into = drafts[(seed, kind)]
    part = yaml.safe_load((into / "partnership.yaml").read_text())
    levels = [(lvl["name"], lvl["timescale"]) for lvl in part["rag_scheme"]["levels"]]
    assert levels == RAG[seed]
    assert (
        "# unsure: priority taken from the order of the levels"
        in (into / "partnership.yaml").read_text()
    )


def test_import_report_names_where_each_fact_came_from(drafts) -> None:  # type: ignore[no-untyped-def]
    src, _ = drafts[("barnet-protocol-isa", "pdf")]
    _, into = drafts[("barnet-protocol-isa", "pdf")]
    assert into.is_dir()
    # the report of a fresh import into a new folder, as text and JSON
    import json

    result = import_documents([src], into.parent / "again", AS_OF)
    data = json.loads(result.to_json())
    assert data["summary"]["recovered"] > 50 and data["summary"]["guessed"] > 0
    ico = [i for i in data["items"] if i["what"] == "ICO registration"]
    assert any("Z6665870" in i["value"] and "page " in i["where"] for i in ico)
    text = result.to_text()
    assert "Guessed (check these):" in text and "Recovered:" in text


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_escalation_ladder(drafts, kind: str) -> None:  # type: ignore[no-untyped-def]
    import yaml

    _, into = drafts[("northamptonshire-protocol", kind)]
    part = yaml.safe_load((into / "partnership.yaml").read_text())
    roles = [lvl["role"] for lvl in part["escalation"]["levels"]]
    assert roles == [
        "Team Managers",
        "Service managers",
        "Strategic Managers",
        "Assistant Director",
    ]


def test_two_documents_of_one_partnership_in_one_draft(
    seed_docs, seed_pdfs, tmp_path: Path, cli
) -> None:  # type: ignore[no-untyped-def]
    into = tmp_path / "staffordshire"
    sources = [seed_docs["staffordshire-mou"], seed_pdfs["staffordshire-guidance"]]
    result = import_documents(sources, into, AS_OF)
    assert sorted(p.name for p in (into / "documents").iterdir()) == [
        "staffordshire-guidance.yaml",
        "staffordshire-mou.yaml",
    ]
    assert len(result.files) == 2 and result.files[0].endswith("staffordshire-mou.docx")
    assert cli("validate", str(into)).returncode == 0
    audited = {f.category for f in audit_paths(sources, AS_OF).report.findings}
    checked = {f.category for f in check_paths([into], AS_OF).report.findings}
    assert audited <= checked


def test_same_sources_give_byte_identical_drafts(seed_docs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = seed_docs["barnet-protocol-isa"]
    a, b = tmp_path / "a" / "barnet", tmp_path / "b" / "barnet"  # the id comes from the name
    import_documents([src], a, AS_OF)
    import_documents([src], b, AS_OF)
    files = sorted(p.relative_to(a) for p in a.rglob("*.yaml"))
    assert files == sorted(p.relative_to(b) for p in b.rglob("*.yaml"))
    for rel in files:
        assert (a / rel).read_bytes() == (b / rel).read_bytes()
