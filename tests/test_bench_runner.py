"""The benchmark runner: names as the README shows them, help, the table, the exit code."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
RUNNER = ROOT / "bench" / "run.py"


def _runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", RUNNER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(RUNNER), *args], capture_output=True, text=True, timeout=60
    )


def test_help_list_and_unknown_names() -> None:
    help_ = _run("--help")
    assert help_.returncode == 0 and "--quick" in help_.stdout and "NAME" in help_.stdout
    listed = _run("--list")
    names = [line.split()[0] for line in listed.stdout.splitlines()]
    assert {"build", "check", "load", "audit", "startup", "pdf"} <= set(names)
    unknown = _run("check", "nope")
    assert unknown.returncode == 2
    assert "unknown benchmark nope" in unknown.stderr


def test_result_line_and_table_judge_goals() -> None:
    run = _runner()
    out = 'progress\n{"benchmark": "x", "figures": {"a_s_median": 0.5}, "goals": []}\n'
    assert run.parse_result(out, "x") == {
        "benchmark": "x",
        "figures": {"a_s_median": 0.5},
        "goals": [],
    }
    assert run.parse_result("no json here\n", "x") is None
    assert run.parse_result(out, "y") is None
    results = [
        {
            "benchmark": "x",
            "seconds": 3.0,
            "figures": {"ratio_x": 2.5},
            "goals": [
                {"goal": "fast", "value": 2.5, "op": ">=", "limit": 3, "met": False},
                {"goal": "small", "value": 1.2, "op": "<=", "limit": 1.5, "met": True},
            ],
        },
        {"benchmark": "y", "seconds": 1.0, "failed": "exit code 1"},
    ]
    text, met, missed, failed = run.table(results)
    assert (met, missed, failed) == (1, 1, 1)
    assert "goal: fast: 2.5 >= 3  MISSED" in text
    assert "goal: small: 1.2 <= 1.5  met" in text
    assert "FAILED: exit code 1" in text
