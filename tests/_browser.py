"""A real browser for the accessibility tests: Debian's Chromium driven by Playwright.

Playwright never downloads a browser here: it launches the Chromium that ``scripts/bootstrap.sh``
installs from Debian. axe-core (bundled with ``axe-playwright-python``) runs the WCAG 2.2 AA
rules inside the page. Every request is routed through a guard, so a test can assert that no
request left the folder being served (no CDN font, script or image).

Use: ``with served(folder) as base, open_page(base) as page: page.goto(base + "index.html")``,
then ``axe_violations(page)`` and ``outside_requests(page)``.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from conftest import require

# The real ELF: /usr/bin/chromium is a shell wrapper Playwright cannot use as executable_path.
CHROMIUM = Path("/usr/lib/chromium/chromium")
WCAG22AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Without these Chromium tries to reach Google's services at start, which a closed network refuses.
QUIET_FLAGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output clean."""


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free loopback port; yield its base URL (ending in ``/``)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def open_page(base_url: str, width: int = 1280, height: int = 800) -> Iterator[Any]:
    """A fresh page in Debian's Chromium; requests outside ``base_url`` are aborted and kept."""
    require(CHROMIUM.exists(), "Chromium missing: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - bootstrap installs it
        require(False, "Playwright missing: pip install -e '.[test]'")
        raise
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=QUIET_FLAGS)
        context = browser.new_context(
            viewport={"width": width, "height": height}, service_workers="block"
        )
        outside: list[str] = []
        failed: list[str] = []

        def guard(route: Any) -> None:
            if route.request.url.startswith(base_url):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.outside_requests = outside  # type: ignore[attr-defined]
        page.failed_requests = failed  # type: ignore[attr-defined]
        try:
            yield page
        finally:
            context.close()
            browser.close()


def axe_violations(page: Any) -> list[tuple[str, list[Any]]]:
    """axe-core's WCAG 2.2 AA violations on the loaded page, as (rule id, targets)."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG22AA}, "resultTypes": ["violations"]}
    result = Axe().run(page, options=options)
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result.response["violations"]]


def outside_requests(page: Any) -> list[str]:
    """Requests the page tried to make outside the served folder, plus any that failed (4xx/5xx)."""
    return [*page.outside_requests, *page.failed_requests]
