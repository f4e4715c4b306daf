"""The facts an extractor finds, and the helpers every extractor uses to find them in blocks.

Every fact keeps the block it came from as a :class:`Located` (region and short quote), so a
finding can say where and quote it. The block helpers (:func:`tables`, :func:`cell_at`,
:func:`locate`) live here because the review, signature and ICO extractors all walk tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from isa_kit.data.values import ApproxDate

from .text import Block, Cell, short_quote


@dataclass(frozen=True, slots=True)
class Located:
    region: str
    quote: str


@dataclass(frozen=True, slots=True)
class ReviewDate:
    kind: str
    """``next`` (when the next review is due), ``last`` (when it was last reviewed) or
    ``issued`` (the document's own date: ``Version 1, January 2011``, ``Date of issue: …``)."""
    date: ApproxDate
    where: Located


@dataclass(frozen=True, slots=True)
class ReviewPeriod:
    months: int
    phrase: str
    where: Located


@dataclass(frozen=True, slots=True)
class SignatureRow:
    organisation: str
    missing: tuple[str, ...]
    """Which of ``name``, ``signature``, ``date`` are empty."""
    where: Located


@dataclass(frozen=True, slots=True)
class SignatureTable:
    where: Located
    organisations: tuple[str, ...]
    rows: tuple[SignatureRow, ...]


@dataclass(frozen=True, slots=True)
class IcoRow:
    organisation: str
    number: str
    where: Located


@dataclass(frozen=True, slots=True)
class Email:
    address: str
    domain: str
    where: Located


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    where: Located


@dataclass(frozen=True, slots=True)
class BasisRow:
    """A row of a lawful-basis table: the parties it is for and whether its cell is empty
    (``Not recorded``) in the column being read."""

    parties: str
    recorded: bool
    where: Located


@dataclass
class Agreement:
    """What a document that shares personal data states about why and how it does
    (:mod:`.agreement`); ``None`` in :class:`Facts` when the document is not such an agreement."""

    kind: str
    """``isa``, ``mou``, ``protocol`` (or ``guidance`` that records the data it shares)."""
    title: Located
    parties: tuple[Party, ...]
    article_6: Located | None = None
    article_6_rows: tuple[BasisRow, ...] = ()
    article_9: Located | None = None
    article_9_rows: tuple[BasisRow, ...] = ()
    article_10: Located | None = None
    article_10_rows: tuple[BasisRow, ...] = ()
    part_3: tuple[tuple[str, Located], ...] = ()
    """Each Part 3 (law enforcement) basis: the parties it names (``""``: not said) and where."""
    schedule_8: Located | None = None
    special: Located | None = None
    """Where the document says it shares special category data."""
    criminal: Located | None = None
    transfer: Located | None = None
    breach: Located | None = None
    deadline: Located | None = None
    no_deadline: Located | None = None
    """A breach procedure that says its time limit is ``Not recorded``."""


@dataclass
class Facts:
    review_dates: list[ReviewDate] = field(default_factory=list)
    review_periods: list[ReviewPeriod] = field(default_factory=list)
    signature_tables: list[SignatureTable] = field(default_factory=list)
    ico_rows: list[IcoRow] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    says_signed: Located | None = None
    emails: list[Email] = field(default_factory=list)
    secure_domains: list[str] = field(default_factory=list)
    """Domains the document itself declares secure (a ``Secure email domains`` or ``Approved
    email domains`` column): an address on one is as the agreement allows."""
    agreement: Agreement | None = None
    signature_form: Located | None = None
    """Where the document names itself a signature pack: a form awaiting signature, which
    carries no review date of its own and whose blank signature lines are the point of it."""


def tables(blocks: list[Block]) -> list[list[Block]]:
    """Table rows grouped by table, in document order."""
    out: dict[tuple[str, int], list[Block]] = {}
    for b in blocks:
        if b.table is not None and b.cells:
            out.setdefault((b.part, b.table), []).append(b)
    return list(out.values())


def cell_at(row: Block, col: int) -> Cell | None:
    """The cell of ``row`` that covers grid column ``col`` (a merged cell covers several)."""
    for c in row.cells:
        if c.col <= col < c.col + c.span:
            return c
    return None


def locate(block: Block, span: tuple[int, int] | None = None) -> Located:
    """Where ``block`` is, with a short quote centred on ``span`` when given."""
    return Located(block.region, short_quote(block.text, around=span))
