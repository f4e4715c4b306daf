"""Assemble the recovered documents into one partnership's draft files, with a YAML comment on
every value the import is not sure of."""

from __future__ import annotations

from typing import Any

from isa_kit.audit.extract import parse_date, same_organisation
from isa_kit.core.paths import DOCUMENTS_DIR, ORGANISATIONS_FILE, PARTNERSHIP_FILE
from isa_kit.data.writer import yaml_text
from isa_kit.data.yaml import parse_yaml

from .notes import Note
from .orgs import is_public, org_type, slug
from .recover import OrgSeen, Recovered

Comments = list[tuple[str, tuple[str | int, ...], str]]


def _merge_orgs(recs: list[Recovered]) -> tuple[list[OrgSeen], dict[int, dict[str, str]]]:
    """All organisations once, and per document a map from its names to their ids."""
    merged: list[OrgSeen] = []
    for rec in recs:
        for o in rec.orgs:
            if not any(m.name.lower() == o.name.lower() for m in merged):
                match = next((m for m in merged if same_organisation(m.name, o.name)), None)
                if match is None or (o.signatory is not None and match.signatory is not None):
                    merged.append(OrgSeen(o.name, f"{rec.source}, {o.where}", o.ico))
                elif match.ico is None:
                    match.ico = o.ico
    return merged, {}


def assemble(
    recs: list[Recovered], partnership_id: str, name: str, max_months: int
) -> tuple[dict[str, str], list[Note]]:
    notes: list[Note] = []
    comments: Comments = []
    merged, _ = _merge_orgs(recs)
    taken: set[str] = set()
    orgs: list[dict[str, Any]] = []
    ids: dict[str, str] = {}
    for o in merged:
        kind = org_type(o.name)
        oid = slug(o.name, taken)
        ids[o.name.lower()] = oid
        entry: dict[str, Any] = {"id": oid, "name": o.name, "type": kind,
                                 "public_authority": is_public(kind)}
        if o.ico:
            entry["ico_registration"] = o.ico
            notes.append(Note("recovered", "ICO registration", f"{o.name}: {o.ico}", o.where))
        i = len(orgs)
        orgs.append(entry)
        notes.append(Note("recovered", "party", o.name, o.where))
        why = "type and public authority guessed from the name"
        comments.append((ORGANISATIONS_FILE, ("organisations", i, "type"), why))
        notes.append(Note("guessed", "organisation type", f"{o.name}: {kind}", o.where, why,
                          (ORGANISATIONS_FILE, ("organisations", i, "type"))))
    if not orgs:
        orgs.append({"id": "lead-organisation", "name": "Lead organisation (not named in the source)",
                     "type": "local-authority", "public_authority": True})
        ids["lead-organisation"] = "lead-organisation"
        why = "the source names no organisation: name the lead organisation"
        comments.append((ORGANISATIONS_FILE, ("organisations", 0), why))
        notes.append(Note("unread", "lead organisation", "-", "", why,
                          (ORGANISATIONS_FILE, ("organisations", 0))))
    lead = next((o["id"] for o in orgs if o["type"] == "local-authority"), orgs[0]["id"])

    def org_id(n: str) -> str:
        if n.lower() in ids:
            return ids[n.lower()]
        return next(ids[k] for k, o in zip(ids, merged, strict=False) if same_organisation(o.name, n))

    files: dict[str, str] = {}
    mailboxes: list[dict[str, str]] = []
    rag: list[dict[str, Any]] = []
    for rec in recs:
        d = rec.doc
        doc_file = f"{DOCUMENTS_DIR}/{d['id']}.yaml"
        parties: list[str] = []
        sigs: list[dict[str, Any]] = []
        for o in rec.orgs:
            oid = org_id(o.name)
            if oid not in parties:
                parties.append(oid)
            if o.signatory is not None and not any(s["organisation"] == oid for s in sigs):
                s: dict[str, Any] = {"organisation": oid}
                for key in ("role", "name"):
                    if o.signatory.get(key):
                        s[key] = o.signatory[key]
                date = parse_date(o.signatory.get("date", ""))
                if date is not None and date.is_exact:
                    s["date_signed"] = str(date)
                sigs.append(s)
                filled = ", ".join(k for k in s if k != "organisation") or "nothing filled in"
                notes.append(Note("recovered", "signature row", f"{o.name}: {filled}",
                                  f"{rec.source}, {o.where}"))
        if not parties and rec.says_signed:
            parties.append(lead)
            why = ("the document says it is agreed by signatories but names no parties: list "
                   "every party")
            comments.append((doc_file, ("parties",), why))
            notes.append(Note("unread", "parties", lead, rec.source, why, (doc_file, ("parties",))))
        if parties:
            d["parties"] = parties
        if sigs:
            d["signatories"] = sigs
        review = d.get("review")
        if review and "last_reviewed" in review and "next_review" not in review and \
                "period_months" not in review:
            review["period_months"] = max_months
            why = (f"the document gives no review period or next review date: the policy's "
                   f"longest interval ({max_months} months) is assumed, as the audit does")
            comments.append((doc_file, ("review", "period_months"), why))
            notes.append(Note("guessed", "review period", f"{max_months} months", rec.source,
                              why, (doc_file, ("review", "period_months"))))
        for n in rec.notes:
            if n.yaml is not None and n.status != "recovered":
                comments.append((n.yaml[0], n.yaml[1], n.why))
        notes.extend(rec.notes)
        for address, where in rec.emails:
            if not any(m["email"].lower() == address.lower() for m in mailboxes):
                mailboxes.append({"role": f"Mailbox {address.split('@')[0]}", "email": address})
                notes.append(Note("recovered", "email address", address, f"{rec.source}, {where}"))
        if not rag and len(rec.rag) >= 2:
            rag = rec.rag
        files[doc_file] = d  # type: ignore[assignment]
    info: dict[str, Any] = {"id": partnership_id, "name": name, "area": name,
                            "hub": {"name": name}, "lead_organisation": lead}
    why = "named after the folder: give the partnership's own name and area"
    comments += [(PARTNERSHIP_FILE, ("name",), why), (PARTNERSHIP_FILE, ("lead_organisation",),
                  "the first local authority named (or the first party): confirm the lead")]
    if mailboxes:
        info["contact_routes"] = {"mailboxes": mailboxes}
        comments.append((PARTNERSHIP_FILE, ("contact_routes", "mailboxes"),
                         "every address found in the sources; roles guessed from the address"))
    if rag:
        info["rag_scheme"] = {"name": "RAG rating", "levels": rag}
    for n in notes:
        if n.yaml is not None and n.yaml[0] == PARTNERSHIP_FILE and n.status != "recovered":
            comments.append((n.yaml[0], n.yaml[1], n.why))
    out = {
        PARTNERSHIP_FILE: with_comments(yaml_text(info, "partnership", "../../"),
                                        PARTNERSHIP_FILE, comments),
        ORGANISATIONS_FILE: with_comments(yaml_text({"organisations": orgs}, "organisations",
                                                    "../../"), ORGANISATIONS_FILE, comments),
    }
    for rel, d in files.items():
        out[rel] = with_comments(yaml_text(d, "document", "../../../"), rel, comments)
    return out, notes


def with_comments(text: str, rel: str, comments: Comments) -> str:
    """``text`` with ``# guessed: why`` above each commented value of file ``rel``."""
    _, source = parse_yaml(text, rel)
    lines = text.splitlines()
    inserts: dict[int, list[str]] = {}
    for file, path, why in comments:
        if file != rel or not why:
            continue
        node = source.node_at(path, key=isinstance(path[-1], str))
        if node is None or node is source.root:
            continue
        line = node.start_mark.line
        indent = len(lines[line]) - len(lines[line].lstrip(" "))
        text_line = " " * indent + "# unsure: " + " ".join(why.split())
        if text_line not in inserts.setdefault(line, []):
            inserts[line].append(text_line)
    for line in sorted(inserts, reverse=True):
        lines[line:line] = inserts[line]
    return "\n".join(lines) + "\n"
