"""Tagged PDF through LibreOffice, one headless process per batch.

Starting LibreOffice costs seconds; converting a document costs a fraction of that. So the
whole batch goes to one ``soffice --convert-to`` call, with a throw-away profile directory
(a user's running LibreOffice, or a parallel build, cannot lock it) and a timeout. Tagging
is asked for explicitly and then verified by reading the PDF's structure tree: a PDF that
screen readers cannot follow is not one a public body should publish.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from isa_kit.core.errors import DependencyError, OutputError

#: LibreOffice's export filter with tagging switched on (JSON filter options, LibreOffice 7.4+).
TAGGED_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
DEFAULT_TIMEOUT = 300.0
_INSTALL_HINT = (
    "install LibreOffice (on Debian or Ubuntu: apt-get install libreoffice-writer-nogui) "
    "or set ISA_KIT_SOFFICE to the soffice program"
)


def find_soffice() -> str | None:
    """The LibreOffice program: ``$ISA_KIT_SOFFICE``, else ``soffice`` or ``libreoffice`` on PATH."""
    configured = os.environ.get("ISA_KIT_SOFFICE")
    if configured:
        return configured if Path(configured).is_file() else shutil.which(configured)
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    found = find_soffice()
    if found is None:
        raise DependencyError(f"cannot make PDFs: LibreOffice is not installed; {_INSTALL_HINT}")
    return found


def convert(
    sources: Sequence[Path],
    outdir: Path,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    soffice: str | None = None,
) -> list[Path]:
    """Convert every .docx in ``sources`` to a tagged PDF in ``outdir`` with one process."""
    if not sources:
        return []
    program = soffice or require_soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="isa-kit-lo-") as profile:
        cmd = [
            program,
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--convert-to",
            TAGGED_FILTER,
            "--outdir",
            str(outdir),
            *(str(s) for s in sources),
        ]
        try:
            proc = subprocess.run(
                cmd,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=timeout,
                check=False,
                env={**os.environ, "HOME": profile},
            )
        except subprocess.TimeoutExpired:
            raise OutputError(
                f"LibreOffice did not finish converting {len(sources)} document(s) within "
                f"{timeout:.0f} seconds"
            ) from None
        except OSError as exc:
            raise DependencyError(f"cannot run LibreOffice ({program}): {exc.strerror}") from None
    results = [outdir / (s.stem + ".pdf") for s in sources]
    missing = [p.name for p in results if not p.is_file()]
    if proc.returncode != 0 or missing:
        detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()
        why = detail[-1] if detail else f"exit code {proc.returncode}"
        raise OutputError(
            f"LibreOffice could not convert {', '.join(missing) or 'the documents'}: {why}"
        )
    return results


def is_tagged(pdf: Path) -> bool:
    """Whether the PDF has a structure tree and says it is marked (what screen readers need)."""
    from pypdf import PdfReader

    catalogue: Any = PdfReader(str(pdf)).trailer["/Root"].get_object()
    mark_info = catalogue.get("/MarkInfo")
    marked = bool(mark_info and mark_info.get_object().get("/Marked"))
    return marked and "/StructTreeRoot" in catalogue


def convert_batches(
    sources: Sequence[Path],
    outdir: Path,
    *,
    batch_size: int = 200,
    timeout: float | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """:func:`convert` for many documents: one LibreOffice process per ``batch_size`` of them.

    Batching keeps each call's command line and timeout bounded while paying LibreOffice's
    start-up once per batch, not once per document; ``progress(done, total)`` after each.
    """
    program = require_soffice() if sources else None
    done: list[Path] = []
    for start in range(0, len(sources), batch_size):
        batch = sources[start : start + batch_size]
        done.extend(convert(batch, outdir, timeout=timeout or DEFAULT_TIMEOUT, soffice=program))
        if progress is not None:
            progress(len(done), len(sources))
    return done
