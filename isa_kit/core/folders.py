"""Which partnership folders the command line's PATHs name, without loading any data.

Kept apart from :mod:`isa_kit.data.loader` (which re-exports it) because it needs neither
pydantic nor PyYAML: ``check`` answered from its results cache (:mod:`isa_kit.checks.cache`)
and ``build`` served from the data snapshot find their folders without importing them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from isa_kit.core.errors import DataError, Problem
from isa_kit.core.paths import PARTNERSHIP_FILE, display_path
from isa_kit.core.tree import list_folder, outside_reason

__all__ = ["find_partnership_folders", "partnership_folder_of"]


def find_partnership_folders(paths: Sequence[Path]) -> list[Path]:
    """Resolve command-line PATHs (the agreements root, partnership folders or files)."""
    folders: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        shown = display_path(path)
        if not path.exists():
            problems.append(Problem(shown, None, None, "", "no such file or folder"))
            continue
        if path.is_file():
            if path.suffix not in (".yaml", ".yml") and partnership_folder_of(path) is None:
                # A shell glob such as agreements/* also matches agreements/README.md:
                # a file that is not YAML cannot be agreement data, so it is passed over.
                continue
            folder = partnership_folder_of(path)
            if folder is None:
                problems.append(
                    Problem(
                        shown,
                        None,
                        None,
                        "",
                        f"not inside a partnership folder (no {PARTNERSHIP_FILE} above it)",
                    )
                )
                continue
            folders.append(folder)
        elif (path / PARTNERSHIP_FILE).is_file():
            folders.append(path)
        else:
            try:
                found = [d for d in list_folder(path) if (d / PARTNERSHIP_FILE).is_file()]
            except DataError as exc:
                problems.extend(exc.problems)
                continue
            refused = [(d, r) for d in found if d.is_symlink() and (r := outside_reason(d, path))]
            for d, reason in refused:
                problems.append(Problem(display_path(d), None, None, "", reason))
                found.remove(d)
            if not found and not refused:
                problems.append(
                    Problem(
                        shown,
                        None,
                        None,
                        "",
                        f"no partnership here: expected {PARTNERSHIP_FILE} in it or in its sub-folders",
                    )
                )
            folders.extend(found)
    if not folders and not problems:
        problems.append(
            Problem(
                " ".join(map(display_path, paths)),
                None,
                None,
                "",
                f"no partnership here: expected {PARTNERSHIP_FILE}",
            )
        )
    if problems:
        raise DataError(problems)
    unique: dict[Path, None] = {}
    for f in folders:
        unique.setdefault(f.resolve(), None)
    return [Path(display_path(f)) for f in unique]


def partnership_folder_of(file: Path) -> Path | None:
    for parent in (file.parent, file.parent.parent):
        if (parent / PARTNERSHIP_FILE).is_file():
            return parent
    return None
