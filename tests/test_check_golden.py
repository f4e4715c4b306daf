"""Golden findings on the example partnerships, as of 2026-11-21.

The seed partnerships keep the real gaps of the published documents they were modelled on;
each must yield the findings those gaps deserve, at the YAML line a person must edit. The
fictional, complete ``agreements/demo`` must yield none. Expected locations are computed
from the YAML itself (the line of the field), so that they follow edits to the data.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

from isa_kit import load_partnership, run_checks
from isa_kit.core.findings import Finding
from isa_kit.data.yaml import load_yaml

AS_OF = dt.date(2026, 11, 21)
AGREEMENTS = ROOT / "agreements"
SEEDS = ("barnet", "herefordshire", "northamptonshire", "staffordshire")


@pytest.fixture(autouse=True)
def _at_root() -> Iterator[None]:
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(old)


def findings(name: str) -> list[Finding]:
    result = run_checks([load_partnership(Path("agreements") / name)], AS_OF)
    assert not result.could_not_check
    return result.report.findings


def line_of(file: str, *path: str | int, key: bool = False) -> int | None:
    _, source = load_yaml(Path(file), file)
    return source.locate(tuple(path), key=key).line


def raw(file: str) -> Any:
    return yaml.safe_load(Path(file).read_text(encoding="utf-8"))


def located(fs: list[Finding], category: str) -> set[tuple[str, str, int | None]]:
    return {(f.subject, f.file, f.line) for f in fs if f.category.value == category}


def test_demo_yields_no_findings() -> None:
    fs = findings("demo")
    assert [f"{f.file}:{f.line} {f.code} {f.message}" for f in fs] == []


def test_demo_cli_exits_0_in_every_format() -> None:
    from isa_kit.cli.main import main

    for fmt in ("json", "sarif", "junit"):
        assert (
            main(
                [
                    "check",
                    "agreements/demo",
                    "--as-of",
                    "2026-11-21",
                    "--format",
                    fmt,
                    "-o",
                    os.devnull,
                ]
            )
            == 0
        )


def _signatory_expectations(file: str) -> set[tuple[str, str, int | None]]:
    """A missing-signatory per party with no signature line (own or its parent's) and per
    signature line without a name, role or date."""
    doc = raw(file)
    orgs = {
        o["id"]: o for o in raw(str(Path(file).parents[1] / "organisations.yaml"))["organisations"]
    }
    if doc["status"] not in ("final", "signed"):
        return set()
    out = set()
    sigs = doc.get("signatories") or []
    signed = {s["organisation"] for s in sigs}
    for i, party in enumerate(doc.get("parties") or []):
        top = party
        while orgs.get(top, {}).get("part_of"):
            top = orgs[top]["part_of"]
        if party not in signed and top not in signed:
            out.add((party, file, line_of(file, "parties", i)))
    for j, s in enumerate(sigs):
        if not (s.get("name") and s.get("role") and s.get("date_signed")):
            out.add((s["organisation"], file, line_of(file, "signatories", j)))
    return out


def _ico_expectations(name: str) -> set[tuple[str, str, int | None]]:
    """Controllers party to an ISA or MOU in force (the documents with a registration table)."""
    file = f"agreements/{name}/organisations.yaml"
    parties: set[str] = set()
    for d in (AGREEMENTS / name / "documents").glob("*.yaml"):
        doc = raw(str(d))
        if doc.get("kind") in ("isa", "mou") and doc.get("status") != "superseded":
            parties.update(doc.get("parties") or [])
    out = set()
    for i, o in enumerate(raw(file)["organisations"]):
        if o.get("part_of") or o.get("controller_role") == "processor" or o.get("ico_registration"):
            continue
        if o["id"] not in parties:
            continue
        field = "ico_registration" if "ico_registration" in o else "id"
        out.add((o["id"], file, line_of(file, "organisations", i, field)))
    return out


@pytest.mark.parametrize("name", SEEDS)
def test_signatories_and_ico_numbers(name: str) -> None:
    fs = findings(name)
    docs = sorted((AGREEMENTS / name / "documents").glob("*.yaml"))
    expected = set().union(
        *(_signatory_expectations(f"agreements/{name}/documents/{d.name}") for d in docs)
    )
    assert located(fs, "missing-signatory") == expected
    assert located(fs, "missing-ico-registration") == _ico_expectations(name)
    if name in ("barnet", "staffordshire"):  # the seeds with an agreement (ISA or MOU)
        assert _ico_expectations(name), "the agreement has parties with a blank ICO number"


def test_barnet() -> None:
    fs = findings("barnet")
    cats = {f.category.value for f in fs}
    assert cats >= {
        "missing-signatory",
        "overdue-review",
        "missing-ico-registration",
        "retired-email-domain",
        "suspicious-email-domain",
        "insecure-email-domain",
        "superseded-legislation",
        "superseded-guidance",
        "obsolete-protective-marking",
        "defunct-organisation",
        "missing-lawful-basis",
        "missing-special-category-condition",
        "missing-law-enforcement-basis",
        "missing-security-control",
        "missing-review-date",
    }
    isa = "agreements/barnet/documents/isa.yaml"
    orgs = "agreements/barnet/organisations.yaml"
    # The ISA was due for review in April 2018.
    assert located(fs, "overdue-review") == {
        ("barnet-mash-isa", isa, line_of(isa, "review", "next_review"))
    }
    overdue = next(f for f in fs if f.category.value == "overdue-review")
    assert "April 2018" in overdue.message and overdue.code == "ISA010"
    # The approved secure domains: gcsx and gsi (retired), nsh.net (a typo of nhs.net).
    channel_line = line_of(isa, "security", "transfer_channels", 0, "domains")
    retired = {
        (f.subject, f.file, f.line, f.message.split("'")[3]) for f in fs if f.code == "ISA021"
    }
    assert ("barnet-mash-isa", isa, channel_line, "gcsx.gov.uk") in retired
    assert ("barnet-mash-isa", isa, channel_line, "gsi.gov.uk") in retired
    assert any(
        s == "london-borough-of-barnet" and d == "barnet.gcsx.gov.uk" for s, _, _, d in retired
    )
    assert any(
        s == "national-probation-service" and d == "probation.gsi.gov.uk" for s, _, _, d in retired
    )
    suspicious = {(f.subject, f.message.split("'")[3]) for f in fs if f.code == "ISA022"}
    assert suspicious >= {
        ("barnet-mash-isa", "nsh.net"),
        ("london-borough-of-barnet", "barnet.qcsx.gov.uk"),
    }
    assert any("beh-mht.nhs" in f.message for f in fs if f.code == "ISA022")
    # The Data Protection Act 1998 cited as the legal basis, and in the references.
    dpa = [f for f in fs if f.code == "ISA050" and "Data Protection Act 1998" in f.message]
    assert {f.line for f in dpa} >= {line_of(isa, "lawful_bases", 0, "gateways", 0, "act")}
    # Defunct partners: the CCG and the CRC, reported on their type.
    org_ids = [o["id"] for o in raw(orgs)["organisations"]]
    defunct = located(fs, "defunct-organisation")
    for org_id in ("barnet-ccg", "community-rehabilitation-company"):
        i = org_ids.index(org_id)
        assert (org_id, orgs, line_of(orgs, "organisations", i, "type")) in defunct
    # RESTRICTED (GPMS) as the document's classification.
    assert ("barnet-mash-isa", isa, line_of(isa, "classification")) in located(
        fs, "obsolete-protective-marking"
    )


def test_herefordshire() -> None:
    fs = findings("herefordshire")
    assert {f.category.value for f in fs} == {
        "overdue-review",
        "superseded-legislation",
        "version-history-out-of-order",  # version 3 dated 16 Feb 2022, before version 2
    }  # guidance carries no registration table: no missing-ico-registration
    (overdue,) = [f for f in fs if f.code == "ISA010"]
    assert "February 2024" in overdue.message


def test_northamptonshire() -> None:
    fs = findings("northamptonshire")
    cats = {f.category.value for f in fs}
    assert cats >= {
        "missing-signatory",
        "defunct-organisation",
        "unknown-legislation",
        "superseded-legislation",
        "superseded-guidance",
        "missing-review-date",
    }
    assert any("Data Protection Act 2003" in f.message for f in fs if f.code == "ISA054")
    # a protocol and guidance, no agreement: no registration table is expected
    assert "missing-ico-registration" not in cats
    assert any(f.subject == "clinical-commissioning-group" and f.code == "ISA053" for f in fs)


def test_staffordshire() -> None:
    fs = findings("staffordshire")
    cats = {f.category.value for f in fs}
    assert cats >= {
        "missing-signatory",
        "missing-ico-registration",
        "obsolete-protective-marking",
        "superseded-legislation",
        "superseded-guidance",
        "missing-review-date",
    }
    guidance = {f.message.split("'")[1] for f in fs if f.code == "ISA051" and "cites" in f.message}
    assert {"Working Together 2010", "No Secrets"} <= guidance


def test_whole_tree_json_is_stable() -> None:
    from isa_kit import render_report

    paths = [Path("agreements") / n for n in (*SEEDS, "demo")]
    a = run_checks([load_partnership(p) for p in paths], AS_OF).report
    b = run_checks([load_partnership(p) for p in reversed(paths)], AS_OF).report
    assert render_report(a, "json") == render_report(b, "json")
    documents = sum(len(list((p / "documents").glob("*.yaml"))) for p in paths)
    assert json.loads(render_report(a, "json"))["summary"]["checked_documents"] == documents
