"""The CI files a new user copies: the action brings its own Python and a venv, nothing pins
a tag that does not exist, and the documented pre-commit hook runs as pasted."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

from isa_kit import init_partnership

SHA = re.compile(r"^[0-9a-f]{40}$")


def _yaml_blocks(markdown: str) -> list[object]:
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", markdown, re.S)]


def test_action_sets_up_python_and_a_venv_before_installing() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    steps = action["runs"]["steps"]
    setup = next(
        i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/setup-python@")
    )
    install = next(i for i, s in enumerate(steps) if s.get("name") == "Install isa-kit")
    assert setup < install
    assert steps[setup]["with"]["python-version"] == "${{ inputs.python-version }}"
    script = steps[install]["run"]
    assert '"$PYTHON" -m venv "$venv"' in script
    pip_lines = [line.strip() for line in script.splitlines() if "pip install" in line]
    assert pip_lines and all(line.startswith('"$venv/bin/python" -m pip') for line in pip_lines)
    assert 'echo "$venv/bin" >> "$GITHUB_PATH"' in script


def test_docs_pin_by_commit_never_a_missing_tag() -> None:
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    hooks_file = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    for text in (docs, hooks_file, (ROOT / "README.md").read_text(encoding="utf-8")):
        assert "v0.1.0" not in text
    workflow = next(b for b in _yaml_blocks(docs) if isinstance(b, dict) and "jobs" in b)
    uses = [s["uses"] for s in workflow["jobs"]["check"]["steps"] if "uses" in s]
    ours = [u for u in uses if u.startswith("isa-kit/isa-kit@")]
    assert len(ours) == 1 and SHA.match(ours[0].split("@", 1)[1])
    remote = [
        r
        for b in _yaml_blocks(docs)
        if isinstance(b, dict)
        for r in b.get("repos", [])
        if r["repo"].startswith("https://")
    ]
    assert len(remote) == 1 and SHA.match(remote[0]["rev"])
    published = {h["id"] for h in yaml.safe_load(hooks_file)}
    assert {h["id"] for h in remote[0]["hooks"]} <= published
    assert "pre-commit autoupdate --bleeding-edge --freeze" in docs


def test_documented_local_hooks_run_as_pasted(tmp_path: Path) -> None:
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    (local,) = [
        r
        for b in _yaml_blocks(docs)
        if isinstance(b, dict)
        for r in b.get("repos", [])
        if r["repo"] == "local"
    ]
    init_partnership(tmp_path / "agreements" / "newshire")
    changed = ["agreements/newshire/partnership.yaml", "agreements/newshire/documents/isa.yaml"]
    codes = {}
    bindir = Path(sys.executable).parent
    for hook in local["hooks"]:
        assert hook["language"] == "system"
        files = [f for f in changed if re.search(hook["files"], f)]
        assert files == changed
        # as pre-commit runs a system hook: the entry, split like a shell, then the files
        argv = shlex.split(hook["entry"])
        assert argv[0] == "isa-kit"
        result = subprocess.run(
            [str(bindir / "isa-kit"), *argv[1:], *files],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        codes[hook["id"]] = (result.returncode, result.stdout)
    assert codes["isa-kit-validate"] == (0, "")
    code, out = codes["isa-kit-check"]
    assert code == 1 and "ISA040 missing-lawful-basis" in out


def _uses(node: object) -> list[str]:
    if isinstance(node, dict):
        own = [node["uses"]] if isinstance(node.get("uses"), str) else []
        return own + [u for v in node.values() for u in _uses(v)]
    if isinstance(node, list):
        return [u for v in node for u in _uses(v)]
    return []


def test_every_action_used_is_pinned_by_commit() -> None:
    # A tag can be moved to other code; a commit SHA cannot (GitHub's hardening guide).
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    uses = _uses(action) + _uses(_yaml_blocks(docs))
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert len(uses) >= 4
    assert [u for u in uses if not SHA.match(u.rsplit("@", 1)[1])] == []


def test_action_restores_the_results_cache_before_checking() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    steps = action["runs"]["steps"]
    cache = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/cache@"))
    check = next(i for i, s in enumerate(steps) if s.get("id") == "check")
    assert cache < check
    assert steps[cache]["with"]["path"] == "~/.cache/isa-kit"  # core.cache_dir's default
    assert steps[cache]["if"] == "inputs.cache == 'true'"
    assert action["inputs"]["cache"]["default"] == "true"
