"""The knowledge base and the policy: provenance of every entry, and what they recognise."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from isa_kit.core.errors import DataError
from isa_kit.core.findings import Category, Severity
from isa_kit.reference.knowledge import load_knowledge
from isa_kit.reference.policy import load_policy

KNOWLEDGE = ROOT / "checks" / "knowledge"


def _entries() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for path in sorted(KNOWLEDGE.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for value in data.values():
            out.extend(value if isinstance(value, list) else [value])
    return out


def test_every_entry_has_source_and_effective_date() -> None:
    entries = _entries()
    assert len(entries) > 60
    for e in entries:
        assert str(e.get("source", "")).strip(), e
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", str(e.get("effective", ""))), e
    policy = yaml.safe_load((ROOT / "checks" / "policy.yaml").read_text(encoding="utf-8"))
    assert policy["source"] and policy["effective"]
    for d in policy["secure_domains"]:
        assert d["source"] and isinstance(d["effective"], dt.date)


def test_checks_data_ships_in_the_wheel() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"checks" = "isa_kit/_resources/checks"' in pyproject


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "under the Data Protection Act 1998",
            [("superseded-legislation", "Data Protection Act 1998")],
        ),
        ("the DPA 1998 and the Data Protection Act 2018", [("superseded-legislation", "DPA 1998")]),
        (
            "a Data Protection Act 2003 gateway",
            [("unknown-legislation", "Data Protection Act 2003")],
        ),
        ("Data Protection Act 2018", []),
        (
            "Working Together to Safeguard Children 2015",
            [("superseded-guidance", "Working Together to Safeguard Children 2015")],
        ),
        ("Working Together to Safeguard Children 2023", []),
        ("Marked PROTECT", [("obsolete-protective-marking", "PROTECT")]),
        ("we protect children", []),
        ("Barnet CCG", [("defunct-organisation", "CCG")]),
        ("NHS Digital data", [("defunct-organisation", "NHS Digital")]),
        (
            "the Local Safeguarding Children Board",
            [("defunct-organisation", "Local Safeguarding Children Board")],
        ),
        ("UK GDPR Article 6(1)(e)", []),
    ],
)
def test_scan_text(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(m.category.value, m.matched) for m in load_knowledge().scan_text(text)]
    assert got == expected
    for m in load_knowledge().scan_text(text):
        assert text[m.start : m.end] == m.matched and m.source and m.effective


@pytest.mark.parametrize(
    ("domain", "category"),
    [
        ("nhs.net", None),
        ("met.police.uk", None),
        ("gmail.com", Category.INSECURE_EMAIL_DOMAIN),
        ("hotmail.co.uk", Category.INSECURE_EMAIL_DOMAIN),
        ("somewhere.org.uk", Category.INSECURE_EMAIL_DOMAIN),
        ("barnet.gcsx.gov.uk", Category.RETIRED_EMAIL_DOMAIN),
        ("probation.gsi.gov.uk", Category.RETIRED_EMAIL_DOMAIN),
        ("x.gsi.gov.uk", Category.RETIRED_EMAIL_DOMAIN),
        ("barnet.qcsx.gov.uk", Category.SUSPICIOUS_EMAIL_DOMAIN),
        ("nsh.net", Category.SUSPICIOUS_EMAIL_DOMAIN),
        ("beh-mht.nhs", Category.SUSPICIOUS_EMAIL_DOMAIN),
        ("bad..domain.uk", Category.SUSPICIOUS_EMAIL_DOMAIN),
        ("hse.gov.uk", None),  # a real body, not a gse.gov.uk typo; gov.uk email standard
    ],
)
def test_classify_email_domain(domain: str, category: Category | None) -> None:
    verdict = load_knowledge().classify_email_domain(domain, ("nhs.net", "police.uk"))
    assert (verdict.category if verdict else None) == category
    if verdict:
        assert verdict.message and verdict.hint and verdict.source
        # known wrong is an error; only "not shown to meet a standard" is a warning
        unverified = domain == "somewhere.org.uk"
        assert verdict.severity == (Severity.WARNING if unverified else Severity.ERROR)


def test_declared_domains_are_not_judged_against_the_allow_list() -> None:
    k = load_knowledge()
    assert k.classify_email_domain("wdp.org.uk", (), require_allowed=False) is None
    assert k.classify_email_domain("nsh.net", (), require_allowed=False) is not None


def test_ico_number_pattern() -> None:
    p = load_knowledge().ico_number_pattern
    assert p.match("Z6665870") and p.match("ZA123456")
    assert not p.match("Z66658") and not p.match("1098765")


def test_policy_override(tmp_path: Path) -> None:
    default = load_policy(None)
    assert default.review_warning_days == 60 and "nhs.net" in default.allowed_domains
    (tmp_path / "policy.yaml").write_text(
        "source: Board minute 3\neffective: 2026-01-01\nreview_warning_days: 90\n"
        "secure_domains: [{domain: barnet.gov.uk, source: DCB1596, effective: 2026-02-01}]\n"
        "severities: {ISA051: warning}\n",
        encoding="utf-8",
    )
    p = load_policy(tmp_path)
    assert p.review_warning_days == 90 and p.max_review_interval_months == 36
    assert p.allowed_domains == ("nhs.net", "cjsm.net", "police.uk", "barnet.gov.uk")
    assert p.severity_for("ISA051", "superseded-guidance", Severity.ERROR) == Severity.WARNING


def test_every_match_contains_one_of_its_entry_keywords() -> None:
    """The keyword pass may skip a text only when the patterns could not match it."""
    k = load_knowledge()
    samples = [
        "Data Protection Act 1998",
        "DPA 98",
        "Schedule 3 conditions",
        "sensitive personal data",
        "the eight data protection principles",
        "section 29 of the Data Protection Act",
        "subject access requests within 40 days",
        "the GDPR",
        "Regulation (EU) 2016/679",
        "Data Protection Act 2003",
        "Children Act 2008",
        "Care Act 2016",
        "Working Together 2015",
        "Information sharing: guidance for practitioners and managers",
        "No Secrets",
        "POVA",
        "vulnerable adults",
        "London Child Protection Procedures",
        "seven Caldicott principles",
        "Data Sharing Code of Practice 2011",
        "IG Toolkit",
        "GPMS",
        "IL3",
        "not protectively marked",
        "PROTECT",
        "RESTRICTED",
        "CONFIDENTIAL",
        "Clinical Commissioning Group",
        "CCG",
        "Community Rehabilitation Company",
        "CRC",
        "National Probation Service",
        "NPS",
        "Public Health England",
        "NHS Digital",
        "Health and Social Care Information Centre",
        "NHS Commissioning Board",
        "Local Safeguarding Children Board",
        "LSCB",
        "the Barnet Safeguarding Children Board (NSCB)",
        "Data is held on [insert name of database].",
        "Dear <<name>>",
        "Signed XXXX",
        "information will be shared via phone, hand or fax",
        "copied to a memory stick and posted",
    ]
    # every Act in the generated table, with a year no Act of that title has
    samples += [
        f"the {e.message.split('there is no ')[1].split(' of that year')[0]} 1901"
        for e in k.entries
        if e.id.endswith("-act-wrong-year") and "there is no" in e.message
    ]
    hit_entries = set()
    for text in samples:
        matches = k.scan_text(text)
        assert matches, text
        for m in matches:
            entry = k.entry(m.entry_id)
            assert any(w in m.matched.lower() for w in entry.keywords), (m.entry_id, m.matched)
            hit_entries.add(m.entry_id)
    assert hit_entries == {e.id for e in k.entries}, "every entry has a sample"


def test_real_acts_whose_titles_end_like_others_are_not_unknown() -> None:
    """Regression: the tail of a longer title is not a citation of a non-existent Act."""
    from isa_kit.reference.knowledge import load_knowledge

    knowledge = load_knowledge()
    for real in (
        "The Adoption and Children Act 2002",
        "Health and Social Care Act 2012",
        "the Health and Care Act 2022",
        "Children and Social Work Act 2017",
    ):
        assert [m.entry_id for m in knowledge.scan_text(real)] == [], real
    assert [m.entry_id for m in knowledge.scan_text("Children Act 2002")] == [
        "children-act-wrong-year"
    ]
    assert [m.entry_id for m in knowledge.scan_text("Care Act 2012")] == ["care-act-wrong-year"]


@pytest.mark.parametrize(
    ("domain", "status"),
    [
        ("barnet.gov.uk", "secure"),
        ("harrow.gov.uk", "secure"),
        ("nhs.net", "secure"),
        ("cjsm.net", "secure"),
        ("met.police.uk", "secure"),
        ("clch.nhs.uk", "unverified"),
        ("barnethomes.org", "unverified"),
        ("gmail.com", "insecure"),
        ("hotmail.co.uk", "insecure"),
        ("barnet.gcsx.gov.uk", "retired"),
        ("barnet.qcsx.gov.uk", "invalid"),
        ("beh-mht.nhs", "invalid"),
    ],
)
def test_public_secure_email_classification(domain: str, status: str) -> None:
    from isa_kit.reference.secure_email import classify_email_domain

    got, reason = classify_email_domain(domain)
    assert got.value == status
    assert reason  # always a reason a person can read
    if status == "secure" and domain.endswith("gov.uk"):
        assert "government email security standard" in reason


def test_accredited_list_refreshed_by_policy(tmp_path: Path) -> None:
    from isa_kit.reference.policy import load_policy
    from isa_kit.reference.secure_email import classify_email_domain

    (tmp_path / "policy.yaml").write_text(
        "source: Steering Group, March 2026\neffective: 2026-03-01\n"
        "accredited_domains_file: dcb1596.csv\n",
        encoding="utf-8",
    )
    (tmp_path / "dcb1596.csv").write_text("Name,Domain\nCLCH,clch.nhs.uk\n", encoding="utf-8")
    policy = load_policy(tmp_path)
    status, reason = classify_email_domain("clch.nhs.uk", policy)
    assert status.value == "secure" and "DCB1596" in reason
    (tmp_path / "policy.yaml").write_text(
        "source: s\neffective: 2026-03-01\naccredited_domains_file: ../elsewhere.txt\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="accredited_domains_file"):
        load_policy(tmp_path)
