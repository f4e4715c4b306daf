"""``isa-kit site build|serve``: the service. MkDocs is imported only by
:mod:`isa_kit.site.mkdocs_plugin`, and only when a site is actually built or served."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from isa_kit.core.errors import DependencyError, UserError
from isa_kit.core.paths import display_path
from isa_kit.data.loader import load_partnership
from isa_kit.render.build import default_out as documents_out
from isa_kit.site.config import site_config
from isa_kit.site.generate import generate_files

HANDWRITTEN = "site"
"""A partnership's own pages (local resources, news) live in ``<partnership>/site/``."""


@dataclass
class SiteResult:
    out: Path
    pages: int


def default_out(folder: Path) -> Path:
    return Path("build") / "site" / folder.resolve().name


def _plugin() -> object:
    try:
        from isa_kit.site import mkdocs_plugin
    except ImportError as exc:  # pragma: no cover - the test extra installs it
        raise DependencyError(
            f"the site needs MkDocs: pip install 'isa-kit[site]' ({exc.name} is missing)"
        ) from None
    return mkdocs_plugin


def _write_config(
    work: Path, folder: Path, site_dir: Path, as_of: dt.date, documents: Path | None, name: str
) -> Path:
    docs = folder / HANDWRITTEN
    if not docs.is_dir():
        docs = work / "docs"
        docs.mkdir()
    config = site_config(
        name=name,
        docs_dir=str(docs.resolve()),
        site_dir=str(site_dir.resolve()),
        partnership=str(folder.resolve()),
        as_of=as_of.isoformat(),
        documents=str(documents.resolve()) if documents else None,
    )
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def build_site(
    folder: Path, out: Path | None = None, *, as_of: dt.date, documents: Path | None = None
) -> SiteResult:
    """Build the protocol website of the partnership in ``folder`` into ``out`` (default
    ``build/site/<partnership>/``), as of ``as_of``. The register links to the DOCX/PDF in
    ``documents`` (default: where ``isa-kit build`` puts them, when that folder exists).

    The site is built in a temporary folder and moved into place only when the whole build
    succeeds (MkDocs in strict mode: a broken link or anchor fails it).
    """
    if not (folder / "partnership.yaml").is_file():
        raise UserError(f"{display_path(folder)}: not a partnership folder (no partnership.yaml)")
    out = out or default_out(folder)
    if documents is None and documents_out(folder).is_dir():
        documents = documents_out(folder)
    plugin = _plugin()
    prepared = generate_files(folder, as_of, documents)  # bad data stops here, as a DataError
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".isa-kit-site-", dir=out.parent) as tmp:
        work = Path(tmp)
        staged = work / "site"
        name = prepared.context.partnership.name
        config = _write_config(work, folder, staged, as_of, documents, name)
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        plugin.run_build(config, as_of, prepared)  # type: ignore[attr-defined]
        pages = sum(1 for _ in staged.rglob("*.html"))
        if out.exists():
            shutil.rmtree(out)
        staged.rename(out)
    return SiteResult(out, pages)


def serve_site(folder: Path, *, as_of: dt.date, address: str = "127.0.0.1:8000") -> None:
    """Serve the site with live reload while its data or pages change (until interrupted)."""
    if not (folder / "partnership.yaml").is_file():
        raise UserError(f"{display_path(folder)}: not a partnership folder (no partnership.yaml)")
    plugin = _plugin()
    with tempfile.TemporaryDirectory(prefix="isa-kit-serve-") as tmp:
        work = Path(tmp)
        name = load_partnership(folder).name  # bad data stops here, as a DataError
        config = _write_config(work, folder, work / "site", as_of, None, name)
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        plugin.run_serve(config, address)  # type: ignore[attr-defined]
