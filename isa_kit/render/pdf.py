"""Tagged PDF through LibreOffice, one headless process per batch.

Starting LibreOffice costs seconds; converting a document costs a fraction of that. So the
whole batch goes to one ``soffice --convert-to`` call, with a throw-away profile directory
(a user's running LibreOffice, or a parallel build, cannot lock it) and a timeout. Tagging
is asked for explicitly and then verified by reading the PDF's structure tree: a PDF that
screen readers cannot follow is not one a public body should publish.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import re
import shutil
import signal
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
            proc = _run_in_own_group(cmd, timeout, {**os.environ, "HOME": profile})
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


def _run_in_own_group(
    cmd: list[str], timeout: float, env: dict[str, str]
) -> subprocess.CompletedProcess[bytes]:
    """Run ``cmd`` in a process group of its own; on timeout kill the whole group.

    soffice is a launcher that starts the real office process: killing only the launcher
    (what ``subprocess.run`` does) would leave the converter running after we give up.
    """
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except BaseException:  # the timeout, or Ctrl-C: nothing of LibreOffice may outlive us
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    with contextlib.suppress(ProcessLookupError):  # a child left behind after a normal exit
        os.killpg(proc.pid, signal.SIGKILL)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def is_tagged(pdf: Path) -> bool:
    """Whether the PDF has a structure tree and says it is marked (what screen readers need)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    quiet = logging.getLogger("pypdf")  # its warnings on a broken file are ours to report
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        catalogue: Any = PdfReader(str(pdf)).trailer["/Root"].get_object()
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise OutputError(
            f"{pdf.name}: LibreOffice wrote a broken PDF ({type(exc).__name__}); "
            "try the build again, or check the LibreOffice installation"
        ) from None
    finally:
        quiet.setLevel(level)
    mark_info = catalogue.get("/MarkInfo")
    marked = bool(mark_info and mark_info.get_object().get("/Marked"))
    return marked and "/StructTreeRoot" in catalogue


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\(D:(\d{4,14})")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_DOC_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")


def settle(data: bytes, as_of: dt.date) -> bytes:
    """The same PDF with the clock and randomness taken out, so that the same data and
    ``as_of`` give the same bytes: LibreOffice stamps the conversion time as /CreationDate and
    a random file /ID (and a /DocChecksum of both). Dates become ``as_of`` at midnight; the id
    and checksum become a hash of the settled content. Every replacement keeps its length, so
    the cross-reference offsets stay valid."""

    def date(m: re.Match[bytes]) -> bytes:
        digits = as_of.strftime("%Y%m%d000000").encode()[: len(m.group(2))]
        return m.group(0)[: m.start(2) - m.start(0)] + digits

    out = _PDF_DATE.sub(date, data)
    blank = _PDF_ID.sub(lambda m: b"0" * len(m.group(0)), out)
    blank = _DOC_CHECKSUM.sub(lambda m: b"0" * len(m.group(0)), blank)
    digest = hashlib.sha256(blank).hexdigest().upper().encode()

    def same_length(hex_text: bytes) -> bytes:
        return (digest * (len(hex_text) // len(digest) + 1))[: len(hex_text)]

    out = _PDF_ID.sub(
        lambda m: (
            m.group(0)
            .replace(m.group(1), same_length(m.group(1)), 1)
            .replace(m.group(2), same_length(m.group(2)))
        ),
        out,
    )
    return _DOC_CHECKSUM.sub(lambda m: m.group(0).replace(m.group(1), same_length(m.group(1))), out)


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
