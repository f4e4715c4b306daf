"""The dependency floors: pyproject.toml and constraints/floors.txt agree, and under
``make test-floors`` the installed versions are exactly those floors."""

from __future__ import annotations

import importlib.metadata
import os
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _floors() -> dict[str, str]:
    text = (ROOT / "constraints" / "floors.txt").read_text()
    return {
        name.lower(): version
        for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.MULTILINE)
    }


def _version(v: str) -> tuple[int, ...]:
    parts = [int(x) for x in v.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()  # 2.6 == 2.6.0
    return tuple(parts)


def _lower_bounds(deps: list[str]) -> dict[str, tuple[int, ...]]:
    lower = {}
    for dep in deps:
        m = re.match(r"^([A-Za-z0-9_.-]+)>=([0-9.]+)", dep)
        assert m, f"{dep}: every dependency needs a floor"
        lower[m[1].lower()] = _version(m[2])
    return lower


def test_every_runtime_dependency_has_its_floor_in_the_constraints() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = _lower_bounds(project["dependencies"])
    floors = {k: _version(v) for k, v in _floors().items()}
    assert {k: v for k, v in floors.items() if k in runtime} == runtime
    # The rest are the test extra's readers of Word files (docxtpl, python-docx), pinned too
    # because the floor tests use them: at the floor the test extra admits.
    extra = {k: v for k, v in floors.items() if k not in runtime}
    readers = [d for d in project["optional-dependencies"]["test"] if "docx" in d]
    test = _lower_bounds(readers)
    assert extra == {k: test[k] for k in extra}
    assert set(extra) == {"docxtpl", "python-docx"}


def test_security_floors() -> None:
    floors = _floors()
    assert _version(floors["jinja2"]) >= (3, 1, 6)  # sandbox escapes fixed in 3.1.5 and 3.1.6
    assert _version(floors["pypdf"]) >= (6, 20)  # every reading limit the audit sets


def test_installed_versions_are_the_floors_under_make_test_floors() -> None:
    if os.environ.get("ISA_KIT_FLOORS") != "1":
        # In the main venv the newest versions are installed: they must not be below the floors.
        for name, floor in _floors().items():
            installed = importlib.metadata.version(name)
            assert _version(re.sub(r"[^0-9.].*$", "", installed)) >= _version(floor), name
        return
    for name, floor in _floors().items():
        assert importlib.metadata.version(name) == floor, name
