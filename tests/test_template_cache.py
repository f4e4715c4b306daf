"""The on-disk cache of compiled templates: reused across processes, keyed by content,
never trusted across versions, harmless when corrupt, and no way around the sandbox."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from jinja2.exceptions import SecurityError

from isa_kit.core.cache_dir import CACHE_DIR_VAR, cache_root
from isa_kit.render import cache
from isa_kit.render.environment import _section_slots, environment
from isa_kit.render.patch import patch_xml

ROOT = Path(__file__).resolve().parents[1]
XML = '<w:p><w:r><w:t>{{ name }} {{ section("aims") }}</w:t></w:r></w:p>'


class Patches:
    """``patch_xml`` that counts its calls: a call means the part was compiled, not reused."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, xml: str) -> str:
        self.calls += 1
        return patch_xml(xml)


def _compile(xml: str, patch: Patches) -> tuple[jinja2.Template, frozenset[str]]:
    return cache.compile_part(environment(), "word/document.xml", xml, patch, _section_slots)


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*/__jinja2_*.cache"))


def test_compiled_once_then_reused_with_the_same_slots(cache_dir: Path) -> None:
    patch = Patches()
    first, slots = _compile(XML, patch)
    second, slots2 = _compile(XML, patch)
    assert patch.calls == 1
    assert slots == slots2 == frozenset({"aims"})
    ctx = {"name": "Hub & Co", "section": lambda s: f"[{s}]"}
    assert first.render(ctx) == second.render(ctx)
    assert "Hub &amp; Co [aims]" in second.render(ctx)
    (entry,) = _entries(cache_dir)
    folder = entry.parent.name  # never trusted across versions
    assert folder.startswith(f"templates-{cache.__version__}-jinja{jinja2.__version__}-")
    assert sys.implementation.cache_tag in folder
    assert not list(cache_dir.rglob("*.tmp"))


def test_a_changed_part_is_compiled_again(cache_dir: Path) -> None:
    patch = Patches()
    _compile(XML, patch)
    template, _ = _compile(XML.replace("{{ name }}", "{{ name }}!"), patch)
    assert patch.calls == 2
    assert "X!" in template.render({"name": "X", "section": str})
    assert len(_entries(cache_dir)) == 2


def test_sandbox_holds_for_a_template_loaded_from_the_cache(cache_dir: Path) -> None:
    hostile = "<w:t>{% if items.append(1) %}{% endif %}</w:t>"
    patch = Patches()
    _compile(hostile, patch)
    reused, _ = _compile(hostile, patch)
    assert patch.calls == 1  # really from the disk cache
    items: list[int] = []
    with pytest.raises(SecurityError, match="append"):
        reused.render({"items": items})
    assert items == []


@pytest.mark.parametrize("garbage", [b"", b"not a cache file", b"j2\x00garbage" * 50])
def test_a_corrupt_entry_is_a_miss_not_a_crash(cache_dir: Path, garbage: bytes) -> None:
    patch = Patches()
    _compile(XML, patch)
    for entry in cache_dir.rglob("__*"):
        entry.write_bytes(garbage)
    template, slots = _compile(XML, patch)
    assert patch.calls == 2
    assert slots == frozenset({"aims"})
    assert ">ok aims</w:t>" in template.render({"name": "ok", "section": str})
    _compile(XML, patch)  # rewritten: reused again
    assert patch.calls == 2


def test_can_be_turned_off(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_DIR_VAR, "off")
    patch = Patches()
    _compile(XML, patch)
    _compile(XML, patch)
    assert patch.calls == 2
    assert not cache_dir.exists()


def test_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(CACHE_DIR_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_root() == tmp_path / "isa-kit"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_root() == Path.home() / ".cache" / "isa-kit"


_BUILD = """
import datetime as dt, sys
from pathlib import Path
from isa_kit.render.build import build
build(Path("agreements/demo"), Path(sys.argv[1]), as_of=dt.date(2026, 11, 21), only="demo-mash-isa")
print(sorted(m for m in ("docxtpl", "docx") if m in sys.modules))
"""


def test_a_second_process_builds_warm_without_docxtpl_and_the_same_bytes(
    cache_dir: Path, tmp_path: Path
) -> None:
    def run(out: Path) -> str:
        proc = subprocess.run(
            [sys.executable, "-c", _BUILD, str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.strip()

    assert run(tmp_path / "one") == "[]"  # cold: the kit patches the XML itself
    assert _entries(cache_dir)
    assert run(tmp_path / "two") == "[]"  # warm: nothing to patch or compile
    for first in sorted((tmp_path / "one").iterdir()):
        assert first.read_bytes() == (tmp_path / "two" / first.name).read_bytes()
