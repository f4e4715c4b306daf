"""Count the structured facts of a seed (hand-listed in tests/fixtures/import/expected-facts.json)
that a draft import recovered: parties, registration numbers, signatories, dates, version rows."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from isa_kit.audit.extract import same_organisation

EXPECTED = Path(__file__).parent / "fixtures" / "import" / "expected-facts.json"


def expected(seed: str) -> dict[str, object]:
    data: dict[str, dict[str, object]] = json.loads(EXPECTED.read_text(encoding="utf-8"))
    return data[seed]


def _same(a: str, b: str) -> bool:
    return a.lower() == b.lower() or same_organisation(a, b)


def recovered(folder: Path, seed: str) -> tuple[int, int, list[str]]:
    """(recovered, expected, what was missed) for the draft at ``folder``."""
    exp = expected(seed)
    orgs = yaml.safe_load((folder / "organisations.yaml").read_text())["organisations"]
    docs = [yaml.safe_load(p.read_text()) for p in sorted((folder / "documents").glob("*.yaml"))]
    names = {o["id"]: o["name"] for o in orgs}
    signed = [names[s["organisation"]] for d in docs for s in d.get("signatories", [])]
    reviews = [d.get("review", {}) for d in docs]
    versions = {str(h["version"]) for d in docs for h in d.get("history", [])}
    missed: list[str] = []
    total = got = 0

    def count(ok: bool, label: str) -> None:
        nonlocal total, got
        total += 1
        got += ok
        if not ok:
            missed.append(label)

    for party in exp["parties"]:  # type: ignore[union-attr]
        count(any(_same(party, o["name"]) for o in orgs), f"party {party}")
    for org, number in exp["registration_numbers"].items():  # type: ignore[union-attr]
        count(
            any(_same(org, o["name"]) and o.get("ico_registration") == number for o in orgs),
            f"ICO {org} {number}",
        )
    for org in exp["signatories"]:  # type: ignore[union-attr]
        count(any(_same(org, s) for s in signed), f"signatory {org}")
    for key, value in exp["dates"].items():  # type: ignore[union-attr]
        count(any(str(r.get(key)) == value for r in reviews), f"{key} {value}")
    for v in exp["version_rows"]:  # type: ignore[union-attr]
        count(v in versions, f"version row {v}")
    return got, total, missed
