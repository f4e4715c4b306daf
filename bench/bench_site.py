"""Benchmark ``isa-kit site build agreements/barnet`` against a plain mkdocs-material build.

The baseline is ``mkdocs build`` of the same number of static Markdown pages (the very pages
the kit generates for Barnet, with their diagrams and stylesheet saved as static files) with
the same theme and settings but without the isa-kit plugin. The difference is what the kit
adds: loading and checking the data, writing the pages and drawing the diagrams.

Goal: the kit's build takes at most 1.5x the plain build. Both are whole processes, warmed
alike and alternated; figures are medians. The kit keeps Material's compiled templates in a
Jinja bytecode cache between builds; a third figure is the kit's first build on a machine
(an empty cache), reported but not the goal. Writes only in --workdir (default: a temp dir).
Last stdout line: one JSON object (see bench/run.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 21)


def _baseline_config(work: Path) -> Path:
    """Static copies of the Barnet pages and a mkdocs.yml without the isa-kit plugin."""
    from isa_kit.site.config import site_config
    from isa_kit.site.generate import PAGES, generate_files

    docs = work / "static-docs"
    for name, data in generate_files(ROOT / "agreements/barnet", AS_OF).files.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    config = site_config(
        name="Barnet MASH",
        docs_dir=str(docs),
        site_dir=str(work / "plain-out"),
        partnership="",
        as_of=AS_OF.isoformat(),
        documents=None,
    )
    config["plugins"] = ["search"]
    config["nav"] = [{title: name} for name, title, _ in PAGES]
    config["extra_css"] = ["stylesheets/isa-kit.css"]
    path = work / "plain-mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    repeats = 2 if args.quick else 7
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        work = Path(tmp)
        config = _baseline_config(work)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795219200"}
        kit = [
            sys.executable,
            "-m",
            "isa_kit",
            "site",
            "build",
            "agreements/barnet",
            "--out",
            str(work / "kit-out"),
            "--as-of",
            AS_OF.isoformat(),
            "-q",
        ]
        plain = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
        _time(kit, env), _time(plain, env)  # warm both alike
        kit_times, plain_times, cold_times = [], [], []
        for i in range(repeats):
            kit_times.append(_time(kit, env))
            plain_times.append(_time(plain, env))
            # the first build on a machine: an empty template cache
            cold_env = {**env, "XDG_CACHE_HOME": str(work / f"cold-cache-{i}")}
            cold_times.append(_time(kit, cold_env))
        pages = sum(1 for _ in (work / "kit-out").glob("*.html"))
    t_kit, t_plain = statistics.median(kit_times), statistics.median(plain_times)
    t_cold = statistics.median(cold_times)
    ratio = t_kit / t_plain
    print(f"isa-kit site build agreements/barnet ({pages} pages), median   {t_kit:.3f} s")
    print(f"plain mkdocs-material build of the same static pages, median {t_plain:.3f} s")
    print(f"isa-kit site build, empty template cache (first build), median {t_cold:.3f} s")
    print(f"ratio {ratio:.2f} (goal <= 1.5); first build {t_cold / t_plain:.2f}")
    result = {
        "benchmark": "site",
        "figures": {
            "kit_site_build_s_median": round(t_kit, 3),
            "plain_mkdocs_build_s_median": round(t_plain, 3),
            "ratio_kit_over_plain": round(ratio, 3),
            "kit_first_build_empty_cache_s_median": round(t_cold, 3),
            "ratio_first_build_over_plain": round(t_cold / t_plain, 3),
            "pages": pages,
        },
        "goals": [
            {
                "goal": "isa-kit site build (Barnet) at most 1.5x a plain mkdocs-material build of the same pages",
                "value": round(ratio, 3),
                "op": "<=",
                "limit": 1.5,
                "met": ratio <= 1.5,
            }
        ],
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
