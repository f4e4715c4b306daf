"""Start-up of ``isa-kit check agreements/``: import time against the kit as it was.

``python -X importtime -m isa_kit check agreements/``, whole processes, alternated, each
warmed once: the kit of this tree against the kit at commit ``BEFORE`` (extracted with
``git archive`` into the work folder, run with the same interpreter and packages). The
figure is the total of the top-level imports ``-X importtime`` reports, median of the runs.

The kit of this tree is measured twice, because ``check`` keeps a results cache
(``isa_kit/checks/cache.py``):

* repeat run (cache warm): the data is unchanged since the last ``check``, as when a user
  runs it again or CI restores a cached ``~/.cache``; answered from the cache, without
  importing pydantic, PyYAML or the checks;
* first run (cache cold): an empty cache folder for every run, as on a fresh CI machine;
  everything is loaded and checked (and stored), as before the cache.

Goal: the REPEAT run's import time at most half of the kit's before (issue 15: "at most half
of today's 240 ms"). The first run is reported beside it, not judged: cold, ``check`` still
imports the pydantic model to validate the data.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import AS_OF, ROOT, alternate, bench_env, emit, goal, median, options, say, workdir

#: The tree issue 15 measured ("today's 240 ms").
BEFORE = "359fc66"
#: What the old kit needs to run ``check agreements/`` on its own data.
OLD_TREE = ("isa_kit", "checks", "templates", "agreements")
_LINE = re.compile(r"import time:\s+\d+ \|\s+(\d+) \| (\S.*)$")


def import_ms(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)}: exit code {proc.returncode}\n{proc.stderr[-2000:]}")
    total = sum(int(m[1]) for m in map(_LINE.match, proc.stderr.splitlines()) if m)
    return total / 1000


def main() -> None:
    args = options(__doc__)
    rounds = 5 if args.quick else 15
    with workdir(args.workdir, "startup") as work:
        before = work / "before"
        before.mkdir(exist_ok=True)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", BEFORE, *OLD_TREE],
            capture_output=True,
            check=True,
        )
        subprocess.run(["tar", "-x", "-C", str(before)], input=archive.stdout, check=True)
        cmd = [sys.executable, "-X", "importtime", "-m", "isa_kit", "check", "agreements/"]
        cmd += ["--as-of", AS_OF]
        now_env = bench_env(work, ISA_KIT_CACHE_DIR=str(work / "warm-cache"))
        fresh = itertools.count()

        def cold() -> float:
            """A cache folder no run has used: what a fresh CI machine meets."""
            folder = work / f"cold-cache-{next(fresh)}"
            return import_ms(cmd, ROOT, {**now_env, "ISA_KIT_CACHE_DIR": str(folder)})

        before_env = bench_env(work, PYTHONPATH=str(before), PYTHONSAFEPATH="1")
        probe = subprocess.run(
            [sys.executable, "-c", "import isa_kit; print(isa_kit.__file__)"],
            env=before_env,
            capture_output=True,
            text=True,
            check=True,
        )
        if not probe.stdout.startswith(str(before)):
            raise SystemExit(f"the old tree is not the one imported: {probe.stdout}")
        say(f"import time, {rounds} alternated runs each (repeat run, first run, before)")
        times = alternate(
            {
                # the warm-up run fills the cache: every measured run is a repeat run
                "now": lambda: import_ms(cmd, ROOT, now_env),
                "cold": cold,
                # the old kit checks its own agreements/: today's data has files it never knew
                "before": lambda: import_ms(cmd, before, before_env),
            },
            rounds,
        )
    now, then = median(times["now"]), median(times["before"])
    first = median(times["cold"])
    figures = {
        "import_ms_median_now_repeat_run_cache_warm": now,
        "import_ms_median_now_first_run_cache_cold": first,
        f"import_ms_median_at_{BEFORE}": then,
        "repeat_run_over_before": now / then,
        "first_run_over_before": first / then,
    }
    goals = [
        goal(
            "isa-kit check agreements/ import time, repeat run (results cache warm) / before",
            now / then,
            "<=",
            0.5,
        )
    ]
    emit("startup", figures, goals)


if __name__ == "__main__":
    main()
