"""Walking a folder the user named without ever leaving it.

Agreement folders live in shared repositories, so a file in one may be a symbolic link that
somebody else made. Following a link out of the folder the user named would read (and could
echo into a CI log) a file the user never pointed us at, so such links are refused; loops,
broken links and unreadable folders are reported rather than passed over or crashed on.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from isa_kit.core.errors import DataError, Problem
from isa_kit.core.paths import display_path


def outside_reason(path: Path, root: Path) -> str | None:
    """Why ``path`` must not be read as part of ``root``, or ``None`` when it may be.

    ``root`` is the folder the user named (links inside it are fine as long as their target
    stays inside it too).
    """
    try:
        real = path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a symlink loop this way
        return "a symbolic link loop: expected a file or folder"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop: expected a file or folder"
        if path.is_symlink():
            return "a broken symbolic link: expected a file or folder"
        return f"cannot read: {exc.strerror}"
    try:
        base = root.resolve(strict=True)
    except (OSError, RuntimeError):
        base = Path(os.path.abspath(root))
    if real != base and not real.is_relative_to(base):
        return (
            f"leads outside {display_path(root)}: refused "
            "(files must stay inside the folder named on the command line)"
        )
    return None


def guard(path: Path, root: Path) -> None:
    """Raise :class:`DataError` naming ``path`` when :func:`outside_reason` refuses it."""
    reason = outside_reason(path, root)
    if reason is not None:
        raise DataError([Problem(display_path(path), None, None, "", reason)])


def list_folder(folder: Path) -> list[Path]:
    """The sorted entries of ``folder``; an unreadable folder is a :class:`DataError`."""
    try:
        return sorted(folder.iterdir())
    except OSError as exc:
        raise DataError(
            [
                Problem(
                    display_path(folder),
                    None,
                    None,
                    "",
                    f"cannot read folder: {exc.strerror or exc}",
                )
            ]
        ) from None
