"""Shared helpers for the benchmark scripts: medians of repeated runs, whole-process timing."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def median_seconds(fn: Callable[[], object], repeats: int = 5, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process_median(args: Sequence[str], repeats: int = 7, cwd: Path = ROOT) -> float:
    """Median wall time of a whole ``python -m isa_kit ...`` process (start-up included)."""
    cmd = [sys.executable, "-m", "isa_kit", *args]

    def once() -> None:
        subprocess.run(
            cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )

    return median_seconds(once, repeats=repeats, warmup=1)


def report(name: str, value: float, unit: str = "s", goal: str = "") -> None:
    print(f"{name:<58} {value:>9.3f} {unit:<3} {goal}")
