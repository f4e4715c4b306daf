"""``isa-kit check`` as a user and CI run it: exit codes, options, baselines, crashes, speed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from _cases import build
from conftest import ROOT

import isa_kit.cli.main as _cli
from isa_kit.checks import CHECKS
from isa_kit.checks.isa030_missing_ico_registration import MissingIcoRegistration

GAPS = {
    "organisations": {"charity": {"ico_registration": None}},
    "document": {
        "review": {"period_months": 12, "last_reviewed": "2025-12-31", "next_review": "2026-12-31"}
    },
}


@pytest.fixture
def work(tmp_path: Path) -> Iterator[Path]:
    """A temporary folder with agreements/clean (no findings) and agreements/gaps."""
    build(tmp_path / "agreements" / "clean", {"partnership": {"id": "clean"}})
    build(tmp_path / "agreements" / "gaps", {**GAPS, "partnership": {"id": "gaps"}})
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = _cli.main(["check", "--as-of", "2026-11-21", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_partnership_exits_0(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = check(capsys, "agreements/clean")
    assert code == 0
    assert out == "1 document checked: 0 errors, 0 warnings, 0 info, 0 waived (as of 2026-11-21)\n"


def test_findings_exit_1_and_fail_on(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = check(capsys, "agreements")
    assert code == 1
    assert "agreements/gaps/organisations.yaml:" in out and "ISA030 missing-ico-registration" in out
    assert "ISA011 review-due-soon" in out
    # only the warning left: exits 0 unless --fail-on warning
    assert check(capsys, "agreements", "--ignore", "ISA030")[0] == 0
    assert (
        check(capsys, "agreements", "--ignore", "missing-ico-registration", "--fail-on", "warning")[
            0
        ]
        == 1
    )


def test_select_by_code_prefix_name_and_category(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for token in ("ISA03", "missing-ico-registration", "ISA030,ISA031"):
        code, out, _ = check(capsys, "agreements", "--select", token, "--format", "json")
        data = json.loads(out)
        assert {f["code"] for f in data["findings"]} == {"ISA030"}, token
    code, _, err = check(capsys, "agreements", "--select", "ISA123")
    assert code == 2 and "unknown check 'ISA123'" in err


def test_output_file(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = check(capsys, "agreements", "--format", "sarif", "--output", "out/report.sarif")
    assert code == 1 and out == ""
    log = json.loads(Path("out/report.sarif").read_text(encoding="utf-8"))
    assert {r["ruleId"] for r in log["runs"][0]["results"]} == {"ISA030", "ISA011"}


def test_a_named_file_limits_the_report_to_it(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = check(capsys, "agreements/gaps/documents/isa.yaml", "--format", "json")
    data = json.loads(out)
    assert {f["file"] for f in data["findings"]} == {"agreements/gaps/documents/isa.yaml"}
    assert code == 0  # the review warning is all that is left


def test_invalid_data_exits_2_and_still_checks_the_rest(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("agreements/clean/organisations.yaml").write_text(
        "organisations: [{id: BAD}]\n", encoding="utf-8"
    )
    code, out, err = check(capsys, "agreements", "--format", "json")
    assert code == 2
    assert "agreements/clean/organisations.yaml:1" in err
    data = json.loads(out)
    assert {f["code"] for f in data["findings"]} == {"ISA030", "ISA011"}
    assert data["problems"] == ["agreements/clean/organisations.yaml: invalid data, not checked"]


def test_invalid_policy_exits_2(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("agreements/clean/policy.yaml").write_text(
        "source: x\neffective: 2026-01-01\nreview_warning_days: soon\n", encoding="utf-8"
    )
    code, _, err = check(capsys, "agreements/clean")
    assert code == 2 and "agreements/clean/policy.yaml:3" in err and "review_warning_days" in err


def test_policy_severity_override_and_off(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("agreements/gaps/policy.yaml").write_text(
        "source: Gaps MASH board\neffective: 2026-01-01\nseverities: {ISA030: warning, review-due-soon: 'off'}\n",
        encoding="utf-8",
    )
    code, out, _ = check(capsys, "agreements/gaps", "--format", "json")
    data = json.loads(out)
    assert [(f["code"], f["severity"]) for f in data["findings"]] == [("ISA030", "warning")]
    assert code == 0


def test_a_crashing_check_is_a_finding_and_exit_2(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(self: object, partnership: object, ctx: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(MissingIcoRegistration, "check", boom)
    monkeypatch.setenv("ISA_KIT_NO_CACHE", "1")  # the same data may be cached, uncrashed
    code, out, _ = check(capsys, "agreements/gaps", "--format", "json")
    assert code == 2
    data = json.loads(out)
    crashed = [f for f in data["findings"] if f["category"] == "check-crashed"]
    assert [(f["code"], f["subject"]) for f in crashed] == [("ISA999", "ISA030")]
    assert "RuntimeError: boom" in crashed[0]["message"]
    assert any(f["code"] == "ISA011" for f in data["findings"]), "other checks still ran"


def test_waivers_expired_and_unused(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build(
        Path("agreements/gaps"),
        {
            **GAPS,
            "partnership": {
                "id": "gaps",
                "waivers": [
                    {
                        "code": "ISA030",
                        "subject": "charity",
                        "reason": "Fee paid, register not yet updated",
                        "approved_by": "IG Board",
                        "expires": "2027-01-31",
                    },
                    {
                        "code": "ISA011",
                        "subject": "isa",
                        "reason": "Review booked",
                        "approved_by": "IG Board",
                        "expires": "2026-01-31",
                    },
                    {
                        "code": "ISA001",
                        "subject": "police",
                        "reason": "Signature awaited",
                        "approved_by": "IG Board",
                        "expires": "2027-01-31",
                    },
                ],
            },
        },
    )
    code, out, _ = check(capsys, "agreements/gaps", "--format", "json")
    data = json.loads(out)
    assert sorted((f["code"], f["subject"]) for f in data["findings"]) == [
        ("ISA011", "isa"),  # its waiver expired, so it is reported again
        ("ISA090", "isa"),
        ("ISA091", "police"),
    ]
    assert [(w["code"], w["subject"]) for w in data["waived"]] == [("ISA030", "charity")]
    assert data["summary"]["waived"] == 1 and code == 1
    # a waiver for a check that was not selected is not called unused
    _, out, _ = check(capsys, "agreements/gaps", "--select", "ISA030,ISA091", "--format", "json")
    assert json.loads(out)["findings"] == []


def test_baseline_hides_recorded_findings_and_reports_stale_entries(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = check(capsys, "agreements", "--write-baseline", "baseline.json")
    assert code == 0 and "wrote 2 findings" in err
    recorded = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert sorted(e["code"] for e in recorded["findings"]) == ["ISA011", "ISA030"]
    code, out, _ = check(
        capsys, "agreements", "--baseline", "baseline.json", "--fail-on", "warning"
    )
    assert code == 0
    assert "2 in baseline" in out
    # Fix one gap, add a new one: the new one fails, the fixed one is a stale entry.
    build(
        Path("agreements/gaps"),
        {"partnership": {"id": "gaps"}, "organisations": {"police": {"ico_registration": None}}},
    )
    code, out, _ = check(capsys, "agreements", "--baseline", "baseline.json", "--format", "json")
    data = json.loads(out)
    assert [(f["code"], f["subject"]) for f in data["findings"]] == [("ISA030", "police")]
    assert sorted(b["code"] for b in data["baseline"]["unmatched"]) == ["ISA011", "ISA030"]
    assert code == 1
    Path("bad.json").write_text("{}", encoding="utf-8")
    code, _, err = check(capsys, "agreements", "--baseline", "bad.json")
    assert code == 2 and "not an isa-kit baseline" in err


def test_fingerprints_survive_line_moves(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, before, _ = check(capsys, "agreements/gaps", "--format", "json")
    path = Path("agreements/gaps/organisations.yaml")
    path.write_text(
        "# a comment that moves every line\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8"
    )
    _, after, _ = check(capsys, "agreements/gaps", "--format", "json")
    b, a = json.loads(before)["findings"], json.loads(after)["findings"]
    assert [f["fingerprint"] for f in b] == [f["fingerprint"] for f in a]
    assert [f["line"] for f in b] != [f["line"] for f in a]


def test_bad_as_of_is_a_usage_error(work: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        _cli.main(["check", "agreements", "--as-of", "21/11/2026"])
    assert exc.value.code == 2


def test_check_never_imports_document_libraries() -> None:
    code = (
        "import sys, runpy\n"
        "sys.argv = ['isa-kit', 'check', 'agreements', '--as-of', '2026-11-21', '--format', 'json']\n"
        "import isa_kit.cli.main as _cli\n"
        "try:\n    _cli.main(sys.argv[1:])\n"
        "finally:\n"
        "    heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('docxtpl', 'docx', 'pypdf', 'mkdocs'))\n"
        "    sys.stderr.write('HEAVY=' + ','.join(heavy) + '\\n')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    line = next(x for x in proc.stderr.splitlines() if x.startswith("HEAVY="))
    assert line == "HEAVY=", line


def test_registry_is_complete() -> None:
    assert len(CHECKS) == 27


def test_pre_commit_hook_and_action() -> None:
    import yaml

    hooks = {
        h["id"]: h
        for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    assert hooks["isa-kit-check"]["entry"] == "isa-kit check"
    assert hooks["isa-kit-check"]["pass_filenames"] is True
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    script = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    # SARIF for code scanning; annotations (the full report goes to the job summary) for the run
    for fmt in ("sarif", "github"):
        assert f"--format {fmt}" in script
    assert "upload-sarif" in (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
