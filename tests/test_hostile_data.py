"""Hostile agreement data and file trees: one located line, exit 2, nothing read from outside.

Each input is built on the fly in a temporary folder (no committed bombs or links).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import run_cli
from test_loader_errors import DOCUMENT, make, one_error, validate

from isa_kit.cli.main import main

OUTSIDE = "SECRET-OUTSIDE-THE-TREE"


@pytest.mark.parametrize("value", ["2024-13-01", "2023-02-30"])
def test_impossible_date_is_a_located_error(tmp_path: Path, value: str) -> None:
    doc = DOCUMENT + f"created: {value}\n"
    m = one_error(make(tmp_path, document=doc))
    assert (m["file"], m["line"], m["path"]) == ("tiny/documents/isa.yaml", "10", "created")
    assert m["msg"] == "not a real date: expected a date such as 2026-01-31"


def test_five_thousand_digit_integer(tmp_path: Path) -> None:
    doc = DOCUMENT.replace("period_months: 12", "period_months: " + "9" * 5000)
    m = one_error(make(tmp_path, document=doc))
    assert (m["file"], m["line"], m["path"]) == (
        "tiny/documents/isa.yaml",
        "8",
        "review.period_months",
    )
    assert "5,000 characters long" in m["msg"]


def _outside(tmp_path: Path) -> Path:
    secret = tmp_path / "elsewhere" / "secret.yaml"
    secret.parent.mkdir()
    secret.write_text(f"organisations: {OUTSIDE}\n")
    return secret


@pytest.mark.parametrize("where", ["documents/evil.yaml", "organisations.yaml", "policy.yaml"])
def test_link_out_of_the_folder_is_refused_unread(tmp_path: Path, where: str) -> None:
    folder = make(tmp_path)
    link = folder / where
    link.unlink(missing_ok=True)
    link.symlink_to(_outside(tmp_path))
    result = run_cli("check", "tiny", "--as-of", "2026-01-01", cwd=tmp_path)
    assert result.returncode == 2
    assert OUTSIDE not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert f"tiny/{where}: leads outside tiny: refused" in result.stderr


def test_link_inside_the_folder_is_followed(tmp_path: Path) -> None:
    folder = make(tmp_path)
    (folder / "documents" / "isa.yaml").rename(folder / "isa-source.yml")
    (folder / "documents" / "isa.yaml").symlink_to("../isa-source.yml")
    code, lines, _ = validate(folder)
    assert code == 2 and lines == [
        "tiny/isa-source.yml: unexpected file: expected partnership.yaml, organisations.yaml, "
        "policy.yaml, letters.yaml or documents/*.yaml"
    ]


def test_symlink_loop_and_folder_named_yaml(tmp_path: Path) -> None:
    folder = make(tmp_path)
    (folder / "documents" / "loop.yaml").symlink_to("loop.yaml")
    (folder / "documents" / "dir.yaml").mkdir()
    code, lines, _ = validate(folder)
    assert code == 2
    assert lines == [
        "tiny/documents/dir.yaml: not a file: expected YAML data",
        "tiny/documents/loop.yaml: a symbolic link loop: expected a file or folder",
    ]


def test_partnership_folder_linked_from_outside_the_root(tmp_path: Path) -> None:
    make(tmp_path / "elsewhere")
    (tmp_path / "root").mkdir()
    (tmp_path / "root" / "sneaky").symlink_to(tmp_path / "elsewhere" / "tiny")
    result = run_cli("validate", "root", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "root/sneaky: leads outside root: refused "
        "(files must stay inside the folder named on the command line)"
    )


def test_unreadable_documents_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make(tmp_path)
    docs = folder / "documents"
    if os.geteuid() != 0:
        docs.chmod(0)
    else:  # root reads anything: make the folder unreadable to this process instead
        real_iterdir = Path.iterdir

        def iterdir(self: Path):  # type: ignore[no-untyped-def]
            if self.name == "documents":
                raise PermissionError(13, "Permission denied", str(self))
            return real_iterdir(self)

        monkeypatch.setattr(Path, "iterdir", iterdir)
    monkeypatch.chdir(tmp_path)
    try:
        code = main(["validate", "tiny"])
    finally:
        docs.chmod(0o755)
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert err == ["tiny/documents: cannot read folder: Permission denied"]


def test_unknown_rule_in_policy_is_exit_2_at_its_line(tmp_path: Path) -> None:
    folder = make(tmp_path)
    (folder / "policy.yaml").write_text(
        "source: Steering group\neffective: 2026-01-01\nseverities:\n  ISA013: off\n"
        "  inconsistent-review-perod: off\n"
    )
    for args in (["check", "tiny", "--as-of", "2026-01-01"], ["audit", ".", "--policy", "tiny"]):
        result = run_cli(*args, cwd=tmp_path)
        assert result.returncode == 2, args
        assert result.stderr.strip().splitlines() == [
            "tiny/policy.yaml:5:3: severities.inconsistent-review-perod: no check or audit rule "
            "is called 'inconsistent-review-perod': expected a code such as ISA013 or AUD010, "
            "or a name such as inconsistent-review-period (did you mean "
            "'inconsistent-review-period'?)"
        ]


def test_waiver_for_no_check_is_an_error_finding(tmp_path: Path) -> None:
    from test_loader_errors import PARTNERSHIP

    waiver = (
        "waivers:\n  - {code: ISA777, subject: police, reason: Mistyped,"
        " approved_by: MASH Steering Group, expires: 2027-01-31}\n"
    )
    make(tmp_path, partnership=PARTNERSHIP + waiver)
    result = run_cli("check", "tiny", "--as-of", "2026-01-01", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert re.search(r'"code": "ISA091"', result.stdout)
    assert "waiver names ISA777, which is not a check" in result.stdout


def test_markdown_report_keeps_links_and_images_in_data_as_text(tmp_path: Path) -> None:
    import datetime as dt

    from isa_kit.core.findings import Category, Finding, Severity
    from isa_kit.report.markdown import render_markdown
    from isa_kit.report.model import Report

    hostile = "![pixel](https://tracker.example/p.png) [click](http://evil.example) <img src=x> www.evil.example"
    finding = Finding(
        code="ISA001",
        category=Category.MISSING_SIGNATORY,
        severity=Severity.ERROR,
        message=hostile,
        file="tiny/`x`|.yaml",
        subject=hostile,
    )
    md = render_markdown(Report(as_of=dt.date(2026, 1, 1), findings=[finding], command="check"))
    row = next(line for line in md.splitlines() if "ISA001" in line)
    assert "](" not in row.replace("\\]\\(", "")
    assert "![" not in row.replace("\\!\\[", "")
    assert "<img" not in row and "http://" not in row and "https://" not in row
    assert "www.evil" not in row
    assert "`tiny/'x'\\|.yaml`" in row
    assert row.count(" | ") == 4  # the table keeps its five columns


def test_markdown_report_via_cli_escapes_data(tmp_path: Path) -> None:
    from test_loader_errors import ORGANISATIONS

    orgs = ORGANISATIONS.replace("name: Tiny Police", 'name: "![x](https://tracker.example/p.png)"')
    make(tmp_path, organisations=orgs)
    result = run_cli("check", "tiny", "--as-of", "2026-01-01", "--format", "markdown", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    row = next(line for line in result.stdout.splitlines() if "tracker" in line)
    assert "ISA030" in row
    assert r"\!\[x\]\(https:&#47;&#47;tracker.example/p.png\)" in row
