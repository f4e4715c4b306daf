"""The protocol website: pages made from the data, escaping, strict links, determinism."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, require, run_cli

from isa_kit.site.build import build_site
from isa_kit.site.generate import PAGES
from isa_kit.site.md import esc

AS_OF = dt.date(2026, 11, 21)


def _graphviz() -> None:
    require(shutil.which("dot") is not None, "Graphviz missing: apt-get install graphviz")


@pytest.fixture(scope="module")
def barnet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _graphviz()
    return build_site(
        ROOT / "agreements/barnet", tmp_path_factory.mktemp("b") / "site", as_of=AS_OF
    ).out


def _text(page: Path) -> str:
    """The visible text of a page's article, whitespace collapsed."""
    body = re.search(r"<article.*?</article>", page.read_text(encoding="utf-8"), re.S)
    assert body is not None
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body.group(0))).split())


def test_every_page_is_built(barnet: Path) -> None:
    for name, title, _ in PAGES:
        page = barnet / name.replace(".md", ".html")
        assert "<h1" in page.read_text(encoding="utf-8"), name
        assert title.split()[0].lower() in _text(page).lower() or name == "index.md"


def test_brag_table_lists_the_four_levels_with_timescales(barnet: Path) -> None:
    text = _text(barnet / "how-the-mash-works.html")
    for level, timescale in [
        ("Red", "same day"),
        ("Amber", "48 hours"),
        ("Green", "4 days"),
        ("Blue", "7 days"),
    ]:
        assert re.search(rf"\b{level}\b [^|]*?\b{timescale}\b", text), (level, timescale)
    # ordered by priority: Red first, Blue last
    assert text.index(" Red High same day") < text.index(" Blue Low 7 days")


def test_register_marks_the_barnet_isa_overdue(barnet: Path) -> None:
    page = (barnet / "agreements.html").read_text(encoding="utf-8")
    row = next(
        r for r in re.findall(r"<tr>.*?</tr>", page, re.S) if "Information Sharing Agreement" in r
    )
    assert "April 2018" in row and 'class="isa-badge isa-overdue">Overdue<' in row


def test_overdue_banner_and_review_dates_on_every_page(barnet: Path) -> None:
    for page in sorted(barnet.glob("*.html")):
        if page.name == "404.html":
            continue
        text = _text(page)
        assert "Review overdue" in text, page.name
        assert "Last reviewed: April 2016. Next review due: April 2018." in text, page.name


def test_home_puts_contacts_and_999_first(barnet: Path) -> None:
    text = _text(barnet / "index.html")
    assert text.index("call 999") < text.index("About the hub")
    assert "0208 359 4066" in text and "020 8359 2000" in text  # phone, out of hours
    assert "MASH@barnet.gov.uk" in text  # published mailbox
    assert "lado@barnet.gov.uk" not in text  # not marked publishable


def test_compliance_page_lists_the_check_findings(barnet: Path) -> None:
    text = _text(barnet / "compliance.html")
    proc = run_cli("check", "agreements/barnet", "--as-of", AS_OF.isoformat(), "--format", "json")
    import json

    codes = {f["code"] for f in json.loads(proc.stdout)["findings"]}
    assert codes and "ISA010" in codes
    for code in codes:
        assert code in text


def test_diagrams_are_local_svg_with_text_alternatives(barnet: Path) -> None:
    page = (barnet / "information-sharing.html").read_text(encoding="utf-8")
    assert 'src="diagrams/should-i-share.svg"' in page
    svg = (barnet / "diagrams/should-i-share.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "http://" not in svg.split("<svg", 1)[1].replace(
        "http://www.w3.org", ""
    )
    assert "Should I share? A decision diagram, in words" in _text(
        barnet / "information-sharing.html"
    )
    pathway = _text(barnet / "how-the-mash-works.html")
    assert "Red: act same day" in pathway and "Blue: act within 7 days" in pathway


def test_no_page_references_outside_urls_for_fonts_or_scripts(barnet: Path) -> None:
    for page in barnet.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "unpkg.com" not in text, page
        assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', text), page


def test_same_data_and_date_give_identical_bytes(barnet: Path, tmp_path: Path) -> None:
    again = build_site(ROOT / "agreements/barnet", tmp_path / "again", as_of=AS_OF).out
    first = {p.relative_to(barnet): p.read_bytes() for p in barnet.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys() and first == second
    # the sitemap's gzip header carries the build date: the as-of date, never the clock
    gz = (barnet / "sitemap.xml.gz").read_bytes()
    stamp = dt.datetime(2026, 11, 21, tzinfo=dt.UTC).timestamp()
    assert int.from_bytes(gz[4:8], "little") == int(stamp)


def _copy(name: str, tmp_path: Path) -> Path:
    folder = tmp_path / name
    shutil.copytree(ROOT / "agreements" / name, folder)
    return folder


def test_data_is_escaped(tmp_path: Path) -> None:
    _graphviz()
    folder = _copy("demo", tmp_path)
    orgs = folder / "organisations.yaml"
    data = yaml.safe_load(orgs.read_text(encoding="utf-8"))
    data["organisations"][0]["name"] = "<script>alert(1)</script>"
    data["organisations"][1]["name"] = "[click me](https://evil.example/) ![pic](x.png) *bold*"
    orgs.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    out = build_site(folder, tmp_path / "out", as_of=AS_OF).out
    page = (out / "partners.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    assert "[click me](https://evil.example/) ![pic](x.png) *bold*" in _text(out / "partners.html")
    assert 'href="https://evil.example/' not in page and 'src="x.png"' not in page
    assert "<em>bold</em>" not in page


def test_escape_covers_markdown_and_html() -> None:
    assert esc("<b>&") == "&lt;b&gt;&amp;"
    assert esc("[a](b)") == r"\[a\]\(b\)"
    assert esc("a\nb") == "a b"  # one line: data cannot start a block


def test_broken_internal_link_or_anchor_fails_the_strict_build(tmp_path: Path) -> None:
    _graphviz()
    folder = _copy("demo", tmp_path)
    (folder / "site").mkdir()
    (folder / "site/news.md").write_text(
        "# News\n\nSee [partners](partners.md).\n", encoding="utf-8"
    )
    good = run_cli(
        "site", "build", str(folder), "--out", str(tmp_path / "ok"), "--as-of", "2026-11-21"
    )
    assert good.returncode == 0, good.stderr
    assert "News" in _text(tmp_path / "ok/news.html") and "Last reviewed" in _text(
        tmp_path / "ok/news.html"
    )
    for broken in ("[gone](no-such-page.md)", "[anchor](partners.md#no-such-heading)"):
        (folder / "site/news.md").write_text(f"# News\n\nSee {broken}.\n", encoding="utf-8")
        bad = run_cli(
            "site", "build", str(folder), "--out", str(tmp_path / "bad"), "--as-of", "2026-11-21"
        )
        assert bad.returncode == 2, (broken, bad.stderr)
        assert "Traceback" not in bad.stderr and "the site did not build" in bad.stderr
        assert not (tmp_path / "bad").exists()  # nothing half-written


def test_repository_mkdocs_yml_builds_strict(tmp_path: Path) -> None:
    _graphviz()
    proc = subprocess.run(
        [
            str(Path(sys.executable).with_name("mkdocs")),
            "build",
            "--strict",
            "-q",
            "-d",
            str(tmp_path / "s"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={
            "PATH": "/usr/bin:/bin",
            "SOURCE_DATE_EPOCH": "1795219200",
            "NO_MKDOCS_2_WARNING": "1",
        },
    )
    assert proc.returncode == 0, proc.stderr
    assert "Local resources" in _text(tmp_path / "s/local-resources.html")
    assert "Demoshire" in _text(tmp_path / "s/index.html")
    # SOURCE_DATE_EPOCH 1795219200 is 2026-11-21: the build date is the site's as-of date
    assert "as of 21 November 2026" in _text(tmp_path / "s/index.html")


def test_repository_mkdocs_yml_matches_the_cli_settings() -> None:
    from isa_kit.site.config import MARKDOWN_EXTENSIONS, THEME, VALIDATION

    conf = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert conf["theme"] == THEME and conf["markdown_extensions"] == MARKDOWN_EXTENSIONS
    assert conf["validation"] == VALIDATION and conf["use_directory_urls"] is False
    assert conf["docs_dir"] == "site"


def test_bad_folder_is_a_one_line_error(tmp_path: Path) -> None:
    proc = run_cli("site", "build", str(tmp_path), "--as-of", "2026-11-21")
    assert proc.returncode == 2 and "not a partnership folder" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_generating_pages_never_imports_mkdocs() -> None:
    code = (
        "import sys, datetime\n"
        "from pathlib import Path\n"
        "from isa_kit.site.generate import generate_files\n"
        "g = generate_files(Path('agreements/demo'), datetime.date(2026, 11, 21))\n"
        "assert 'index.md' in g.files\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_register_links_the_built_documents(tmp_path: Path) -> None:
    _graphviz()
    docs = tmp_path / "docs"
    built = run_cli("build", "agreements/barnet", "--out", str(docs), "--as-of", "2026-11-21", "-q")
    assert built.returncode == 0, built.stderr
    out = build_site(ROOT / "agreements/barnet", tmp_path / "site", as_of=AS_OF, documents=docs).out
    page = (out / "agreements.html").read_text(encoding="utf-8")
    from isa_kit.data.loader import load_partnership

    for doc in load_partnership(ROOT / "agreements/barnet").documents:
        name = f"{doc.id}.docx"
        assert f'href="downloads/{name}"' in page
        assert (out / "downloads" / name).read_bytes() == (docs / name).read_bytes()


def test_serve_previews_the_site(tmp_path: Path) -> None:
    import socket
    import time
    import urllib.request

    _graphviz()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "isa_kit", "site", "serve", "agreements/demo",
         "--as-of", "2026-11-21", "--address", f"127.0.0.1:{port}"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline, body = time.monotonic() + 90, ""
        while time.monotonic() < deadline and "Demoshire" not in body:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=5) as r:
                    body = r.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        assert "Demoshire" in body and "call 999" in body.lower()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
