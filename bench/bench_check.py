"""Whole-process ``isa-kit check`` of 1,000 and 10,000 synthetic documents against PyYAML.

The corpora (``bench/corpus.py``: partnerships of 25 documents, 25 partners each) are
written in the work folder. For each size, alternated, each a fresh process warmed once:

* kit: ``isa-kit check CORPUS --as-of ... --no-cache`` as a user runs it the first time
  (the text report goes to a pipe that discards it); wall time and peak resident memory
  (the process's own). ``--no-cache``: every run loads and checks every document, so this
  measures the checking itself, not the results cache (``bench_startup`` measures a repeat
  run answered from the cache);
* baseline: a script that only parses the same files with PyYAML's C loader.

Goals: peak memory at 10,000 documents at most 1.5x that at 1,000 (memory follows the
largest partnership, not the corpus); time per document no worse at 10,000 than at 1,000;
and at 10,000, at most 2x the C loader. Times are judged on CPU time (user + system: on a
shared machine wall time is noisier; both are reported). ``--quick``: 100 and 1,000 documents.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    AS_OF,
    Run,
    alternate,
    bench_env,
    emit,
    goal,
    kit,
    median,
    options,
    run,
    say,
    workdir,
)
from corpus import generate

PARSE = """
import sys
from pathlib import Path
import yaml
for f in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)
"""


def measure(corpus: Path, script: Path, work: Path, rounds: int) -> dict[str, list[Run]]:
    env = bench_env(work)
    # the real work every time: never answered from the results cache
    check = kit("check", str(corpus), "--as-of", AS_OF, "--no-cache")
    parse = [sys.executable, str(script), str(corpus)]
    return alternate(
        {"kit": lambda: run(check, env=env, ok=(0, 1)), "parse": lambda: run(parse, env=env)},
        rounds,
    )


def main() -> None:
    args = options(__doc__)
    small, large = (4, 40) if args.quick else (40, 400)
    figures: dict[str, float] = {}
    with workdir(args.workdir, "check") as work:
        script = work / "parse_c_loader.py"
        script.write_text(PARSE, encoding="utf-8")
        results = {}
        for partnerships in (small, large):
            docs = partnerships * 25
            say(f"writing {docs} documents")
            corpus = generate(work / f"corpus-{docs}", partnerships, 25)
            rounds = 3 if docs >= 10000 or args.quick else 5
            say(f"checking {docs} documents, {rounds} alternated runs")
            results[docs] = measure(corpus, script, work, rounds)
    (small_docs, small), (large_docs, large) = results.items()
    for docs, runs in results.items():
        kit_cpu = median([r.cpu for r in runs["kit"]])
        parse_cpu = median([r.cpu for r in runs["parse"]])
        figures[f"kit_check_{docs}_docs_s_median"] = median([r.seconds for r in runs["kit"]])
        figures[f"kit_check_{docs}_docs_cpu_s_median"] = kit_cpu
        figures[f"kit_check_{docs}_docs_cpu_ms_per_document"] = kit_cpu / docs * 1000
        figures[f"kit_check_{docs}_docs_peak_MiB_median"] = median(
            [r.peak_mib for r in runs["kit"]]
        )
        figures[f"c_loader_parse_{docs}_docs_cpu_s_median"] = parse_cpu
        figures[f"kit_over_c_loader_{docs}_docs_x"] = kit_cpu / parse_cpu
    memory = (
        figures[f"kit_check_{large_docs}_docs_peak_MiB_median"]
        / figures[f"kit_check_{small_docs}_docs_peak_MiB_median"]
    )
    per_doc = (
        figures[f"kit_check_{large_docs}_docs_cpu_ms_per_document"]
        / figures[f"kit_check_{small_docs}_docs_cpu_ms_per_document"]
    )
    versus = figures[f"kit_over_c_loader_{large_docs}_docs_x"]
    goals = [
        goal(f"check peak memory, {large_docs} / {small_docs} documents", memory, "<=", 1.5),
        goal(
            f"check CPU time per document, {large_docs} / {small_docs} documents",
            per_doc,
            "<=",
            1.0,
        ),
        goal(
            f"check of {large_docs} documents / PyYAML C loader parsing them (CPU)",
            versus,
            "<=",
            2.0,
        ),
    ]
    emit("check", figures, goals)


if __name__ == "__main__":
    main()
