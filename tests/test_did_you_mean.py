"""'Did you mean': a mistyped command, option, organisation id or check code names the
nearest real one (one helper, difflib), and nothing is suggested when nothing is close."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import run_cli

from isa_kit import DataError, UserError, check_paths, init_partnership, load_partnership
from isa_kit.core.suggest import closest, did_you_mean


def test_helper() -> None:
    assert closest("chek", ["check", "build", "audit"]) == "check"
    assert closest("ISA-40", ["ISA040", "ISA041"]) == "ISA040"
    assert closest("isa001", ["ISA001"]) == "ISA001"  # case-insensitive, answers in the real case
    assert closest("zzzz", ["check", "build"]) is None
    assert did_you_mean("polise", ["council", "police"]) == " (did you mean 'police'?)"
    assert did_you_mean("police", ["police"]) == ""
    assert did_you_mean("qqq", ["police"]) == ""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["chek", "agreements/"], "invalid choice: 'chek'"),
        (["valdate", "agreements/"], "invalid choice: 'valdate'"),
        (["check", "agreements/", "--fromat", "json"], "unrecognized arguments: --fromat"),
        (["check", "agreements/", "--format", "htm"], "invalid choice: 'htm'"),
        (["audit", "x.docx", "--pdf-engine", "pdftotxt"], "invalid choice: 'pdftotxt'"),
    ],
)
def test_cli_usage_errors_suggest(args: list[str], expected: str) -> None:
    suggestion = {
        "chek": "check",
        "valdate": "validate",
        "--fromat": "--format",
        "htm": "html",
        "pdftotxt": "pdftotext",
    }
    typo = next(a for a in args if a in suggestion)
    result = run_cli(*args)
    assert result.returncode == 2
    last = result.stderr.strip().splitlines()[-1]
    assert expected in last
    assert last.endswith(f"(did you mean '{suggestion[typo]}'?)")


def test_no_suggestion_when_nothing_is_close() -> None:
    result = run_cli("xyzzy")
    assert result.returncode == 2 and "did you mean" not in result.stderr


def test_unknown_organisation_id(tmp_path: Path) -> None:
    folder = tmp_path / "newshire"
    init_partnership(folder)
    isa = folder / "documents" / "isa.yaml"
    isa.write_text(
        isa.read_text(encoding="utf-8").replace(
            "parties: [example-council]", "parties: [example-councel]"
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        load_partnership(folder)
    (problem,) = info.value.problems
    assert problem.message == (
        "unknown organisation 'example-councel' (did you mean 'example-council'?): "
        "expected one of example-council"
    )
    assert problem.line is not None and problem.file.endswith("documents/isa.yaml")


@pytest.mark.parametrize(
    ("token", "meant"),
    [("ISA-40", "ISA040"), ("missing-retenton", "missing-retention"), ("isa61", "ISA061")],
)
def test_unknown_check_token(tmp_path: Path, token: str, meant: str) -> None:
    init_partnership(tmp_path / "p")
    with pytest.raises(UserError, match=rf"unknown check '{token}' \(did you mean '{meant}'\?\)"):
        check_paths([tmp_path / "p"], dt.date(2026, 12, 3), select=[token])
