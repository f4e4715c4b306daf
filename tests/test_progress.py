"""Progress bars and colour appear on a terminal only: a pipe gets nothing but the result.

The terminal is a real pseudo-terminal (``os.openpty``); the bar's delay is set to 0 through
``ISA_KIT_PROGRESS_DELAY`` so that a quick test run shows it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import docx
from conftest import ROOT

ESC = "\x1b["
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _drain(fd: int, into: list[bytes]) -> None:
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the child closed its end
            return
        if not chunk:
            return
        into.append(chunk)


def run(
    args: list[str], *, tty: str, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> tuple[str, str, int]:
    """Run the CLI with ``tty`` ("stderr", "stdout" or "none") on a pseudo-terminal and the
    other streams on pipes; return (stdout, stderr, exit code)."""
    full_env = {**os.environ, "ISA_KIT_PROGRESS_DELAY": "0", "TERM": "xterm-256color"}
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    master, slave = os.openpty()
    streams = {
        "stdout": slave if tty == "stdout" else subprocess.PIPE,
        "stderr": slave if tty == "stderr" else subprocess.PIPE,
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "isa_kit", *args],
        cwd=cwd,
        env=full_env,
        stdin=subprocess.DEVNULL,
        **streams,  # type: ignore[arg-type]
    )
    os.close(slave)
    chunks: list[bytes] = []
    reader = threading.Thread(target=_drain, args=(master, chunks), daemon=True)
    reader.start()
    out, err = proc.communicate(timeout=300)
    reader.join(timeout=10)
    os.close(master)
    on_tty = b"".join(chunks).decode("utf-8", "replace")
    stdout = on_tty if tty == "stdout" else out.decode()
    stderr = on_tty if tty == "stderr" else err.decode()
    return stdout, stderr, proc.returncode


def _docx_folder(tmp_path: Path, n: int = 4) -> Path:
    folder = tmp_path / "old"
    folder.mkdir()
    for i in range(n):
        document = docx.Document()
        document.add_paragraph(f"Agreement {i} under the Data Protection Act 1998.")
        document.save(str(folder / f"agreement-{i}.docx"))
    return folder


def test_audit_progress_on_a_terminal_only(tmp_path: Path) -> None:
    folder = _docx_folder(tmp_path)
    args = ["audit", str(folder), "--as-of", "2026-12-03"]
    out_tty, err_tty, code_tty = run(args, tty="stderr")
    err_tty = ANSI.sub("", err_tty)
    out_pipe, err_pipe, code_pipe = run(args, tty="none")
    assert code_tty == code_pipe == 1
    assert "Auditing" in err_tty and " 4/4 " in err_tty, err_tty
    assert err_pipe == ""  # a pipe gets nothing but the result
    assert out_tty == out_pipe and "4 documents checked" in out_pipe


def test_build_progress_on_a_terminal_only(tmp_path: Path) -> None:
    args = ["build", "agreements/demo", "--out", str(tmp_path / "out"), "--as-of", "2026-12-03"]
    out_tty, err_tty, code = run(args, tty="stderr")
    err_tty = ANSI.sub("", err_tty)
    assert code == 0, err_tty
    jobs = out_tty.count("wrote ")  # a document or signature pack each
    assert jobs >= 4 and "Building" in err_tty and f" {jobs}/{jobs} " in err_tty, err_tty
    out_pipe, err_pipe, code = run([*args[:3], str(tmp_path / "again"), *args[4:]], tty="none")
    assert code == 0 and err_pipe == ""
    assert out_pipe.count("wrote ") == jobs


def test_colour_on_a_terminal_respects_no_color(tmp_path: Path) -> None:
    args = ["check", "agreements/herefordshire", "--as-of", "2026-12-03"]
    coloured, _, code = run(args, tty="stdout")
    assert code == 1
    assert ESC in coloured and "\x1b[1;31merror" in coloured
    plain_env, _, _ = run(args, tty="stdout", env={"NO_COLOR": "1"})
    plain_flag, _, _ = run([*args, "--no-color"], tty="stdout")
    piped, _, _ = run(args, tty="none")
    assert ESC not in plain_env and ESC not in plain_flag and ESC not in piped
    # the same report, colour aside (the terminal turns \n into \r\n)
    assert ANSI.sub("", coloured).replace("\r\n", "\n") == piped
    assert plain_env.replace("\r\n", "\n") == piped


def test_letters_progress_on_a_terminal_only(tmp_path: Path) -> None:
    args = [
        "letters",
        "tests/fixtures/letters/decisions.csv",
        "--partnership",
        "agreements/demo",
        "--out",
        str(tmp_path / "tty"),
        "--as-of",
        "2026-11-21",
    ]
    out_tty, err_tty, code_tty = run(args, tty="stderr")
    err_tty = ANSI.sub("", err_tty)
    assert code_tty == 1  # the fixture has bad and refused rows by design
    assert "Writing letters" in err_tty, err_tty
    out_pipe, err_pipe, code_pipe = run([*args[:5], str(tmp_path / "pipe"), *args[6:]], tty="none")
    assert code_pipe == 1 and "Writing letters" not in err_pipe
    assert out_pipe == out_tty.replace(str(tmp_path / "tty"), str(tmp_path / "pipe"))
