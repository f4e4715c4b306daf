"""What every benchmark script shares: its command line, whole-process timing, alternation of
the kit and its baseline, and the one JSON line it ends with (the protocol ``run.py`` reads).

Protocol: ``python bench/bench_<name>.py [--quick] [--workdir DIR]`` measures itself, writes
nothing inside the repository, and prints as its LAST line one JSON object
``{"benchmark": name, "figures": {label: number}, "goals": [{"goal", "value", "op", "limit",
"met"}]}``; it exits 0 whether or not the goals are met (the runner decides).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-21"
T = TypeVar("T")


def options(description: str | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smaller sizes: a smoke test")
    parser.add_argument(
        "--workdir", type=Path, help="folder for everything written (default: a temporary one)"
    )
    return parser.parse_args()


@contextlib.contextmanager
def workdir(given: Path | None, name: str) -> Iterator[Path]:
    """The folder the benchmark writes in: never inside the repository. The kit's template
    cache goes there too, for this process and the processes it starts (``bench_env``)."""
    if given is None:
        with tempfile.TemporaryDirectory(prefix=f"isa-kit-bench-{name}-") as tmp:
            os.environ["ISA_KIT_CACHE_DIR"] = str(Path(tmp) / "template-cache")
            yield Path(tmp)
        return
    folder = given.resolve()
    if folder == ROOT or ROOT in folder.parents:
        raise SystemExit(f"--workdir {given}: must be outside the repository ({ROOT})")
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["ISA_KIT_CACHE_DIR"] = str(folder / "template-cache")
    yield folder


def kit(*args: str) -> list[str]:
    """A whole ``isa-kit`` process, as a user starts it."""
    return [sys.executable, "-m", "isa_kit", *args]


def bench_env(work: Path, **extra: str) -> dict[str, str]:
    """The environment of measured processes: compiled templates cached in ``work``."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the kit runs as installed: with its bytecode
    env["ISA_KIT_CACHE_DIR"] = str(work / "template-cache")
    env.update(extra)
    return env


@dataclass(frozen=True)
class Run:
    seconds: float
    """Wall time."""
    cpu: float
    """CPU time (user + system) of the process and the children it waited for: on a shared
    machine this varies far less than wall time, so goals are judged on it."""
    peak_mib: float
    returncode: int


def run(
    cmd: Sequence[str],
    *,
    cwd: Path = ROOT,
    env: Mapping[str, str] | None = None,
    ok: tuple[int, ...] = (0,),
) -> Run:
    """Time one process and read its peak resident memory (its own, from ``wait4``)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd),
        cwd=cwd,
        env=dict(env) if env is not None else None,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise SystemExit(
            f"{' '.join(cmd)}: exit code {proc.returncode}\n{err.decode(errors='replace')[-2000:]}"
        )
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024, proc.returncode)


def alternate(
    contenders: Mapping[str, Callable[[], T]], rounds: int, warmup: int = 1
) -> dict[str, list[T]]:
    """Measure each contender ``rounds`` times, interleaved (A B, then B A, ...) so that a
    machine that slows down or speeds up during the run affects all of them alike; each is
    first run ``warmup`` times, unmeasured, in the same interleaved way."""
    names = list(contenders)
    for _ in range(warmup):
        for name in names:
            contenders[name]()
    out: dict[str, list[T]] = {name: [] for name in names}
    for i in range(rounds):
        for name in names if i % 2 == 0 else reversed(names):
            out[name].append(contenders[name]())
    return out


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def goal(text: str, value: float, op: str, limit: float) -> dict[str, object]:
    met = value <= limit if op == "<=" else value >= limit
    return {"goal": text, "value": round(value, 4), "op": op, "limit": limit, "met": met}


def emit(name: str, figures: Mapping[str, float], goals: Sequence[Mapping[str, object]]) -> None:
    """The last line of the benchmark's output, for ``bench/run.py``."""
    rounded = {k: round(v, 4) for k, v in figures.items()}
    print(json.dumps({"benchmark": name, "figures": rounded, "goals": list(goals)}), flush=True)


def say(text: str) -> None:
    """Progress for a person watching (the runner shows these lines as they come)."""
    print(text, flush=True)
