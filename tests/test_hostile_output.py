"""Output faults: a full disk, a folder where a file should go, a LibreOffice that hangs or
writes garbage. Each is one line naming the file, exit 2, nothing half-written, nothing left
running; generated files follow the user's umask."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from test_loader_errors import DOCUMENT
from test_loader_errors import make as make_folder

BUILD = ["build", "tiny", "--out", "out", "--as-of", "2026-01-01"]


def make(tmp_path: Path) -> Path:
    """The tiny partnership with a one-line template, so that it builds."""
    folder = make_folder(
        tmp_path, document=DOCUMENT + "template: t.docx\nsignature_pack_template: t.docx\n"
    )
    d = docx.Document()
    d.add_paragraph("{{ document.title }}")
    d.save(str(folder / "t.docx"))
    return folder


def _run(
    tmp_path: Path,
    *args: str,
    prelude: str = "",
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    driver = (
        prelude + "import sys\nfrom isa_kit.cli.main import main\nsys.exit(main(sys.argv[1:]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", driver, *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )
    assert "Traceback" not in result.stderr
    return result


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*")) if folder.exists() else []


def test_disk_full_is_one_line_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    make(tmp_path)
    # A file-size limit makes every write past 2 kB fail as a full disk would (EFBIG).
    prelude = (
        "import resource, signal\nsignal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))\n"
    )
    result = _run(tmp_path, *BUILD, prelude=prelude)
    assert result.returncode == 2
    assert result.stderr.strip() == "isa-kit: out/isa.docx: cannot write: File too large"
    assert _leftovers(tmp_path / "out") == []


def test_output_path_that_is_a_folder(tmp_path: Path) -> None:
    make(tmp_path)
    (tmp_path / "out" / "isa.docx").mkdir(parents=True)
    result = _run(tmp_path, *BUILD)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "isa-kit: out/isa.docx: is a folder: expected a file path to write"
    )
    assert _leftovers(tmp_path / "out") == ["isa.docx"]
    (tmp_path / "file").write_text("x")
    result = _run(tmp_path, "build", "tiny", "--out", "file", "--as-of", "2026-01-01")
    assert result.returncode == 2 and result.stderr.startswith(
        "isa-kit: file/isa.docx: cannot write"
    )


def test_generated_files_follow_the_umask(tmp_path: Path) -> None:
    make(tmp_path)
    for mask, mode in ((0o022, 0o644), (0o027, 0o640), (0o077, 0o600)):
        out = f"out{mask:o}"
        result = _run(
            tmp_path,
            "build",
            "tiny",
            "--out",
            out,
            "--as-of",
            "2026-01-01",
            prelude=f"import os\nos.umask({mask})\n",
        )
        assert result.returncode == 0, result.stderr
        assert stat.S_IMODE((tmp_path / out / "isa.docx").stat().st_mode) == mode


def _fake_soffice(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "fake-soffice"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    return script


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead, only not yet reaped by its parent
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (OSError, IndexError):
        return True


def test_libreoffice_timeout_kills_its_children(tmp_path: Path) -> None:
    make(tmp_path)
    pidfile = tmp_path / "child.pid"
    # Like soffice: a launcher that starts the real converter and waits for it.
    fake = _fake_soffice(tmp_path, f"sleep 300 &\necho $! > {pidfile}\nwait\n")
    start = time.monotonic()
    result = _run(tmp_path, *BUILD, "--pdf", "--timeout", "2", env={"ISA_KIT_SOFFICE": str(fake)})
    assert time.monotonic() - start < 60
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "isa-kit: LibreOffice did not finish converting 2 document(s) within 2 seconds"
    )
    child = int(pidfile.read_text())
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(child), "LibreOffice's child process was left running"
    assert not [p for p in _leftovers(tmp_path / "out") if p.endswith(".pdf")]


def test_libreoffice_writing_a_broken_pdf(tmp_path: Path) -> None:
    make(tmp_path)
    # Writes a truncated PDF for every document it is given, as a crashing export would.
    fake = _fake_soffice(
        tmp_path,
        'out=""; prev=""\nfor a in "$@"; do\n  [ "$prev" = "--outdir" ] && out="$a"\n'
        '  case "$a" in *.docx) n=$(basename "$a" .docx); printf "%%PDF-1.7\\n1 0 obj <<" > "$out/$n.pdf";; esac\n'
        '  prev="$a"\ndone\n',
    )
    result = _run(tmp_path, *BUILD, "--pdf", env={"ISA_KIT_SOFFICE": str(fake)})
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        "isa-kit: isa.pdf: LibreOffice wrote a broken PDF"
    )
    assert not [p for p in _leftovers(tmp_path / "out") if p.endswith(".pdf")]


def test_crash_log_names_no_personal_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import tempfile

    from isa_kit.cli import main as cli_main
    from isa_kit.cli import validate

    personal = "Jane Example, 1 High Street, jane@example.org"

    def boom(_args: object) -> int:
        raise RuntimeError(f"bug while reading {personal}")

    monkeypatch.setattr(validate, "run", boom)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    code = cli_main.main(["validate", "anything"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert personal not in err and "Jane" not in err
    logs = list(tmp_path.glob("isa-kit-crash-*.log"))
    assert len(logs) == 1 and logs[0].name in err
    text = logs[0].read_text()
    assert "RuntimeError" in text and "in boom" in text
    assert "Jane" not in text and "High Street" not in text and "@" not in text


def test_one_crash_boundary() -> None:
    """Only the CLI's boundary writes crash logs or prints tracebacks."""
    root = Path(__file__).resolve().parents[1] / "isa_kit"
    offenders = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if p.name != "main.py" or p.parent.name != "cli"
        for needle in ("print_exc", "print_exception", "isa-kit-crash", "format_exc")
        if needle in p.read_text()
    ]
    assert offenders == []
