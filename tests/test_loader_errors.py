"""Bad input: one line per problem naming file:line:column, the field path and what was expected;
exit code 2; no traceback; nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_cli

PARTNERSHIP = """\
id: tiny
name: Tiny MASH
area: Tinyshire
hub: {name: Tiny Hub}
lead_organisation: council
rag_scheme:
  name: RAG
  levels:
    - {name: Red, colour: red, priority: 1, timescale: 4 hours}
"""
ORGANISATIONS = """\
organisations:
  - id: council
    name: Tiny Council
    type: local-authority
    public_authority: true
    ico_registration: ZA123456
  - id: police
    name: Tiny Police
    type: police
    public_authority: true
"""
DOCUMENT = """\
id: isa
kind: isa
title: Tiny ISA
version: "1.0"
status: final
parties: [council, police]
review:
  period_months: 12
  next_review: 2027-01
"""

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<path>[^:]*): (?P<msg>.+)$")


def make(tmp_path: Path, **overrides: str) -> Path:
    folder = tmp_path / "tiny"
    (folder / "documents").mkdir(parents=True)
    (folder / "partnership.yaml").write_text(overrides.get("partnership", PARTNERSHIP))
    (folder / "organisations.yaml").write_text(overrides.get("organisations", ORGANISATIONS))
    (folder / "documents" / "isa.yaml").write_text(overrides.get("document", DOCUMENT))
    return folder


def validate(folder: Path) -> tuple[int, list[str], str]:
    result = run_cli("validate", str(folder), cwd=folder.parent)
    return result.returncode, result.stderr.strip().splitlines(), result.stdout


def one_error(folder: Path) -> re.Match[str]:
    code, lines, _ = validate(folder)
    assert code == 2
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0]
    match = LINE.match(lines[0])
    assert match, lines[0]
    return match


def test_valid_partnership_passes(tmp_path: Path) -> None:
    code, lines, out = validate(make(tmp_path))
    assert code == 0, lines
    assert "tiny: valid (2 organisations, 1 document)" in out


def test_misspelt_key_names_line_and_suggests(tmp_path: Path) -> None:
    orgs = ORGANISATIONS.replace("    ico_registration:", "    ico_registraton:")
    m = one_error(make(tmp_path, organisations=orgs))
    assert m["file"] == "tiny/organisations.yaml"
    assert (m["line"], m["col"]) == ("6", "5")
    assert m["path"] == "organisations[0].ico_registraton"
    assert "did you mean 'ico_registration'?" in m["msg"]


def test_wrong_type(tmp_path: Path) -> None:
    doc = DOCUMENT.replace("period_months: 12", "period_months: twelve")
    m = one_error(make(tmp_path, document=doc))
    assert (m["file"], m["line"], m["col"]) == ("tiny/documents/isa.yaml", "8", "18")
    assert m["path"] == "review.period_months"
    assert m["msg"] == "expected a whole number (got 'twelve')"


def test_bad_duration_and_enum(tmp_path: Path) -> None:
    part = PARTNERSHIP.replace("timescale: 4 hours", "timescale: soonish")
    m = one_error(make(tmp_path, partnership=part))
    assert m["path"] == "rag_scheme.levels[0].timescale"
    assert "expected a duration such as '2 hours'" in m["msg"]
    doc = DOCUMENT.replace("status: final", "status: finished")
    m = one_error(make(tmp_path / "b", document=doc))
    assert m["path"] == "status"
    assert "expected one of 'draft', 'final', 'signed' or 'superseded'" in m["msg"]


def test_missing_required_key_points_at_parent(tmp_path: Path) -> None:
    doc = DOCUMENT.replace('version: "1.0"\n', "")
    m = one_error(make(tmp_path, document=doc))
    assert (m["line"], m["col"], m["path"]) == ("1", "1", "version")
    assert m["msg"] == "required key is missing"


def test_dangling_partner_reference(tmp_path: Path) -> None:
    doc = DOCUMENT.replace("parties: [council, police]", "parties: [council, polise]")
    m = one_error(make(tmp_path, document=doc))
    assert (m["file"], m["line"], m["col"]) == ("tiny/documents/isa.yaml", "6", "20")
    assert m["path"] == "parties[1]"
    assert m["msg"] == (
        "unknown organisation 'polise' (did you mean 'police'?): expected one of council, police"
    )


def test_malformed_yaml(tmp_path: Path) -> None:
    doc = DOCUMENT.replace("parties: [council, police]", "parties: [council, police")
    code, lines, _ = validate(make(tmp_path, document=doc))
    assert code == 2 and len(lines) == 1
    assert lines[0].startswith("tiny/documents/isa.yaml:7:")
    assert "malformed YAML" in lines[0]


def test_python_tag_is_refused_and_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    doc = DOCUMENT + f"owner: !!python/object/apply:os.system ['touch {marker}']\n"
    m = one_error(make(tmp_path, document=doc))
    assert m["path"] == "owner"
    assert "python/object/apply:os.system" in m["msg"] and "not allowed" in m["msg"]
    assert not marker.exists()


def test_oversized_file(tmp_path: Path) -> None:
    doc = DOCUMENT + "description: '" + "x" * (5 * 1024 * 1024) + "'\n"
    code, lines, _ = validate(make(tmp_path, document=doc))
    assert code == 2 and len(lines) == 1
    assert re.match(
        r"^tiny/documents/isa\.yaml: file is [\d,]+ bytes: expected at most 4,194,304$", lines[0]
    )


def test_alias_bomb(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        bomb += f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]\n"
    m = one_error(make(tmp_path, document=bomb))
    assert m["file"] == "tiny/documents/isa.yaml"
    assert "alias bomb" in m["msg"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('title: "bad \\x07 bell"\n', "control character"),
        ("title: a\ntitle: b\n", "duplicate key"),
        ("<<: {title: x}\n", "merge keys"),
        ("? [a, b]\n: x\n", "expected a text key"),
    ],
)
def test_other_unsafe_or_ambiguous_yaml(tmp_path: Path, text: str, expected: str) -> None:
    m = one_error(make(tmp_path, document=text))
    assert expected in m["msg"]


def test_all_problems_reported_sorted(tmp_path: Path) -> None:
    orgs = ORGANISATIONS.replace("type: police", "type: constabulary")
    doc = DOCUMENT.replace("period_months: 12", "period_months: -1")
    code, lines, _ = validate(make(tmp_path, organisations=orgs, document=doc))
    assert code == 2
    assert [line.split(":")[0] for line in lines] == [
        "tiny/documents/isa.yaml",
        "tiny/organisations.yaml",
    ]


def test_unexpected_file_and_missing_path(tmp_path: Path) -> None:
    folder = make(tmp_path)
    (folder / "organisation.yaml").write_text("x: 1\n")
    code, lines, _ = validate(folder)
    assert code == 2
    assert lines == [
        "tiny/organisation.yaml: unexpected file: expected partnership.yaml, organisations.yaml, "
        "policy.yaml, letters.yaml or documents/*.yaml"
    ]
    result = run_cli("validate", str(tmp_path / "nowhere"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "nowhere: no such file or folder"
