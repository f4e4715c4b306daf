"""A generated document says nothing its partnership never agreed (issue 13).

The kit's former default sentences, and the clause library's text, may appear in a document
only when the partnership's own data says so (or selects the clause).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_cli
from coverage import docx_text, normalise

from isa_kit import load_partnership
from isa_kit.render.clauses import load_library

PARTNERSHIPS = ("demo", "barnet", "northamptonshire", "staffordshire", "herefordshire")

#: Sentences the default templates used to supply in the partnership's voice.
FORMER_DEFAULTS = (
    "within 72 hours",
    "decision lies with the controller",
    "Government Security Classifications",
    "adults (Care Act 2014)",
    "the partnership reviews and improves its arrangements continually",
    "The partners audit a sample of contacts",
    "Criminal Procedure and Investigations Act 1996",
    "Is there a clear and legitimate purpose for sharing?",
    "The eight Caldicott principles",
    "Authorised signatory",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("all")
    result = run_cli("build", "agreements", "--out", str(out), "--as-of", "2026-11-21")
    assert result.returncode == 0, result.stderr
    return out


def data_text(name: str) -> str:
    folder = ROOT / "agreements" / name
    files = [folder / "partnership.yaml", folder / "organisations.yaml"]
    files += sorted((folder / "documents").glob("*.yaml"))
    return normalise(" ".join(str(yaml.safe_load(f.read_text(encoding="utf-8"))) for f in files))


@pytest.mark.parametrize("name", PARTNERSHIPS)
def test_no_default_sentence_the_data_does_not_state(built: Path, name: str) -> None:
    said = data_text(name)
    for path in sorted((built / name).glob("*.docx")):
        text = normalise(docx_text(path))
        for phrase in FORMER_DEFAULTS:
            if normalise(phrase) in text:
                assert normalise(phrase) in said, (path.name, phrase)


@pytest.mark.parametrize("name", PARTNERSHIPS)
def test_clause_text_only_where_the_data_selects_it(built: Path, name: str) -> None:
    partnership = load_partnership(ROOT / "agreements" / name)
    library = load_library(ROOT / "templates" / "clauses.yaml")
    for doc in partnership.documents:
        selected = set(doc.clauses or partnership.clauses)
        text = normalise(docx_text(built / name / f"{doc.id}.docx"))
        for clause in library.clauses:
            shown = normalise(f"Source: {clause.source}") in text
            assert shown == (clause.id in selected), (doc.id, clause.id)
