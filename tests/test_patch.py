"""The kit's own XML patcher against its oracle, docxtpl's ``DocxTemplate.patch_xml``:
byte-identical output on every bundled template part, on hand-written cases for each of
docxtpl's conventions, and on generated token soups."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docxtpl import DocxTemplate
from hypothesis import given, settings
from hypothesis import strategies as st

from isa_kit.render.patch import finish, patch_xml, prepare

ROOT = Path(__file__).resolve().parents[1]
_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_ORACLE = DocxTemplate.__new__(DocxTemplate)


def oracle(xml: str) -> str:
    result: str = _ORACLE.patch_xml(xml)
    return result


def template_parts() -> list[tuple[str, str]]:
    files = sorted(ROOT.glob("templates/**/*.docx")) + sorted(ROOT.glob("tests/**/*.docx"))
    parts = []
    for path in files:
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                if _PART.match(name):
                    parts.append((f"{path.relative_to(ROOT)}:{name}", zf.read(name).decode()))
    return parts


PARTS = template_parts()


def test_every_bundled_template_part_is_found() -> None:
    names = {n for n, _ in PARTS}
    assert "templates/isa.docx:word/document.xml" in names
    assert any(n.startswith("templates/letters/") for n in names)
    assert len(PARTS) >= 40


@pytest.mark.parametrize(("name", "xml"), PARTS, ids=[n for n, _ in PARTS])
def test_bundled_parts_patch_exactly_as_docxtpl(name: str, xml: str) -> None:
    assert patch_xml(xml) == oracle(xml)
    assert finish(prepare(xml)) == patch_xml(xml)


T = '<w:t xml:space="preserve">'
CELL = (
    '<w:tc><w:tcPr><w:tcW w:w="10"/>{extra}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>'
)
EDGE_CASES = [
    # a tag split across runs, with and without markup inside the delimiters
    "<w:p><w:r><w:t>{</w:t></w:r><w:r><w:t>{ name }</w:t></w:r><w:r><w:t>}</w:t></w:r></w:p>",
    "<w:p><w:r><w:t>{{ org.</w:t></w:r><w:r><w:rPr/><w:t>name }}</w:t></w:r></w:p>",
    "<w:p><w:r><w:t>{%</w:t></w:r><w:r><w:t> if x %</w:t></w:r><w:r><w:t>}y{% endif %}</w:t></w:r></w:p>",
    "<w:p><w:r><w:t>{#</w:t></w:r><w:r><w:t> note #</w:t></w:r><w:r><w:t>}</w:t></w:r></w:p>",
    # paragraph, row, cell and run tags, and their comment forms
    "<w:p><w:r><w:t>a</w:t></w:r></w:p><w:p w:rsidR='1'><w:r><w:t>{%p if x %}</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>b</w:t></w:r></w:p><w:p><w:r><w:t>{%p endif %}</w:t></w:r></w:p>",
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{%tr for r in rows %}</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:p><w:r><w:t>{{ r }}</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:p><w:r><w:t>{%tr endfor %}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    "<w:tr><w:tc><w:p><w:r><w:t>{%tc for c in cols %}</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>{{ c }}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{%tc endfor %}"
    "</w:t></w:r></w:p></w:tc></w:tr>",
    "<w:p><w:r><w:t>x</w:t></w:r><w:r><w:t>{%r if y %}</w:t></w:r><w:r><w:t>z</w:t></w:r></w:p>",
    "<w:p><w:r><w:t>{{r rich }}</w:t></w:r></w:p><w:p><w:r><w:t>{{p sub }}</w:t></w:r></w:p>",
    "<w:p><w:r><w:t>{#p a comment #}</w:t></w:r></w:p><w:tr><w:tc><w:p><w:r><w:t>{#tr c #}"
    "</w:t></w:r></w:p></w:tc></w:tr>",
    # merging with neighbours
    "<w:p><w:r><w:t>before</w:t></w:r></w:p><w:p><w:r><w:t>{%- if x %}</w:t></w:r></w:p>",
    "<w:p><w:r><w:t>{% if x -%}</w:t></w:r></w:p><w:p><w:r><w:t>after</w:t></w:r></w:p>",
    # cells: colspan, background, vertical and horizontal merges
    "<w:tr>" + CELL.format(extra='<w:gridSpan w:val="1"/>', text="{% colspan n %}") + "</w:tr>",
    "<w:tr>"
    + CELL.format(extra="", text="a")
    + "<w:tc><w:tcPr/><w:p><w:r><w:t></w:t></w:r><w:r><w:t>{% colspan 2 %}</w:t></w:r></w:p>"
    "</w:tc></w:tr>",
    "<w:tr>"
    + CELL.format(extra='<w:shd w:fill="FFFFFF"/>', text='{% cellbg "FF0000" %}')
    + "</w:tr>",
    "<w:tr>" + CELL.format(extra="", text="{% vm %}{{ v }}") + "</w:tr>",
    "<w:tr>" + CELL.format(extra="", text="{{ h }}{% hm %}") + "</w:tr>",
    "<w:tr>" + CELL.format(extra='<w:gridSpan w:val="3"/>', text="{% hm %}x") + "</w:tr>",
    # spaces kept before a tag; entities and typographic quotes inside tags
    "<w:p><w:r><w:t>Name: </w:t></w:r><w:r>"
    + T
    + "{{ a }}</w:t></w:r><w:r><w:t>{{ b }}</w:t></w:r></w:p>",
    "<w:p><w:r><w:t>{{ x | default(\u201cnone\u201d) }} {% if a &lt; b &amp;&amp; c &gt; d %}"
    "\u2018q\u2019 &#8216;{% endif %}</w:t></w:r></w:p>",
    # unclosed and stray delimiters
    "<w:p><w:r><w:t>{{ never closed</w:t></w:r></w:p><w:p><w:r><w:t>more</w:t></w:r></w:p>",
    "<w:p><w:r><w:t>}} {% %} {%} {{{ x }}} %}</w:t></w:r></w:p>",
    "",
]


@pytest.mark.parametrize("xml", EDGE_CASES)
def test_edge_cases_patch_exactly_as_docxtpl(xml: str) -> None:
    assert patch_xml(xml) == oracle(xml)


def test_the_edge_cases_exercise_every_rewrite() -> None:
    """Guard against an oracle comparison that passes because nothing was rewritten."""
    changed = [xml for xml in EDGE_CASES if patch_xml(xml) != xml]
    assert len(changed) >= len(EDGE_CASES) - 3
    outputs = "".join(patch_xml(x) for x in EDGE_CASES)
    for produced in ('w:fill="{{"FF0000" }}"', "loop.length", "w:vMerge", "{% for r in rows %}"):
        assert produced in outputs, produced


TOKENS = [
    "<w:p>",
    '<w:p w:rsidR="00A1">',
    "</w:p>",
    "<w:r>",
    "</w:r>",
    "<w:rPr/>",
    "<w:t>",
    T,
    "</w:t>",
    "<w:t></w:t>",
    "<w:tbl>",
    "</w:tbl>",
    "<w:tr>",
    "</w:tr>",
    "<w:tc>",
    "</w:tc>",
    "<w:tcPr>",
    "</w:tcPr>",
    '<w:gridSpan w:val="2"/>',
    '<w:shd w:fill="AAAAAA"/>',
    "<w:br/>",
    "{",
    "}",
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "{%-",
    "-%}",
    "p ",
    "tr ",
    "tc ",
    "r ",
    " if x ",
    " endif ",
    " for a in b ",
    " colspan 2 ",
    " cellbg c ",
    " vm ",
    " hm ",
    "\u201c",
    "\u2019",
    "&lt;",
    "&#8216;",
    " ",
    "x",
    "\n",
    "-",
    "%",
    "#",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40))
def test_generated_token_soups_patch_exactly_as_docxtpl(tokens: list[str]) -> None:
    xml = "".join(tokens)
    assert patch_xml(xml) == oracle(xml)


def test_no_docxtpl_or_python_docx_at_run_time() -> None:
    code = (
        "import sys\n"
        "from isa_kit.render.environment import load_template\n"
        "load_template(__import__('pathlib').Path('templates/isa.docx'))\n"
        "print(sorted(m for m in ('docxtpl', 'docx') if m in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"ISA_KIT_CACHE_DIR": "off", "PATH": ""},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
