"""``isa-kit init``: a new partnership that validates, explains every field, and whose
``check`` lists exactly what is still to fill in; it never overwrites a file."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
import yaml
from conftest import run_cli

from isa_kit import check_paths, init_partnership, load_partnership
from isa_kit.core.errors import OutputError, UserError
from isa_kit.data.docstrings import model_docstrings
from isa_kit.data.init import TO_FILL_IN

AS_OF = dt.date(2026, 12, 3)
FILES = ("partnership.yaml", "organisations.yaml", "documents/isa.yaml")
KEY = re.compile(r"^(\s*)(- )?([a-z_0-9]+):")


def test_init_writes_valid_partnership_with_a_comment_on_every_field(tmp_path: Path) -> None:
    folder = tmp_path / "agreements" / "newshire"
    result = init_partnership(folder, name="Newshire MASH")
    assert sorted(p.relative_to(folder).as_posix() for p in result.files) == sorted(FILES)

    p = load_partnership(folder)  # raises DataError if the data were not valid
    assert (p.id, p.name, p.lead_organisation) == ("newshire", "Newshire MASH", "example-council")
    assert [o.id for o in p.partners] == ["example-council"]
    assert [(d.id, d.kind.value, d.status.value) for d in p.documents] == [("isa", "isa", "draft")]

    for rel in FILES:
        lines = (folder / rel).read_text(encoding="utf-8").splitlines()
        kind = "document" if rel.startswith("documents/") else rel.removesuffix(".yaml")
        assert lines[0].startswith("# yaml-language-server: $schema=")
        assert lines[0].endswith(f"schemas/{kind}.schema.json")
        keys = 0
        for i, line in enumerate(lines):
            match = KEY.match(line)
            if match is None:
                continue
            keys += 1
            above = lines[i - 1]
            indent = match.group(1)
            assert above.startswith(f"{indent}# "), f"{rel}:{i + 1}: {line!r} has no comment"
        assert keys >= 5
        assert yaml.safe_load("\n".join(lines)) is not None


def test_comments_are_the_model_docstrings(tmp_path: Path) -> None:
    folder = tmp_path / "newshire"
    init_partnership(folder)
    text = (folder / "organisations.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("ico_registration:"))
    doc = model_docstrings()["Organisation"]["ico_registration"].replace("``", "'")
    comment = []
    for line in reversed(lines[:at]):
        if not line.strip().startswith("#"):
            break
        comment.insert(0, line.strip().removeprefix("# "))
    assert " ".join(comment) == " ".join(doc.split())
    assert "Newshire MASH" in (folder / "partnership.yaml").read_text(encoding="utf-8")


def test_check_lists_exactly_what_is_still_to_fill_in(tmp_path: Path) -> None:
    folder = tmp_path / "newshire"
    init_partnership(folder)
    report = check_paths([folder], AS_OF).report
    found = sorted(
        (f.code, Path(f.file).resolve().relative_to(folder.resolve()).as_posix(), f.subject)
        for f in report.findings
    )
    assert found == sorted((g.code, g.file, g.subject) for g in TO_FILL_IN)
    assert [f.code for f in report.findings if f.line is None] == []
    assert report.problems == []


def test_cli_init_then_check(tmp_path: Path) -> None:
    result = run_cli("init", "agreements/newshire", "--name", "Newshire MASH", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "wrote agreements/newshire/documents/isa.yaml" in result.stdout
    for gap in TO_FILL_IN:
        assert f"agreements/newshire/{gap.file}: {gap.what} [{gap.code}]" in result.stdout
    assert "isa-kit schema --out schemas" in result.stdout  # none there yet
    assert run_cli("schema", "--out", "schemas", cwd=tmp_path).returncode == 0
    again = run_cli("init", "agreements/eastshire", cwd=tmp_path)
    assert again.returncode == 0 and "isa-kit schema" not in again.stdout
    validate = run_cli("validate", "agreements/newshire", cwd=tmp_path)
    assert validate.returncode == 0, validate.stderr
    check = run_cli("check", "agreements/newshire", "--as-of", "2026-12-03", cwd=tmp_path)
    assert check.returncode == 1
    codes = re.findall(r": error: (ISA\d{3}) ", check.stdout)
    assert sorted(codes) == sorted(g.code for g in TO_FILL_IN)


def test_schema_line_points_at_the_nearest_schemas_folder(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "partnership.schema.json").write_text("{}", encoding="utf-8")
    folder = tmp_path / "agreements" / "north" / "east"
    init_partnership(folder)
    first = (folder / "documents/isa.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../../schemas/document.schema.json"


def test_never_overwrites_and_writes_nothing_when_a_file_exists(tmp_path: Path) -> None:
    folder = tmp_path / "newshire"
    folder.mkdir()
    (folder / "organisations.yaml").write_text("organisations: []  # mine\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"already has organisations\.yaml: nothing written"):
        init_partnership(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["organisations.yaml"]
    assert (folder / "organisations.yaml").read_text(encoding="utf-8").endswith("# mine\n")

    result = run_cli("init", str(folder))
    assert result.returncode == 2
    assert result.stderr.startswith("isa-kit: ") and "Traceback" not in result.stderr
    assert not (folder / "partnership.yaml").exists()


def test_failure_part_way_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real_link = os.link

    def link_then_fail(src: str, dst: Path) -> None:
        calls.append(str(dst))
        if len(calls) == 3:  # the third file: the disk "fills up"
            raise OSError(28, "No space left on device")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", link_then_fail)
    folder = tmp_path / "newshire"
    with pytest.raises(OutputError, match="No space left on device"):
        init_partnership(folder)
    left = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert left == []
    assert len(calls) == 3
