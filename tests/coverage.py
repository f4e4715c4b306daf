"""What share of a partnership's data reaches its generated documents (issue 13).

Walks every scalar a person wrote in a partnership's YAML files and looks for it in the text
of the documents ``build`` made from them. A value counts as rendered when its text (or, for a
date or a duration, its human form) appears in at least one document. Fields the model marks
as metadata only (:data:`isa_kit.data.model.METADATA_ONLY`, each with its reason) and
references between records (ids) are not document text and are left out.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from isa_kit.data.model import Art6Basis, Art9Condition
from isa_kit.data.values import ApproxDate, Duration
from isa_kit.render.context import f_words

#: Keys whose values are references to other records or codes rendered through a label.
STRUCTURAL = frozenset(
    {
        "id",
        "organisation",
        "parties",
        "part_of",
        "lead_organisation",
        "clauses",
        "subject",
        "sha256",
        "kind",
        "template",
        "signature_pack_template",
    }
)
DATE_KEYS = frozenset(
    {"date", "created", "issued", "last_reviewed", "next_review", "expires", "date_signed"}
)
DURATION_KEYS = frozenset({"timescale", "time_limit"})

_SPACE = re.compile(r"\s+")
_TEXT = re.compile(rb"<w:(?:t|delText)(?: [^>]*)?>([^<]*)</w:(?:t|delText)>|<w:(?:p|tab|br)[ />]")


def normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    text = html.unescape(text).replace("\xa0", " ")
    return _SPACE.sub(" ", text).strip().casefold()


def docx_text(path: Path) -> str:
    """All the words of a .docx (body, headers, footers), paragraphs separated by spaces."""
    out: list[str] = []
    with zipfile.ZipFile(path) as zf:
        for name in sorted(zf.namelist()):
            if not re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes)\.xml", name):
                continue
            for m in _TEXT.finditer(zf.read(name)):
                out.append(m.group(1).decode("utf-8") if m.group(1) is not None else " ")
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Value:
    file: str
    path: tuple[str | int, ...]
    text: str
    forms: tuple[str, ...]

    @property
    def where(self) -> str:
        return self.file + ":" + ".".join(str(p) for p in self.path)


def _forms(key: str, value: object) -> tuple[str, ...]:
    text = str(value)
    if key in DATE_KEYS:
        try:
            parsed = ApproxDate.parse(text)
        except (TypeError, ValueError):
            return (text,)
        day = parsed.earliest()
        extra = [parsed.human(), f"{day.day} {day:%B %Y}", f"{day:%d/%m/%Y}", f"{day:%B %Y}"]
        return (text, *extra)
    if key in DURATION_KEYS:
        try:
            return (text, Duration.parse(text).human(), str(Duration.parse(text)))
        except (TypeError, ValueError):
            return (text,)
    if isinstance(value, bool):
        return ()
    if key == "article_6" and text in {a.value for a in Art6Basis}:
        return (text, Art6Basis(text).article)
    if key == "article_9" and text in {a.value for a in Art9Condition}:
        return (text, Art9Condition(text).article)
    if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text):
        return (text, f_words(text) or text)
    return (text,)


def _walk(
    node: object, path: tuple[str | int, ...], key: str
) -> Iterator[tuple[tuple[str | int, ...], str, object]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _walk(v, (*path, str(k)), str(k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, (*path, i), key)
    elif node is not None:
        yield path, key, node


#: Which model class owns the values under a YAML key (for :data:`METADATA_ONLY`).
_OWNER = {
    "organisations": "Organisation",
    "waivers": "Waiver",
    "evidence": "Evidence",
    "signed_copy": "Evidence",
}


def _owner(path: tuple[str | int, ...], kind: str) -> str:
    owner = "Document" if kind == "document" else "Partnership"
    for seg in path[:-1]:
        if isinstance(seg, str):
            owner = _OWNER.get(seg, owner if seg not in _NESTED else seg)
    return owner


#: Keys that open a nested model (whose fields are not the owner's).
_NESTED = frozenset(
    {"review", "security", "rights", "data_shared", "lawful_bases", "history", "hub", "contacts"}
)


def values(folder: Path, exempt: frozenset[tuple[str, str]] = frozenset()) -> list[Value]:
    """Every value written in a partnership folder that a document should show.

    ``exempt`` holds (model class, field) pairs the model marks as metadata only.
    """
    out: list[Value] = []
    files = [folder / "partnership.yaml", folder / "organisations.yaml"]
    files += sorted((folder / "documents").glob("*.yaml"))
    for path in files:
        kind = "document" if path.parent.name == "documents" else path.stem
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, key, value in _walk(data, (), ""):
            if key in STRUCTURAL or (_owner(where, kind), key) in exempt or isinstance(value, bool):
                continue
            if isinstance(value, int) and key in {"priority", "level", "count"}:
                continue
            forms = _forms(key, value)
            if forms:
                rel = path.relative_to(folder.parent).as_posix()
                out.append(Value(rel, where, str(value), forms))
    return out


def rendered_share(
    folder: Path, documents: list[Path], exempt: frozenset[tuple[str, str]] = frozenset()
) -> tuple[float, list[Value]]:
    """(share of values found in any document, the values not found)."""
    corpus = normalise(" ".join(docx_text(p) for p in documents))
    all_values = values(folder, exempt)
    missing = [v for v in all_values if not any(normalise(f) in corpus for f in v.forms)]
    share = 1 - len(missing) / len(all_values) if all_values else 1.0
    return share, missing


def seed_sections(fixture: Path) -> dict[str, dict[str, object]]:
    """The seed documents' sections (tests/fixtures/seeds/sections.yaml)."""
    loaded: dict[str, dict[str, object]] = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    return loaded


def sections_found(headings: list[str], documents: list[Path]) -> tuple[list[str], list[str]]:
    """(headings found in the documents' text, headings not found)."""
    corpus = normalise(" ".join(docx_text(p) for p in documents))
    found: list[str] = []
    missing: list[str] = []
    for heading in headings:
        forms = [normalise(h) for h in heading.split(" | ")]
        (found if any(f in corpus for f in forms) else missing).append(heading)
    return found, missing
