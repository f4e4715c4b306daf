"""Every value in a partnership's data reaches at least one generated document (issue 13).

A template that forgets a field, or a new field no template shows, fails here: the only way
out is to show the value, or to mark the field metadata only in the model
(:data:`isa_kit.data.model.METADATA_ONLY`) with the reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from coverage import rendered_share, values

from isa_kit.data.model import METADATA_ONLY, Document, Organisation, Partnership, Waiver
from isa_kit.data.model.document import Evidence

PARTNERSHIPS = ("demo", "barnet", "northamptonshire", "staffordshire", "herefordshire")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("all")
    result = run_cli("build", "agreements", "--out", str(out), "--as-of", "2026-11-21")
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("name", PARTNERSHIPS)
def test_every_value_reaches_a_document(built: Path, name: str) -> None:
    documents = sorted((built / name).glob("*.docx"))
    assert documents
    share, missing = rendered_share(ROOT / "agreements" / name, documents, frozenset(METADATA_ONLY))
    assert [f"{v.where}: {v.text[:60]}" for v in missing] == []
    assert share == 1.0


def test_the_walk_sees_the_data_it_must_find() -> None:
    # The measure is not vacuous: it finds hundreds of values, and names one it must show.
    found = values(ROOT / "agreements" / "barnet", frozenset(METADATA_ONLY))
    assert len(found) > 500
    assert any(v.text == "Z6665870" for v in found)
    # A metadata-only field is left out of the measure, and only that field.
    assert not any(v.path[-1] == "notes" and v.path[0] == "organisations" for v in found)


def test_a_value_no_document_shows_is_reported(built: Path, tmp_path: Path) -> None:
    # The Barnet documents without the ISA miss the ISA's own values: the measure says which.
    documents = [p for p in (built / "barnet").glob("*.docx") if "isa" not in p.name]
    share, missing = rendered_share(ROOT / "agreements" / "barnet", documents)
    assert share < 1.0
    assert any(v.where == "barnet/documents/isa.yaml:scope" for v in missing)


def test_metadata_only_fields_are_real_fields_with_reasons() -> None:
    classes = {c.__name__: c for c in (Organisation, Evidence, Waiver, Document, Partnership)}
    for (owner, field), reason in METADATA_ONLY.items():
        assert field in classes[owner].model_fields, (owner, field)
        assert len(reason) > 20, (owner, field)
