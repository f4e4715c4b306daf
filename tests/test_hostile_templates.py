"""Templates as an attack surface: whoever can edit a .docx can write Jinja and zip members.

Every hostile template is built on the fly. Each must stop ``build`` with one line naming the
template (exit 2) and nothing written, within generous time and memory bounds; ``templates
lint`` must refuse or flag the same constructs.
"""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from test_loader_errors import DOCUMENT, make

from isa_kit.cli.main import main
from isa_kit.render import bounds


def _docx(paragraph: str) -> bytes:
    d = docx.Document()
    d.add_paragraph(paragraph)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _rezip(
    data: bytes,
    *,
    drop: str = "",
    add: dict[str, bytes] | None = None,
    edit: dict[str, tuple[bytes, bytes]] | None = None,
) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z,
    ):
        for info in src.infolist():
            if info.filename == drop:
                continue
            raw = src.read(info)
            if edit and info.filename in edit:
                raw = raw.replace(*edit[info.filename])
            z.writestr(info.filename, raw)
        for name, raw in (add or {}).items():
            z.writestr(name, raw)
    return out.getvalue()


def _partnership(tmp_path: Path, template: bytes, name: str = "t.docx") -> Path:
    folder = make(tmp_path, document=DOCUMENT + f"template: {name}\n")
    (folder / name).write_bytes(template)
    return folder


# Runs the CLI as a user would and records the process's own peak memory on the way out.
_DRIVER = (
    "import resource, sys\n"
    "from isa_kit.cli.main import main\n"
    "code = main(sys.argv[2:])\n"
    "with open(sys.argv[1], 'w') as fh:\n"
    "    fh.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
    "sys.exit(code)\n"
)


def _build(tmp_path: Path) -> tuple[int, list[str], float, int]:
    """Run ``build``: exit code, stderr lines, seconds, peak memory of the process (KB)."""
    start = time.monotonic()
    peak_file = tmp_path / "peak.txt"
    args = ["build", "tiny", "--out", "out", "--as-of", "2026-01-01"]
    result = subprocess.run(
        [sys.executable, "-c", _DRIVER, str(peak_file), *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
    )
    seconds = time.monotonic() - start
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    return (
        result.returncode,
        result.stderr.strip().splitlines(),
        seconds,
        int(peak_file.read_text()),
    )


@pytest.mark.parametrize(
    ("jinja", "expected"),
    [
        ("{{ 9**(9**9) }}", "not allowed in a template: the power 9 ** 387420489 is too large"),
        ('{{ "x" * 1000000000 }}', "repeating a value 1,000,000,000 times is too large"),
        ('{{ "x"|center(1000000000) }}', "filter 'center': the number 1000000000 is too large"),
        ('{{ "x".ljust(1000000000) }}', "the number 1000000000 is too large for a template"),
        ("{{ range(1000000)|list }}", "the number 1000000 is too large for a template"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "a macro calls itself without end"),
        ("{{ ''.__class__.mro() }}", "access to attribute '__class__' of 'str' object is unsafe"),
    ],
)
def test_hostile_expressions_stop_build(tmp_path: Path, jinja: str, expected: str) -> None:
    _partnership(tmp_path, _docx(jinja))
    code, lines, seconds, _ = _build(tmp_path)
    assert code == 2 and len(lines) == 1, lines
    assert lines[0].startswith("isa-kit: tiny/t.docx: ") and expected in lines[0], lines
    assert seconds < 60


def _build_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, float]:
    monkeypatch.chdir(tmp_path)
    start = time.monotonic()
    code = main(["build", "tiny", "--out", "out", "--as-of", "2026-01-01"])
    err = capsys.readouterr().err.strip()
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    return code, err, time.monotonic() - start


def test_endless_loops_hit_the_wall_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bounds, "RENDER_SECONDS", 2.0)
    loops = "{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}"
    _partnership(tmp_path, _docx(loops))
    code, err, seconds = _build_in_process(tmp_path, monkeypatch, capsys)
    assert code == 2
    assert err == "isa-kit: tiny/t.docx: stopped: rendering took longer than 2 seconds"
    assert seconds < 30  # generous: the bound is 2 s


def test_output_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bounds, "OUTPUT_BUDGET", 1_000_000)
    loops = "{% for a in range(99999) %}{% for b in range(999) %}xxxxxxxxxx{% endfor %}{% endfor %}"
    _partnership(tmp_path, _docx(loops))
    code, err, seconds = _build_in_process(tmp_path, monkeypatch, capsys)
    assert code == 2
    assert err == "isa-kit: tiny/t.docx: stopped: the document is larger than 1,000,000 characters"
    assert seconds < 30


def test_memory_budget_stops_doubling_strings(tmp_path: Path) -> None:
    doubling = (
        '{% set ns = namespace(s="x") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}'
        "{% endfor %}{{ ns.s|length }}"
    )
    _partnership(tmp_path, _docx(doubling))
    code, lines, seconds, peak_kb = _build(tmp_path)
    assert code == 2
    assert lines == [
        f"isa-kit: tiny/t.docx: stopped: rendering used more than "
        f"{bounds.MEMORY_BUDGET // 1_000_000:,} MB of memory"
    ]
    assert peak_kb < 3_000_000  # 2**40 characters would be a terabyte
    assert seconds < 120


def test_macro_enabled_template_refused(tmp_path: Path) -> None:
    docm = _rezip(
        _docx("{{ document.title }}"), add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}
    )
    _partnership(tmp_path, docm)
    code, lines, _, _ = _build(tmp_path)
    assert code == 2
    assert lines == [
        "isa-kit: tiny/t.docx: contains a macro project or ActiveX control "
        "(word/vbaProject.bin): refused; save it as a Word Document (.docx) without macros"
    ]
    _partnership(tmp_path / "b", _docx("{{ document.title }}"), name="t.docm")
    code, lines, _, _ = _build(tmp_path / "b")
    assert code == 2 and lines == [
        "isa-kit: tiny/t.docm: a macro-enabled template is refused: save it as a Word "
        "Document (.docx)"
    ]


def test_dtd_in_a_template_part_refused(tmp_path: Path) -> None:
    xxe = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    data = _rezip(
        _docx("{{ document.title }}"),
        edit={
            "word/document.xml": (b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>", xxe)
        },
    )
    assert b"DOCTYPE" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    _partnership(tmp_path, data)
    code, lines, _, _ = _build(tmp_path)
    assert code == 2
    assert lines == [
        "isa-kit: tiny/t.docx: word/document.xml contains a DTD (<!DOCTYPE> or <!ENTITY>): refused"
    ]


def test_template_without_document_part_refused(tmp_path: Path) -> None:
    _partnership(tmp_path, _rezip(_docx("x"), drop="word/document.xml"))
    code, lines, _, _ = _build(tmp_path)
    assert code == 2
    assert lines == ["isa-kit: tiny/t.docx: no word/document.xml: expected a Word (.docx) template"]


def test_template_zip_bomb_refused_unread(tmp_path: Path) -> None:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_docx("x"))) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z,
    ):
        for info in src.infolist():
            z.writestr(info.filename, src.read(info))
        with z.open("word/media/fill.bin", "w") as fh:
            for _ in range(800):
                fh.write(b"\0" * 1_000_000)  # 800 MB of zeros, under 1 MB on disk
    assert len(out.getvalue()) < 2_000_000
    _partnership(tmp_path, out.getvalue())
    code, lines, _, peak_kb = _build(tmp_path)
    assert code == 2
    assert lines == [
        "isa-kit: tiny/t.docx: member 'word/media/fill.bin' would inflate to 800,000,000 "
        "bytes: refused (a zip bomb?)"
    ]
    assert peak_kb < 400_000


# --- templates lint ---------------------------------------------------------------------------


def _lint(path: Path) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "isa_kit", "templates", "lint", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=path.parent,
    )
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("jinja", "expected"),
    [
        ("{{ ''.__class__.mro() }}", "'__class__' is not allowed"),
        ("{{ document.mro }}", "'mro' is not allowed"),
        ("{{ x.__subclasses__() }}", "'__subclasses__' is not allowed"),
        ("{{ 9**(9**9) }}", "a power too large for a template"),
        ('{{ "x" * 1000000000 }}', "a repetition or product too large"),
        ("{% for i in range(200000) %}{% endfor %}", "range() beyond the sandbox's limit"),
        ('{{ "x"|center(1000000000) }}', "the number 1000000000 is too large"),
        ("{{ document.parties.append(1) }}", "'append' changes data"),
    ],
)
def test_lint_flags_what_the_sandbox_refuses(tmp_path: Path, jinja: str, expected: str) -> None:
    path = tmp_path / "t.docx"
    path.write_bytes(_docx(jinja))
    code, out = _lint(path)
    assert code == 1 and expected in out, out


def test_lint_flags_external_fields_and_linked_images(tmp_path: Path) -> None:
    field = (
        b"<w:body>",
        b'<w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r>'
        b'<w:instrText xml:space="preserve"> INCLUDETEXT "http://tracker.example/x" </w:instrText>'
        b'</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    )
    rel = (
        b"</Relationships>",
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/image" Target="http://tracker.example/p.png" '
        b'TargetMode="External"/></Relationships>',
    )
    data = _rezip(
        _docx("{{ document.title }}"),
        edit={"word/document.xml": field, "word/_rels/document.xml.rels": rel},
    )
    path = tmp_path / "t.docx"
    path.write_bytes(data)
    code, out = _lint(path)
    assert code == 1
    assert "word/document.xml: a INCLUDETEXT field fetches content from elsewhere" in out
    assert "an external link to 'http://tracker.example/p.png'" in out
    _partnership(tmp_path / "b", data)
    code, lines, _, _ = _build(tmp_path / "b")
    assert code == 2 and "INCLUDETEXT field fetches content from elsewhere: refused" in lines[0]


def test_lint_refuses_macro_and_dtd_templates(tmp_path: Path) -> None:
    path = tmp_path / "m.docx"
    path.write_bytes(_rezip(_docx("x"), add={"word/vbaProject.bin": b"macro"}))
    code, out = _lint(path)
    assert code == 2 and "m.docx: contains a macro project" in out
    path.write_bytes(
        _rezip(_docx("x"), edit={"word/styles.xml": (b"<w:styles", b"<!DOCTYPE s><w:styles")})
    )
    code, out = _lint(path)
    assert code == 2 and "word/styles.xml contains a DTD" in out


def test_template_outside_the_partnership_folder_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.docx").write_bytes(_docx("{{ document.title }}"))
    make(tmp_path, document=DOCUMENT + "template: ../elsewhere.docx\n")
    code, lines, _, _ = _build(tmp_path)
    assert code == 2
    assert lines == [
        "isa-kit: tiny/documents/isa.yaml:10:11: template: elsewhere.docx: leads outside "
        "tiny: refused (files must stay inside the folder named on the command line)"
    ]


def test_lint_of_a_folder_refuses_a_macro_enabled_template_in_it(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "ok.docx").write_bytes(_docx("{{ document.title }}"))
    (tmp_path / "templates" / "isa.docm").write_bytes(_docx("{{ document.title }}"))
    code, out = _lint(tmp_path / "templates")
    assert code == 2
    assert "isa.docm: a macro-enabled template is refused" in out


def test_memory_is_read_at_most_every_few_milliseconds(monkeypatch: pytest.MonkeyPatch) -> None:
    readings: list[int] = []

    def rss() -> int:
        readings.append(1)
        return 1_000 if len(readings) == 1 else 10**12  # over budget from the second reading

    monkeypatch.setattr(bounds, "_rss", rss)
    budget = bounds.Budget()  # reading 1: the base
    with pytest.raises(bounds.RenderOverrun, match="MB of memory"):
        budget.check()  # the first check reads it, and finds it over the budget
    readings.clear()
    budget.memory_due = 0.0
    monkeypatch.setattr(bounds, "_rss", lambda: readings.append(1) or 1_000)
    for _ in range(2_000):
        budget.check()
    assert 1 <= len(readings) < 50  # not once per output chunk
