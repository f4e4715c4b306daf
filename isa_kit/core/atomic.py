"""Write files so that a reader never sees half of one: temporary file, then rename.

A failed write (a full disk, a target that is a folder) removes the temporary file and is
an :class:`OutputError` naming the target. The file ends with the permissions any other
tool would give it under the user's umask (``mkstemp`` alone would leave it 0600).
"""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

from isa_kit.core.errors import OutputError


@functools.cache
def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it: put it straight back
    os.umask(mask)
    return mask


def write_bytes_atomic(target: Path, data: bytes) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        if target.is_dir():
            raise OutputError(f"{target}: is a folder: expected a file path to write")
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(target: Path, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))


def create_files_atomic(files: dict[Path, str]) -> None:
    """Create every file in ``files`` (path -> text), or none of them: never replaces a file.

    Each is written to a temporary file and linked into place, which fails if the name exists
    (so a file made meanwhile is never overwritten); on any failure the files already created
    are removed again. Raises :class:`OutputError` naming the file.
    """
    made: list[Path] = []
    try:
        for target, text in files.items():
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(
                    prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
                )
                try:
                    with os.fdopen(fd, "wb") as handle:
                        handle.write(text.encode("utf-8"))
                    os.link(tmp, target)
                finally:
                    Path(tmp).unlink(missing_ok=True)
            except FileExistsError:
                raise OutputError(f"{target}: already exists: not overwritten") from None
            except OSError as exc:
                raise OutputError(f"{target}: cannot write: {exc.strerror}") from exc
            made.append(target)
    except BaseException:
        for path in made:
            path.unlink(missing_ok=True)
        raise
