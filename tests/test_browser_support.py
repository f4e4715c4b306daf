"""The browser harness itself: axe finds real violations, a clean page has none, and
requests leaving the served folder are caught (so the site and HTML-report tests can trust it)."""

from __future__ import annotations

from pathlib import Path

from _browser import axe_violations, open_page, outside_requests, served

BAD = (
    '<!doctype html><html><head><title>x</title></head><body><img src="a.png">'
    '<a href="#"></a><img src="https://unpkg.com/x.png" alt="x"></body></html>'
)
GOOD = (
    '<!doctype html><html lang="en"><head><title>Good</title></head>'
    "<body><main><h1>Hello</h1><p>Plain text.</p></main></body></html>"
)


def test_axe_and_request_guard(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.html").write_text(GOOD, encoding="utf-8")
    with served(tmp_path) as base, open_page(base) as page:
        page.goto(base + "bad.html", wait_until="networkidle")
        rules = {rule for rule, _ in axe_violations(page)}
        assert {"image-alt", "html-has-lang", "link-name"} <= rules
        outside = outside_requests(page)
        assert "https://unpkg.com/x.png" in outside
        assert base + "a.png" in outside  # a 404 inside the folder counts as a broken request
        page.goto(base + "good.html", wait_until="networkidle")
        assert axe_violations(page) == []
