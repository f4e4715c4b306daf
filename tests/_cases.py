"""Build a partnership folder from the compliant base (tests/cases/_base.yaml) and a patch."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

CASES = Path(__file__).parent / "cases"


def merge(base: Any, patch: Any) -> Any:
    """Dictionaries merge recursively; lists and scalars replace; ``None`` removes a key."""
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for key, value in patch.items():
            if value is None:
                out.pop(key, None)
            elif key in out:
                out[key] = merge(out[key], value)
            else:
                out[key] = copy.deepcopy(value)
        return out
    return copy.deepcopy(patch)


def base() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((CASES / "_base.yaml").read_text(encoding="utf-8"))
    return data


def build(folder: Path, case: dict[str, Any]) -> Path:
    """Write the base patched by ``case`` to ``folder`` (a partnership folder)."""
    b = base()
    info = merge(b["partnership"], case.get("partnership") or {})
    orgs = [copy.deepcopy(o) for o in b["organisations"]]
    for org_id, patch in (case.get("organisations") or {}).items():
        idx = next((i for i, o in enumerate(orgs) if o["id"] == org_id), None)
        if patch is None:
            if idx is not None:
                orgs.pop(idx)
        elif idx is None:
            orgs.append({"id": org_id, **patch})
        else:
            orgs[idx] = merge(orgs[idx], patch)
    document = merge(b["document"], case.get("document") or {})
    (folder / "documents").mkdir(parents=True, exist_ok=True)
    dump = lambda data: yaml.safe_dump(data, sort_keys=False, allow_unicode=True)  # noqa: E731
    (folder / "partnership.yaml").write_text(dump(info), encoding="utf-8")
    (folder / "organisations.yaml").write_text(dump({"organisations": orgs}), encoding="utf-8")
    (folder / "documents" / "isa.yaml").write_text(dump(document), encoding="utf-8")
    for name, doc in (case.get("documents") or {}).items():
        (folder / "documents" / name).write_text(dump(doc), encoding="utf-8")
    for name, text in (case.get("files") or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    if case.get("policy") is not None:
        (folder / "policy.yaml").write_text(dump(case["policy"]), encoding="utf-8")
    return folder
