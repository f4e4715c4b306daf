"""Shell completion generated from the parser: bash really completes commands, options,
choices and paths; zsh gets a compdef script."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import require, run_cli

COMPLETE = """
source {script}
comp() {{
  COMP_WORDS=("$@"); COMP_CWORD=$((${{#COMP_WORDS[@]}}-1)); COMP_LINE="$*"
  COMP_POINT=${{#COMP_LINE}}; COMPREPLY=(); _shtab_isa_kit
  printf '%s\\n' "${{COMPREPLY[@]}}"; echo ---
}}
comp isa-kit ch
comp isa-kit in
comp isa-kit check agreements --for
comp isa-kit check agreements --format h
comp isa-kit init agree
"""


def test_bash_completion_completes_commands_options_choices_and_paths(tmp_path: Path) -> None:
    require(shutil.which("bash") is not None, "bash missing")
    result = run_cli("completion", "bash")
    assert result.returncode == 0, result.stderr
    script = tmp_path / "isa-kit.bash"
    script.write_text(result.stdout, encoding="utf-8")
    assert subprocess.run(["bash", "-n", str(script)], check=False).returncode == 0
    (tmp_path / "agreements").mkdir()
    out = subprocess.run(
        ["bash", "-c", COMPLETE.format(script=script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    answers = [block.split() for block in out.split("---")[:-1]]
    assert answers == [["check"], ["init"], ["--format"], ["html"], ["agreements"]]


def test_zsh_completion_script() -> None:
    result = run_cli("completion", "zsh")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("#compdef isa-kit")
    for word in ("init", "check", "audit", "--format", "--no-color", "html"):
        assert word in result.stdout
    if shutil.which("zsh"):
        syntax = subprocess.run(["zsh", "-n"], input=result.stdout, text=True, check=False)
        assert syntax.returncode == 0
