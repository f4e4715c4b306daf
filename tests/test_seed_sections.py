"""Every section of every seed document is regenerated, with its substance (issue 13).

``tests/fixtures/seeds/sections.yaml`` lists each seed document's section headings and the
generated documents of the partnership modelled from it. Each heading must be in those
documents; where it is a heading there, text must follow it (a heading with nothing under it
is not the seed's section). The prose itself is the partnership's data (``sections`` in its
YAML), never the template's.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import ROOT, run_cli
from coverage import normalise, sections_found, seed_sections

SPEC = seed_sections(ROOT / "tests" / "fixtures" / "seeds" / "sections.yaml")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    result = run_cli("build", "agreements", "--out", str(out), "--as-of", "2026-11-21")
    assert result.returncode == 0, result.stderr
    return out


def body(path: Path) -> list[tuple[bool, str]]:
    """(is a heading, text) for each paragraph and table of the body, in order."""
    out: list[tuple[bool, str]] = []
    d = docx.Document(str(path))
    styles = {p._p: p.style.name for p in d.paragraphs}
    for child in d.element.body.iterchildren():
        if child.tag == f"{W}p":
            text = "".join(t.text or "" for t in child.iter(f"{W}t")).strip()
            if text:
                out.append((styles.get(child, "").startswith("Heading"), text))
        elif child.tag == f"{W}tbl":
            out.append((False, " ".join(t.text or "" for t in child.iter(f"{W}t"))))
    return out


def headed_without_text(heading: str, documents: list[Path]) -> bool:
    """Whether every heading matching ``heading`` is directly followed by another heading."""
    forms = [normalise(h) for h in heading.split(" | ")]
    matches = []
    for path in documents:
        blocks = body(path)
        for i, (is_heading, text) in enumerate(blocks):
            if is_heading and any(f in normalise(text) for f in forms):
                following = blocks[i + 1] if i + 1 < len(blocks) else (True, "")
                matches.append(not following[0])
    return bool(matches) and not any(matches)


@pytest.mark.parametrize("name", sorted(SPEC))
def test_every_seed_section_is_regenerated(built: Path, name: str) -> None:
    spec = SPEC[name]
    documents = [built / str(spec["partnership"]) / f"{d}.docx" for d in spec["documents"]]  # type: ignore[attr-defined]
    headings = list(spec["headings"])  # type: ignore[call-overload]
    _found, missing = sections_found(headings, documents)
    assert missing == []
    empty = [h for h in headings if headed_without_text(h, documents)]
    assert empty == []


def test_the_seed_section_lists_name_real_headings() -> None:
    # Each listed heading is in its seed (first alternative), so the list cannot drift away
    # from the documents it describes.
    for spec in SPEC.values():
        seed = normalise((ROOT / "tests" / "fixtures" / "seeds" / str(spec["seed"])).read_text())
        seed = seed.replace("*", "").replace("#", "")
        for heading in spec["headings"]:  # type: ignore[attr-defined]
            first = normalise(heading.split(" | ")[0]).replace("*", "")
            assert first in seed, (spec["seed"], heading)


def test_a_missing_section_is_reported(built: Path) -> None:
    spec = SPEC["barnet-isa"]
    documents = [built / "barnet" / "barnet-mash-protocol.docx"]  # the ISA's sections are not here
    _, missing = sections_found(list(spec["headings"]), documents)  # type: ignore[call-overload]
    assert "Duty of Confidence" in missing
