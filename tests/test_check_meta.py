"""Every registered check is complete: code, name, docs with examples, and case files."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

import pytest
import yaml
from _cases import build

from isa_kit import load_partnership, run_checks
from isa_kit.checks import CHECKS
from isa_kit.checks.base import DOC_HEADINGS, Check, CheckContext, Phase, WaiverUsage
from isa_kit.checks.docs import main as docs_main
from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.data.model import Partnership

CASES = Path(__file__).parent / "cases"
REQUIRED_CATEGORIES = {
    c
    for c in Category
    if c
    not in (
        Category.UNVERIFIABLE_DOCUMENT,
        Category.UNACCEPTED_TRACKED_CHANGE,
        Category.UNREADABLE_FILE,
        Category.CHECK_CRASHED,
    )
}


def test_codes_names_unique_and_well_formed() -> None:
    codes = [c.code for c in CHECKS]
    names = [c.name for c in CHECKS]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    assert codes == sorted(codes)
    for c in CHECKS:
        assert re.fullmatch(r"ISA\d{3}", c.code)
        assert re.fullmatch(r"[a-z][a-z0-9-]+", c.name)
        assert c.code != "ISA999", "reserved for check-crashed"


def test_every_category_has_a_check() -> None:
    assert {c.category for c in CHECKS} == REQUIRED_CATEGORIES


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_module_named_after_code_and_name(check: object) -> None:
    module = type(check).__module__.rsplit(".", 1)[-1]
    assert module == f"{check.code.lower()}_{check.name.replace('-', '_')}"  # type: ignore[attr-defined]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_docstring_has_headings_and_yaml_examples(check: object) -> None:
    doc = check.doc()  # type: ignore[attr-defined]
    positions = [doc.find(f"## {h}\n") for h in DOC_HEADINGS]
    assert all(p > 0 for p in positions) and positions == sorted(positions), doc
    blocks = re.findall(r"```yaml\n(.*?)```", doc, re.S)
    assert len(blocks) >= 2, "a non-compliant and a compliant YAML example"
    for block in blocks:
        assert yaml.safe_load(block) is not None
    assert check.source  # type: ignore[attr-defined]
    assert check.summary().endswith(".")  # type: ignore[attr-defined]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_every_check_has_passing_and_failing_cases(check: object) -> None:
    path = CASES / f"{check.code}.yaml"  # type: ignore[attr-defined]
    assert path.is_file(), f"missing case file {path}"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["check"] == check.code  # type: ignore[attr-defined]
    passing = [c for c in data["cases"] if not c.get("expect")]
    failing = [c for c in data["cases"] if c.get("expect")]
    assert passing and failing


def test_case_files_name_registered_checks() -> None:
    codes = {c.code for c in CHECKS}
    for path in CASES.glob("ISA*.yaml"):
        assert path.stem in codes, f"{path.name} has no registered check"


def test_reference_pages_are_up_to_date() -> None:
    assert docs_main(["--check"]) == 0, "run: python -m isa_kit.checks.docs"


def test_waiver_checks_declare_their_phase() -> None:
    assert {c.code for c in CHECKS if c.phase is Phase.WAIVERS} == {"ISA090", "ISA091"}


def test_the_engine_runs_any_check_by_its_phase(tmp_path: Path) -> None:
    """A check of the waiver phase, whatever its class, runs after waivers were applied and
    sees how they fared; a data check runs before and sees nothing of them."""
    seen: dict[str, WaiverUsage | None] = {}

    class Probe(Check):
        """Probe."""

        code, name, category = "ISA998", "probe", Category.UNUSED_WAIVER
        severity, source = Severity.INFO, "test"

        def check(self, partnership: Partnership, ctx: CheckContext) -> Iterable[Finding]:
            seen[self.phase.value] = ctx.waivers
            return ()

    class WaiverProbe(Probe):
        phase = Phase.WAIVERS

    waiver = {"reason": "r", "approved_by": "MASH Steering Group", "expires": "2027-01-31"}
    case = {
        "partnership": {
            "waivers": [
                {"code": "ISA998", "subject": "police", **waiver},  # the probe's: run, unused
                {"code": "ISA030", "subject": "police", **waiver},  # a check that did not run
                {"code": "ISA777", "subject": "police", **waiver},  # a code no check has
            ]
        }
    }
    p = load_partnership(build(tmp_path / "p", case))
    run_checks([p], dt.date(2026, 11, 21), checks=[Probe(), WaiverProbe()])
    assert seen["data"] is None
    assert seen["waivers"] == WaiverUsage(used=frozenset(), considered=frozenset({0, 2}))
