"""Loading benchmarks (issue 2).

* Load and validate a synthetic corpus of 1,000 documents (25 partners each) against the time
  PyYAML's C loader needs just to parse the same files, in the same run: goal at most 3x.
* ``isa-kit validate agreements/`` as a whole process: goal median under 0.5 s.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, median_seconds, process_median, report
from corpus import generate

from isa_kit import load_partnerships


def main() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "corpus", partnerships=40, documents_per_partnership=25)
        files = sorted(root.rglob("*.yaml"))

        def parse_only() -> None:
            for f in files:
                yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)

        def load_validate() -> None:
            load_partnerships([root])

        base = median_seconds(parse_only, repeats=5)
        ours = median_seconds(load_validate, repeats=5)
    validate = process_median(["validate", "-q", "agreements"], repeats=7, cwd=ROOT)
    report("PyYAML C loader, parse 1,000-document corpus (median)", base)
    report("isa-kit load + validate same corpus (median)", ours)
    report("  ratio load+validate / C parse", ours / base, "x", "goal <= 3x")
    report(
        "isa-kit validate agreements/ whole process (median of 7)", validate, "s", "goal < 0.5 s"
    )
    return {
        "parse_s": base,
        "load_validate_s": ours,
        "ratio": ours / base,
        "validate_process_s": validate,
    }


if __name__ == "__main__":
    main()
