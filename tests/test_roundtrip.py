"""Property: model -> YAML files -> model is the identity."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isa_kit import load_partnership
from isa_kit.data.model import (
    Art6Basis,
    Art9Condition,
    Contact,
    DataCategory,
    DataShared,
    Document,
    DocumentKind,
    DocumentStatus,
    Gateway,
    LawfulBasis,
    Organisation,
    OrgType,
    Partnership,
    RagLevel,
    RagScheme,
    Review,
    Signatory,
    SpecialCategoryCondition,
    VersionEntry,
)
from isa_kit.data.values import ApproxDate, Duration
from isa_kit.data.writer import write_partnership

# Any text a person might type, including Welsh, right-to-left and emoji, but none of the
# characters XML cannot carry (the loader rejects those by design).
text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
        "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\ufffe\uffff",
    ),
    min_size=1,
    max_size=30,
)
slug = st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
approx = st.builds(
    lambda d, exact: ApproxDate(d.year, d.month, d.day if exact else None), dates, st.booleans()
)
durations = st.builds(
    Duration,
    st.integers(1, 72),
    st.sampled_from(["minutes", "hours", "days", "weeks"]),
    st.booleans(),
)
emails = st.from_regex(r"[a-z]{1,8}@[a-z]{1,8}\.(gov\.uk|nhs\.net|org)", fullmatch=True)


@st.composite
def partnerships(draw: st.DrawFn) -> Partnership:
    ids = draw(st.lists(slug, min_size=1, max_size=5, unique=True))
    orgs = [
        Organisation(
            id=i,
            name=draw(text),
            type=draw(st.sampled_from(list(OrgType))),
            public_authority=draw(st.booleans()),
            ico_registration=draw(st.none() | st.from_regex(r"Z[A-Z0-9]\d{6}", fullmatch=True)),
            contacts=draw(
                st.lists(
                    st.builds(
                        Contact, role=text, email=st.none() | emails, published=st.booleans()
                    ),
                    max_size=2,
                )
            ),
            systems=draw(st.lists(text, max_size=2)),
        )
        for i in ids
    ]
    docs = []
    for n in range(draw(st.integers(0, 3))):
        parties = draw(st.lists(st.sampled_from(ids), unique=True))
        docs.append(
            Document(
                id=f"doc-{n}",
                kind=draw(st.sampled_from(list(DocumentKind))),
                title=draw(text),
                version=draw(st.sampled_from(["1", "1.0", "0.002", "6", "yes", "2024-02"])),
                status=draw(st.sampled_from(list(DocumentStatus))),
                classification=draw(st.none() | text),
                parties=parties,
                lawful_bases=[
                    LawfulBasis(
                        parties=parties[:1],
                        article_6=draw(st.lists(st.sampled_from(list(Art6Basis)), unique=True)),
                        article_9=[
                            SpecialCategoryCondition(
                                article_9=draw(st.sampled_from(list(Art9Condition))),
                                schedule_1=draw(st.none() | text),
                            )
                        ],
                        gateways=[Gateway(act=draw(text), section=draw(st.none() | text))],
                    )
                ],
                data_shared=DataShared(
                    categories=[DataCategory(name=draw(text), special_category=draw(st.booleans()))]
                ),
                review=Review(
                    period_months=draw(st.none() | st.integers(1, 60)),
                    last_reviewed=draw(st.none() | approx),
                    next_review=draw(st.none() | approx),
                ),
                history=[VersionEntry(version="1.0", date=draw(approx), reason=draw(text))],
                signatories=[
                    Signatory(
                        organisation=p,
                        name=draw(st.none() | text),
                        date_signed=draw(st.none() | dates),
                    )
                    for p in parties
                ],
            )
        )
    return Partnership(
        id=draw(slug),
        name=draw(text),
        area=draw(text),
        hub={"name": draw(text)},
        lead_organisation=ids[0],
        rag_scheme=RagScheme(
            name="RAG",
            levels=[
                RagLevel(name=draw(text), colour="red", priority=1, timescale=draw(durations)),
            ],
        ),
        partners=orgs,
        documents=docs,
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(partnerships())
def test_model_yaml_model_is_identity(p: Partnership) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "p"
        write_partnership(p, folder)
        loaded = load_partnership(folder)
    assert loaded.model_dump() == p.model_dump()


def test_roundtrip_of_shipped_examples(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1] / "agreements"
    folders = sorted(d for d in root.iterdir() if (d / "partnership.yaml").is_file())
    for folder in folders:
        original = load_partnership(folder)
        write_partnership(original, tmp_path / folder.name)
        again = load_partnership(tmp_path / folder.name)
        assert again.model_dump() == original.model_dump(), folder.name
