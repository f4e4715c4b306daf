"""Every output format of ``isa-kit check``: content, order, and SARIF against the schema."""

from __future__ import annotations

import datetime as dt
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from _cases import build
from conftest import ROOT

from isa_kit import load_partnership, run_checks
from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.report.model import Report, exit_code
from isa_kit.report.render import FORMATS, render_report

AS_OF = dt.date(2026, 11, 21)
SARIF_SCHEMA = ROOT / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
CASE = {
    "partnership": {
        "waivers": [
            {
                "code": "ISA031",
                "subject": "police",
                "reason": "Number confirmed by phone with the ICO",
                "approved_by": "Testshire MASH Steering Group",
                "expires": "2027-01-31",
            }
        ]
    },
    "organisations": {
        "police": {"ico_registration": "Z66658"},
        "charity": {"ico_registration": None},
    },
    "document": {
        "classification": "RESTRICTED",
        "review": {"period_months": 12, "last_reviewed": "2017-04", "next_review": "2018-04"},
    },
}


@pytest.fixture
def report(tmp_path: Path) -> Report:
    build(tmp_path / "p", CASE)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        return run_checks([load_partnership(Path("p"))], AS_OF).report
    finally:
        os.chdir(old)


def _audit_finding() -> Finding:
    return Finding(
        code="AUD001",
        category=Category.SUPERSEDED_LEGISLATION,
        severity=Severity.WARNING,
        message="cites the Data Protection Act 1998",
        file="old/isa.pdf",
        line=None,
        subject="isa.pdf",
        region="page 3",
        quote="under the Data Protection Act 1998",
    )


def test_findings_waived_and_counts(report: Report) -> None:
    codes = [(f.code, f.subject) for f in report.findings]
    assert ("ISA030", "charity") in codes
    assert ("ISA010", "isa") in codes
    assert ("ISA052", "isa") in codes
    assert [(w.finding.code, w.finding.subject, w.approved_by) for w in report.waived] == [
        ("ISA031", "police", "Testshire MASH Steering Group")
    ]
    keys = [f.sort_key() for f in report.findings]
    assert keys == sorted(keys)
    assert report.counts() == {
        "checked_documents": 1,
        "errors": 3,
        "warnings": 0,
        "infos": 0,
        "waived": 1,
    }
    assert exit_code(report, Severity.ERROR, False) == 1
    assert exit_code(report, Severity.ERROR, True) == 2


def test_every_format_is_deterministic(report: Report) -> None:
    for fmt in FORMATS:
        assert render_report(report, fmt) == render_report(report, fmt), fmt


def test_text(report: Report) -> None:
    text = render_report(report, "text")
    assert "p/documents/isa.yaml:" in text
    assert "error: ISA010 overdue-review: review of 'isa' was due April 2018 [isa]" in text
    assert "waived:" in text and "waived until 2027-01-31 by Testshire MASH Steering Group" in text
    assert text.rstrip().endswith(
        "1 document checked: 3 errors, 0 warnings, 0 info, 1 waived (as of 2026-11-21)"
    )


def test_json(report: Report) -> None:
    data = json.loads(render_report(report, "json"))
    assert data["tool"]["name"] == "isa-kit" and data["as_of"] == "2026-11-21"
    assert data["summary"] == {
        "checked_documents": 1,
        "errors": 3,
        "warnings": 0,
        "infos": 0,
        "waived": 1,
    }
    f = next(f for f in data["findings"] if f["code"] == "ISA010")
    assert f["category"] == "overdue-review" and f["severity"] == "error"
    assert f["file"] == "p/documents/isa.yaml" and isinstance(f["line"], int)
    assert f["subject"] == "isa" and f["hint"] and f["source"] and len(f["fingerprint"]) == 32
    (w,) = data["waived"]
    assert (
        w["code"] == "ISA031" and w["waiver"]["reason"] == "Number confirmed by phone with the ICO"
    )
    assert w["waiver"]["expires"] == "2027-01-31" and w["waiver"]["file"] == "p/partnership.yaml"


def _sarif_schema() -> dict[str, object]:
    schema: dict[str, object] = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return schema


def test_sarif_validates_with_suppressions_and_relative_uris(report: Report) -> None:
    report.findings.append(_audit_finding())
    log = json.loads(render_report(report, "sarif"))
    jsonschema.validate(log, _sarif_schema())
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"ISA001", "ISA010", "ISA031", "ISA091", "AUD001"}
    results = run["results"]
    overdue = next(r for r in results if r["ruleId"] == "ISA010")
    loc = overdue["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "p/documents/isa.yaml", "uriBaseId": "%SRCROOT%"}
    assert loc["region"]["startLine"] > 0
    assert rules[overdue["ruleIndex"]]["id"] == "ISA010"
    assert overdue["level"] == "error" and overdue["properties"]["category"] == "overdue-review"
    assert len(overdue["partialFingerprints"]["isaKitFingerprint/v1"]) == 32
    waived = next(r for r in results if r["ruleId"] == "ISA031")
    (sup,) = waived["suppressions"]
    assert sup["kind"] == "external" and "Number confirmed by phone" in sup["justification"]
    assert (
        "Testshire MASH Steering Group" in sup["justification"]
        and "2027-01-31" in sup["justification"]
    )
    audit = next(r for r in results if r["ruleId"] == "AUD001")
    assert (
        "page 3" in audit["message"]["text"]
        and "under the Data Protection Act 1998" in audit["message"]["text"]
    )
    assert "region" not in audit["locations"][0]["physicalLocation"]


def test_sarif_of_empty_report_validates() -> None:
    log = json.loads(render_report(Report(as_of=AS_OF, findings=[]), "sarif"))
    jsonschema.validate(log, _sarif_schema())
    assert log["runs"][0]["results"] == []


def test_junit_one_case_per_document_and_check(report: Report) -> None:
    root = ET.fromstring(render_report(report, "junit"))
    suites = root.findall("testsuite")
    assert len(suites) == len(report.rules) == 27
    # three files (partnership, organisations, one document) for every check
    assert int(root.get("tests", "0")) == 27 * 3
    overdue = next(s for s in suites if s.get("name") == "ISA010 overdue-review")
    cases = {c.get("name"): c for c in overdue.findall("testcase")}
    assert set(cases) == {"p/partnership.yaml", "p/organisations.yaml", "p/documents/isa.yaml"}
    failure = cases["p/documents/isa.yaml"].find("failure")
    assert failure is not None and "April 2018" in (failure.text or "")
    assert cases["p/partnership.yaml"].find("failure") is None
    ico = next(s for s in suites if s.get("name", "").startswith("ISA031"))
    skipped = [c for c in ico.findall("testcase") if c.find("skipped") is not None]
    assert [c.get("name") for c in skipped] == ["p/organisations.yaml"]
    assert root.get("failures") == "3"


def test_github_annotations(report: Report) -> None:
    lines = render_report(report, "github").splitlines()
    overdue = next(line for line in lines if "ISA010" in line)
    assert overdue.startswith("::error file=p/documents/isa.yaml,line=")
    assert ",title=ISA010 overdue-review::review of 'isa' was due April 2018%0A" in overdue
    assert lines[-1].startswith("::notice title=isa-kit check::1 document checked")


def test_markdown_summary(report: Report) -> None:
    md = render_report(report, "markdown")
    assert md.startswith("## isa-kit check: findings")
    assert "| 3 | 0 | 0 | 1 |" in md
    assert "| `overdue-review` | 1 |" in md
    assert "<details><summary>1 waived</summary>" in md


def test_audit_region_and_quote_in_text_and_json() -> None:
    r = Report(as_of=AS_OF, findings=[_audit_finding()], command="audit")
    text = render_report(r, "text")
    assert "old/isa.pdf (page 3): warning: AUD001 superseded-legislation" in text
    assert "\u201cunder the Data Protection Act 1998\u201d" in text
    data = json.loads(render_report(r, "json"))
    assert data["findings"][0]["region"] == "page 3" and data["findings"][0]["line"] is None
    assert data["findings"][0]["quote"] == "under the Data Protection Act 1998"


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render_report(Report(as_of=AS_OF, findings=[]), "xml")


def _many(n: int, severity: Severity) -> list[Finding]:
    return [
        Finding(
            code="ISA020",
            category=Category.INSECURE_EMAIL_DOMAIN,
            severity=severity,
            message=f"finding {severity.value} {i}",
            file="p/organisations.yaml",
            line=i + 1,
        )
        for i in range(n)
    ]


def test_github_annotations_keep_to_the_per_step_limits_most_severe_first() -> None:
    findings = _many(14, Severity.WARNING) + _many(12, Severity.ERROR) + _many(3, Severity.INFO)
    r = Report(as_of=AS_OF, findings=findings, command="check")
    lines = render_report(r, "github").splitlines()
    errors = [x for x in lines if x.startswith("::error ")]
    warnings = [x for x in lines if x.startswith("::warning ")]
    notices = [x for x in lines if x.startswith("::notice ")]
    assert len(errors) == 10 and len(warnings) == 10 and len(notices) <= 10
    assert lines.index(errors[-1]) < lines.index(warnings[0])  # most severe first
    assert "6 more finding(s) not annotated" in lines[-2]
    assert lines[-1].startswith("::notice title=isa-kit check::")


def test_github_format_writes_the_full_report_to_the_step_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from isa_kit.cli import main as cli

    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(ROOT)
    code = cli.main(["check", "agreements/barnet", "--as-of", "2026-11-21", "--format", "github"])
    assert code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## isa-kit check: findings")  # appended, not replaced
    # every finding is in the summary, although only 10 errors were annotated
    r = run_checks([load_partnership(Path("agreements/barnet"))], dt.date(2026, 11, 21)).report
    assert len(r.findings) > 20
    assert text.count("ISA001") >= sum(f.code == "ISA001" for f in r.findings)
