"""SARIF 2.1.0 output (code scanning): one run, rules with help, results with relative URIs.

Each result carries ``partialFingerprints`` (the finding's stable fingerprint) so that code
scanning tracks it across commits and line moves; waived findings are results with a
``suppressions`` entry holding the waiver's justification, approver and expiry.
"""

from __future__ import annotations

import json
from pathlib import PurePath, PurePosixPath
from typing import Any
from urllib.parse import quote

from isa_kit.core.findings import Finding, Severity
from isa_kit.report.model import Report, RuleInfo, WaivedFinding, full_message

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SRCROOT = "%SRCROOT%"


def artifact_location(file: str) -> dict[str, Any]:
    """A relative URI against ``%SRCROOT%`` (absolute paths become ``file:`` URIs)."""
    path = PurePath(file)
    if path.is_absolute():
        return {"uri": "file://" + quote(PurePosixPath(*path.parts).as_posix())}
    return {"uri": quote(path.as_posix()), "uriBaseId": _SRCROOT}


def _rules(report: Report) -> list[RuleInfo]:
    rules = {r.code: r for r in report.rules}
    for f in [*report.findings, *(w.finding for w in report.waived)]:
        if f.code not in rules:
            rules[f.code] = RuleInfo(f.code, f.category.value, f.category.value, f.severity, "")
    return sorted(rules.values(), key=lambda r: r.code)


def _rule_json(r: RuleInfo) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary or r.name},
        "defaultConfiguration": {"level": _LEVEL[r.severity]},
        "properties": {"category": r.category, "tags": [r.category]},
    }
    if r.help_text or r.source:
        text = r.help_text or r.summary
        if r.source:
            text = f"{text}\n\nSource: {r.source}" if text else f"Source: {r.source}"
        out["help"] = {"text": text}
    if r.source:
        out["properties"]["source"] = r.source
    if r.help_uri:
        out["helpUri"] = r.help_uri
    return out


def _result(f: Finding, index: dict[str, int], waived: WaivedFinding | None) -> dict[str, Any]:
    text = full_message(f)
    if f.region:
        text = f"{f.region}: {text}"
    if f.subject:
        text += f" [{f.subject}]"
    physical: dict[str, Any] = {"artifactLocation": artifact_location(f.file)}
    if f.line is not None:
        region: dict[str, Any] = {"startLine": f.line}
        if f.column is not None:
            region["startColumn"] = f.column
        if f.quote:
            region["snippet"] = {"text": f.quote}
        physical["region"] = region
    # Without a line (an audit finding in a PDF), the region and quote are in the message.
    location: dict[str, Any] = {"physicalLocation": physical}
    if f.region:
        location["message"] = {"text": f.region}
    if f.subject or f.document:
        location["logicalLocations"] = [
            {"name": f.subject or f.document or "", "kind": "object"},
        ]
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": _LEVEL[f.severity],
        "message": {"text": text + (f"\n{f.hint}" if f.hint else "")},
        "locations": [location],
        "partialFingerprints": {"isaKitFingerprint/v1": f.fingerprint()},
        "properties": {
            "category": f.category.value,
            "subject": f.subject,
            "source": f.source,
        },
    }
    if f.document:
        result["properties"]["document"] = f.document
    if waived is not None:
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": (
                    f"{waived.reason} (approved by {waived.approved_by}; "
                    f"expires {waived.expires.isoformat()})"
                ),
                "properties": {
                    "approvedBy": waived.approved_by,
                    "expires": waived.expires.isoformat(),
                },
            }
        ]
        if waived.waiver_file:
            loc: dict[str, Any] = {"artifactLocation": artifact_location(waived.waiver_file)}
            if waived.waiver_line:
                loc["region"] = {"startLine": waived.waiver_line}
            result["suppressions"][0]["location"] = {"physicalLocation": loc}
    return result


def sarif_log(report: Report) -> dict[str, Any]:
    """The SARIF log as plain data (validated against the official schema in the tests)."""
    rules = _rules(report)
    index = {r.code: i for i, r in enumerate(rules)}
    results = [_result(f, index, None) for f in report.findings]
    results += [_result(w.finding, index, w) for w in report.waived]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "isa-kit",
                "version": report.tool_version,
                "semanticVersion": report.tool_version,
                "informationUri": "https://github.com/isa-kit/isa-kit",
                "rules": [_rule_json(r) for r in rules],
            }
        },
        "originalUriBaseIds": {
            _SRCROOT: {"description": {"text": "The folder isa-kit was run from."}}
        },
        "automationDetails": {"id": f"isa-kit/{report.command}/"},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"asOf": report.as_of.isoformat(), "summary": report.counts()},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report) -> str:
    return json.dumps(sarif_log(report), indent=2, ensure_ascii=False) + "\n"
