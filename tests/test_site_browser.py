"""The protocol website in a real browser: axe-core WCAG 2.2 AA on every built page of the
demo and Barnet sites, a home page that is not blank, search that works from the folder, and
no request leaving the site's folder."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from _browser import axe_violations, open_page, outside_requests, served
from conftest import ROOT, require

from isa_kit.site.build import build_site

AS_OF = dt.date(2026, 11, 21)

# Draws the screenshot on a canvas and counts its distinct colours and the spread of its
# brightness: a blank (one-colour) page gives 1 colour and no spread.
_PIXELS = """async (b64) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + b64;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.width; c.height = img.height;
  const g = c.getContext('2d'); g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, c.width, c.height).data;
  const colours = new Set(); let sum = 0, sq = 0, n = 0;
  for (let i = 0; i < d.length; i += 4 * 7) {
    colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    const y = 0.3 * d[i] + 0.59 * d[i + 1] + 0.11 * d[i + 2]; sum += y; sq += y * y; n++;
  }
  const mean = sum / n;
  return {colours: colours.size, variance: sq / n - mean * mean};
}"""


@pytest.fixture(scope="module", params=["demo", "barnet"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    require(shutil.which("dot") is not None, "Graphviz missing: apt-get install graphviz")
    out = tmp_path_factory.mktemp(request.param) / "site"
    return build_site(ROOT / "agreements" / request.param, out, as_of=AS_OF).out


def test_every_page_has_no_wcag_violations_and_no_outside_request(site: Path) -> None:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) >= 10  # nine generated pages and the 404 page
    results = {}
    with served(site) as base, open_page(base) as page:
        for name in pages:
            page.goto(base + name, wait_until="networkidle")
            results[name] = (axe_violations(page), outside_requests(page))
    assert {n: r for n, r in results.items() if r != ([], [])} == {}


def test_narrow_screen_home_and_mash_pages_have_no_violations(site: Path) -> None:
    with served(site) as base, open_page(base, width=390, height=844) as page:
        for name in ("index.html", "how-the-mash-works.html", "agreements.html"):
            page.goto(base + name, wait_until="networkidle")
            assert axe_violations(page) == [], name
        assert outside_requests(page) == []


def test_home_page_screenshot_is_not_blank(site: Path, tmp_path: Path) -> None:
    import base64

    with served(site) as base, open_page(base) as page:
        page.goto(base + "index.html", wait_until="networkidle")
        png = page.screenshot(path=str(tmp_path / "home.png"), full_page=True)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        stats = page.evaluate(_PIXELS, base64.b64encode(png).decode("ascii"))
        assert page.locator("h1").first.is_visible()
        assert outside_requests(page) == []
    assert stats["colours"] > 20 and stats["variance"] > 100, stats


def test_print_stylesheet_hides_navigation(site: Path) -> None:
    with served(site) as base, open_page(base) as page:
        page.goto(base + "how-the-mash-works.html", wait_until="networkidle")
        assert page.locator(".md-sidebar--primary").is_visible()
        page.emulate_media(media="print")
        assert not page.locator(".md-header").is_visible()
        assert not page.locator(".md-sidebar--primary").is_visible()
        assert page.locator("h1").is_visible() and page.locator("table").first.is_visible()


def test_search_works_from_the_site_folder(site: Path) -> None:
    with served(site) as base, open_page(base) as page:
        page.goto(base + "index.html", wait_until="networkidle")
        page.locator("input.md-search__input").click()
        page.keyboard.type("escalation")
        first = page.locator(".md-search-result__item").first
        first.wait_for(timeout=15000)
        assert "escalation" in page.locator(".md-search-result").inner_text().lower()
        assert outside_requests(page) == []
