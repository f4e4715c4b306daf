"""Benchmark ``isa-kit build``: run ``python bench/bench_build.py`` (or ``python bench/run.py build``).

Three figures, each a ratio against a baseline measured in the same run:

1. steady-state time per document against a plain docxtpl
   ``DocxTemplate(...).render(...).save(...)`` of the same template and the same context (goal:
   at least 3x faster; the kit caches the patched XML, the compiled Jinja and the compressed
   unchanged parts, and writes the package itself);
2. ``isa-kit build agreements/barnet`` (Word only) as a whole process, median (goal: < 2 s);
3. PDF conversion per document in one LibreOffice batch against one ``soffice --convert-to
   pdf`` process per file (goal: at most 1/3). Skipped without LibreOffice. LibreOffice runs
   only a few times: the machine is shared.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, median_seconds, process_median, report

AS_OF = dt.date(2026, 11, 21)


def _steady_state() -> None:
    from docxtpl import DocxTemplate

    from isa_kit.core.resources import resource_dir
    from isa_kit.data.loader import load_partnership
    from isa_kit.render.build import plan, render_job
    from isa_kit.render.clauses import load_library, select
    from isa_kit.render.context import build_context
    from isa_kit.render.environment import environment, load_template

    folder = ROOT / "agreements" / "barnet"
    partnership = load_partnership(folder)
    jobs = [j for j in plan(partnership, folder) if not j.pack]
    library = load_library(resource_dir("templates") / "clauses.yaml")
    env = environment()
    for job in jobs:
        doc = job.document
        slots = load_template(job.template, job.template_shown).section_slots
        context = build_context(partnership, doc, select(library, partnership, doc), AS_OF, slots)

        def kit(job=job) -> None:  # type: ignore[no-untyped-def]
            render_job(job, partnership, AS_OF)

        def plain(job=job, context=context) -> None:  # type: ignore[no-untyped-def]
            tpl = DocxTemplate(str(job.template))
            tpl.render(context, jinja_env=env, autoescape=True)
            tpl.save(io.BytesIO())

        t_kit = median_seconds(kit, repeats=15, warmup=2)
        t_plain = median_seconds(plain, repeats=7, warmup=1)
        name = job.template.name
        report(f"steady state per document, isa-kit ({name})", t_kit * 1000, "ms")
        report(f"steady state per document, plain docxtpl ({name})", t_plain * 1000, "ms")
        report(f"  speed-up ({name})", t_plain / t_kit, "x", "goal >= 3x")


def _whole_process() -> None:
    with tempfile.TemporaryDirectory() as out:
        t = process_median(
            ["build", "agreements/barnet", "--out", out, "--as-of", str(AS_OF), "-q"], repeats=7
        )
    report("isa-kit build agreements/barnet (DOCX only), process median", t, "s", "goal < 2 s")


def _pdf() -> None:
    from isa_kit import build
    from isa_kit.render.pdf import TAGGED_FILTER, convert, find_soffice

    soffice = find_soffice()
    if soffice is None:
        print("PDF conversion: skipped (LibreOffice is not installed)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        docs = build(ROOT / "agreements" / "demo", Path(tmp) / "docx", as_of=AS_OF).docx
        start = time.perf_counter()
        convert(docs, Path(tmp) / "batch", soffice=soffice)
        batch = (time.perf_counter() - start) / len(docs)
        singles = []
        for i, doc in enumerate(docs[:3]):
            profile = Path(tmp) / f"profile{i}"
            start = time.perf_counter()
            subprocess.run(
                [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                 "--convert-to", TAGGED_FILTER, "--outdir", str(Path(tmp) / "single"), str(doc)],
                capture_output=True, check=True, timeout=300,
            )  # fmt: skip
            singles.append(time.perf_counter() - start)
        single = sorted(singles)[len(singles) // 2]
    report(f"PDF per document, one batch of {len(docs)}", batch, "s")
    report("PDF per document, one soffice process per file (median of 3)", single, "s")
    report("  batch / single", batch / single, "", "goal <= 0.333")


def main() -> None:
    _steady_state()
    _whole_process()
    _pdf()


if __name__ == "__main__":
    main()
