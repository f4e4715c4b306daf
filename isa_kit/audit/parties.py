"""What the running text says about the parties, and whether two names are one organisation.

* the parties the scope names (``between A and B, C, D``);
* whether the text says it is agreed by signatories (so a missing signature table matters);
* the email addresses it gives (each once, case-insensitively), and the domains a table
  declares secure (``Secure email domains``, ``Approved email domains``);
* :func:`name_tokens` and :func:`same_organisation`, which match a party the scope names
  against an organisation in the signature table however differently it is spelt.
"""

from __future__ import annotations

import re

from .facts import Email, Facts, Party, cell_at, locate, tables
from .text import Block

# --- parties named in the scope --------------------------------------------------------------

_BETWEEN = re.compile(
    r"\b(?:agreement|sharing\s+of\s+(?:personal\s+)?(?:information|data)|protocol|memorandum|mou)\b"
    r"[^.]{0,80}?\bbetween\b\s*(?::\s*)?(?P<list>.*)",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\([^()]*\)")
_AND = re.compile(r"\s+(?:and|&)\s+")
_LEADING_AND = re.compile(r"^(?:and|&)\s+")
_LAST_AND = re.compile(r"\s+(?:and|&)\s+(?!.*\s(?:and|&)\s)")
_TRAILING = re.compile(
    r"\s+(?:for|to|in|under|within|regarding|who|which|as|in\s+respect\s+of)\s.*$", re.IGNORECASE
)


def find_scope_parties(blocks: list[Block], facts: Facts) -> None:
    """The parties of the first ``agreement ... between A, B and C`` naming two or more."""
    for block in blocks:
        if block.table is not None:
            continue
        m = _BETWEEN.search(block.text)
        if not m:
            continue
        tail = m["list"]
        tail = _PAREN.sub("", _PAREN.sub("", tail))
        tail = re.split(r"\.\s+(?![a-z])|\.$|;|:\s|\s[•\uf0b7\uf0a7▪]", tail)[0]
        items = [p.strip() for p in tail.split(",") if p.strip()]
        if not items:
            continue
        names: list[str] = []
        if len(items) > 1 and _AND.search(items[0]):  # "between X and A, B, C"
            names.extend(_AND.split(items[0], maxsplit=1))
            names.extend(_LEADING_AND.sub("", i) for i in items[1:])
        else:  # "between A, B and C" (or "between A and B")
            names.extend(items[:-1])
            last = items[-1]
            if _LEADING_AND.match(last):
                names.append(_LEADING_AND.sub("", last))
            else:
                names.extend(_LAST_AND.split(last, maxsplit=1))
        names = [_TRAILING.sub("", n) for n in names]
        names = [re.sub(r"^(?:the)\s+", "", n.strip(" .'\"‘’")) for n in names]
        names = [n for n in names if 3 <= len(n) <= 90 and n[:1].isupper()]
        if len(names) >= 2:
            for n in names:
                facts.parties.append(Party(n, locate(block, m.span())))
            return


# --- says it is signed -----------------------------------------------------------------------

_SIGNED_RX = re.compile(
    r"\b(?:signator(?:y|ies)\s+(?:to|of)\s+this|the\s+undersigned|signed\s+(?:by|on\s+behalf\s+of)\s+(?:all|each|the)\s+(?:partners?|parties|agencies|organisations)|agreed\s+by\s+(?:all\s+)?(?:the\s+)?signator(?:y|ies))",
    re.IGNORECASE,
)


def find_says_signed(blocks: list[Block], facts: Facts) -> None:
    """The first place the text says it is agreed or signed by the signatories."""
    for block in blocks:
        m = _SIGNED_RX.search(block.text)
        if m:
            facts.says_signed = locate(block, m.span())
            return


# --- emails ----------------------------------------------------------------------------------

_EMAIL_RX = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+'’-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def find_emails(blocks: list[Block], facts: Facts) -> None:
    """Every email address, once each (case-insensitively), at its first place."""
    seen: set[str] = set()
    for block in blocks:
        if "@" not in block.text:
            continue
        for m in _EMAIL_RX.finditer(block.text):
            address = m.group(0).rstrip(".-")
            key = address.lower()
            if key in seen:
                continue
            seen.add(key)
            domain = key.split("@", 1)[1]
            facts.emails.append(Email(address, domain, locate(block, m.span())))


_DOMAINS_HEADER = re.compile(
    r"^\s*(?:secure|approved|accredited)\s+(?:e-?mail\s+)?domains?\s*$", re.IGNORECASE
)
_DOMAIN = re.compile(r"^@?(?P<d>[a-z0-9-]+(?:\.[a-z0-9-]+)+)$", re.IGNORECASE)


def find_secure_domains(blocks: list[Block], facts: Facts) -> None:
    """The domains a column headed ``Secure email domains`` (or ``Approved email domains``)
    lists, comma-separated, in the rows under its header."""
    for rows in tables(blocks):
        header = rows[0]
        cols = [c.col for c in header.cells if _DOMAINS_HEADER.match(c.text)]
        for col in cols[:1]:
            for row in rows[1:]:
                cell = cell_at(row, col)
                for word in re.split(r"[,;\s]+", cell.text if cell else ""):
                    m = _DOMAIN.match(word.strip(" .'\"()"))
                    if m and m["d"].lower() not in facts.secure_domains:
                        facts.secure_domains.append(m["d"].lower())


# --- matching names --------------------------------------------------------------------------

_GENERIC = frozenset(
    [
        "the",
        "of",
        "and",
        "&",
        "part",
        "group",
        "including",
        "council",
        "london",
        "borough",
        "lb",
        "city",
        "county",
        "metropolitan",
        "nhs",
        "foundation",
        "trust",
        "ltd",
        "limited",
        "plc",
    ]
)


def name_tokens(name: str) -> frozenset[str]:
    """Distinctive words of an organisation's name, for matching scope against signatures."""
    text = _PAREN.sub(" ", name.lower())
    words = re.findall(r"[a-z0-9]+", text)
    out = set()
    for w in words:
        if w in _GENERIC:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return frozenset(out)


def _squash(name: str) -> str:
    return "".join(re.findall(r"[a-z0-9]+", _PAREN.sub(" ", name.lower())))


def same_organisation(a: str, b: str) -> bool:
    """Whether two spellings name the same organisation (``Barnet Council Family Services``
    and ``London Borough of Barnet Family Services``; a word broken by a narrow cell)."""
    if _squash(a) and _squash(a) == _squash(b):
        return True
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return a.strip().lower() == b.strip().lower()
    if ta == tb:
        return True
    small, large = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return len(small) >= 2 and small <= large
