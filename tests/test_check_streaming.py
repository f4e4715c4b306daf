"""``check`` streams the corpus: one partnership in memory at a time, the report unchanged."""

from __future__ import annotations

import datetime as dt
import gc
import io
from pathlib import Path

import pytest

from isa_kit.checks import service
from isa_kit.data import loader
from isa_kit.data.model import Partnership
from isa_kit.report.render import render_report, write_report

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 21)


def _alive() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, Partnership))


def test_each_partnership_is_released_before_the_next_is_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load = loader.load_partnership
    seen: list[tuple[str, int]] = []

    def counting(folder: Path) -> Partnership:
        seen.append((folder.name, _alive()))
        return load(folder)

    monkeypatch.setattr(loader, "load_partnership", counting)  # the service imports it late
    before = _alive()
    # every partnership loaded, none answered from the results cache
    result = service.check_paths([ROOT / "agreements"], AS_OF, use_cache=False)
    names = [name for name, _ in seen]
    assert names == ["barnet", "demo", "herefordshire", "northamptonshire", "staffordshire"]
    assert [alive - before for _, alive in seen] == [0, 0, 0, 0, 0]
    assert result.report.checked_documents > 5
    assert {f.file.split("/")[1] for f in result.report.findings} <= set(names)


def test_text_written_line_by_line_is_the_rendered_text() -> None:
    report = service.check_paths([ROOT / "agreements"], AS_OF).report
    out = io.StringIO()
    write_report(report, "text", out)
    text = render_report(report, "text")
    assert out.getvalue() == text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert text.count("\n") > len(report.findings)
