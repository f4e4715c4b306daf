"""Benchmark ``isa-kit audit`` on a 30-page PDF and a 30-page DOCX, against poppler's pdftotext.

The documents are rebuilt from the Barnet seed (tests/fixtures/seeds) at run time, in the work
folder: a Word file with real tables, and its LibreOffice PDF, trimmed until both are 30
pages. Each measurement is the median of several alternated runs in this process:

* ``pdftotext``: poppler's ``pdftotext FILE -`` on the PDF (a subprocess, output discarded);
* ``audit pdf``: reading, extracting and judging the PDF (``audit_document``), in process;
* ``audit docx``: the same for the Word file.

The goal (issue #5): the audit's per-page cost for PDF at most 5x that of pdftotext, measured
in the same run.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

sys.path.insert(0, str(ROOT / "bench"))

from _common import alternate, emit, goal, median, options, say, workdir  # noqa: E402
from audit_seeddocs import (  # noqa: E402
    build_docx,
    convert_to_pdf,
    seed_path,
    seeds_available,
)

PAGES = 30


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


def main() -> None:
    args = options(__doc__)
    runs = 3 if args.quick else 7
    max_ratio = 5.0
    if not seeds_available():
        raise SystemExit("bench_audit: the seed documents (tests/fixtures/seeds) are not present")

    from isa_kit.audit.judge import Context
    from isa_kit.audit.pdf import pdftotext_available
    from isa_kit.audit.service import audit_document
    from isa_kit.reference.knowledge import load_knowledge
    from isa_kit.reference.policy import load_policy

    if not pdftotext_available():
        raise SystemExit("bench_audit: pdftotext (poppler-utils) is not installed")
    ctx = Context(as_of=dt.date(2025, 11, 21), knowledge=load_knowledge(), policy=load_policy(None))
    with workdir(args.workdir, "audit") as tmp:
        docx, pdf = build_documents(Path(tmp))

        def poppler() -> None:
            subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True)

        def audit_pdf() -> None:
            found, ok = audit_document(pdf, ctx)
            assert ok and found

        def audit_docx() -> None:
            found, ok = audit_document(docx, ctx)
            assert ok and found

        say(f"{PAGES}-page documents from the Barnet seed, {runs} alternated runs")
        times = alternate(
            {"poppler": timed(poppler), "pdf": timed(audit_pdf), "docx": timed(audit_docx)}, runs
        )
    t_pop, t_pdf, t_docx = (median(times[k]) for k in ("poppler", "pdf", "docx"))
    figures = {
        "pdftotext_ms_per_page_median": t_pop * 1000 / PAGES,
        "audit_pdf_ms_per_page_median": t_pdf * 1000 / PAGES,
        "audit_docx_ms_per_page_median": t_docx * 1000 / PAGES,
        "audit_pdf_over_pdftotext_x": t_pdf / t_pop,
    }
    goals = [goal("audit of a PDF per page / pdftotext", t_pdf / t_pop, "<=", max_ratio)]
    emit("audit", figures, goals)


def timed(fn: Callable[[], None]) -> Callable[[], float]:
    def once() -> float:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    return once


if __name__ == "__main__":
    main()
