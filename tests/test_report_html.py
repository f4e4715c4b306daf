"""``--format html``: one self-contained page for a board: summary chart and table, every
finding with file and line, filterable, escaped, and clean under axe-core WCAG 2.2 AA."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import lxml.html
from _browser import axe_violations, open_page, outside_requests, served
from conftest import ROOT, run_cli

from isa_kit import check_paths, render_report
from isa_kit.core.findings import Category, Finding, Severity
from isa_kit.report.model import Report

AS_OF = dt.date(2026, 12, 3)
HOSTILE = '<script>alert("x")</script> & <img src=https://evil.example/x.png>'


def hostile_report() -> Report:
    return Report(
        as_of=AS_OF,
        checked_documents=2,
        findings=[
            Finding(
                code="ISA020",
                category=Category.INSECURE_EMAIL_DOMAIN,
                severity=Severity.ERROR,
                message=HOSTILE,
                file='agreements/a&b/"orgs".yaml',
                line=12,
                column=5,
                subject="<b>org</b>",
                hint="Use 'nhs.net' & friends",
            ),
            Finding(
                code="ISA011",
                category=Category.REVIEW_DUE_SOON,
                severity=Severity.WARNING,
                message="review due on 2027-01-01",
                file="agreements/demo/documents/isa.yaml",
                line=40,
            ),
            Finding(
                code="ISA011",
                category=Category.REVIEW_DUE_SOON,
                severity=Severity.INFO,
                message="review soon",
                file="agreements/demo/documents/mou.yaml",
                line=None,
            ),
        ],
    )


def test_content_and_escaping() -> None:
    text = render_report(hostile_report(), "html")
    assert text == render_report(hostile_report(), "html")  # deterministic
    assert HOSTILE not in text and "<b>org</b>" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img" in text
    assert "agreements/<wbr>a&amp;b/<wbr>&quot;orgs&quot;.yaml" in text
    page = lxml.html.fromstring(text)
    # nothing to fetch: no src/href attribute at all, and a CSP that forbids fetching
    assert page.xpath("//@src | //@href") == []
    assert "default-src 'none'" in text
    assert page.get("lang") == "en-GB"
    assert page.findtext(".//h1") == "Compliance report: isa-kit check"
    totals = [li.text_content() for li in page.xpath("//ul[@class='totals']/li")]
    assert totals == ["1Errors", "1Warnings", "1Info", "0Waived"]
    summary = {
        tr.findtext("th"): [td.text_content() for td in tr.findall("td")]
        for tr in page.xpath("//table[not(@id)]/tbody/tr")
    }
    assert summary == {
        "review-due-soon": ["0", "1", "1", "2"],
        "insecure-email-domain": ["1", "0", "0", "1"],
    }
    svg_bars = page.xpath("//svg/rect[title]")
    assert len(svg_bars) == 3
    assert page.xpath("//svg/@role") == ["img"]
    rows = page.xpath('//table[@id="findings"]/tbody/tr')
    cells = [[td.text_content() for td in row.findall("td")] for row in rows]
    assert cells[0][:5] == [
        "error",
        "ISA020",
        "insecure-email-domain",
        'agreements/a&b/"orgs".yaml',
        "12",
    ]
    assert cells[0][5].startswith(HOSTILE) and "Hint: Use 'nhs.net' & friends" in cells[0][5]
    assert cells[0][6] == "<b>org</b>"
    assert [c[4] for c in cells] == ["12", "40", ""]
    assert [r.get("data-severity") for r in rows] == ["error", "warning", "info"]
    # without the script the filters stay hidden and every row shows
    assert page.get_element_by_id("filters").get("hidden") is not None
    assert all(r.get("hidden") is None for r in rows)


def test_empty_report_says_so() -> None:
    text = render_report(Report(as_of=AS_OF, findings=[], checked_documents=1), "html")
    assert "<p>No findings.</p>" in text and "<svg" not in text


def test_check_cli_writes_html(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run_cli(
        "check", "agreements/", "--as-of", "2026-12-03", "--format", "html", "-o", str(out)
    )
    assert result.returncode in (0, 1), result.stderr
    page = lxml.html.fromstring(out.read_text(encoding="utf-8"))
    rows = page.xpath('//table[@id="findings"]/tbody/tr')
    json_out = run_cli("check", "agreements/", "--as-of", "2026-12-03", "--format", "json")
    assert len(rows) == json_out.stdout.count('"fingerprint"')
    assert len(rows) > 10


def test_audit_cli_writes_html(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("This agreement is made under the Data Protection Act 1998.")
    document.save(str(tmp_path / "old.docx"))
    result = run_cli(
        "audit", str(tmp_path / "old.docx"), "--as-of", "2026-12-03", "--format", "html"
    )
    assert result.returncode == 1, result.stderr
    page = lxml.html.fromstring(result.stdout)
    assert page.findtext(".//h1") == "Compliance report: isa-kit audit"
    codes = page.xpath('//table[@id="findings"]/tbody/tr/td[2]/text()')
    assert "superseded-legislation" in page.xpath('//table[@id="findings"]/tbody/tr/td[3]/text()')
    assert codes


def test_axe_filter_and_screenshot(tmp_path: Path) -> None:
    report = check_paths([ROOT / "agreements"], AS_OF).report
    report.findings.append(hostile_report().findings[0])
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "report.html").write_text(render_report(report, "html"), encoding="utf-8")
    shots = Path(os.environ.get("ISA_KIT_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    with served(folder) as base, open_page(base) as page:
        page.on("dialog", lambda d: (_ for _ in ()).throw(AssertionError("script ran")))
        page.goto(base + "report.html", wait_until="networkidle")
        assert page.title() == "isa-kit check report, as of 2026-12-03"
        page.screenshot(path=str(shots / "html-report.png"))
        page.screenshot(path=str(shots / "html-report-full.png"), full_page=True)
        assert axe_violations(page) == []
        total = len(report.findings)
        assert page.locator("#filters").is_visible()
        page.select_option("#f-severity", "warning")
        warnings = sum(1 for f in report.findings if f.severity is Severity.WARNING)
        assert 0 < warnings < total
        assert page.locator("#shown").inner_text() == f"Showing {warnings} of {total} findings."
        visible = page.locator("#findings tbody tr:visible td:first-child").all_inner_texts()
        assert visible == ["warning"] * warnings
        page.select_option("#f-severity", "")
        page.fill("#f-text", "evil.example")
        assert page.locator("#findings tbody tr:visible").count() == 1
        assert axe_violations(page) == []  # the filtered state too
        assert outside_requests(page) == []
    assert (shots / "html-report.png").stat().st_size > 10_000
    with served(folder) as base, open_page(base, width=390, height=844) as phone:
        phone.goto(base + "report.html", wait_until="networkidle")
        assert axe_violations(phone) == []  # a phone's width too
        assert outside_requests(phone) == []
