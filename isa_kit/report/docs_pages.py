"""Rule documentation pages kept in step with the code (checks' and audit rules' alike).

Both families render their modules' docstrings into ``docs/``; this is the one command-line
that writes the pages, or with ``--check`` fails when the committed pages are out of date.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def docs_main(
    description: str | None,
    pages: Callable[[], dict[str, str]],
    default_out: Path,
    module: str,
    argv: list[str] | None = None,
) -> int:
    """Write ``pages()`` into ``--out``; with ``--check``, exit 1 naming the stale pages."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="exit 1 if the pages are out of date")
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args(argv)
    stale = []
    for name, text in pages().items():
        path = args.out / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        print(f"out of date: {', '.join(stale)} (run python -m {module})", file=sys.stderr)
        return 1
    return 0
