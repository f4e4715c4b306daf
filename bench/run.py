"""Run the benchmarks, each in its own fresh process, and judge their goals.

    python bench/run.py [NAMES...] [--quick] [--list] [--output FILE]

Every ``bench/bench_<name>.py`` is a benchmark named ``<name>``; with no NAMES all of them
run, one after the other, each in a new interpreter (what one leaves behind cannot slow the
next). Each measures the kit against a baseline in the same run and ends its output with one
JSON line of figures (medians) and goals; this prints them as a table and exits 1 if any goal
was missed or any benchmark failed, 0 otherwise (2 for an unknown name).

Nothing is written inside the repository: each benchmark gets its own folder in a temporary
directory (removed afterwards); the benchmark scripts write no bytecode next to themselves.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def discover() -> dict[str, Path]:
    return {p.stem.removeprefix("bench_"): p for p in sorted(HERE.glob("bench_*.py"))}


def summary(path: Path) -> str:
    """The first line of a benchmark's docstring (read, not imported)."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


def parse_result(stdout: str, name: str) -> dict[str, Any] | None:
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if not line:
            continue
        try:
            data = json.loads(line)
        except ValueError:
            return None
        if isinstance(data, dict) and data.get("benchmark") == name:
            return data
        return None
    return None


def run_one(name: str, path: Path, quick: bool, work: Path, env: dict[str, str]) -> dict[str, Any]:
    folder = work / name
    folder.mkdir()
    cmd = [sys.executable, str(path), "--workdir", str(folder), *(["--quick"] if quick else [])]
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        cwd=HERE.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    for line in proc.stdout:
        lines.append(line)
        if not line.startswith('{"benchmark"'):
            print(f"   {line.rstrip()}", flush=True)
    code = proc.wait()
    elapsed = time.perf_counter() - start
    result = parse_result("".join(lines), name)
    if code != 0 or result is None:
        why = f"exit code {code}" if code != 0 else "no result line"
        return {"benchmark": name, "failed": why, "seconds": elapsed}
    result["seconds"] = elapsed
    return result


def _number(value: float) -> str:
    if value == 0 or 0.001 <= abs(value) < 100000:
        return f"{value:.4g}" if abs(value) < 1000 else f"{value:.0f}"
    return f"{value:.3e}"


def table(results: list[dict[str, Any]]) -> tuple[str, int, int, int]:
    lines: list[str] = []
    met = missed = failed = 0
    for r in results:
        lines.append(f"== {r['benchmark']} ({r['seconds']:.0f} s)")
        if "failed" in r:
            failed += 1
            lines.append(f"   FAILED: {r['failed']}")
            continue
        width = max((len(k) for k in r["figures"]), default=0)
        for label, value in r["figures"].items():
            lines.append(f"   {label:<{width}}  {_number(value):>10}")
        for g in r["goals"]:
            ok = bool(g["met"])
            met += ok
            missed += not ok
            verdict = "met" if ok else "MISSED"
            lines.append(
                f"   goal: {g['goal']}: {_number(g['value'])} {g['op']} {_number(g['limit'])}"
                f"  {verdict}"
            )
    return "\n".join(lines), met, missed, failed


def main(argv: list[str] | None = None) -> int:
    benches = discover()
    parser = argparse.ArgumentParser(
        prog="bench/run.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("names", nargs="*", metavar="NAME", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes: a smoke test")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("--output", type=Path, help="also write every result as JSON to FILE")
    args = parser.parse_args(argv)
    if args.list:
        for name, path in benches.items():
            print(f"{name:<10} {summary(path)}")
        return 0
    unknown = [n for n in args.names if n not in benches]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)} (known: {', '.join(benches)})")
    chosen = args.names or list(benches)
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="isa-kit-bench-") as tmp:
        work = Path(tmp)
        env = dict(os.environ)
        # The benchmark scripts leave no __pycache__ in bench/; the kit's own processes write
        # their bytecode as any run of the kit does (bench_env), so they start as users' do.
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        for name in dict.fromkeys(chosen):
            print(f"== {name}: {summary(benches[name])}", flush=True)
            results.append(run_one(name, benches[name], args.quick, work, env))
    text, met, missed, failed = table(results)
    print()
    print(text)
    verdict = "all goals met" if not (missed or failed) else "NOT all goals met"
    print(f"\n{met} goal(s) met, {missed} missed, {failed} benchmark(s) failed: {verdict}")
    if args.output:
        args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 1 if missed or failed else 0


if __name__ == "__main__":
    sys.exit(main())
