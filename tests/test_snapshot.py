"""The validated-data snapshot: a build of unchanged data without pydantic or PyYAML.

Served from the snapshot, a build must give the same bytes as a build that validates the
data afresh; any edit to a file the loader reads must be seen; a damaged or tampered
snapshot must be ignored (never executed, never an error).
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from isa_kit.core.cache_dir import cache_root
from isa_kit.core.errors import DataError, UserError
from isa_kit.core.paths import display_path
from isa_kit.data import snapshot
from isa_kit.data.light import LightNode
from isa_kit.data.model import Partnership
from isa_kit.data.yaml import load_yaml
from isa_kit.render.build import build

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 21)


def _copy(name: str, tmp_path: Path) -> Path:
    folder = tmp_path / name
    shutil.copytree(ROOT / "agreements" / name, folder)
    return folder


def _snapshot_files(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "snapshots").glob("partnership-*.bin"))


def _outputs(folder: Path, out: Path, *, use_cache: bool) -> dict[str, bytes]:
    result = build(folder, out, as_of=AS_OF, cache=use_cache)
    return {p.name: p.read_bytes() for p in result.docx}


@pytest.mark.parametrize("name", ["demo", "barnet"])
def test_build_from_snapshot_is_byte_identical(name: str, cache_dir: Path, tmp_path: Path) -> None:
    folder = _copy(name, tmp_path)
    fresh = _outputs(folder, tmp_path / "fresh", use_cache=False)
    assert not _snapshot_files(cache_dir)  # --no-cache neither reads nor writes
    stored = _outputs(folder, tmp_path / "stored", use_cache=True)
    assert len(_snapshot_files(cache_dir)) == 1
    assert isinstance(snapshot.load_partnership(folder), LightNode)  # the next build is a hit
    served = _outputs(folder, tmp_path / "served", use_cache=True)
    assert len(fresh) >= 3
    assert fresh == stored == served


def test_a_snapshot_names_only_what_the_unpickler_allows(cache_dir: Path, tmp_path: Path) -> None:
    # Every global the payload names must be on the allow-list, on every Python: 3.11.0-3.11.4
    # pickle enum members as getattr(cls, name), which the unpickler (rightly) refuses.
    import io

    model = snapshot.load_partnership(_copy("barnet", tmp_path))
    assert isinstance(model, Partnership)
    payload = snapshot.dumps(model)
    named: set[tuple[str, str]] = set()

    class Recorder(pickle.Unpickler):  # our own payload: safe to resolve freely here
        def find_class(self, module: str, name: str) -> Any:
            named.add((module, name))
            return super().find_class(module, name)

    Recorder(io.BytesIO(payload)).load()
    assert ("isa_kit.data.enums", "DocumentKind") in named
    assert named <= set(snapshot._allowed())
    assert snapshot.loads(payload, "Partnership") is not None


def test_light_objects_answer_like_the_models(cache_dir: Path, tmp_path: Path) -> None:
    folder = _copy("demo", tmp_path)
    model = snapshot.load_partnership(folder)
    light = snapshot.load_partnership(folder)
    assert isinstance(model, Partnership) and isinstance(light, LightNode)
    assert type(light).__name__ == "Partnership" and light.folder == model.folder
    for m_doc, l_doc in zip(model.documents, light.documents, strict=True):
        assert l_doc.loc("title") == m_doc.loc("title") and "documents/" in str(l_doc.loc())
        assert l_doc.data_path("parties", 0) == m_doc.data_path("parties", 0)
        assert l_doc.source_file == m_doc.source_file
        assert l_doc.kind is m_doc.kind and l_doc.title == m_doc.title
        for m_basis, l_basis in zip(m_doc.lawful_bases, l_doc.lawful_bases, strict=True):
            assert [b.article for b in l_basis.article_6] == [b.article for b in m_basis.article_6]
    for org in model.partners:
        assert light.controller_of(light.organisation(org.id)).id == model.controller_of(org).id
    assert light.document(model.documents[0].id).id == model.documents[0].id
    assert set(type(light).model_fields) == set(type(model).model_fields)


def _paths(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    out = [path, (*path, "absent"), (*path, 999)]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*path, i))
    return out


def test_stored_positions_locate_as_the_yaml_tree_does() -> None:
    files = sorted((ROOT / "agreements" / "demo").rglob("*.yaml"))
    assert len(files) >= 6
    for file in files:
        data, source = load_yaml(file)
        stored = source.stored()
        for path in _paths(data):
            for key in (False, True):
                assert stored.locate(path, key=key) == source.locate(path, key=key), (file, path)


@pytest.mark.parametrize(
    "edit",
    [
        "partnership.yaml",
        "organisations.yaml",
        "documents/isa.yaml",
        "letters.yaml",
        "policy.yaml",
        "documents/extra.yml",
    ],
)
def test_editing_any_data_file_invalidates(edit: str, cache_dir: Path, tmp_path: Path) -> None:
    folder = _copy("demo", tmp_path)
    snapshot.load_partnership(folder)
    assert isinstance(snapshot.load_partnership(folder), LightNode)
    target = folder / edit
    if edit == "documents/extra.yml":  # a new document file
        target.write_text(
            (folder / "documents" / "isa.yaml").read_text().replace("id: ", "id: x", 1)
        )
    else:
        with target.open("a", encoding="utf-8") as handle:
            handle.write("\n# edited\n")
    if edit == "policy.yaml":
        target.write_text("{}\n")
    again = snapshot.load_partnership(folder)
    assert not isinstance(again, LightNode)  # validated afresh
    assert isinstance(snapshot.load_partnership(folder), LightNode)  # and saved again
    assert len(_snapshot_files(cache_dir)) == 1  # replaced, not added to


def test_an_edit_is_seen_and_a_broken_edit_is_reported(cache_dir: Path, tmp_path: Path) -> None:
    folder = _copy("demo", tmp_path)
    doc = folder / "documents" / "isa.yaml"
    snapshot.load_partnership(folder)
    text = doc.read_text()
    old = next(line for line in text.splitlines() if line.startswith("title:"))
    doc.write_text(text.replace(old, "title: A retitled agreement"))
    titles = [d.title for d in snapshot.load_partnership(folder).documents]
    assert "A retitled agreement" in titles
    assert "A retitled agreement" in [d.title for d in snapshot.load_partnership(folder).documents]
    letters = folder / "letters.yaml"
    letters.write_text(letters.read_text() + "\nunknown_key: 1\n")
    with pytest.raises(DataError) as err:
        snapshot.load_partnership(folder)
    assert "letters.yaml" in str(err.value.problems[0])


def test_errors_name_the_same_line_from_the_snapshot(cache_dir: Path, tmp_path: Path) -> None:
    folder = _copy("demo", tmp_path)
    doc = folder / "documents" / "isa.yaml"
    doc.write_text(doc.read_text().replace("clauses:\n", "clauses:\n  - no-such-clause\n", 1))
    assert "no-such-clause" in doc.read_text()
    messages = []
    for _ in range(2):  # validated, then served from the snapshot
        with pytest.raises(DataError) as err:
            build(folder, tmp_path / "out", as_of=AS_OF)
        messages.append([str(p) for p in err.value.problems])
    assert isinstance(snapshot.load_partnership(folder), LightNode)
    assert messages[0] == messages[1] and "unknown clause 'no-such-clause'" in messages[0][0]
    assert messages[0][0].startswith(f"{display_path(doc)}:")


class _Exploit:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def _plant(cache_dir: Path, folder: Path, payload: bytes) -> Path:
    """Put ``payload`` where the snapshot of ``folder`` lives, under the right key."""
    snapshot.load_partnership(folder)
    (path,) = _snapshot_files(cache_dir)
    key = snapshot.snapshot_key("partnership", snapshot.partnership_inputs(folder))
    assert path.read_bytes().startswith(snapshot.MAGIC + key)
    path.write_bytes(snapshot.MAGIC + key + payload)
    return path


def test_a_tampered_snapshot_is_refused(cache_dir: Path, tmp_path: Path) -> None:
    folder = _copy("demo", tmp_path)
    marker = tmp_path / "pwned"
    for payload in (
        pickle.dumps(_Exploit(marker)),
        pickle.dumps(([], _Exploit(marker))),
        pickle.dumps(([], {"not": "a partnership"})),
    ):
        _plant(cache_dir, folder, payload)
        loaded = snapshot.load_partnership(folder)
        assert isinstance(loaded, Partnership)  # the normal path, and no command run
        assert not marker.exists()
    assert isinstance(snapshot.load_partnership(folder), LightNode)  # rewritten


def test_a_truncated_or_foreign_snapshot_is_ignored(cache_dir: Path, tmp_path: Path) -> None:
    folder = _copy("demo", tmp_path)
    snapshot.load_partnership(folder)
    (path,) = _snapshot_files(cache_dir)
    for damaged in (path.read_bytes()[:-500], b"", b"\x00" * 64, b"not a snapshot"):
        path.write_bytes(damaged)
        assert isinstance(snapshot.load_partnership(folder), Partnership)
        assert isinstance(snapshot.load_partnership(folder), LightNode)


def test_a_snapshot_others_could_write_is_ignored(cache_dir: Path, tmp_path: Path) -> None:
    folder = _copy("demo", tmp_path)
    snapshot.load_partnership(folder)
    (path,) = _snapshot_files(cache_dir)
    assert path.stat().st_mode & 0o077 == 0  # written for its owner only
    assert isinstance(snapshot.load_partnership(folder), LightNode)
    path.chmod(0o666)
    assert isinstance(snapshot.load_partnership(folder), Partnership)


_PROBE = """
import sys, datetime
from pathlib import Path
from isa_kit.render.build import build
build(Path(sys.argv[1]), Path(sys.argv[2]), as_of=datetime.date(2026, 11, 21), only="demo-mash-isa")
print(sorted(m for m in ("pydantic", "yaml", "isa_kit.data.model", "isa_kit.data.loader")
             if m in sys.modules))
"""


def _probe(folder: Path, out: Path, **env: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(folder), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **env},
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    imported: list[str] = eval(done.stdout.strip().splitlines()[-1])  # a list of names
    return imported


def test_a_build_of_unchanged_data_imports_neither_pydantic_nor_yaml(
    cache_dir: Path, tmp_path: Path
) -> None:
    folder = _copy("demo", tmp_path)
    first = _probe(folder, tmp_path / "a")
    assert "pydantic" in first and "yaml" in first  # validated, and the snapshot saved
    assert _probe(folder, tmp_path / "b") == []
    assert (tmp_path / "a" / "demo-mash-isa.docx").read_bytes() == (
        tmp_path / "b" / "demo-mash-isa.docx"
    ).read_bytes()
    assert "pydantic" in _probe(folder, tmp_path / "c", ISA_KIT_NO_CACHE="1")


def test_no_cache_option_and_environment(
    cache_dir: Path, tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy("demo", tmp_path)
    done = cli("build", str(folder), "--out", str(tmp_path / "o"), "--no-cache", "-q")
    assert done.returncode == 0, done.stderr
    assert not _snapshot_files(cache_dir)
    with monkeypatch.context() as env:
        env.setenv("ISA_KIT_NO_CACHE", "1")
        assert cache_root() is None
        done = cli("build", str(folder), "--out", str(tmp_path / "o"), "-q")
        assert done.returncode == 0, done.stderr
        assert not _snapshot_files(cache_dir)
    done = cli("build", str(folder), "--out", str(tmp_path / "o"), "-q")
    assert done.returncode == 0, done.stderr
    assert len(_snapshot_files(cache_dir)) == 1


def test_tests_never_cache_inside_the_repository() -> None:
    root = cache_root()
    assert root is not None and not root.resolve().is_relative_to(ROOT)


def test_a_folder_that_cannot_be_read_is_reported_not_cached(
    cache_dir: Path, tmp_path: Path
) -> None:
    with pytest.raises(UserError):
        build(tmp_path / "missing", tmp_path / "out", as_of=AS_OF)
    assert not _snapshot_files(cache_dir)


def test_the_key_changes_with_the_code_and_the_inputs(tmp_path: Path) -> None:
    code = tmp_path / "model.py"
    code.write_text("x = 1\n")
    first = snapshot.snapshot_key("partnership", ["a", b"b"], [code])
    assert snapshot.snapshot_key("partnership", ["a", b"b"], [code]) == first
    code.write_text("x = 22\n")
    assert snapshot.snapshot_key("partnership", ["a", b"b"], [code]) != first
    again = snapshot.snapshot_key("partnership", ["a", b"b"], [code])
    assert snapshot.snapshot_key("partnership", ["ab", b""], [code]) != again  # framed parts
    assert snapshot.snapshot_key("clauses", ["a", b"b"], [code]) != again
    fingerprint = snapshot._kit_fingerprint()
    for module in ("data/model/document.py", "data/nodes.py", "core/paths.py"):
        assert any(f"isa_kit/{module}:" in f for f in fingerprint), module
    assert {"pydantic", "yaml"} <= set(fingerprint)
