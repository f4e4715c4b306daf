"""Benchmark ``isa-kit letters``: ``python bench/bench_letters.py [--quick] [--workdir DIR]``.

Measured in one run, each measurement in a fresh process, kit and baselines alternated:

1. throughput of :func:`isa_kit.make_letters` writing N letters (DOCX only, register and
   timeliness report included) against a plain docxtpl loop over the same planned letters
   (load the template, render, save, per letter; timed on a sample, it is slow), goal >= 5x;
2. against the floor: re-zipping the same letter's parts with ``zipfile`` and writing the
   file, N times (what any .docx writer must at least do), goal: the kit within 3x of it;
   and, for information, the bare I/O floor: writing one finished letter's bytes N times;
3. peak memory (ru_maxrss of the process) at 1,000 and at N letters: it must stay flat
   (goal: the larger run needs at most 1.5x the smaller's);
4. PDF cost per letter in batches (one LibreOffice process per batch), when installed.

Writes nothing inside the repository. The last stdout line is the JSON the runner reads.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "agreements" / "demo"
AS_OF = dt.date(2026, 11, 21)
HEADER = (
    "case_ref,decided_at,outcome,rag,recipient_type,recipient_name,address,email,"
    "referrer_organisation,contact_team,contact_route,rationale,options"
)
OUTCOMES = ("nfa", "early-help", "s17-assessment", "adult-s42-enquiry")
EMAILS = ("", "fictional.person@nhs.net", "fictional.person@gmail.com")


def decisions(path: Path, n: int) -> Path:
    """A fictional decisions file of ``n`` rows (every lettered outcome, both recipients)."""
    rows = [HEADER]
    for i in range(n):
        outcome = OUTCOMES[i % len(OUTCOMES)]
        who = "referrer" if i % 2 == 0 else "family"
        rows.append(
            f"BENCH-{i:06d},2026-11-{1 + i % 20:02d}T{9 + i % 8:02d}:30,{outcome},,{who},"
            f'Fictional Person {i},"{i} Sample Street, Demoton DM1 1AA",{EMAILS[i % 3]},'
            f"Fictional School,Demoshire MASH,01632 960000,"
            f"Fictional rationale number {i}: the checks found what the decision needed.,"
            f"{'interpreter' if i % 5 == 0 else ''}"
        )
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(kind: str, n: int, work: Path) -> dict[str, float]:
    """One measurement in this (fresh) process."""
    from isa_kit import make_letters

    csv = decisions(work / f"decisions-{n}.csv", n)
    out = work / f"out-{kind}-{n}-{time.monotonic_ns()}"
    if kind == "kit":
        start = time.perf_counter()
        result = make_letters(csv, DEMO, out, as_of=AS_OF)
        elapsed = time.perf_counter() - start
        assert len(result.written) == n, result.problems[:3]
    elif kind == "docxtpl":
        from docxtpl import DocxTemplate

        from isa_kit.core.resources import resource_dir
        from isa_kit.data.loader import load_letters_policy, load_partnership
        from isa_kit.letters.compose import context
        from isa_kit.letters.decisions import Decision, iter_rows, read_rows, validate_row
        from isa_kit.letters.plan import Planned, Planner

        p = load_partnership(DEMO)
        policy = load_letters_policy(p, DEMO)
        assert policy is not None
        shown, _ = read_rows(csv)
        planner = Planner(shown, p, policy, DEMO)
        planned = []
        for i, r in iter_rows(csv):
            d = validate_row(shown, i, r, p)
            item = planner.plan(d) if isinstance(d, Decision) else d
            if isinstance(item, Planned):
                planned.append(item)
        folder = resource_dir("templates") / "letters"
        out.mkdir(parents=True)
        start = time.perf_counter()
        for item in planned:
            ref = f"{item.decision.case_ref}-v1"
            ctx = context(
                item.decision,
                reference=ref,
                rule=item.rule,
                partnership=p,
                sender=item.sender,
                delivery=item.delivery,
                generated=item.decision.decided_at,
            )
            tpl = DocxTemplate(str(folder / f"{item.template}.docx"))
            tpl.render(ctx, autoescape=True)
            tpl.save(str(out / f"{ref}.docx"))
        elapsed = time.perf_counter() - start
    elif kind == "copy":  # the I/O floor: write one finished letter's bytes, n times
        sample = work / "sample"
        if not sample.exists():
            make_letters(decisions(work / "one.csv", 1), DEMO, sample, as_of=AS_OF)
        data = next(sample.glob("*.docx")).read_bytes()
        out.mkdir(parents=True)
        start = time.perf_counter()
        for i in range(n):
            (out / f"L{i}.docx").write_bytes(data)
        elapsed = time.perf_counter() - start
    else:  # floor: re-zip one letter's parts, n times
        sample = work / "sample"
        if not sample.exists():
            make_letters(decisions(work / "one.csv", 1), DEMO, sample, as_of=AS_OF)
        letter = next(sample.glob("*.docx"))
        with zipfile.ZipFile(letter) as zf:
            parts = [(info, zf.read(info)) for info in zf.infolist()]
        out.mkdir(parents=True)
        start = time.perf_counter()
        for i in range(n):
            with zipfile.ZipFile(out / f"L{i}.docx", "w", zipfile.ZIP_DEFLATED) as zf:
                for info, data in parts:
                    zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        elapsed = time.perf_counter() - start
    shutil.rmtree(out, ignore_errors=True)
    return {"seconds": elapsed, "letters": n, "maxrss_mb": _maxrss_mb()}


def spawn(kind: str, n: int, work: Path) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--worker", kind, str(n), "--workdir", str(work)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=work)
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def pdf_per_letter(work: Path, n: int) -> float | None:
    from isa_kit import make_letters
    from isa_kit.render.pdf import find_soffice

    if find_soffice() is None:
        return None
    csv = decisions(work / f"pdf-{n}.csv", n)
    start = time.perf_counter()
    make_letters(csv, DEMO, work / "pdf-docx", as_of=AS_OF)
    docx_s = time.perf_counter() - start
    start = time.perf_counter()
    make_letters(csv, DEMO, work / "pdf-out", as_of=AS_OF, pdf=True)
    return (time.perf_counter() - start - docx_s) / n


def measure(work: Path, quick: bool) -> dict[str, object]:
    n = 300 if quick else 10_000
    small = 100 if quick else 1_000
    sample = 40 if quick else 200
    repeats = 1 if quick else 3
    kit, plain, floor, copy = [], [], [], []
    for _ in range(repeats):  # alternate, so that a busy moment hurts all alike
        kit.append(spawn("kit", n, work))
        plain.append(spawn("docxtpl", sample, work))
        floor.append(spawn("floor", n, work))
        copy.append(spawn("copy", n, work))
    mem_small = spawn("kit", small, work)["maxrss_mb"]
    mem_large = statistics.median(r["maxrss_mb"] for r in kit)
    rate = statistics.median(r["letters"] / r["seconds"] for r in kit)
    plain_rate = statistics.median(r["letters"] / r["seconds"] for r in plain)
    floor_rate = statistics.median(r["letters"] / r["seconds"] for r in floor)
    copy_rate = statistics.median(r["letters"] / r["seconds"] for r in copy)
    pdf = pdf_per_letter(work, 5 if quick else 40)
    figures: dict[str, float] = {
        f"kit_letters_per_s_median_{n}": round(rate, 1),
        f"docxtpl_loop_letters_per_s_median_sample_{sample}": round(plain_rate, 1),
        f"floor_rezip_letters_per_s_median_{n}": round(floor_rate, 1),
        f"copy_bytes_letters_per_s_median_{n}": round(copy_rate, 1),
        "speedup_vs_docxtpl_x": round(rate / plain_rate, 2),
        "floor_over_kit_x": round(floor_rate / rate, 2),
        "copy_over_kit_x": round(copy_rate / rate, 2),
        f"peak_rss_mb_{small}_letters": round(mem_small, 1),
        f"peak_rss_mb_{n}_letters_median": round(mem_large, 1),
        "peak_rss_growth_x": round(mem_large / mem_small, 2),
    }
    if pdf is not None:
        figures["pdf_s_per_letter_in_batches"] = round(pdf, 3)

    def goal(text: str, value: float, op: str, limit: float) -> dict[str, object]:
        met = value >= limit if op == ">=" else value <= limit
        return {"goal": text, "value": value, "op": op, "limit": limit, "met": met}

    return {
        "benchmark": "letters",
        "figures": figures,
        "goals": [
            goal(
                "letters at least 5x a plain docxtpl loop", figures["speedup_vs_docxtpl_x"], ">=", 5
            ),
            goal("letters within 3x of the re-zip floor", figures["floor_over_kit_x"], "<=", 3),
            goal(
                "peak memory flat from 1,000 to 10,000 letters",
                figures["peak_rss_growth_x"],
                "<=",
                1.5,
            ),
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "N"))
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker[0], int(args.worker[1]), args.workdir)))
        return
    with tempfile.TemporaryDirectory(prefix="bench-letters-", dir=args.workdir) as tmp:
        result = measure(Path(tmp), args.quick)
    for label, value in result["figures"].items():  # type: ignore[attr-defined]
        print(f"{label:<52} {value}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
