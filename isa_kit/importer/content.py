"""What the document says about the law, the data's keeping and its security, and its RAG
levels: statements found by pattern, kept as the document words them and marked as guessed
where the model needs more than the text gives."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from isa_kit.audit.text import Block

from .notes import Note
from .tables import clean

if TYPE_CHECKING:
    from .recover import Recovered

_ART6 = {
    "a": "consent",
    "b": "contract",
    "c": "legal-obligation",
    "d": "vital-interests",
    "e": "public-task",
    "f": "legitimate-interests",
}
_ART6_RX = re.compile(r"Article\s*6\s*\(1\)\s*\(([a-f])\)", re.I)
_ART9_RX = re.compile(r"Article\s*9\s*\(2\)\s*\(([a-j])\)", re.I)
_ART9 = dict(
    zip(
        "abcdefghij",
        (
            "explicit-consent",
            "employment-social-protection",
            "vital-interests",
            "not-for-profit",
            "made-public",
            "legal-claims",
            "substantial-public-interest",
            "health-social-care",
            "public-health",
            "archiving-research",
        ),
        strict=True,
    )
)
_ACT = re.compile(
    r"\b((?:[A-Z][A-Za-z]*\s+(?:and\s+|of\s+)?){1,7}Act\s+(?:1[89]|20)\d\d)"
    r"(?:,?\s+(?:section|s\.)\s*(\d+[A-Z]?))?"
)
_LEAD = re.compile(r"^(?:(?:The|Under|And|Of|In|By|See|Within|Section|Part)\s+)+", re.I)
_RAG_RX = re.compile(r"^\s*(RED|AMBER|GREEN|BLUE|BLACK)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?:;]$")
_SENTENCE = re.compile(r"[^.!?]*[.!?]")
_RETAIN = re.compile(r"\b(?:retain(?:ed)?|retention|kept for|destroy(?:ed)?|disposal)\b", re.I)
_PERIOD = re.compile(
    r"\b(\d{1,3}\s+(?:years?|months?)|(?:in line with|in accordance with|until)\s+[^.;]{5,80})",
    re.I,
)
_SECURE = re.compile(
    r"\b(?:secure(?:ly)? (?:e-?mail|storage|stored|network)|encrypt\w*|password\w*|vetted|"
    r"locked|GCSX|CJSM|PSN)\b",
    re.I,
)
_DOMAIN = re.compile(
    r"(?<![@\w.-])((?:[a-z0-9-]+\.)*(?:gcsx\.gov\.uk|gsi\.gov\.uk|gsx\.gov\.uk|"
    r"pnn\.police\.uk|cjsm\.net|nhs\.net))\b",
    re.I,
)
MAX_STATEMENTS = 8


def _text_blocks(body: list[Block]) -> list[Block]:
    return [b for b in body if b.part in ("body", "page") or (b.cells and b.part != "pdf-table")]


def lawful_bases(body: list[Block], rec: Recovered) -> None:
    art6: list[str] = []
    art9: list[str] = []
    gateways: dict[str, dict[str, str]] = {}
    for b in _text_blocks(body):
        text = clean(b.text)
        for m in _ART6_RX.finditer(text):
            if _ART6[m[1].lower()] not in art6:
                art6.append(_ART6[m[1].lower()])
                rec.note("recovered", "lawful basis", f"Article 6(1)({m[1]})", b.region)
        for m in _ART9_RX.finditer(text):
            if _ART9[m[1].lower()] not in art9:
                art9.append(_ART9[m[1].lower()])
                rec.note(
                    "recovered", "special category condition", f"Article 9(2)({m[1]})", b.region
                )
        for m in _ACT.finditer(text):
            act = _LEAD.sub("", re.sub(r"^.*\bThe\s+(?=[A-Z])", "", m[1].strip()))
            if not act.split()[0][0].isupper() or len(act.split()) < 2:
                continue
            key = f"{act} s{m[2]}" if m[2] else act
            if key not in gateways and len(gateways) < 40:
                gateways[key] = {"act": act, **({"section": f"section {m[2]}"} if m[2] else {})}
                rec.note("recovered", "gateway cited", key, b.region)
    if not (art6 or art9 or gateways):
        rec.note("unread", "lawful basis", "-", "", "no UK GDPR article or Act cited")
        return
    basis: dict[str, Any] = {}
    if art6:
        basis["article_6"] = art6
    if art9:
        basis["article_9"] = [{"article_9": c} for c in art9]
        why = "Article 9 conditions found; add the DPA 2018 Schedule 1 condition each relies on"
        rec.note(
            "guessed",
            "special category conditions",
            ", ".join(art9),
            "",
            why,
            ("lawful_bases", 0, "article_9"),
        )
    if gateways:
        basis["gateways"] = list(gateways.values())
    rec.doc["lawful_bases"] = [basis]


def _units(body: list[Block]) -> list[tuple[str, str]]:
    """Text in sentence-sized runs: consecutive paragraphs are joined (a hard-wrapped
    paragraph is one sentence again), each table row stands alone."""
    out: list[tuple[str, str]] = []
    run: list[str] = []
    start = ""
    for b in _text_blocks(body):
        text = clean(b.text)
        if b.cells or b.part == "page":
            out.append((text, b.region))
            continue
        if not run:
            start = b.region
        run.append(text)
        if _SENTENCE_END.search(text):
            out.append((" ".join(run), start))
            run = []
    if run:
        out.append((" ".join(run), start))
    return out


def _statements(body: list[Block], rx: re.Pattern[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for text, region in _units(body):
        for s in _SENTENCE.findall(text) or [text]:
            s = s.strip()
            if rx.search(s) and 20 <= len(s) <= 400 and all(s != o for o, _ in out):
                out.append((s, region))
    return out


def retention(body: list[Block], rec: Recovered) -> None:
    rules: list[dict[str, str]] = []
    for sentence, where in _statements(body, _RETAIN):
        m = _PERIOD.search(sentence)
        if m is None or len(rules) >= MAX_STATEMENTS:
            continue
        rules.append(
            {
                "record_type": "Information shared under this document",
                "period": m[1],
                "trigger": sentence,
            }
        )
        why = "the record type is not stated as such: the sentence is kept as the trigger"
        rec.note(
            "guessed", "retention", m[1], where, why, ("retention", len(rules) - 1, "record_type")
        )
    if rules:
        rec.doc["retention"] = rules
    else:
        rec.note("unread", "retention", "-", "", "no retention period found")


def security(body: list[Block], rec: Recovered) -> None:
    found = _statements(body, _SECURE)[:MAX_STATEMENTS]
    domains: list[str] = []
    for b in _text_blocks(body):
        for m in _DOMAIN.finditer(b.text):
            d = m[1].lower()
            if d not in domains:
                domains.append(d)
    sec: dict[str, Any] = {}
    if rec.doc.get("classification"):
        sec["classification"] = rec.doc["classification"]
    if found:
        sec["storage"] = [s for s, _ in found]
        for s, where in found:
            rec.note("recovered", "security statement", s[:80], where)
    if domains:
        sec["transfer_channels"] = [{"method": "secure-email", "domains": domains}]
        why = "the secure email domains the document names: confirm each is still approved"
        rec.note(
            "guessed",
            "secure email domains",
            ", ".join(domains),
            "",
            why,
            ("security", "transfer_channels", 0, "domains"),
        )
    if found or domains:
        rec.doc["security"] = sec
    else:
        rec.note("unread", "security", "-", "", "no security statement found")


_SHARED = re.compile(
    r"\binformation (?:shared|to be shared|will be shared|that (?:is|will be) shared)\b|"
    r"\b(?:share|sharing) (?:of )?(?:personal |relevant )?information\b",
    re.IGNORECASE,
)
_SUBJECTS = (
    (
        "Children and young people",
        re.compile(r"\bchild(?:ren)?\b|\byoung (?:people|person)\b", re.I),
    ),
    ("Parents, carers and families", re.compile(r"\b(?:parents?|carers?|famil(?:y|ies))\b", re.I)),
    ("Adults at risk", re.compile(r"\b(?:vulnerable|at risk) adults?\b|\badults? at risk\b", re.I)),
)


def data_shared(body: list[Block], rec: Recovered) -> None:
    """What the document says is shared, about whom and why: its own sentences as purposes,
    the people it names as subjects (no data categories are invented)."""
    found = _statements(body, _SHARED)[:3]
    if not found:
        rec.note("unread", "data shared", "-", "", "no statement of what is shared found")
        return
    text = " ".join(clean(b.text) for b in _text_blocks(body))
    subjects = [name for name, rx in _SUBJECTS if rx.search(text)]
    shared: dict[str, Any] = {"purposes": [s for s, _ in found]}
    if subjects:
        shared["subjects"] = subjects
    rec.doc["data_shared"] = shared
    why = (
        "the document's own sentences about what is shared: list the data categories "
        "(and which are special category or criminal offence data) by hand"
    )
    rec.note(
        "guessed", "data shared", found[0][0][:80], found[0][1], why, ("data_shared", "purposes")
    )


_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "ten": "10",
    "twelve": "12",
    "twenty-four": "24",
    "forty-eight": "48",
    "seventy-two": "72",
}
_TIMESCALE = re.compile(
    r"\b(?:(within)\s+)?(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+(working\s+)?"
    r"(hour|day|week)s?\b|\b(same[- ]day)\b",
    re.IGNORECASE,
)
RAG_WINDOW = 6


def _timescale(lines: list[str]) -> str | None:
    """The level's timescale: a 'within N units' phrase first, else any 'N units'."""
    found = [m for text in lines for m in _TIMESCALE.finditer(text)]
    if not found:
        return None
    m = next((m for m in found if m[1] or m[5]), found[0])
    if m[5]:
        return "same day"
    amount = _NUMBER_WORDS.get(m[2].lower(), m[2])
    unit = m[4].lower() + ("s" if amount != "1" else "")
    return f"{amount} {'working ' if m[3] else ''}{unit}"


def rag_levels(flow: list[Block], rec: Recovered) -> list[dict[str, Any]]:
    """RAG (or BRAG) levels: a line or table row starting with a colour, and the timescale on
    it or on the few lines after it (before the next colour)."""
    out: list[dict[str, Any]] = []
    texts = [clean(b.text) for b in flow]
    for i, text in enumerate(texts):
        m = _RAG_RX.match(text.lstrip("•·- "))
        if m is None or any(level["name"] == m[1].upper() for level in out):
            continue
        window = [text]
        for nxt in texts[i + 1 : i + 1 + RAG_WINDOW]:
            if _RAG_RX.match(nxt.lstrip("•·- ")):
                break
            window.append(nxt)
        timescale = _timescale(window)
        if timescale is None:
            continue
        level = {
            "name": m[1].upper(),
            "colour": m[1].lower(),
            "priority": len(out) + 1,
            "timescale": timescale,
        }
        out.append(level)
        why = "priority taken from the order of the levels in the document"
        rec.notes.append(
            Note(
                "guessed",
                "RAG level",
                f"{level['name']}: {timescale}",
                f"{rec.source}, {flow[i].region}",
                why,
                ("partnership.yaml", ("rag_scheme", "levels", len(out) - 1)),
            )
        )
    return out
