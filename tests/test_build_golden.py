"""Golden tests: each seed partnership's generated documents carry the seed's sections and facts.

Compared on normalised text (paragraphs and table cells read back with python-docx), never
on zip bytes. Facts come both from the seed documents (literal anchors such as the Barnet
ICO numbers) and from the partnership data, so a data correction flows through.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fixtures.build.docx_text import blocks, headings, norm, rows, text

from isa_kit import build, load_partnership
from isa_kit.data.model import DocumentKind, Partnership

ROOT = Path(__file__).resolve().parents[1]
AGREEMENTS = ROOT / "agreements"
AS_OF = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    cache: dict[str, tuple[Partnership, Path]] = {}

    def get(name: str) -> tuple[Partnership, Path]:
        if name not in cache:
            folder = AGREEMENTS / name
            out = tmp_path_factory.mktemp(name)
            build(folder, out, as_of=AS_OF)
            cache[name] = (load_partnership(folder), out)
        return cache[name]

    return get


def _doc(p: Partnership, kind: DocumentKind) -> str:
    return next(d.id for d in p.documents if d.kind == kind)


def _h1(path: Path) -> list[str]:
    return [t for s, t in headings(path) if s == "Heading 1"]


def _in_order(found: list[str], wanted: list[str]) -> None:
    positions = []
    for key in wanted:
        matches = [i for i, h in enumerate(found) if key.lower() in h.lower()]
        assert matches, f"no heading with {key!r} in {found}"
        positions.append(matches[0])
    assert positions == sorted(positions), found


def test_barnet_isa_names_all_23_parties_with_their_published_ico_numbers(built) -> None:  # type: ignore[no-untyped-def]
    p, out = built("barnet")
    isa = out / f"{_doc(p, DocumentKind.ISA)}.docx"
    doc = p.document(_doc(p, DocumentKind.ISA))
    assert len(doc.parties) == 23
    table = rows(isa)
    for org_id in doc.parties:
        org = p.organisation(org_id)
        row = next((r for r in table if r.startswith(norm(org.name))), None)
        assert row is not None, org.name
        number = org.ico_registration or p.controller_of(org).ico_registration
        assert row.endswith(number or "Not recorded"), row
    published = {"Z6665870", "Z9752866", "Z3025326", "Z8836068"}  # as printed in the seed
    assert published <= set(text(isa).split())
    _in_order(
        _h1(isa),
        ["Purpose", "parties", "Information being shared", "Legal basis", "Data handling",
         "retention", "Signatures"],
    )  # fmt: skip
    # Nothing the Barnet agreement never said: no kit default in the partnership's voice.
    body = text(isa)
    for unagreed in ("72 hours", "decision lies with the controller", "Government Security"):
        assert unagreed not in body, unagreed
    signatures = [r for r in table if r.count(" | ") == 4 and not r.startswith("Organisation")]
    assert len(signatures) >= 23


def test_barnet_isa_keeps_version_control_and_review_dates(built) -> None:  # type: ignore[no-untyped-def]
    p, out = built("barnet")
    isa = out / f"{_doc(p, DocumentKind.ISA)}.docx"
    table = rows(isa)
    for entry in p.document(_doc(p, DocumentKind.ISA)).history:
        assert any(r.startswith(f"{entry.version} |") for r in table), entry.version
    assert "Next review due | April 2018" in table


def test_barnet_protocol_has_the_protocol_sections_and_brag_table(built) -> None:  # type: ignore[no-untyped-def]
    p, out = built("barnet")
    path = out / f"{_doc(p, DocumentKind.PROTOCOL)}.docx"
    _in_order(
        _h1(path),
        ["Aims", "Confidentiality and information sharing", "The team", "contact",
         "How the MASH works", "Priority ratings and timescales", "Data collection",
         "Escalation", "Governance"],
    )  # fmt: skip
    table = rows(path)
    assert p.rag_scheme is not None
    for level in p.rag_scheme.levels:
        assert any(r.startswith(f"{level.name} |") and level.timescale.human() in r.lower()
                   for r in table), level.name  # fmt: skip
    assert [lvl.name for lvl in p.rag_scheme.levels] == ["Red", "Amber", "Green", "Blue"]
    team = [r for r in table if "LCS" in r]
    assert team, "the team table names the agencies' systems"
    board = p.governance.steering_group
    assert board is not None
    for member in board.members:
        assert any(r.startswith(norm(member.role)) for r in table), member.role


def test_staffordshire_mou_has_the_seed_sections_and_escalation_roles(built) -> None:  # type: ignore[no-untyped-def]
    p, out = built("staffordshire")
    path = out / f"{_doc(p, DocumentKind.MOU)}.docx"
    _in_order(
        _h1(path),
        ["Introduction", "principle", "Confidentiality", "Usage", "Process", "Supervision",
         "Escalation", "Security", "Data retention", "Compliance"],
    )  # fmt: skip
    assert "Legal authorities" in [t for s, t in headings(path) if s == "Heading 2"]
    body = text(path)
    assert p.escalation is not None
    for level in p.escalation.levels:
        assert norm(level.role) in body, level.role
    assert "Detective Superintendent for Protecting Vulnerable People" in body
    assert "Assistant Director" in body
    assert (path.parent / f"{_doc(p, DocumentKind.MOU)}-signature-pack.docx").is_file()


def test_staffordshire_guidance_has_rag_timescales(built) -> None:  # type: ignore[no-untyped-def]
    p, out = built("staffordshire")
    path = out / f"{_doc(p, DocumentKind.PROTOCOL)}.docx"
    table = rows(path)
    for name, words in (("RED", "within 2 hours"), ("AMBER", "within 24 hours"),
                        ("BLUE", "within 3 working days")):  # fmt: skip
        assert any(r.startswith(f"{name} |") and words in r.lower() for r in table), name


def test_northamptonshire_protocol_has_rag_outcomes_and_escalation(built) -> None:  # type: ignore[no-untyped-def]
    p, out = built("northamptonshire")
    path = out / f"{_doc(p, DocumentKind.PROTOCOL)}.docx"
    table = rows(path)
    for name, words in (("RED", "within 4 hours"), ("AMBER", "within 1 working day"),
                        ("GREEN", "within 24 hours")):  # fmt: skip
        assert any(r.startswith(f"{name} |") and words in r.lower() for r in table), name
    for outcome in p.outcomes:
        assert any(r.startswith(norm(outcome.description)) for r in table), outcome.id
    phoned = [r for r in table if "| Phone | Phone" in r]
    assert phoned, "section 47 outcomes are phoned, not lettered"
    body = text(path)
    assert p.escalation is not None
    for level in p.escalation.levels:
        assert norm(level.role) in body
    assert "Time limit at each level: Within 1 working day" in [t for _, t in blocks(path)]


def test_herefordshire_guidance_has_questions_rules_and_document_logs(built) -> None:  # type: ignore[no-untyped-def]
    p, out = built("herefordshire")
    path = out / f"{_doc(p, DocumentKind.GUIDANCE)}.docx"
    h1 = _h1(path)
    for key in ("Should I share?", "golden rules", "Consent", "Sharing without consent",
                "public interest", "Document classification"):  # fmt: skip
        assert any(key.lower() in h.lower() for h in h1), key
    # The seed has no Caldicott section, so the kit adds none (no clause the data did not select).
    assert not any("caldicott" in h.lower() for h in h1)
    table = rows(path)
    doc = p.document(_doc(p, DocumentKind.GUIDANCE))
    questions = next(s for s in doc.sections if s.id == "should-i-share")
    texts = [t for _, t in blocks(path)]
    assert all(norm(item) in texts for item in questions.items)
    for entry in doc.history:
        assert any(r.startswith(f"{entry.version} |") for r in table)
    assert doc.review is not None and doc.review.next_review is not None
    assert f"Next review due | {doc.review.next_review.human()}" in table
    assert "Geographical Coverage | Herefordshire" in " ".join(table)


def test_demo_builds_every_kind_with_signature_packs(built) -> None:  # type: ignore[no-untyped-def]
    p, out = built("demo")
    kinds = {d.kind for d in p.documents}
    assert kinds == set(DocumentKind)
    for doc in p.documents:
        path = out / f"{doc.id}.docx"
        assert path.is_file()
        assert text(path).startswith(norm(doc.title))
    for kind in (DocumentKind.ISA, DocumentKind.MOU):
        pack = out / f"{_doc(p, kind)}-signature-pack.docx"
        assert len(_h1(pack)) == len(p.document(_doc(p, kind)).parties)
