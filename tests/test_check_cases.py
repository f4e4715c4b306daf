"""Run every check's case file (tests/cases/<CODE>.yaml): passing and failing snippets.

A case patches the compliant base partnership (tests/cases/_base.yaml) and lists the
findings the check must report, exactly: each expected finding names its subject and where
it is (``file`` in the partnership folder and ``at``, the data path whose line it must
point to), and optionally its severity and words of its message.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from _cases import CASES, build

from isa_kit import load_partnership, run_checks
from isa_kit.checks import CHECKS, by_code
from isa_kit.core.findings import Finding
from isa_kit.data.yaml import load_yaml

DEFAULT_AS_OF = dt.date(2026, 11, 21)


def _case_params() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("ISA*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["check"], case, id=f"{data['check']}: {case['name']}"))
    return params


def _path(at: str) -> tuple[str | int, ...]:
    """``parties[1].name`` -> ("parties", 1, "name")."""
    out: list[str | int] = []
    for part in at.replace("]", "").split("."):
        name, *indexes = part.split("[")
        if name:
            out.append(name)
        out.extend(int(i) for i in indexes)
    return tuple(out)


def run_case(tmp_path: Path, code: str, case: dict[str, Any]) -> tuple[Path, list[Finding], Any]:
    folder = build(tmp_path / "p", case)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        p = load_partnership(Path("p"))
        as_of = dt.date.fromisoformat(str(case.get("as_of", DEFAULT_AS_OF)))
        result = run_checks([p], as_of, checks=[by_code(code)])
    finally:
        os.chdir(old)
    return folder, result.report.findings, result


@pytest.mark.parametrize(("code", "case"), _case_params())
def test_case(tmp_path: Path, code: str, case: dict[str, Any]) -> None:
    check = by_code(code)
    folder, findings, result = run_case(tmp_path, code, case)
    assert not result.could_not_check, [f.message for f in findings]
    expected = case.get("expect") or []
    got = [f for f in findings if f.code == code]
    assert len(got) == len(findings), "a check reports only its own code"
    described = [f"{f.file}:{f.line} {f.subject}: {f.message}" for f in got]
    assert len(got) == len(expected), described
    remaining = list(got)
    for exp in expected:
        file = f"p/{exp.get('file', 'documents/isa.yaml')}"
        line = exp.get("line")
        if line is None and "at" in exp:
            _, source = load_yaml(folder / exp.get("file", "documents/isa.yaml"), file)
            line = source.locate(_path(exp["at"])).line
        match = [
            f
            for f in remaining
            if f.file == file
            and f.subject == exp["subject"]
            and (line is None or f.line == line)
            and f.category.value == exp.get("category", check.category.value)
            and (exp.get("severity") is None or f.severity.value == exp["severity"])
            and all(w in f.message for w in exp.get("message", []))
        ]
        assert match, f"expected {exp} (line {line}) among {described}"
        remaining.remove(match[0])


def test_base_partnership_passes_every_check(tmp_path: Path) -> None:
    """The base of all cases is compliant: any finding would leak into every case."""
    build(tmp_path / "p", {})
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = run_checks([load_partnership(Path("p"))], DEFAULT_AS_OF)
    finally:
        os.chdir(old)
    assert [f"{f.code} {f.message}" for f in result.report.findings] == []
    assert len(result.report.rules) == len(CHECKS)
