"""Start-up of ``isa-kit check agreements/``: import time against the kit as it was.

``python -X importtime -m isa_kit check agreements/``, whole processes, alternated, each
warmed once: the kit of this tree against the kit at commit ``BEFORE`` (extracted with
``git archive`` into the work folder, run with the same interpreter and packages). The
figure is the total of the top-level imports ``-X importtime`` reports, median of the runs.

Goal: at most half of the import time before (issue 15: "at most half of today's 240 ms").
"""

from __future__ import annotations

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
        now_env = bench_env(work)
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
        say(f"import time, {rounds} alternated runs each")
        times = alternate(
            {
                "now": lambda: import_ms(cmd, ROOT, now_env),
                # the old kit checks its own agreements/: today's data has files it never knew
                "before": lambda: import_ms(cmd, before, before_env),
            },
            rounds,
        )
    now, then = median(times["now"]), median(times["before"])
    figures = {
        "import_ms_median_now": now,
        f"import_ms_median_at_{BEFORE}": then,
        "now_over_before": now / then,
    }
    goals = [goal("isa-kit check agreements/ import time, now / before", now / then, "<=", 0.5)]
    emit("startup", figures, goals)


if __name__ == "__main__":
    main()
