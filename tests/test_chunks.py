"""Templates compiled in chunks: the same bytes as compiled whole, and an edit to one
paragraph recompiles one chunk.

The oracle for patching is docxtpl's ``patch_xml`` (whole part); the oracle for rendering is
the same part compiled whole (``cache.CHUNKED = False``)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest
from docxtpl import DocxTemplate
from hypothesis import event, given, settings
from hypothesis import strategies as st

from isa_kit import build
from isa_kit.core.errors import TemplateError
from isa_kit.render import cache, environment
from isa_kit.render.chunks import split
from isa_kit.render.patch import NotLocal, finish, finish_chunk, prepare

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 21)
_ORACLE = DocxTemplate.__new__(DocxTemplate)
DOC = "word/document.xml"


def oracle(xml: str) -> str:
    result: str = _ORACLE.patch_xml(xml)
    return result


@pytest.fixture
def cache_dir(cache_dir: Path) -> Iterator[Path]:
    """conftest's, with the in-process memo emptied so templates load from disk each time."""
    environment._CACHE.clear()
    yield cache_dir
    environment._CACHE.clear()


def _entries(folder: Path) -> set[str]:
    return {p.name for p in folder.glob("*/__jinja2_*.cache")}


def _body(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read(DOC).decode()


@pytest.mark.parametrize("name", ["isa", "mou", "protocol", "guidance"])
def test_bundled_bodies_cut_into_chunks_that_patch_as_the_whole(name: str) -> None:
    xml = _body(ROOT / "templates" / f"{name}.docx")
    prepared = prepare(xml)
    pieces = split(prepared)
    assert pieces is not None and len(pieces) >= 8
    assert "".join(pieces) == prepared
    assert "".join(finish_chunk(p) for p in pieces) == oracle(xml)
    assert all(p.startswith("<") and p.endswith(">") for p in pieces)


def _mutate(xml: str, word: str) -> str:
    """Insert ``word`` into the plain text of the middle paragraph that holds a placeholder."""
    plain = re.compile(r"(<w:t(?: [^>]*)?>)[^<{]+</w:t>")
    paragraphs = [
        m
        for m in re.finditer(r"<w:p[ >].*?</w:p>", xml)
        if "{{" in m.group(0) and plain.search(m.group(0))
    ]
    target = paragraphs[len(paragraphs) // 2]
    text = plain.search(target.group(0))
    assert text is not None
    start = target.start() + text.end(1)
    return xml[:start] + word + " " + xml[start:]


def _with_body(src: Path, dst: Path, body: str) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, body.encode() if info.filename == DOC else zin.read(info))
    return dst


def test_editing_one_paragraph_recompiles_one_chunk(cache_dir: Path, tmp_path: Path) -> None:
    src = ROOT / "templates" / "isa.docx"
    first = environment.load_template(src)
    chunks = first.parts[DOC].chunks
    assert len(chunks) >= 8
    before = _entries(cache_dir)
    assert len(before) >= len(chunks)

    environment._CACHE.clear()
    again = environment.load_template(src)  # a new process, warm: nothing compiled
    assert _entries(cache_dir) == before
    assert len(again.parts[DOC].chunks) == len(chunks)

    edited = _with_body(src, tmp_path / "edited.docx", _mutate(_body(src), "Zanzibar"))
    changed = environment.load_template(edited)
    assert len(_entries(cache_dir) - before) == 1  # one chunk compiled afresh
    assert len(changed.parts[DOC].chunks) == len(chunks)
    assert changed.section_slots == first.section_slots


@pytest.mark.parametrize("garbage", [b"", b"\x00" * 7, b"not marshal", b"\xe9" * 64])
def test_corrupt_bundles_and_pointers_are_misses(
    cache_dir: Path, tmp_path: Path, garbage: bytes
) -> None:
    src = ROOT / "templates" / "isa.docx"
    first = environment.load_template(src)
    files = list(cache_dir.glob("*/__isa_kit_*"))
    assert any(f.suffix == ".bundle" for f in files) and any(f.suffix == ".last" for f in files)
    for entry in files:
        entry.write_bytes(garbage)
    environment._CACHE.clear()
    edited = _with_body(src, tmp_path / "edited.docx", _mutate(_body(src), "Zanzibar"))
    for path in (src, edited):
        again = environment.load_template(path)
        assert len(again.parts[DOC].chunks) == len(first.parts[DOC].chunks)
        assert again.section_slots == first.section_slots


def test_chunked_and_whole_builds_are_byte_identical(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = {}
    for chunked in (True, False):
        monkeypatch.setattr(cache, "CHUNKED", chunked)
        environment._CACHE.clear()
        out = tmp_path / f"out-{chunked}"
        build(ROOT / "agreements", out, as_of=AS_OF)
        outputs[chunked] = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.docx")}
    assert len(outputs[True]) >= 10
    assert outputs[True].keys() == outputs[False].keys()
    for name, data in outputs[True].items():
        assert data == outputs[False][name], name


def test_an_edited_template_builds_the_same_chunked_or_whole(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "demo"
    shutil.copytree(ROOT / "agreements" / "demo", folder)
    src = ROOT / "templates" / "isa.docx"
    _with_body(src, folder / "isa.docx", _mutate(_body(src), "Zanzibar"))
    isa = folder / "documents" / "isa.yaml"
    isa.write_text(isa.read_text(encoding="utf-8") + "template: isa.docx\n", encoding="utf-8")
    built = {}
    for chunked in (True, False):
        monkeypatch.setattr(cache, "CHUNKED", chunked)
        environment._CACHE.clear()
        out = tmp_path / f"out-{chunked}"
        build(folder, out, as_of=AS_OF, only="demo-mash-isa")
        with zipfile.ZipFile(out / "demo-mash-isa.docx") as zf:
            built[chunked] = zf.read(DOC)
    assert b"Zanzibar " in built[True]
    assert built[True] == built[False]


def _part_template(tmp_path: Path, body: str) -> Path:
    return _with_body(ROOT / "templates" / "isa.docx", tmp_path / "t.docx", body)


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _document(paragraphs: list[str]) -> str:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    return f"{head}<w:document {ns}><w:body>{''.join(paragraphs)}<w:sectPr/></w:body></w:document>"


FILLER = [_paragraph("Filler text for the chunk size. " * 8) for _ in range(80)]


def test_letters_are_not_cut() -> None:
    """A letter is rendered thousands of times: one template, no per-chunk overhead."""
    letter = _body(ROOT / "templates" / "letters" / "caf-family.docx")
    assert "{{" in letter and split(prepare(letter)) is None
    assert split(prepare(letter), size=1, min_part=0) is not None


@pytest.mark.parametrize(
    "statement",
    ["{% set who = 'x' %}", "{% macro m() %}m{% endmacro %}", "{%- if true %}{% endif %}"],
)
def test_parts_using_set_macros_or_whitespace_control_compile_whole(
    cache_dir: Path, tmp_path: Path, statement: str
) -> None:
    xml = _document([*FILLER[:40], _paragraph(statement), *FILLER[40:]])
    assert split(prepare(xml)) is None
    template = environment.load_template(_part_template(tmp_path, xml))
    assert len(template.parts[DOC].chunks) == 1
    plain = _document([*FILLER[:40], _paragraph("{{ name }}"), *FILLER[40:]])
    assert len(environment.load_template(_part_template(tmp_path, plain)).parts[DOC].chunks) > 1


def test_a_syntax_error_reads_as_when_compiled_whole(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    xml = _document([*FILLER[:40], _paragraph("{% if x %}"), *FILLER[40:]])
    messages = []
    for chunked in (True, False):
        monkeypatch.setattr(cache, "CHUNKED", chunked)
        environment._CACHE.clear()
        with pytest.raises(TemplateError) as err:
            environment.load_template(_part_template(tmp_path, xml), "t.docx")
        messages.append(str(err.value))
    assert messages[0] == messages[1]
    assert "t.docx: word/document.xml: Unexpected end of template" in messages[0]


# Generated bodies: paragraphs and tables whose text mixes plain words, placeholders (bare
# and space-preserving text elements), paragraph and row tags, and the rewrites that must
# refuse chunking.
_WORDS = st.sampled_from(["Hub ", "data", " shared ", "{{ name }}", "{{ items | length }}"])
_T = st.sampled_from(["<w:t>", '<w:t xml:space="preserve">'])


@st.composite
def _paragraphs(draw: st.DrawFn) -> str:
    runs = draw(st.lists(st.tuples(_T, _WORDS), min_size=1, max_size=3))
    kind = draw(st.sampled_from(["plain"] * 6 + ["if", "for", "merge", "split", "tcmisuse"]))
    inner = "".join(f"<w:r>{t}{w}</w:t></w:r>" for t, w in runs)
    if kind == "if":
        inner = f"<w:r><w:t>{{%p if flag %}}</w:t></w:r></w:p><w:p>{inner}</w:p><w:p><w:r><w:t>{{%p endif %}}</w:t></w:r>"
    elif kind == "for":
        inner = f"<w:r><w:t>{{% for i in items %}}{{{{ i }}}}{{% endfor %}}</w:t></w:r>{inner}"
    elif kind == "merge":
        inner = f"<w:r><w:t>{{%- if flag %}}x{{% endif %}}</w:t></w:r>{inner}"
    elif kind == "split":
        inner = f"<w:r><w:t>{{</w:t></w:r><w:r><w:t>{{ name }}</w:t></w:r><w:r><w:t>}}</w:t></w:r>{inner}"
    elif kind == "tcmisuse":
        inner = f"<w:r><w:t>{{%tc if flag %}}{{%tc endif %}}</w:t></w:r>{inner}"
    return f"<w:p>{inner}</w:p>"


@st.composite
def _tables(draw: st.DrawFn) -> str:
    rows = draw(st.lists(_paragraphs(), min_size=1, max_size=3))
    cells = "".join(f"<w:tr><w:tc><w:tcPr/>{p}</w:tc></w:tr>" for p in rows)
    loop = draw(st.booleans())
    if loop:
        start = "<w:tr><w:tc><w:p><w:r><w:t>{%tr for i in items %}</w:t></w:r></w:p></w:tc></w:tr>"
        end = "<w:tr><w:tc><w:p><w:r><w:t>{%tr endfor %}</w:t></w:r></w:p></w:tc></w:tr>"
        cells = start + cells + end
    return f"<w:tbl><w:tblPr/>{cells}</w:tbl>"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_paragraphs(), _paragraphs(), _tables()), min_size=3, max_size=25))
def test_generated_bodies_chunk_to_what_the_whole_patches_and_renders(units: list[str]) -> None:
    xml = _document(units)
    pieces = split(prepare(xml), size=1, min_part=0)
    if pieces is None:
        event("not cut")
        return
    assert "".join(pieces) == prepare(xml)
    try:
        patched = [finish_chunk(p) for p in pieces]
    except NotLocal:
        event("cut, then compiled whole (a rewrite may reach past a chunk)")
        return
    event(f"cut into {min(len(pieces), 5)}{'+' if len(pieces) > 5 else ''} chunks")
    whole = oracle(xml)
    assert "".join(patched) == whole
    env = environment.environment()
    context = {"name": "A & B", "items": [1, 2], "flag": True}
    try:
        expected = env.from_string(whole).render(context)
    except jinja2.TemplateSyntaxError:
        # then a chunk fails too, and the part is compiled whole for the same message
        with pytest.raises(jinja2.TemplateSyntaxError):
            for p in patched:
                env.from_string(p)
        return
    chunks = [env.from_string(p) for p in patched]
    assert "".join(c.render(context) for c in chunks) == expected


def test_generated_bodies_do_get_cut() -> None:
    """The property above is not vacuous: such bodies are cut, in many places."""
    units = [_paragraph("{{ name }} text") for _ in range(5)]
    units.insert(2, _paragraph("{%p if flag %}") + _paragraph("x") + _paragraph("{%p endif %}"))
    pieces = split(prepare(_document(units)), size=1, min_part=0)
    assert pieces is not None and len(pieces) == 7
    assert "{%p if flag %}" in pieces[2] and "{%p endif %}" in pieces[2]


def test_a_tag_outside_its_element_refuses_chunking() -> None:
    """A ``{%tc`` tag outside a table reaches back to the last cell of the table before and
    on to the next: patched per chunk, the result would differ from the whole part's."""
    table = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    tags = _paragraph("{%tc if flag %}{%tc endif %}")
    units = [table, _paragraph("a"), tags, _paragraph("b"), table]
    xml = _document(units)
    pieces = split(prepare(xml), size=1, min_part=0)
    assert pieces is not None and len(pieces) == 6  # the five, then sectPr and the end
    assert "".join(finish(p) for p in pieces) != oracle(xml)  # what the check prevents
    with pytest.raises(NotLocal):
        finish_chunk(pieces[2])
    with pytest.raises(jinja2.TemplateSyntaxError):
        environment.environment().from_string("{% if x %}")
