"""The thin MkDocs plugin ``isa-kit``: the only module that imports MkDocs.

``on_config`` asks :mod:`isa_kit.site.generate` for the pages (plain Python), ``on_files``
adds them to the build, and ``on_page_markdown`` puts the review banner on hand-written
pages too. :func:`run_build` and :func:`run_serve` drive MkDocs for ``isa-kit site``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from isa_kit.core.errors import DataError, UserError
from isa_kit.site.generate import PAGES, STYLESHEET, Generated, generate_files


class IsaKitConfig(Config):  # type: ignore[no-untyped-call]
    partnership = opt.Type(str, default="agreements/demo")
    """The partnership folder, relative to ``mkdocs.yml``."""
    as_of = opt.Optional(opt.Type(str))
    """The date the site is built as of (default: MkDocs' build date, which honours SOURCE_DATE_EPOCH)."""
    documents = opt.Optional(opt.Type(str))
    """Where ``isa-kit build`` wrote the DOCX/PDF to link from the register."""


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "isa-kit" / "mkdocs-jinja"


class IsaKitPlugin(BasePlugin[IsaKitConfig]):  # type: ignore[no-untyped-call]
    generated: Generated | None = None
    prepared: Generated | None = None
    """Pages ``isa-kit site build`` already generated (so the data is loaded once)."""

    def _folder(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path).parent if config.config_file_path else Path()
        return base / self.config.partnership

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        as_of = (
            dt.date.fromisoformat(self.config.as_of)
            if self.config.as_of
            else get_build_datetime().date()
        )
        base = Path(config.config_file_path).parent if config.config_file_path else Path()
        documents = base / self.config.documents if self.config.documents else None
        try:
            self.generated = self.prepared or generate_files(self._folder(config), as_of, documents)
        except UserError as exc:
            raise PluginError(str(exc)) from None
        docs = Path(config.docs_dir)
        ours = set(self.generated.files)
        local = sorted(
            p.relative_to(docs).as_posix()
            for p in docs.rglob("*.md")
            if p.relative_to(docs).as_posix() not in ours
        )
        if config.nav is None:
            nav: list[Any] = [{title: name} for name, title, _ in PAGES]
            if local:
                nav.append({"Local pages": local})
            config.nav = nav
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.generated is not None
        for name, data in sorted(self.generated.files.items()):
            existing = files.get_file_from_path(name)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, name, content=data))
        return files

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        """Cache the theme's compiled templates between builds (keyed by their source, so a
        theme upgrade recompiles): compiling Material's templates is most of a build."""
        from jinja2 import FileSystemBytecodeCache

        cache = _cache_dir()
        try:
            cache.mkdir(parents=True, exist_ok=True)
        except OSError:
            return env  # a read-only home: build without the cache
        env.bytecode_cache = FileSystemBytecodeCache(str(cache))
        return env

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.generated is not None
        if page.file.src_uri in self.generated.files:
            return markdown
        first, _sep, rest = markdown.partition("\n")
        if first.startswith("# "):
            return first + "\n\n" + self.generated.header() + rest
        return self.generated.header() + markdown

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self._folder(config)))
        return server


@contextmanager
def _source_date(as_of: dt.date) -> Iterator[None]:
    """MkDocs stamps the sitemap (and its gzip header) with the build date: make it ``as_of``."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.UTC).timestamp()
    os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp))
    try:
        yield
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def run_build(config_file: Path, as_of: dt.date, prepared: Generated | None = None) -> None:
    """``mkdocs build --strict`` of ``config_file``; a failure becomes a :class:`UserError`.
    ``prepared`` are the generated pages, when the caller already made them."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with _source_date(as_of):
        try:
            config = load_config(config_file=str(config_file))
            plugin = config.plugins.get("isa-kit")
            if isinstance(plugin, IsaKitPlugin):
                plugin.prepared = prepared
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except DataError:
            raise
        except (Abort, PluginError) as exc:
            raise UserError(f"the site did not build: {exc}") from None


def run_serve(config_file: Path, address: str) -> None:
    from mkdocs.commands.serve import serve

    try:
        serve(config_file=str(config_file), dev_addr=address, livereload=True)
    except (Abort, PluginError) as exc:
        raise UserError(f"the site did not build: {exc}") from None
