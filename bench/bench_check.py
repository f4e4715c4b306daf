"""Whole-process ``isa-kit check`` of 1,000 and 10,000 synthetic documents against PyYAML.

The corpora (``bench/corpus.py``: partnerships of 25 documents, 25 partners each) are
written in the work folder. For each size, alternated, each a fresh process warmed once:

* kit: ``isa-kit check CORPUS --as-of ...`` as a user runs it (the text report goes to a
  pipe that discards it); wall time and peak resident memory (the process's own);
* baseline: a script that only parses the same files with PyYAML's C loader.

Goals: peak memory at 10,000 documents at most 1.5x that at 1,000 (memory follows the
largest partnership, not the corpus); time per document no worse at 10,000 than at 1,000;
and at 10,000, at most 2x the C loader. ``--quick``: 100 and 1,000 documents.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import AS_OF, alternate, bench_env, emit, goal, kit, median, options, run, say, workdir
from corpus import generate

PARSE = """
import sys
from pathlib import Path
import yaml
for f in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)
"""


def measure(
    corpus: Path, script: Path, work: Path, rounds: int
) -> tuple[list[float], list[float], list[float]]:
    env = bench_env(work)
    check = kit("check", str(corpus), "--as-of", AS_OF)
    peaks: list[float] = []

    def kit_run() -> float:
        r = run(check, env=env, ok=(0, 1))
        peaks.append(r.peak_mib)
        return r.seconds

    times = alternate(
        {
            "kit": kit_run,
            "parse": lambda: run([sys.executable, str(script), str(corpus)], env=env).seconds,
        },
        rounds,
    )
    return times["kit"], times["parse"], peaks[1:]  # the first is the warm-up


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
    (s_docs, (s_kit, s_parse, s_peak)), (l_docs, (l_kit, l_parse, l_peak)) = results.items()
    for docs, kit_t, parse_t, peak in ((s_docs, s_kit, s_parse, s_peak), (l_docs, l_kit, l_parse, l_peak)):  # fmt: skip
        figures[f"kit_check_{docs}_docs_s_median"] = median(kit_t)
        figures[f"kit_check_{docs}_docs_ms_per_document"] = median(kit_t) / docs * 1000
        figures[f"kit_check_{docs}_docs_peak_MiB_median"] = median(peak)
        figures[f"c_loader_parse_{docs}_docs_s_median"] = median(parse_t)
        figures[f"kit_over_c_loader_{docs}_docs_x"] = median(kit_t) / median(parse_t)
    memory = median(l_peak) / median(s_peak)
    per_doc = (median(l_kit) / l_docs) / (median(s_kit) / s_docs)
    versus = median(l_kit) / median(l_parse)
    goals = [
        goal(f"check peak memory, {l_docs} / {s_docs} documents", memory, "<=", 1.5),
        goal(f"check time per document, {l_docs} / {s_docs} documents", per_doc, "<=", 1.0),
        goal(f"check of {l_docs} documents / PyYAML C loader parsing them", versus, "<=", 2.0),
    ]
    emit("check", figures, goals)


if __name__ == "__main__":
    main()
