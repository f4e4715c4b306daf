"""Assemble the recovered documents into one partnership's draft files, with a YAML comment on
every value the import is not sure of."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from isa_kit.audit.extract import parse_date, same_organisation
from isa_kit.core.paths import DOCUMENTS_DIR, ORGANISATIONS_FILE, PARTNERSHIP_FILE
from isa_kit.data.writer import yaml_text
from isa_kit.data.yaml import parse_yaml

from .notes import Note, YamlPath
from .orgs import is_public, org_type, slug
from .recover import OrgSeen, Recovered

Comment = tuple[str, YamlPath, str]
_PLACEHOLDER = "lead-organisation"


@dataclass
class _Draft:
    recs: list[Recovered]
    max_months: int
    notes: list[Note] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    orgs: list[dict[str, Any]] = field(default_factory=list)
    merged: list[OrgSeen] = field(default_factory=list)

    def unsure(
        self, file: str, path: YamlPath, status: str, what: str, value: str, where: str, why: str
    ) -> None:
        self.comments.append((file, path, why))
        self.notes.append(Note(status, what, value, where, why, (file, path)))  # type: ignore[arg-type]

    def organisations(self) -> None:
        for rec in self.recs:
            for o in rec.orgs:
                if any(m.name.lower() == o.name.lower() for m in self.merged):
                    continue
                match = next((m for m in self.merged if same_organisation(m.name, o.name)), None)
                if match is None or (o.signatory is not None and match.signatory is not None):
                    self.merged.append(
                        OrgSeen(o.name, f"{rec.source}, {o.where}", o.ico, o.signatory)
                    )
                elif match.ico is None:
                    match.ico = o.ico
        taken: set[str] = set()
        for i, o in enumerate(self.merged):
            kind = org_type(o.name)
            entry: dict[str, Any] = {
                "id": slug(o.name, taken),
                "name": o.name,
                "type": kind,
                "public_authority": is_public(kind),
            }
            if o.ico:
                entry["ico_registration"] = o.ico
                self.notes.append(
                    Note("recovered", "ICO registration", f"{o.name}: {o.ico}", o.where)
                )
            self.orgs.append(entry)
            self.notes.append(Note("recovered", "party", o.name, o.where))
            self.unsure(
                ORGANISATIONS_FILE,
                ("organisations", i, "type"),
                "guessed",
                "organisation type",
                f"{o.name}: {kind}",
                o.where,
                "type and public authority guessed from the name",
            )
        if not self.orgs:
            self.orgs.append(
                {
                    "id": _PLACEHOLDER,
                    "name": "Lead organisation (not named in the source)",
                    "type": "local-authority",
                    "public_authority": True,
                }
            )
            self.unsure(
                ORGANISATIONS_FILE,
                ("organisations", 0),
                "unread",
                "lead organisation",
                "-",
                "",
                "the source names no organisation: name the lead organisation",
            )

    def org_id(self, name: str) -> str:
        for o in self.orgs:
            if o["name"].lower() == name.lower():
                return str(o["id"])
        return str(next(o["id"] for o in self.orgs if same_organisation(o["name"], name)))

    def lead(self) -> str:
        return str(
            next((o["id"] for o in self.orgs if o["type"] == "local-authority"), self.orgs[0]["id"])
        )

    def document(self, rec: Recovered) -> dict[str, Any]:
        d = rec.doc
        file = f"{DOCUMENTS_DIR}/{d['id']}.yaml"
        parties: list[str] = []
        sigs: list[dict[str, Any]] = []
        for o in rec.orgs:
            oid = self.org_id(o.name)
            if oid not in parties:
                parties.append(oid)
            if o.signatory is not None and not any(s["organisation"] == oid for s in sigs):
                sigs.append(self._signatory(oid, o, rec))
        if not parties and rec.says_signed:
            parties.append(self.lead())
            self.unsure(
                file,
                ("parties",),
                "unread",
                "parties",
                parties[0],
                rec.source,
                "the document says it is agreed by signatories but names no parties: "
                "list every party",
            )
        if parties:
            d["parties"] = parties
        if sigs:
            d["signatories"] = sigs
        review = d.get("review", {})
        if "last_reviewed" in review and not {"next_review", "period_months"} & set(review):
            review["period_months"] = self.max_months
            self.unsure(
                file,
                ("review", "period_months"),
                "guessed",
                "review period",
                f"{self.max_months} months",
                rec.source,
                "the document gives no review period or next review date: the policy's "
                f"longest interval ({self.max_months} months) is assumed, as the audit does",
            )
        self.notes.extend(rec.notes)
        self.comments.extend(
            (n.yaml[0], n.yaml[1], n.why)
            for n in rec.notes
            if n.yaml is not None and n.status != "recovered"
        )
        return d

    def _signatory(self, oid: str, o: OrgSeen, rec: Recovered) -> dict[str, Any]:
        values = o.signatory or {}
        s: dict[str, Any] = {"organisation": oid}
        s.update({k: values[k] for k in ("role", "name") if values.get(k)})
        date = parse_date(values.get("date", ""))
        if date is not None and date.is_exact:
            s["date_signed"] = str(date)
        filled = ", ".join(k for k in s if k != "organisation") or "nothing filled in"
        self.notes.append(
            Note("recovered", "signature row", f"{o.name}: {filled}", f"{rec.source}, {o.where}")
        )
        return s

    def partnership(self, pid: str, name: str) -> dict[str, Any]:
        info: dict[str, Any] = {
            "id": pid,
            "name": name,
            "area": name,
            "hub": {"name": name},
            "lead_organisation": self.lead(),
        }
        self.comments += [
            (
                PARTNERSHIP_FILE,
                ("name",),
                "named after the folder: give the partnership's own name, area and hub",
            ),
            (
                PARTNERSHIP_FILE,
                ("lead_organisation",),
                "the first local authority named (or the first party): confirm the lead",
            ),
        ]
        boxes: list[dict[str, str]] = []
        for rec in self.recs:
            for address, where, role in rec.emails:
                if not any(b["email"].lower() == address.lower() for b in boxes):
                    boxes.append(
                        {"role": role or f"Mailbox {address.split('@')[0]}", "email": address}
                    )
                    self.notes.append(
                        Note("recovered", "email address", address, f"{rec.source}, {where}")
                    )
        if boxes:
            info["contact_routes"] = {"mailboxes": boxes}
            self.comments.append(
                (
                    PARTNERSHIP_FILE,
                    ("contact_routes", "mailboxes"),
                    "every address found in the sources, each with the role beside it in its "
                    "table (or its mailbox name): move each to its organisation's contacts",
                )
            )
        # the first document that has them gives the hub's RAG scheme and escalation ladder
        rag = next((r for r in self.recs if len(r.rag) >= 2), None)
        if rag is not None:
            info["rag_scheme"] = {"name": "RAG rating", "levels": rag.rag}
            self._partnership_comments(rag, "rag_scheme")
        ladder = next((r for r in self.recs if r.escalation), None)
        if ladder is not None:
            info["escalation"] = {"levels": ladder.escalation}
            self._partnership_comments(ladder, "escalation")
        return info

    def _partnership_comments(self, rec: Recovered, key: str) -> None:
        self.comments.extend(
            (n.yaml[0], n.yaml[1], n.why)
            for n in rec.notes
            if n.yaml is not None and n.yaml[0] == PARTNERSHIP_FILE and n.yaml[1][0] == key
        )


def assemble(
    recs: list[Recovered], partnership_id: str, name: str, max_months: int
) -> tuple[dict[str, str], list[Note]]:
    """The draft folder's files (relative path -> YAML text) and the notes for the report."""
    draft = _Draft(recs, max_months)
    draft.organisations()
    docs = {f"{DOCUMENTS_DIR}/{r.doc['id']}.yaml": draft.document(r) for r in recs}
    info = draft.partnership(partnership_id, name)
    out = {
        PARTNERSHIP_FILE: yaml_text(info, "partnership", "../../"),
        ORGANISATIONS_FILE: yaml_text({"organisations": draft.orgs}, "organisations", "../../"),
        **{rel: yaml_text(d, "document", "../../../") for rel, d in docs.items()},
    }
    return {rel: with_comments(text, rel, draft.comments) for rel, text in out.items()}, draft.notes


def with_comments(text: str, rel: str, comments: list[Comment]) -> str:
    """``text`` with ``# unsure: why`` above each commented value of file ``rel``."""
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
        comment = " " * indent + "# unsure: " + " ".join(why.split())
        if comment not in inserts.setdefault(line, []):
            inserts[line].append(comment)
    for line in sorted(inserts, reverse=True):
        lines[line:line] = inserts[line]
    return "\n".join(lines) + "\n"
