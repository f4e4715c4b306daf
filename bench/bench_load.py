"""Loading: load and validate 1,000 synthetic documents against PyYAML's C loader.

In this one process (the runner starts it fresh), alternated, each warmed once: the CPU time
PyYAML's C loader needs just to parse the corpus's files, and the time ``load_partnerships``
needs to parse, validate and resolve them. Goal (issue 2): at most 3x. Also reported, as a
figure: ``isa-kit validate agreements/`` as a whole process. ``--quick``: 100 documents.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import time

from _common import alternate, bench_env, emit, goal, kit, median, options, run, say, workdir
from corpus import generate

from isa_kit import load_partnerships


def timed(fn):  # type: ignore[no-untyped-def]
    def once() -> float:
        start = time.process_time()  # CPU time: a shared machine disturbs it far less
        fn()
        return time.process_time() - start

    return once


def main() -> None:
    args = options(__doc__)
    partnerships = 4 if args.quick else 40
    rounds = 3 if args.quick else 7
    with workdir(args.workdir, "load") as work:
        root = generate(work / "corpus", partnerships, 25)
        files = sorted(root.rglob("*.yaml"))

        def parse_only() -> None:
            for f in files:
                yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)

        def load_validate() -> None:
            load_partnerships([root])

        say(f"{partnerships * 25} documents, {rounds} alternated runs")
        times = alternate({"parse": timed(parse_only), "load": timed(load_validate)}, rounds)
        env = bench_env(work)
        validate = alternate(
            {"v": lambda: run(kit("validate", "-q", "agreements"), env=env).seconds}, rounds
        )
    parse, load = median(times["parse"]), median(times["load"])
    figures = {
        "c_loader_parse_cpu_s_median": parse,
        "kit_load_validate_cpu_s_median": load,
        "kit_over_c_loader_x": load / parse,
        "validate_agreements_process_s_median": median(validate["v"]),
    }
    emit(
        "load", figures, [goal("load and validate / PyYAML C loader parse", load / parse, "<=", 3)]
    )


if __name__ == "__main__":
    main()
