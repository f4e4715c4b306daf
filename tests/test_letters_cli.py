"""``isa-kit letters`` as a user runs it: exit codes, messages, reports, PDFs, template lint."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import require

from isa_kit.render.lint import lint_file
from isa_kit.render.pdf import convert_batches, find_soffice, is_tagged
from isa_kit.render.templates import lint_templates

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = "tests/fixtures/letters/decisions.csv"


def test_cli_exit_codes_and_messages(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    args = ["letters", FIXTURE, "--partnership", "agreements/demo", "--out", str(out)]
    first = cli(*args, "--as-of", "2026-11-21")
    assert first.returncode == 1, first.stderr
    assert first.stdout.startswith(
        "8 letter(s) written, 0 already issued, 9 row(s) without a letter"
    )
    assert "Timeliness as of 2026-11-21: every letter is on time." in first.stdout
    err = first.stderr.splitlines()
    assert len(err) == 9
    assert err[2] == (
        f"{FIXTURE}:row 12: decided_at: expected a real date and time (YYYY-MM-DDTHH:MM) (case T-0006)"
    )
    assert "Fictional" not in first.stderr and "@" not in first.stderr
    again = cli(*args, "--as-of", "2026-11-21", "--format", "json")
    assert again.returncode == 1
    assert json.loads(again.stdout) == {"as_of": "2026-11-21", "letters": []}
    late = cli(*args, "--as-of", "2026-12-31", "--format", "json")
    statuses = {(x["case_ref"], x["status"]) for x in json.loads(late.stdout)["letters"]}
    assert statuses == set()  # the letters were issued on 21 November: on time then


def test_cli_all_rows_lettered_exits_0(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = (ROOT / FIXTURE).read_text(encoding="utf-8").splitlines()
    good = tmp_path / "good.csv"
    good.write_text("\n".join([lines[0], *lines[1:7]]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli(
        "letters",
        str(good),
        "--partnership",
        "agreements/demo",
        "--out",
        str(out),
        "--as-of",
        "2026-12-24",
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(list(out.glob("*.docx"))) == 6


def test_cli_unusable_file_exits_2(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.csv"
    bad.write_text("case_ref,outcome\nA,nfa\n", encoding="utf-8")
    result = cli(
        "letters", str(bad), "--partnership", "agreements/demo", "--out", str(tmp_path / "o")
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"isa-kit: {bad}: missing column(s) decided_at, rag,")
    none = cli(
        "letters",
        FIXTURE,
        "--partnership",
        "agreements/herefordshire",
        "--out",
        str(tmp_path / "o"),
    )
    assert none.returncode == 2
    assert "agreements/herefordshire/letters.yaml: no such file" in none.stderr


def test_cli_refuses_inside_the_repository(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "letters", FIXTURE, "--partnership", "agreements/demo", "--out", "build/letters-test"
    )
    assert result.returncode == 2
    assert "inside the git work tree" in result.stderr and "--allow-in-repo" in result.stderr
    assert not (ROOT / "build" / "letters-test").exists()


def test_help_documents_the_columns(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("letters", "--help")
    assert result.returncode == 0
    for column in ("case_ref", "decided_at", "recipient_type", "contact_route", "options"):
        assert f"  {column} " in result.stdout


def test_letter_templates_lint_clean_against_the_letter_context(tmp_path: Path) -> None:
    result = lint_templates()
    letters = [f for f in result.files if f.parent.name == "letters"]
    assert len(letters) == 13 and result.problems == []
    # The same template linted as a document template: the letter names are unknown there.
    copy = tmp_path / "nfa-family.docx"
    shutil.copy(ROOT / "templates" / "letters" / "nfa-family.docx", copy)
    messages = {p.message for p in lint_file(copy)}
    assert "unknown name 'letter'" in messages and "unknown name 'sender'" in messages


def test_pdfs_in_one_batch(tmp_path: Path) -> None:
    require(find_soffice() is not None, "LibreOffice is needed for PDF letters")
    import datetime as dt

    from isa_kit import make_letters

    lines = (ROOT / FIXTURE).read_text(encoding="utf-8").splitlines()
    three = tmp_path / "three.csv"
    three.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    calls: list[tuple[int, int, str]] = []
    result = make_letters(
        three,
        ROOT / "agreements" / "demo",
        tmp_path / "out",
        as_of=dt.date(2026, 11, 21),
        pdf=True,
        progress=lambda d, t, s: calls.append((d, t, s)),
    )
    assert sorted(p.name for p in result.pdfs) == [
        "T-0001-FAM-v1.pdf",
        "T-0001-REF-v1.pdf",
        "T-0002-REF-v1.pdf",
    ]
    assert calls == [(1, 3, "letters"), (2, 3, "letters"), (3, 3, "letters"), (3, 3, "PDFs")]
    from pypdf import PdfReader

    pdf = tmp_path / "out" / "T-0001-FAM-v1.pdf"
    assert is_tagged(pdf)
    text = " ".join((page.extract_text() or "") for page in PdfReader(str(pdf)).pages)
    assert "No further action" in text and "End of letter" in text
    assert convert_batches([], tmp_path) == []
