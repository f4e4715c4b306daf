"""Benchmark ``isa-kit audit`` on a 30-page PDF and a 30-page DOCX, against poppler's pdftotext.

The documents are rebuilt from the Barnet seed (tests/fixtures/seeds) at run time, in a temporary
folder: a Word file with real tables, and its LibreOffice PDF, trimmed until both are 30
pages. Each measurement is the median of several runs in this process (``--runs``):

* ``pdftotext``: poppler's ``pdftotext FILE -`` on the PDF (a subprocess, output discarded);
* ``audit pdf``: reading, extracting and judging the PDF (``audit_document``), in process;
* ``audit docx``: the same for the Word file.

The goal (issue #5): the audit's per-page cost for PDF at most 5x that of pdftotext, measured
in the same run. Exit 1 when the ratio is above ``--max-ratio``.

    python bench/bench_audit.py [--runs 7] [--max-ratio 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from audit_seeddocs import (  # noqa: E402
    build_docx,
    convert_to_pdf,
    seed_path,
    seeds_available,
)

PAGES = 30


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm up (imports, caches, page cache)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def build_documents(folder: Path) -> tuple[Path, Path]:
    """A DOCX and its PDF of exactly PAGES pages, from the Barnet seed."""
    import pypdf

    text = seed_path("barnet-protocol-isa").read_text(encoding="utf-8")
    lines = text.splitlines()
    keep = len(lines)
    profile = folder / "profile"
    for attempt in range(6):
        docx = build_docx("\n".join(lines[:keep]), folder / f"bench-{attempt}.docx")
        (pdf,) = convert_to_pdf([docx], folder, profile)
        pages = len(pypdf.PdfReader(pdf).pages)
        if pages == PAGES:
            return docx, pdf
        keep = max(10, int(keep * PAGES / pages) + (1 if pages < PAGES else -1))
    raise SystemExit(f"could not build a {PAGES}-page document (last had {pages} pages)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--max-ratio", type=float, default=5.0)
    args = ap.parse_args(argv)
    if not seeds_available():
        print(
            "bench_audit: the seed documents (tests/fixtures/seeds) are not present",
            file=sys.stderr,
        )
        return 2

    from isa_kit.audit.judge import Context
    from isa_kit.audit.pdf import pdftotext_available
    from isa_kit.audit.service import audit_document
    from isa_kit.reference.knowledge import load_knowledge
    from isa_kit.reference.policy import load_policy

    if not pdftotext_available():
        print("bench_audit: pdftotext (poppler-utils) is not installed", file=sys.stderr)
        return 2
    ctx = Context(as_of=dt.date(2025, 11, 21), knowledge=load_knowledge(), policy=load_policy(None))
    with tempfile.TemporaryDirectory(prefix="isa-kit-bench-") as tmp:
        docx, pdf = build_documents(Path(tmp))

        def poppler() -> None:
            subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True)

        def audit_pdf() -> None:
            found, ok = audit_document(pdf, ctx)
            assert ok and found

        def audit_docx() -> None:
            found, ok = audit_document(docx, ctx)
            assert ok and found

        def audit_pdf_pypdf() -> None:
            found, ok = audit_document(pdf, ctx, engine="pypdf")
            assert ok and found

        t_pop = median_seconds(poppler, args.runs)
        t_pdf = median_seconds(audit_pdf, args.runs)
        t_docx = median_seconds(audit_docx, args.runs)
        t_pypdf = median_seconds(audit_pdf_pypdf, max(3, args.runs // 2))
        cli_t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "isa_kit", "audit", str(pdf), "--as-of", "2025-11-21"],
            capture_output=True,
            check=False,
        )
        t_cli = time.perf_counter() - cli_t

    ratio = t_pdf / t_pop
    ms = 1000 / PAGES
    print(f"{PAGES}-page documents from the Barnet seed; medians of {args.runs} runs")
    print(f"  pdftotext (poppler)       {t_pop * 1000:8.1f} ms  {t_pop * ms:6.2f} ms/page")
    print(f"  audit PDF (auto: poppler) {t_pdf * 1000:8.1f} ms  {t_pdf * ms:6.2f} ms/page")
    print(f"  audit PDF (pypdf only)    {t_pypdf * 1000:8.1f} ms  {t_pypdf * ms:6.2f} ms/page")
    print(f"  audit DOCX                {t_docx * 1000:8.1f} ms  {t_docx * ms:6.2f} ms/page")
    print(
        f"  CLI, one PDF, cold start  {t_cli * 1000:8.1f} ms (interpreter start and imports included)"
    )
    print(f"  PDF per-page ratio audit/pdftotext: {ratio:.2f}x (goal <= {args.max_ratio:g}x)")
    return 0 if ratio <= args.max_ratio else 1


if __name__ == "__main__":
    raise SystemExit(main())
