"""Generate a synthetic national corpus: N partnerships x M documents x 25 partners.

The data is fictional and deterministic (seeded), shaped like real agreements: every document
lists all partners as parties with a signatory each, lawful bases, data categories, retention
and security, so that loading, validating and checking it exercises the whole model.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_TYPES = [
    "local-authority",
    "police",
    "nhs-trust",
    "icb",
    "gp-practices",
    "probation",
    "school-college",
    "housing",
    "voluntary-sector",
    "fire",
    "ambulance",
]
_KINDS = ["isa", "mou", "protocol", "guidance"]


def _organisations(rng: random.Random, area: str, partners: int) -> list[dict[str, object]]:
    orgs: list[dict[str, object]] = []
    for i in range(partners):
        kind = _TYPES[i % len(_TYPES)]
        domain = f"{area}-{i}.gov.uk" if kind != "nhs-trust" else "nhs.net"
        orgs.append(
            {
                "id": f"org-{i:02d}",
                "name": f"{area.title()} Partner {i:02d}",
                "type": kind,
                "public_authority": kind not in ("voluntary-sector",),
                "ico_registration": f"ZA{rng.randrange(100000, 999999)}",
                "dspt_status": "standards-met",
                "ig_contacts": {
                    "dpo": {"role": "Data Protection Officer", "email": f"dpo@{domain}"},
                    "caldicott_guardian": {
                        "role": "Caldicott Guardian",
                        "email": f"caldicott@{domain}",
                    },
                },
                "secure_email_domains": [domain],
                "presence": "co-located" if i % 3 == 0 else "virtual",
                "staffing": [{"role": "Safeguarding Practitioner", "count": 1 + i % 4}],
                "systems": [f"System {i % 5}"],
            }
        )
    return orgs


def _document(rng: random.Random, area: str, index: int, partners: int) -> dict[str, object]:
    parties = [f"org-{i:02d}" for i in range(partners)]
    return {
        "id": f"doc-{index:03d}",
        "kind": _KINDS[index % len(_KINDS)],
        "title": f"{area.title()} MASH agreement {index}",
        "version": f"{1 + index % 3}.{index % 10}",
        "status": "signed",
        "owner": "MASH Steering Group",
        "classification": "OFFICIAL",
        "purpose": "To share information to safeguard children and adults at risk.",
        "parties": parties,
        "lawful_bases": [
            {
                "article_6": ["public-task", "legal-obligation"],
                "article_9": [
                    {
                        "article_9": "substantial-public-interest",
                        "schedule_1": "Part 2 paragraph 18",
                    }
                ],
                "article_10": [{"schedule_1": "Part 2 paragraph 18"}],
                "gateways": [
                    {"act": "Children Act 2004", "section": "s.11"},
                    {"act": "Children Act 1989", "section": "s.47"},
                ],
            }
        ],
        "data_shared": {
            "categories": [
                {"name": "Identity and contact details"},
                {"name": "Health information", "special_category": True},
                {"name": "Police information", "criminal_offence": True},
            ],
            "subjects": ["Children", "Parents and carers"],
            "purposes": ["Safeguarding children at risk"],
        },
        "retention": [
            {
                "record_type": "MASH enquiry record",
                "period": "6 years",
                "trigger": "closure of the enquiry",
                "disposal": "secure deletion",
            }
        ],
        "security": {
            "classification": "OFFICIAL-SENSITIVE",
            "transfer_channels": [{"method": "secure-email", "domains": ["nhs.net", "cjsm.net"]}],
            "breach": {"report_to": "Data Protection Officer", "deadline_hours": 24},
            "standards": ["DSPT", "Cyber Essentials Plus"],
        },
        "review": {"period_months": 12, "last_reviewed": "2026-03", "next_review": "2027-03"},
        "history": [
            {
                "version": "1.0",
                "date": "2025-03-01",
                "author": "IG Manager",
                "reason": "First issue",
            }
        ],
        "signatories": [
            {
                "organisation": p,
                "role": "Director",
                "name": f"Signatory {rng.randrange(1000)}",
                "date_signed": "2026-03-15",
            }
            for p in parties
        ],
        "references": [
            {"title": "Working Together to Safeguard Children 2023", "kind": "guidance"}
        ],
    }


def generate(
    root: Path, partnerships: int, documents_per_partnership: int, partners: int = 25, seed: int = 1
) -> Path:
    """Write the corpus under ``root`` (replacing it) and return ``root``."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    for p in range(partnerships):
        area = f"area{p:03d}"
        folder = root / area
        (folder / "documents").mkdir(parents=True)
        info = {
            "id": area,
            "name": f"{area.title()} MASH",
            "area": area.title(),
            "hub": {"name": f"{area.title()} Hub"},
            "lead_organisation": "org-00",
            "rag_scheme": {
                "name": "RAG",
                "levels": [
                    {"name": "Red", "colour": "red", "priority": 1, "timescale": "4 hours"},
                    {
                        "name": "Amber",
                        "colour": "amber",
                        "priority": 2,
                        "timescale": "1 working day",
                    },
                    {
                        "name": "Green",
                        "colour": "green",
                        "priority": 3,
                        "timescale": "3 working days",
                    },
                ],
            },
        }
        (folder / "partnership.yaml").write_text(yaml.dump(info, Dumper=_DUMPER, sort_keys=False))
        orgs = {"organisations": _organisations(rng, area, partners)}
        (folder / "organisations.yaml").write_text(yaml.dump(orgs, Dumper=_DUMPER, sort_keys=False))
        for d in range(documents_per_partnership):
            doc = _document(rng, area, d, partners)
            (folder / "documents" / f"doc-{d:03d}.yaml").write_text(
                yaml.dump(doc, Dumper=_DUMPER, sort_keys=False, allow_unicode=True)
            )
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--partnerships", type=int, default=40)
    parser.add_argument("--documents", type=int, default=25)
    parser.add_argument("--partners", type=int, default=25)
    args = parser.parse_args()
    generate(args.root, args.partnerships, args.documents, args.partners)
    print(f"wrote {args.partnerships * args.documents} documents under {args.root}")


if __name__ == "__main__":
    main()
