"""The partnership data in agreements/ says what the seed documents say.

The four real partnerships are modelled from the seed documents vendored in
tests/fixtures/seeds (see agreements/README.md and tests/fixtures/seeds/README.md), keeping
their gaps so that the compliance checks can find them; the demo partnership is fictional,
complete and current. These tests pin the facts that were read from the seeds, and the
promises the demo makes.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from isa_kit import Document, Partnership, load_partnership
from isa_kit.data.model import Art6Basis, DocumentKind, DocumentStatus, Notify
from isa_kit.data.values import ApproxDate, Duration

ROOT = Path(__file__).resolve().parent.parent
AGREEMENTS = ROOT / "agreements"
SEEDS = ("barnet", "staffordshire", "northamptonshire", "herefordshire")
ICO_PATTERN = re.compile(r"^Z[A-Z0-9]\d{6}$")


@cache
def partnership(name: str) -> Partnership:
    return load_partnership(AGREEMENTS / name)


def partnership_folders() -> list[Path]:
    return sorted(p for p in AGREEMENTS.iterdir() if (p / "partnership.yaml").is_file())


# --- everything is valid ----------------------------------------------------------------------


def test_every_partnership_folder_is_present() -> None:
    assert [p.name for p in partnership_folders()] == sorted((*SEEDS, "demo"))


def test_validate_exits_0_on_every_partnership_folder() -> None:
    folders = [str(p) for p in partnership_folders()]
    result = subprocess.run(
        [sys.executable, "-m", "isa_kit", "validate", *folders],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": valid (") == len(folders)


def test_validate_exits_0_on_the_agreements_root() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "isa_kit", "validate", "--quiet", "agreements"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_yaml_file_starts_with_its_schema_line() -> None:
    for path in sorted(AGREEMENTS.rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = "document" if path.parent.name == "documents" else path.stem
        up = "../../../" if path.parent.name == "documents" else "../../"
        assert first == f"# yaml-language-server: $schema={up}schemas/{kind}.schema.json", path


# --- Barnet (seed 004) --------------------------------------------------------------------------


BARNET_ICO = {
    "london-borough-of-barnet": "Z6665870",
    "barnet-homes": "Z9752866",
    "your-choice-barnet": "Z3025326",
    "beh-mental-health-trust": "Z8836068",
}
BARNET_DEPARTMENTS = {
    "barnet-family-services",
    "barnet-education-and-skills",
    "barnet-adults-and-communities",
    "barnet-corporate-anti-fraud",
}
BARNET_UNSIGNED = {
    "your-choice-barnet",
    "barnet-gps",
    "barnet-schools",
    "barnet-corporate-anti-fraud",
    "barnet-and-southgate-college",
    "community-barnet",
}


def barnet_isa() -> Document:
    return partnership("barnet").document("barnet-mash-isa")


def test_barnet_isa_is_version_1_4_final_and_restricted() -> None:
    isa = barnet_isa()
    assert isa.kind is DocumentKind.ISA
    assert isa.version == "1.4"
    assert isa.status is DocumentStatus.FINAL
    assert isa.classification == "RESTRICTED"


def test_barnet_isa_has_23_distinct_parties_led_by_the_council() -> None:
    isa = barnet_isa()
    assert len(isa.parties) == 23
    assert len(set(isa.parties)) == 23
    assert isa.parties[0] == "london-borough-of-barnet"


def test_barnet_ico_numbers_are_exactly_the_four_published() -> None:
    p = partnership("barnet")
    isa = barnet_isa()
    published = {
        o: p.organisation(o).ico_registration
        for o in isa.parties
        if p.organisation(o).ico_registration is not None
    }
    assert published == BARNET_ICO
    blank = {o for o in isa.parties if p.organisation(o).ico_registration is None}
    assert len(blank) == 19
    assert "barnet-metropolitan-police-service" in blank
    assert "royal-free-london" in blank


def test_barnet_departments_share_the_councils_registration() -> None:
    p = partnership("barnet")
    for org_id in BARNET_DEPARTMENTS:
        org = p.organisation(org_id)
        assert org.part_of == "london-borough-of-barnet"
        assert org.ico_registration is None
        assert p.controller_of(org).ico_registration == "Z6665870"


def test_barnet_signature_table_has_17_empty_rows_and_six_parties_missing() -> None:
    isa = barnet_isa()
    assert len(isa.signatories) == 17
    for sig in isa.signatories:
        assert (sig.role, sig.name, sig.date_signed, sig.evidence) == (None, None, None, None)
    signed = [s.organisation for s in isa.signatories]
    assert len(set(signed)) == 17
    assert set(isa.parties) - set(signed) == BARNET_UNSIGNED


def test_barnet_isa_review_was_due_in_april_2018() -> None:
    review = barnet_isa().review
    assert review is not None
    assert review.last_reviewed == ApproxDate(2016, 4)
    assert review.next_review == ApproxDate(2018, 4)
    assert review.period_months == 24


def test_barnet_isa_history_runs_from_0_002_to_1_4_with_roles_not_names() -> None:
    history = barnet_isa().history
    assert [h.version for h in history] == [
        "0.002",
        "0.1",
        "0.11",
        "0.2",
        "1.0",
        "1.1",
        "1.2",
        "1.3",
        "1.4",
    ]
    assert history[0].date == ApproxDate(2013, 7, 2)
    assert history[-1].date == ApproxDate(2016, 6, 10)
    for entry in history:
        assert entry.author and "Pillay" not in entry.author and "Clifton" not in entry.author


def test_barnet_isa_lawful_bases_are_1998_gateways_with_no_article_6() -> None:
    bases = barnet_isa().lawful_bases
    assert all(not b.article_6 and not b.article_9 and b.part_3 is None for b in bases)
    gateways = {(g.act, g.section) for b in bases for g in b.gateways}
    assert ("Data Protection Act 1998", "Schedule 2 condition 5(b)") in gateways
    assert ("Data Protection Act 1998", "Schedule 3 condition 7") in gateways
    assert ("Data Protection Act 1998", "section 29") in gateways
    assert ("Children Act 2004", "section 11") in gateways
    assert ("Children Act 1989", "section 47") in gateways
    assert ("Human Rights Act 1998", "Article 8") in gateways


def test_barnet_isa_security_as_printed() -> None:
    isa = barnet_isa()
    assert isa.security is not None
    email = [c for c in isa.security.transfer_channels if c.method == "secure-email"]
    assert [c.domains for c in email] == [
        ["pnn.police.uk", "gcsx.gov.uk", "cjsm.net", "gsi.gov.uk", "nsh.net"]
    ]
    breach = isa.security.breach
    assert breach is not None
    assert breach.report_to == "Data Protection Officer, London Borough of Barnet"
    assert breach.deadline_hours is None
    assert isa.termination_notice_days == 30


def test_barnet_isa_rights_keep_the_40_day_subject_access() -> None:
    rights = barnet_isa().rights
    assert rights is not None and rights.subject_access and rights.freedom_of_information
    assert "40 calendar days" in rights.subject_access
    assert "20 working days" in rights.freedom_of_information


def test_barnet_isa_flags_special_category_and_criminal_offence_data() -> None:
    data = barnet_isa().data_shared
    assert data is not None
    special = {c.name for c in data.categories if c.special_category}
    criminal = {c.name for c in data.categories if c.criminal_offence}
    assert special == {"Ethnic origin", "GP and health records"}
    assert criminal == {"Police information and intelligence"}


def test_barnet_keeps_the_defunct_organisations() -> None:
    p = partnership("barnet")
    assert p.organisation("barnet-ccg").type == "ccg"
    assert p.organisation("community-rehabilitation-company").type == "crc"
    assert p.organisation("national-probation-service").name == "National Probation Service"


def test_barnet_contact_routes_keep_the_seeds_domains() -> None:
    routes = partnership("barnet").contact_routes
    emails = {m.email for m in routes.mailboxes}
    assert "MASH@barnet.gov.uk" in emails
    assert "MASH@barnet.qcsx.gov.uk" in emails  # the seed's own typo of gcsx
    assert any(e and e.endswith("@barnet.gcsx.gov.uk") for e in emails)
    assert routes.phone is not None and routes.phone.number == "0208 359 4066"
    assert routes.out_of_hours is not None
    assert routes.out_of_hours.phone == "020 8359 2000"
    assert routes.out_of_hours.provider == "London Borough of Harrow"


def test_barnet_contacts_use_the_seeds_email_domains() -> None:
    p = partnership("barnet")
    domains = {c.email.rsplit("@", 1)[1].lower() for o in p.partners for c in o.contacts if c.email}
    assert {
        "probation.gsi.gov.uk",
        "londoncrc.org.uk",
        "beh-mht.nhs",
        "met.pnn.police.uk",
        "nhs.net",
        "barnet.gov.uk",
        "barnethomes.org",
        "solacewomensaid.org",
        "wdp.org.uk",
        "harrow.gov.uk",
    } <= domains


def test_barnet_brag_timescales() -> None:
    rag = partnership("barnet").rag_scheme
    assert rag is not None
    assert {lvl.name: lvl.timescale for lvl in rag.levels} == {
        "Red": Duration(0, "days", working=True),
        "Amber": Duration(48, "hours"),
        "Green": Duration(4, "days"),
        "Blue": Duration(7, "days"),
    }


def test_barnet_team_table_systems() -> None:
    systems = {s for o in partnership("barnet").partners for s in o.systems}
    assert {
        "LCS",
        "EHM",
        "System 1",
        "Synergy",
        "OASys / Delius",
        "Aareon QL",
        "Careworks",
        "on Track",
    } <= systems


def test_barnet_steering_group_meets_quarterly_and_reports_to_the_board() -> None:
    group = partnership("barnet").governance.steering_group
    assert group is not None
    assert group.frequency and group.frequency.startswith("quarterly")
    assert group.reports_to and "Safeguarding Children Board" in group.reports_to
    assert all(m.organisation for m in group.members)


def test_barnet_protocol_is_version_6_of_june_2017() -> None:
    protocol = partnership("barnet").document("barnet-mash-protocol")
    assert (protocol.kind, protocol.version, protocol.status) == ("protocol", "6", "final")
    assert protocol.issued == ApproxDate(2017, 6)
    titles = {r.title for r in protocol.references}
    assert "London Child Protection Procedures (2017)" in titles
    assert "Working Together to Safeguard Children (2015)" in titles


# --- Staffordshire and Stoke-on-Trent (seeds 000 and 001) ---------------------------------------


def test_staffordshire_rag_red_is_2_hours_and_blue_3_working_days() -> None:
    rag = partnership("staffordshire").rag_scheme
    assert rag is not None
    levels = {lvl.name: lvl.timescale for lvl in rag.levels}
    assert levels == {
        "RED": Duration(2, "hours"),
        "AMBER": Duration(24, "hours"),
        "BLUE": Duration(3, "days", working=True),
    }


def test_staffordshire_mou_has_no_signatories_history_or_review() -> None:
    mou = partnership("staffordshire").document("staffordshire-mash-mou")
    assert mou.kind is DocumentKind.MOU
    assert mou.parties
    assert mou.signatories == []
    assert mou.history == []
    assert mou.review is None
    assert mou.security is not None
    assert mou.security.classification == "Government Protective Marking Scheme (GPMS)"


def test_staffordshire_mou_legal_authorities_as_listed() -> None:
    mou = partnership("staffordshire").document("staffordshire-mash-mou")
    titles = [r.title for r in mou.references]
    assert titles[:9] == [
        "Common Law",
        "Crime & Disorder Act 1998",
        "Data protection Act 1998",
        "Management of Police Information",
        "Human Rights Act 1998",
        "Children's Act 2004",
        "Working Together 2010",
        "NHS Caldicott Guardian Principles",
        "No Secrets 2000",
    ]
    assert "Criminal Procedure & Investigations Act 1996" in titles


def test_staffordshire_mou_sections_and_escalation() -> None:
    p = partnership("staffordshire")
    mou = p.document("staffordshire-mash-mou")
    assert [s.id for s in mou.sections] == [
        "introduction",
        "principle-of-mash",
        "confidentiality",
        "usage",
        "process",
        "supervision",
        "escalation",
        "security",
        "data-retention",
        "compliance",
        "document-purpose",  # the seed's opening "Document Purpose" list, in its own words
    ]
    assert p.hub.address == "Lindum House, Stone"
    assert p.escalation is not None
    roles = " ".join(level.role for level in p.escalation.levels)
    assert "Detective Superintendent for Protecting Vulnerable People" in roles
    assert p.escalation.final_decision and "data controller" in p.escalation.final_decision


# --- Northamptonshire (seed 002) ----------------------------------------------------------------


def test_northamptonshire_rag_timescales() -> None:
    rag = partnership("northamptonshire").rag_scheme
    assert rag is not None
    levels = {lvl.name: lvl for lvl in rag.levels}
    assert levels["RED"].timescale == Duration(4, "hours")
    assert levels["AMBER"].timescale == Duration(1, "days", working=True)
    assert levels["GREEN"].timescale == Duration(24, "hours")
    assert [levels[n].label for n in ("RED", "AMBER", "GREEN")] == ["Level 4", "Level 3", "Level 2"]


def test_northamptonshire_s47_outcome_is_phoned_and_the_rest_are_lettered() -> None:
    outcomes = {o.id: o for o in partnership("northamptonshire").outcomes}
    s47 = outcomes["s47-strategy-discussion"]
    assert (s47.referrer, s47.family) == (Notify.PHONE, Notify.PHONE)
    for other in ("nfa", "early-help", "s17-assessment"):
        assert (outcomes[other].referrer, outcomes[other].family) == (Notify.LETTER, Notify.LETTER)


def test_northamptonshire_escalation_ladder_within_one_working_day() -> None:
    esc = partnership("northamptonshire").escalation
    assert esc is not None
    assert [lvl.role for lvl in esc.levels] == [
        "Team Managers",
        "Service Managers",
        "Strategic Managers",
        "Assistant Director",
    ]
    assert esc.time_limit == Duration(1, "days", working=True)


def test_northamptonshire_contact_routes_and_hub() -> None:
    p = partnership("northamptonshire")
    assert (
        p.hub.address
        == "Criminal Justice Centre, 700 Pavilion Drive, Brackmills, Northampton NN4 7SL"
    )
    routes = p.contact_routes
    assert routes.phone is not None and routes.phone.number == "0300 126 1000"
    assert routes.out_of_hours is not None and routes.out_of_hours.phone == "01604 626938"
    assert routes.emergency and "999" in routes.emergency


def test_northamptonshire_protocol_cites_the_nonexistent_dpa_2003() -> None:
    p = partnership("northamptonshire")
    protocol = p.document("northamptonshire-mash-protocol")
    titles = {r.title for r in protocol.references}
    assert "Data Protection Act 2003" in titles
    assert "Working Together to Safeguard Children (2018)" in titles
    assert protocol.review is not None
    assert protocol.review.last_reviewed == ApproxDate(2019, 12)
    assert protocol.review.reviewer == "MASH Strategic Manager"
    assert p.organisation("clinical-commissioning-group").type == "ccg"
    assert "clinical-commissioning-group" in protocol.parties


def test_northamptonshire_guidance_rests_on_2008_guidance_and_dpa_1998() -> None:
    guidance = partnership("northamptonshire").document(
        "northamptonshire-information-sharing-guidance"
    )
    assert guidance.kind is DocumentKind.GUIDANCE
    titles = " | ".join(r.title for r in guidance.references)
    assert "DfES 2008" in titles
    assert "Data Protection Act 1998" in titles
    assert "Working Together To Safeguard Children (2013)" in titles


# --- Herefordshire (seed 003) -------------------------------------------------------------------


def test_herefordshire_guidance_document_control() -> None:
    guidance = partnership("herefordshire").document(
        "herefordshire-mash-information-sharing-guidance"
    )
    assert (guidance.version, guidance.classification) == ("4", "Not classified")
    assert guidance.created == ApproxDate(2022, 7)
    assert guidance.issued == ApproxDate(2023, 5)
    assert guidance.review is not None
    assert guidance.review.next_review == ApproxDate(2024, 2)
    assert guidance.parties == []
    assert [c.date for c in guidance.consultation_log] == [ApproxDate(2022, 3, 22)]
    assert [a.stage for a in guidance.approval_log] == ["agreed", "approved"]


def test_herefordshire_version_log_as_printed_with_v3_before_v2() -> None:
    history = (
        partnership("herefordshire")
        .document("herefordshire-mash-information-sharing-guidance")
        .history
    )
    dates = {h.version: h.date for h in history}
    assert [h.version for h in history] == ["1", "2", "3", "4"]
    assert dates["3"] is not None and dates["2"] is not None
    assert dates["3"] < dates["2"]
    assert dates["4"] == ApproxDate(2023, 5)


def test_herefordshire_partners_are_the_three_safeguarding_partners_without_ico() -> None:
    orgs = partnership("herefordshire").partners
    assert {o.type for o in orgs} == {"local-authority", "police", "icb"}
    assert all(o.ico_registration is None for o in orgs)


# --- the fictional demo ----------------------------------------------------------------------


def test_demo_has_one_signed_document_of_each_kind() -> None:
    docs = partnership("demo").documents
    assert sorted(d.kind.value for d in docs) == ["guidance", "isa", "mou", "protocol"]
    assert all(d.status is DocumentStatus.SIGNED for d in docs)


def test_demo_documents_are_signed_by_every_party() -> None:
    p = partnership("demo")
    all_orgs = {o.id for o in p.partners}
    for doc in p.documents:
        assert set(doc.parties) == all_orgs, doc.id
        assert sorted(s.organisation for s in doc.signatories) == sorted(doc.parties), doc.id
        for sig in doc.signatories:
            assert sig.role and sig.name and sig.date_signed, (doc.id, sig.organisation)


def test_demo_parties_have_ico_numbers_ig_contacts_and_current_secure_domains() -> None:
    p = partnership("demo")
    for org in p.partners:
        assert org.ico_registration and ICO_PATTERN.match(org.ico_registration), org.id
        assert org.ig_contacts.dpo and org.ig_contacts.siro, org.id
        if org.type in ("nhs-trust", "icb"):
            assert org.dspt_status == "standards-met" or org.dspt_status == "standards-exceeded"
        for domain in org.secure_email_domains:
            assert (
                domain == "nhs.net"
                or domain == "cjsm.net"
                or domain.endswith((".police.uk", ".gov.uk"))
            ), (org.id, domain)
        assert "gsi" not in " ".join(org.secure_email_domains)
        assert "gcsx" not in " ".join(org.secure_email_domains)


def test_demo_is_current() -> None:
    for doc in partnership("demo").documents:
        review = doc.review
        assert review is not None and review.last_reviewed and review.next_review
        assert review.period_months == 12
        assert review.last_reviewed.add_months(review.period_months) == review.next_review
        assert doc.classification in ("OFFICIAL", "OFFICIAL-SENSITIVE")
        assert doc.security is not None and doc.security.breach is not None
        assert doc.security.breach.deadline_hours == 24
        assert doc.rights is not None and doc.rights.subject_access
        assert "one month" in doc.rights.subject_access
        assert doc.termination_notice_days
        titles = " ".join(r.title for r in doc.references)
        assert "1998" not in titles.replace("Crime and Disorder Act 1998", "").replace(
            "Human Rights Act 1998", ""
        )
        assert "Working Together to Safeguard Children 2023" in titles


def test_demo_every_data_category_has_a_retention_rule() -> None:
    for doc in partnership("demo").documents:
        assert doc.data_shared is not None
        kept = {r.record_type for r in doc.retention}
        assert {c.name for c in doc.data_shared.categories} <= kept, doc.id


def test_demo_no_public_authority_relies_on_legitimate_interests() -> None:
    p = partnership("demo")
    forbidden = {Art6Basis.LEGITIMATE_INTERESTS, Art6Basis.RECOGNISED_LEGITIMATE_INTEREST}
    for doc in p.documents:
        covered: set[str] = set()
        for basis in doc.lawful_bases:
            parties = basis.parties or doc.parties
            covered.update(parties)
            assert basis.article_6, doc.id
            if any(p.organisation(o).public_authority for o in parties):
                assert not forbidden & set(basis.article_6), doc.id
        assert covered == set(doc.parties), doc.id
        police = [b for b in doc.lawful_bases if "demoshire-police" in b.parties]
        assert police and police[0].part_3 is not None


def test_demo_emails_only_on_the_transfer_channel_policy() -> None:
    p = partnership("demo")
    isa = p.document("demo-mash-isa")
    assert isa.security is not None
    allowed = {d for c in isa.security.transfer_channels for d in c.domains}
    emails = [c.email for o in p.partners for c in o.contacts if c.email]
    for org in p.partners:
        ig = org.ig_contacts
        emails += [c.email for c in (ig.dpo, ig.caldicott_guardian, ig.siro) if c and c.email]
    emails += [m.email for m in p.contact_routes.mailboxes if m.email]
    assert emails
    for email in emails:
        assert email.rsplit("@", 1)[1] in allowed, email


def test_demo_has_rag_escalation_and_outcome_letters() -> None:
    p = partnership("demo")
    assert p.rag_scheme is not None and len(p.rag_scheme.levels) >= 3
    assert p.escalation is not None and p.escalation.time_limit is not None
    assert any(o.referrer is Notify.LETTER and o.family is Notify.LETTER for o in p.outcomes)


# --- no real people ---------------------------------------------------------------------------

# SHA-256 of the lower-cased distinctive surnames of people named in the seeds: none may
# appear anywhere in agreements/. Hashed so that the names themselves are not in the repository.
REAL_SURNAMES = frozenset(
    (
        "1ab5d7e9acd0d5ae40e6bb3712b0760deafafa184995c73d3b08e242089982a1",
        "23977b7d4710a618e6de1f38c69f6e85b77363c0d4ae4056e0876db2460f3b55",
        "424865ff0e73c522a3ab4b7a856d55049a9eeb0fded722a52e3e7eed869b40fd",
        "4cb31773e94d32ba8e6b9eabbbd8e628085562198d7f15d01808885f35c8d44a",
        "4e825ea59ea6b844c6209609387283b8d0edfde0d7c4494783eb114ce9535c83",
        "521d46554057bb5c540ab934bf90dcce886ab1f908fce4e349227f86f582fbf2",
        "5d85015875228a0688b6335de61baf5581d4d1a06c836a88a2a9030a528c1785",
        "776d6af206ba64819ad3d6ca4f3be1f73599f9fa9158cc1d930facb235f9ca0c",
        "7c8b68fc7a1907d7edb16299c4979cccbc8c0e1e0f9e82b39a1737e6d976eedc",
        "8adc6f905f4d449a06df5d7c6f661c618e5a4a988d7387c68621d2ad73e9e009",
        "99079283681197a5719cf8186e67ba52744f297571af8f86840c829a65a922d6",
        "b70c21697a20bc127faad656d675d291c3501c8eba42062281b47053d0d43db4",
        "bbd4a23a992defd3358eb8c372d2af753e6d0b1fa284c1df185a192aed85b40b",
        "d42b20ac806260434176e954ad88bc6038f9f3597496466d1d9e1b35e3ed1ee9",
        "d631fd6389b463eaccf5fd9288feecf22f63dea47b1ce8b950def69a257c59af",
        "efb7a60282262b770647783d4299a9102324ba89ed2f1663e2132221a2173ee0",
        "f15eab416a0e71d935891f53d495493b627afad8f7df83463ddb5a7b5e2a3d1a",
        "f173b46b650d9708d31b642021d04ed380c54db71fc9f0ab829d1c2597d37f3d",
        "f8e6d372f2c244ecf12fb4ffac0ecfe0390eec82054040d8164158a288ed829d",
        "fc981a7714e86843e1982fa1a4f91a1e08753a719d73d9344d1d189829f59685",
    )
)
# Common surnames of people in the seeds: allowed as words, never in an email's local part.
EMAIL_SURNAMES = REAL_SURNAMES | frozenset(
    (
        "0b54232dc6edf74f68a47c20828d44043b4bc4162d2521b12271c9fa54963f6f",
        "21c584f66fecc9174a94f4b7f8c0978a43f8e77998ba9901ff8e6d55a91ef80a",
        "44bf4783892f9985df0ecbb077dc0423fdb45f5b665e34fb18166bd9faad3a98",
        "98d9d59a907519c80fc08e9ba0e4505f152c1bb8dbe94538e11ad19f5ccdbfe0",
        "c3aa9a8cc69dc3bfa65a91bcb75b8522e72ab10dfb700ddc626bdcd572214b78",
    )
)
EMAIL = re.compile(r"[\w.'+-]+@[\w.-]+")


def _hashed(text: str, names: frozenset[str]) -> list[str]:
    """Every run of letters in ``text`` (at least four long) whose hash is in ``names``."""
    letters = re.sub(r"[^a-z']", " ", text)
    return [
        run[i:j]
        for run in letters.split()
        for i in range(len(run))
        for j in range(i + 4, len(run) + 1)
        if hashlib.sha256(run[i:j].encode("utf-8")).hexdigest() in names
    ]


def test_the_name_check_finds_a_listed_name() -> None:
    fake = frozenset({hashlib.sha256(b"quillfeather").hexdigest()})
    assert _hashed("signed by dr a. quillfeather (mash lead)", fake) == ["quillfeather"]
    assert _hashed("a.quillfeather2@council.gov.uk", fake) == ["quillfeather"]


@pytest.mark.parametrize("path", sorted(AGREEMENTS.rglob("*.*")), ids=lambda p: str(p.name))
def test_no_real_names_in_agreements(path: Path) -> None:
    text = path.read_text(encoding="utf-8").lower()
    assert _hashed(text, REAL_SURNAMES) == [], path
    for email in EMAIL.findall(text):
        assert _hashed(email.split("@", 1)[0], EMAIL_SURNAMES) == [], (path, email)
