"""Benchmark ``isa-kit check``: whole-process time on agreements/, and the synthetic corpus.

    python bench/bench_check.py [--runs 7] [--partnerships 40] [--documents 25]

1. ``isa-kit check agreements/`` as a user runs it (a fresh process each time): median wall
   time; the target is under 0.5 s.
2. The synthetic corpus (``bench/corpus.py``: 40 partnerships x 25 documents x 25 partners =
   1,000 documents), in one process: median time to load and validate it, and median time
   to load, validate and check it (knowledge caches cleared each run so nothing is reused).
   The target is check <= 1.5 x load-and-validate.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import datetime as dt  # noqa: E402

from corpus import generate  # noqa: E402

from isa_kit import load_partnerships, render_report, run_checks  # noqa: E402
from isa_kit.reference.knowledge import load_knowledge  # noqa: E402

AS_OF = dt.date(2026, 11, 21)


def whole_process(runs: int) -> list[float]:
    times = []
    cmd = [sys.executable, "-m", "isa_kit", "check", "agreements/", "--as-of", "2026-11-21"]
    for _ in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        assert proc.returncode in (0, 1), proc.stderr
    return times[1:]  # the first run warms the file cache


def _fresh_knowledge() -> None:
    load_knowledge.cache_clear()


def corpus(root: Path, runs: int) -> tuple[list[float], list[float], int, int]:
    load_times, check_times = [], []
    documents = findings = 0
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        ps = load_partnerships([root])
        load_times.append(time.perf_counter() - start)
        del ps
        gc.collect()
        _fresh_knowledge()
        start = time.perf_counter()
        ps = load_partnerships([root])
        result = run_checks(ps, AS_OF)
        render_report(result.report, "json")
        check_times.append(time.perf_counter() - start)
        documents = result.report.checked_documents
        findings = len(result.report.findings)
        del ps, result
    return load_times, check_times, documents, findings


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--partnerships", type=int, default=40)
    parser.add_argument("--documents", type=int, default=25)
    parser.add_argument("--skip-process", action="store_true")
    args = parser.parse_args()

    if not args.skip_process:
        t = whole_process(args.runs)
        med = statistics.median(t)
        print(
            f"isa-kit check agreements/ (whole process): median {med:.3f} s over {len(t)} runs "
            f"(min {min(t):.3f}, max {max(t):.3f}); target < 0.5 s: {'ok' if med < 0.5 else 'MISSED'}"
        )

    root = HERE / "corpus" / f"{args.partnerships}x{args.documents}"
    if not (
        root
        / f"area{args.partnerships - 1:03d}"
        / "documents"
        / f"doc-{args.documents - 1:03d}.yaml"
    ).is_file():
        generate(root, args.partnerships, args.documents)
    runs = max(3, args.runs // 2)
    load_t, check_t, docs, n = corpus(root, runs)
    lm, cm = statistics.median(load_t), statistics.median(check_t)
    print(f"corpus: {docs} documents, {n} findings")
    print(f"  load and validate: median {lm:.3f} s over {runs} runs")
    print(f"  load, validate and check (+ JSON): median {cm:.3f} s")
    print(
        f"  checks alone: {cm - lm:.3f} s; ratio check / load = {cm / lm:.2f} "
        f"(target <= 1.5: {'ok' if cm / lm <= 1.5 else 'MISSED'})"
    )


if __name__ == "__main__":
    main()
