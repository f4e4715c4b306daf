"""PDF: one LibreOffice batch for a partnership's documents against one process per file.

The demo partnership's documents are built as Word files in the work folder; then,
alternated, both warm (LibreOffice has run once before either is measured, so its files are
in the page cache; each call uses a fresh throw-away profile, as the kit does):

* batch: the kit's ``convert`` (one ``soffice --convert-to`` for every file), per document;
* single: ``soffice --convert-to`` for one file, a process per file (median over the files).

Goal: batch per document at most 1/3 of one process per file. LibreOffice is heavy and the
machine is shared, so it runs only a few times.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, alternate, emit, goal, median, options, say, workdir


def main() -> None:
    args = options(__doc__)
    from isa_kit import build
    from isa_kit.render.pdf import TAGGED_FILTER, convert, find_soffice

    soffice = find_soffice()
    if soffice is None:
        raise SystemExit("bench_pdf: LibreOffice (soffice) is not installed")
    rounds = 1 if args.quick else 3
    with workdir(args.workdir, "pdf") as work:
        docs = build(ROOT / "agreements" / "demo", work / "docx", as_of=dt.date(2026, 11, 21)).docx
        singles: list[float] = []
        count = iter(range(1_000_000))

        def batch() -> float:
            start = time.perf_counter()
            convert(docs, work / f"batch-{next(count)}", soffice=soffice)
            return (time.perf_counter() - start) / len(docs)

        def single() -> float:
            n = next(count)
            doc = docs[n % len(docs)]
            profile = work / f"profile-{n}"
            start = time.perf_counter()
            subprocess.run(
                [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                 "--convert-to", TAGGED_FILTER, "--outdir", str(work / f"single-{n}"), str(doc)],
                capture_output=True, check=True, timeout=300,
            )  # fmt: skip
            seconds = time.perf_counter() - start
            singles.append(seconds)
            return seconds

        say(f"{len(docs)} documents, {rounds} alternated runs (LibreOffice warmed once)")
        times = alternate({"batch": batch, "single": single}, rounds)
    per_doc, one = median(times["batch"]), median(times["single"])
    figures = {
        "documents_in_batch": float(len(docs)),
        "batch_s_per_document_median": per_doc,
        "one_process_per_file_s_median": one,
        "batch_over_single": per_doc / one,
    }
    goals = [goal("PDF per document, batch / one process per file", per_doc / one, "<=", 1 / 3)]
    emit("pdf", figures, goals)


if __name__ == "__main__":
    main()
