"""The results cache of ``check``: a repeat run gives the same bytes, quicker, and any change
to what the results depend on is a miss."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from _cases import build
from conftest import ROOT

from isa_kit.checks import cache as results_cache
from isa_kit.checks.service import CheckResult, check_paths
from isa_kit.core import folders as core_folders
from isa_kit.data import loader
from isa_kit.report.render import render_report

AS_OF = dt.date(2026, 11, 21)
FORMATS = ("text", "json", "sarif", "junit", "github", "markdown", "html")


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The partnership folders loaded (the service imports the loader late: a hit never)."""
    seen: list[str] = []
    real = loader.load_partnership

    def counting(folder: Path) -> object:
        seen.append(folder.as_posix())
        return real(folder)

    monkeypatch.setattr(loader, "load_partnership", counting)
    return seen


WAIVER = {"reason": "Fee paid", "approved_by": "IG Board", "expires": "2027-01-31"}


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """agreements/demo under the working folder, to edit: findings, a waived finding, an
    expired waiver and an unused one."""
    build(
        tmp_path / "agreements" / "demo",
        {
            "organisations": {"charity": {"ico_registration": None}},
            "document": {
                "review": {
                    "period_months": 12,
                    "last_reviewed": "2025-12-31",
                    "next_review": "2026-12-31",
                }
            },
            "partnership": {
                "id": "demo",
                "waivers": [
                    {"code": "ISA030", "subject": "charity", **WAIVER},
                    {"code": "ISA011", "subject": "isa", **WAIVER, "expires": "2026-01-31"},
                    {"code": "ISA001", "subject": "police", **WAIVER},
                ],
            },
        },
    )
    monkeypatch.chdir(tmp_path)
    return Path("agreements/demo")


def test_the_demo_has_findings_and_a_waived_one(demo: Path) -> None:
    result = check_paths([demo], AS_OF, use_cache=False)
    assert sorted(f.code for f in result.report.findings) == ["ISA011", "ISA090", "ISA091"]
    assert [w.finding.code for w in result.report.waived] == ["ISA030"]


def rendered(result: CheckResult) -> dict[str, str]:
    return {fmt: render_report(result.report, fmt) for fmt in FORMATS}


def entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "check-results").glob("*.json"))


@pytest.mark.parametrize(
    "paths, options",
    [
        (["agreements"], {}),
        (["agreements"], {"select": ["ISA01", "insecure-email-domain"], "ignore": ["ISA011"]}),
        (["agreements/demo/documents/isa.yaml", "agreements/barnet"], {}),
        (["agreements/northamptonshire"], {"as_of": dt.date(2024, 3, 1)}),
    ],
)
def test_a_hit_renders_the_same_bytes_as_a_miss(
    paths: list[str],
    options: dict[str, object],
    cache_dir: Path,
    loads: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    as_of = options.pop("as_of", AS_OF)
    assert isinstance(as_of, dt.date)
    fresh = check_paths([Path(p) for p in paths], as_of, use_cache=False, **options)  # type: ignore[arg-type]
    miss = check_paths([Path(p) for p in paths], as_of, **options)  # type: ignore[arg-type]
    loaded = len(loads)
    assert loaded >= 2 and len(entries(cache_dir)) == loaded // 2
    hit = check_paths([Path(p) for p in paths], as_of, **options)  # type: ignore[arg-type]
    assert len(loads) == loaded, "a hit loads nothing"
    assert rendered(hit) == rendered(miss) == rendered(fresh)
    assert hit.report.findings and hit.report.findings == fresh.report.findings
    assert hit.exit_code() == miss.exit_code() == fresh.exit_code()


def test_baselines_read_and_written_alike_on_a_hit(
    cache_dir: Path, loads: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    wrote = check_paths([Path("agreements")], AS_OF, write_baseline_to=first)
    loaded = len(loads)
    again = check_paths([Path("agreements")], AS_OF, write_baseline_to=second)
    assert len(loads) == loaded and wrote.baseline_written == again.baseline_written
    assert first.read_bytes() == second.read_bytes()
    # hide part of it: drop some entries, so some findings show and none is stale
    data = json.loads(first.read_text(encoding="utf-8"))
    data["findings"] = data["findings"][::2]
    first.write_text(json.dumps(data), encoding="utf-8")
    fresh = check_paths([Path("agreements")], AS_OF, baseline=first, use_cache=False)
    hit = check_paths([Path("agreements")], AS_OF, baseline=first)
    assert len(loads) == 2 * loaded
    assert 0 < hit.report.baselined < len(fresh.report.findings) + hit.report.baselined
    assert rendered(hit) == rendered(fresh)


def cli(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "isa_kit", "check", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=300,
    )


def imported(stderr: bytes) -> set[str]:
    """The modules ``-X importtime`` saw imported."""
    return {
        line.rsplit("|", 1)[1].strip()
        for line in stderr.decode().splitlines()
        if line.startswith("import time:") and "|" in line
    }


@pytest.mark.parametrize(
    "options",
    [
        ["--format", "text"],
        ["--format", "json"],
        ["--format", "sarif", "--select", "overdue-review,ISA02"],
        ["--format", "junit", "--fail-on", "warning"],
        ["--format", "github"],
    ],
)
def test_cli_repeat_run_same_stdout_and_exit_code_without_pydantic(
    options: list[str], tmp_path: Path
) -> None:
    env = {**os.environ, "ISA_KIT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("ISA_KIT_NO_CACHE", None)
    env.pop("GITHUB_STEP_SUMMARY", None)
    args = ["agreements/", "--as-of", "2026-11-21", *options]
    miss = cli(*args, cwd=ROOT, env=env)
    hit = cli(*args, cwd=ROOT, env=env)
    fresh = cli(*args, "--no-cache", cwd=ROOT, env=env)
    assert miss.returncode == hit.returncode == fresh.returncode == 1
    assert hit.stdout == miss.stdout == fresh.stdout and b"ISA0" in hit.stdout
    assert {"pydantic", "yaml", "isa_kit.data.model"} <= imported(miss.stderr)
    heavy = {"pydantic", "yaml", "isa_kit.data.model", "isa_kit.checks.registry", "jinja2"}
    assert not heavy & imported(hit.stderr)


def test_service_hit_imports_no_pydantic_yaml_or_checks(cache_dir: Path) -> None:
    script = (
        "import sys, datetime as dt\n"
        "from pathlib import Path\n"
        "from isa_kit.checks.service import check_paths\n"
        "r = check_paths([Path('agreements')], dt.date(2026, 11, 21))\n"
        "heavy = ['pydantic', 'yaml', 'isa_kit.data.loader', 'isa_kit.checks.engine']\n"
        "print(len(r.report.findings), [m for m in heavy if m in sys.modules])\n"
    )
    env = {**os.environ, "ISA_KIT_CACHE_DIR": str(cache_dir)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    count, _ = runs[0].stdout.split(" ", 1)
    assert int(count) > 0
    assert (
        runs[0].stdout
        == f"{count} ['pydantic', 'yaml', 'isa_kit.data.loader', 'isa_kit.checks.engine']\n"
    )
    assert runs[1].stdout == f"{count} []\n", runs[1].stderr


def edit_document(folder: Path) -> None:
    doc = folder / "documents" / "isa.yaml"
    doc.write_text(doc.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")


def add_policy(folder: Path) -> None:
    (folder / "policy.yaml").write_text(
        "source: Demo MASH board\neffective: 2026-01-01\nseverities: {ISA011: 'off'}\n",
        encoding="utf-8",
    )


def add_stray_file(folder: Path) -> None:
    (folder / "documents" / "notes.txt").write_text("not data\n", encoding="utf-8")


@pytest.mark.parametrize(
    "change, kwargs",
    [
        (edit_document, {}),
        (add_policy, {}),
        (add_stray_file, {}),
        (None, {"as_of": dt.date(2026, 11, 22)}),
        (None, {"select": ["ISA01"]}),
        (None, {"ignore": ["ISA011"]}),
    ],
)
def test_any_change_is_a_miss(
    change: Callable[[Path], None] | None,
    kwargs: dict[str, object],
    demo: Path,
    cache_dir: Path,
    loads: list[str],
) -> None:
    check_paths([demo], AS_OF)
    check_paths([demo], AS_OF)
    assert loads == ["agreements/demo"], "the second run was a hit"
    if change is not None:
        change(demo)
    as_of = kwargs.pop("as_of", AS_OF)
    assert isinstance(as_of, dt.date)
    changed = check_paths([demo], as_of, **kwargs)  # type: ignore[arg-type]
    assert loads == ["agreements/demo"] * 2, "the change was a miss"
    fresh = check_paths([demo], as_of, use_cache=False, **kwargs)  # type: ignore[arg-type]
    assert rendered(changed) == rendered(fresh)


def test_the_policy_in_force_changes_the_findings_on_a_miss(
    demo: Path, cache_dir: Path, loads: list[str]
) -> None:
    before = check_paths([demo], AS_OF)
    add_policy(demo)
    after = check_paths([demo], AS_OF)
    assert any(f.code == "ISA011" for f in before.report.findings)
    assert not any(f.code == "ISA011" for f in after.report.findings)
    assert len(loads) == 2


def test_a_changed_kit_is_a_miss(
    demo: Path, cache_dir: Path, loads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check_paths([demo], AS_OF)
    monkeypatch.setattr(results_cache, "kit_fingerprint", lambda: "another version")
    check_paths([demo], AS_OF)
    assert len(loads) == 2


def test_kit_fingerprint_covers_code_and_reference_data() -> None:
    results_cache.kit_fingerprint.cache_clear()
    first = results_cache.kit_fingerprint()
    assert len(first) == 64 and first == results_cache.kit_fingerprint()
    seen: list[str] = []
    real_stat = os.stat

    def stat(path: str, *args: object, **kwargs: bool) -> os.stat_result:
        seen.append(str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    results_cache.kit_fingerprint.cache_clear()
    with pytest.MonkeyPatch.context() as m:
        m.setattr(results_cache.os, "stat", stat)
        assert results_cache.kit_fingerprint() == first
    results_cache.kit_fingerprint.cache_clear()
    assert any(p.endswith("checks/engine.py") for p in seen)
    assert any(p.endswith("checks/policy.yaml") for p in seen)
    assert any("knowledge" in p and p.endswith(".yaml") for p in seen)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda text: "{not json",
        lambda text: text[: len(text) // 2],
        lambda text: "[]",
        lambda text: text.replace('"line":', '"line":"x","was":', 1),
        lambda text: text.replace('"severity":"error"', '"severity":"fatal"', 1),
        lambda text: text.replace('"findings":[', '"findings":[7,', 1),
        lambda text: text.replace('"result":{', '"result":null,"x":{', 1),
        lambda text: "[" * 100000,
    ],
)
def test_a_corrupt_entry_is_a_miss_then_rewritten(
    spoil: Callable[[str], str], demo: Path, cache_dir: Path, loads: list[str]
) -> None:
    first = check_paths([demo], AS_OF)
    (entry,) = entries(cache_dir)
    good = entry.read_text(encoding="utf-8")
    entry.write_text(spoil(good), encoding="utf-8")
    again = check_paths([demo], AS_OF)
    assert len(loads) == 2, "the spoilt entry was not used"
    assert rendered(again) == rendered(first)
    assert entry.read_text(encoding="utf-8") == good


def test_invalid_data_is_cached_with_its_problems(
    demo: Path, cache_dir: Path, loads: list[str]
) -> None:
    (demo / "documents" / "isa.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    first = check_paths([demo], AS_OF)
    second = check_paths([demo], AS_OF)
    assert len(loads) == 1
    assert first.could_not_check and second.could_not_check
    assert [str(p) for p in second.problems] == [str(p) for p in first.problems]
    assert second.problems[0].file == "agreements/demo/documents/isa.yaml"
    assert second.problems[0].line == 2 and "malformed YAML" in second.problems[0].message
    assert second.report.problems == first.report.problems


def test_no_cache_reads_and_writes_nothing(
    demo: Path, cache_dir: Path, loads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check_paths([demo], AS_OF, use_cache=False)
    assert not cache_dir.exists()
    check_paths([demo], AS_OF)
    check_paths([demo], AS_OF, use_cache=False)
    monkeypatch.setenv("ISA_KIT_NO_CACHE", "1")
    check_paths([demo], AS_OF)
    assert len(loads) == 4 and len(entries(cache_dir)) == 1


def test_a_crashed_check_is_not_stored(
    demo: Path, cache_dir: Path, loads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from isa_kit.checks.isa030_missing_ico_registration import MissingIcoRegistration

    def boom(self: object, partnership: object, ctx: object) -> None:
        raise RuntimeError("boom")

    with monkeypatch.context() as m:
        m.setattr(MissingIcoRegistration, "check", boom)
        crashed = check_paths([demo], AS_OF)
    assert crashed.could_not_check and not entries(cache_dir)
    fine = check_paths([demo], AS_OF)
    assert not fine.could_not_check and len(loads) == 2


def test_an_entry_stored_unvalidated_does_not_answer_the_cli(
    demo: Path, cache_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The service alone does not validate policy keys: its entries must not let the CLI
    skip that."""
    from isa_kit.cli.main import main

    (demo / "policy.yaml").write_text(
        "source: Board\neffective: 2026-01-01\nseverities: {ISA999X: 'off'}\n", encoding="utf-8"
    )
    assert not check_paths([demo], AS_OF).could_not_check
    assert main(["check", str(demo), "--as-of", "2026-11-21"]) == 2
    assert "agreements/demo/policy.yaml:3" in capsys.readouterr().err


def test_one_folder_lookup_for_the_loader_and_the_cache() -> None:
    # The cache finds folders without importing the loader; there is one implementation.
    assert loader.find_partnership_folders is core_folders.find_partnership_folders
    assert loader.partnership_folder_of is core_folders.partnership_folder_of


def test_a_folder_edited_while_checked_is_not_stored(
    demo: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = loader.load_partnership

    def edited_meanwhile(folder: Path) -> object:
        edit_document(folder)  # after the key was taken, before the data is read
        return real(folder)

    monkeypatch.setattr(loader, "load_partnership", edited_meanwhile)
    check_paths([demo], AS_OF)
    assert not entries(cache_dir)
    monkeypatch.setattr(loader, "load_partnership", real)
    check_paths([demo], AS_OF)
    assert len(entries(cache_dir)) == 1


def test_cache_root_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from isa_kit.core.cache_dir import cache_root

    root = cache_root()
    assert root is not None and root != ROOT and ROOT not in root.resolve().parents, (
        "tests keep their caches outside the repository"
    )
    monkeypatch.delenv("ISA_KIT_NO_CACHE", raising=False)
    monkeypatch.delenv("ISA_KIT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_root() == tmp_path / "isa-kit"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert cache_root() == Path.home() / ".cache" / "isa-kit"
    monkeypatch.setenv("ISA_KIT_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_root() == tmp_path / "mine"
    monkeypatch.setenv("ISA_KIT_CACHE_DIR", "off")
    assert cache_root() is None
    monkeypatch.setenv("ISA_KIT_CACHE_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("ISA_KIT_NO_CACHE", "1")
    assert cache_root() is None
    monkeypatch.setenv("ISA_KIT_NO_CACHE", "0")
    assert cache_root() == tmp_path / "mine"
