"""A policy's severities must name real checks or audit rules.

One ``policy.yaml`` serves both ``check`` (ISA codes) and ``audit`` (AUD codes), and the two
families are independent packages, so only the CLI, above both, knows every code and name. A
mistyped key would otherwise be ignored and the severity the author meant never applied.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from isa_kit.core.errors import DataError
from isa_kit.core.paths import POLICY_FILE, display_path
from isa_kit.core.suggest import did_you_mean


def check_policy_keys(folders: Iterable[Path]) -> None:
    """Raise :class:`DataError` (at the key's line) for a severity naming no check or rule."""
    paths = [
        (folder, folder / POLICY_FILE)
        for folder in folders
        if (folder / POLICY_FILE).is_file() or (folder / POLICY_FILE).is_symlink()
    ]
    if not paths:  # the common case: no audit import (check must start quickly)
        return
    from isa_kit.audit.judge import RULES
    from isa_kit.checks import CHECKS
    from isa_kit.core.tree import guard
    from isa_kit.data.yaml import load_yaml

    known = {c.code for c in CHECKS} | {c.name for c in CHECKS}
    known |= {r.code for r in RULES} | {r.name for r in RULES}
    problems = []
    for folder, path in paths:
        guard(path, folder)
        data, source = load_yaml(path, display_path(path))
        severities = data.get("severities") if isinstance(data, dict) else None
        for key in severities if isinstance(severities, dict) else ():
            if key not in known:
                problems.append(
                    source.problem(
                        ("severities", key),
                        f"no check or audit rule is called {key!r}: expected a code such as "
                        "ISA013 or AUD010, or a name such as inconsistent-review-period"
                        + did_you_mean(str(key), known),
                        key=True,
                    )
                )
    if problems:
        raise DataError(problems)
