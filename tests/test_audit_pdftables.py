"""A table row that a page break splits is read as one row, not two.

Word and LibreOffice let a row break across pages, so a signature table's organisation name
can end at the top of the next page ("Barnet Enfield and Haringey Mental Health" | "NHS
Trust"). Read as two rows, it would be two unsigned parties, one of them not a party at all.
"""

from __future__ import annotations

from isa_kit.audit.pdftables import join_rows, rest_of_split_row
from isa_kit.audit.text import Block, Cell


def _row(*cells: str, page: int) -> Block:
    return Block(
        region=f"page {page}",
        text=" | ".join(c for c in cells if c),
        table=3,
        row=1,
        cells=tuple(Cell(text=c, col=k) for k, c in enumerate(cells)),
        part="pdf-table",
        page=page,
    )


def test_the_end_of_a_name_on_the_next_page_joins_the_row_above() -> None:
    prev = _row("Barnet Enfield and Haringey Mental Health", "", "", "", "", page=41)
    rest = _row("NHS Trust", "", "", "", "", page=42)
    assert rest_of_split_row(prev, rest)
    joined = join_rows(prev, rest)
    assert joined.cells[0].text == "Barnet Enfield and Haringey Mental Health NHS Trust"
    assert joined.text == "Barnet Enfield and Haringey Mental Health NHS Trust"
    assert joined.region == "page 41" and [c.col for c in joined.cells] == [0, 1, 2, 3, 4]


def test_a_wrapped_name_and_a_lower_case_rest_join() -> None:
    assert rest_of_split_row(_row("London Borough of", "", page=1), _row("Barnet", "", page=2))
    assert rest_of_split_row(_row("Solace Advocacy", "", page=1), _row("(Barnet)", "", page=2))


def test_a_new_organisation_on_the_next_page_stays_a_row_of_its_own() -> None:
    prev = _row("London Fire Brigade", "", "", page=41)
    assert not rest_of_split_row(prev, _row("Barnet Homes", "", "", page=42))
    assert not rest_of_split_row(prev, _row("National Probation Service", "", "", page=42))


def test_a_row_with_more_than_a_name_is_never_a_fragment() -> None:
    prev = _row("Barnet Enfield and Haringey Mental Health", "", "", page=41)
    assert not rest_of_split_row(prev, _row("NHS Trust", "Caldicott Guardian", "", page=42))
